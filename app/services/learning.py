"""Learning a ranking scorer from decisions on proposals (see ``matching.feedback``).

Decisions are the stored matches: their score breakdown at proposal time and their status
(approved, invited, quoted, awarded / rejected, declined). The trained scorer is written,
versioned, under the instance folder; matchmaking uses it only when it won on the held-out
(most recent) decisions.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.feedback import MIN_DECISIONS, Decision, LearnedScorer, train_scorer
from models import Match

SCORER_FILE = "scorer.json"


def scorer_path(instance_path: str | Path) -> Path:
    """Where the live scorer is kept, under the app's instance folder."""
    return Path(instance_path) / SCORER_FILE


def decisions(session: Session) -> list[Decision]:
    """Every decided proposal with the scores it was ranked with."""
    out = []
    for match in session.scalars(select(Match).where(Match.status != "proposed")):
        scores = dict((match.explanation or {}).get("scores") or {})
        when = match.reviewed_at or match.invited_at or match.created_at or datetime.min
        out.append(Decision(match.request_id, when, scores, match.status))
    return out


def learn_from_decisions(session: Session, path: Path, min_decisions: int | None = None) -> str:
    """Train, compare and (if it wins) install a scorer at ``path`` (``scorer_path``); returns
    a one-line report."""
    found = decisions(session)
    scorer = train_scorer(found, min_decisions=min_decisions or MIN_DECISIONS)
    if scorer is None:
        return f"{len(found)} decided proposals: too few to learn from; hand-set weights stay."
    path.parent.mkdir(parents=True, exist_ok=True)
    scorer.save(path.with_name(f"scorer-{scorer.version}.json"))
    if scorer.use:
        scorer.save(path)
    verdict = "installed" if scorer.use else "not better; hand-set weights stay"
    return (
        f"scorer {scorer.version} on {scorer.trained_on} decisions, held out "
        f"{scorer.held_out}: learned {scorer.metrics['learned']} vs hand-set "
        f"{scorer.metrics['hand_set']} -> {verdict}"
    )


def live_scorer(path: Path | None) -> LearnedScorer | None:
    """The scorer installed at ``path`` (None when none is, or none won)."""
    if path is None:
        return None
    scorer = LearnedScorer.load(path)
    return scorer if scorer is not None and scorer.use else None
