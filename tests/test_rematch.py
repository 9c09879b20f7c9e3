"""`flask match rematch`: fresh proposals for requests awaiting review, in process or with Ray."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.services import rematch as rematch_module
from app.services.demand import publish_request
from app.services.review import approve
from models import AuditEvent, DemandRequest, Match
from tests.conftest import run_indexer_once
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller


def _proposals(db: Session, request_id: int) -> list[tuple[int, int, str]]:
    """(match id, supplier id, status) of a request, by rank, read afresh."""
    db.expire_all()
    return [
        (m.id, m.supplier_id, m.status)
        for m in db.scalars(select(Match).where(Match.request_id == request_id).order_by(Match.rank))
    ]


def _market(db: Session) -> dict[str, object]:
    """Requests published while only a general shop sold food; then a caterer joins."""
    shop = make_seller(db, name="Toko Serba Ada")
    for title in ("Nasi bungkus", "Kursi lipat besi", "Spanduk cetak"):
        make_listing(db, shop.organisation.supplier_profile, title=title, description=title)
    buyer = make_buyer(db)
    official = make_official(db)
    waiting = [make_request(db, buyer, title=f"Nasi kotak rapat {n}") for n in range(3)]
    reviewed = make_request(db, buyer, title="Nasi kotak pelatihan")
    for request in [*waiting, reviewed]:
        publish_request(db, request, buyer, today())
    db.commit()
    assert all(r.status == "under_review" and r.matches for r in [*waiting, reviewed])
    approve(db, [reviewed.matches[0].id], official)  # review started: left alone from now on
    caterer = make_seller(db, name="Katering Bu Sri")
    make_listing(
        db,
        caterer.organisation.supplier_profile,
        title="Nasi kotak ayam bakar",
        description="Nasi kotak ayam bakar untuk rapat dan pelatihan",
    )
    db.commit()
    return {
        "waiting": [r.id for r in waiting],
        "reviewed": reviewed.id,
        "caterer": caterer.organisation.supplier_profile.id,
    }


def _rematch(app: Flask, *args: str) -> str:
    result = app.test_cli_runner().invoke(args=["match", "rematch", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_rematch_proposes_new_suppliers_once_and_leaves_reviewed_requests(app: Flask, db: Session) -> None:
    market = _market(db)
    reviewed_before = _proposals(db, market["reviewed"])
    old = {rid: _proposals(db, rid) for rid in market["waiting"]}
    assert "index" in app.test_cli_runner().invoke(args=["match", "rematch"]).output  # none yet
    run_indexer_once(app)
    output = _rematch(app)
    assert "3 changed, 0 unchanged, 0 skipped" in output, output
    for rid in market["waiting"]:
        new = _proposals(db, rid)
        assert market["caterer"] in [supplier for _, supplier, _ in new]
        assert all(status == "proposed" for _, _, status in new)
        assert not {mid for mid, _, _ in new} & {mid for mid, _, _ in old[rid]}
        assert db.get(DemandRequest, rid).status == "under_review"
        event = db.scalars(
            select(AuditEvent).where(AuditEvent.action == "request.rematched", AuditEvent.object_id == rid)
        ).one()
        assert [p[0] for p in event.data["before"]] == [s for _, s, _ in old[rid]]
        assert [p[0] for p in event.data["after"]] == [s for _, s, _ in new]
    assert _proposals(db, market["reviewed"]) == reviewed_before
    # a second run finds the same proposals and writes nothing
    after_first = {rid: _proposals(db, rid) for rid in market["waiting"]}
    assert "0 changed, 3 unchanged" in _rematch(app)
    assert {rid: _proposals(db, rid) for rid in market["waiting"]} == after_first
    assert len(db.scalars(select(AuditEvent).where(AuditEvent.action == "request.rematched")).all()) == 3


def test_an_interrupted_rematch_leaves_each_request_old_or_new(
    app: Flask, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    market = _market(db)
    run_indexer_once(app)
    first, second, third = market["waiting"]
    old = {rid: _proposals(db, rid) for rid in market["waiting"]}
    real = rematch_module.match_request

    def crash_on_second(session: Session, request: DemandRequest, *args: object, **kwargs: object) -> list:
        found = real(session, request, *args, **kwargs)
        if request.id == second:
            raise RuntimeError("killed")  # after ranking, in the middle of the request's write
        return found

    monkeypatch.setattr(rematch_module, "match_request", crash_on_second)
    crashed = app.test_cli_runner().invoke(args=["match", "rematch"])
    assert crashed.exit_code != 0
    db.rollback()  # what a new process would see
    assert _proposals(db, first) != old[first]  # done and committed
    assert _proposals(db, second) == old[second] and _proposals(db, third) == old[third]
    monkeypatch.setattr(rematch_module, "match_request", real)
    assert "2 changed, 1 unchanged" in _rematch(app)


@pytest.mark.ray
def test_rematch_with_ray_proposes_what_the_process_does(app: Flask, db: Session, local_ray: None) -> None:
    market = _market(db)
    run_indexer_once(app)
    output = _rematch(app, "--ray")
    assert "with Ray" in output and "3 changed" in output, output
    with_ray = {rid: _proposals(db, rid) for rid in market["waiting"]}
    for rid in market["waiting"]:
        assert market["caterer"] in [supplier for _, supplier, _ in with_ray[rid]]
    # the in-process path finds exactly the same proposals: nothing to change
    assert "0 changed, 3 unchanged" in _rematch(app)
    # a second Ray run reuses the job's shard files and changes nothing either
    shards = list(Path(app.config["INDEX_FOLDER"]).glob("rematch-*/match-*.npz"))
    assert shards
    stamps = {p: p.stat().st_mtime_ns for p in shards}
    assert "0 changed, 3 unchanged" in _rematch(app, "--ray")
    assert {p: p.stat().st_mtime_ns for p in shards} == stamps
    assert {rid: _proposals(db, rid) for rid in market["waiting"]} == with_ray
