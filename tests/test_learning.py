"""With too little feedback the hand-set ranking weights stay in use."""

from __future__ import annotations

from flask import Flask
from sqlalchemy.orm import Session

from app.services.learning import learn_from_decisions, live_scorer, scorer_path


def test_too_few_decisions_keep_the_hand_set_weights(app: Flask, db: Session) -> None:
    with app.app_context():
        path = scorer_path(app.instance_path)
        report = learn_from_decisions(db, path)
        assert "too few" in report and "hand-set weights stay" in report
        assert live_scorer(path) is None
