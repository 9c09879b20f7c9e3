"""Log-in is quick with a sound argon2id setting, and old hashes are upgraded on log-in."""

from __future__ import annotations

import time

from argon2 import PasswordHasher, Type, extract_parameters
from flask import Flask
from sqlalchemy.orm import Session

from app.services import accounts
from tests.conftest import PASSWORD, login
from tests.factories import make_seller


def test_production_hashes_are_argon2id_at_least_at_owasp_minimum(app: Flask) -> None:
    accounts.use_fast_hashing(False)  # what the app factory does without PASSWORD_HASH_FAST
    try:
        parameters = extract_parameters(accounts.hash_password(PASSWORD))
    finally:
        accounts.use_fast_hashing(True)
    assert parameters.type is Type.ID
    assert parameters.memory_cost >= 19 * 1024 and parameters.time_cost >= 2
    assert parameters.parallelism >= 1


def test_one_verification_takes_well_under_the_log_in_budget() -> None:
    stored = accounts._hasher.hash(PASSWORD)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        accounts._hasher.verify(stored, PASSWORD)
        timings.append(time.perf_counter() - started)
    assert sorted(timings)[2] < 0.25  # the median, on a loaded two-core machine


def test_a_hash_with_old_parameters_is_upgraded_at_log_in(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="seller@test.id")
    seller.password_hash = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=2).hash(PASSWORD)
    db.commit()
    login(app.test_client(), "seller@test.id")
    db.refresh(seller)
    parameters = extract_parameters(seller.password_hash)
    assert (parameters.time_cost, parameters.memory_cost, parameters.parallelism) == (1, 1024, 1)
    login(app.test_client(), "seller@test.id")  # the upgraded hash still lets the seller in
