"""The matcher's scores said in words, for buyers and sellers (officials also see the numbers)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

VERY_CLOSE, CLOSE = 0.75, 0.55  # cosine similarity of the request and the listing
WORDS_SHARED = 0.3  # TF-IDF cosine


def _score(scores: Any, name: str) -> float | None:
    value = scores.get(name) if isinstance(scores, Mapping) else getattr(scores, name, None)
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def fit_words(scores: Any) -> list[LazyString]:
    """Short phrases saying how well a proposal fits the need, strongest first."""
    if not scores:
        return []
    phrases: list[LazyString] = []
    dense = _score(scores, "dense")
    if dense is not None:
        phrases.append(
            _l("Very close to the need")
            if dense >= VERY_CLOSE
            else _l("Close to the need")
            if dense >= CLOSE
            else _l("Partly matches the need")
        )
    lexical = _score(scores, "lexical")
    if lexical is not None and lexical >= WORDS_SHARED:
        phrases.append(_l("Uses the words of the request"))
    requirements = _score(scores, "requirements")
    if requirements:
        phrases.append(
            _l("Meets all the stated conditions")
            if requirements >= 0.999
            else _l("Meets most of the stated conditions")
            if requirements > 0
            else _l("Meets few of the stated conditions")
        )
    location = _score(scores, "location")
    if location is not None and location >= 0.999:
        phrases.append(_l("In the delivery kecamatan"))
    elif location is not None and location > 0:
        phrases.append(_l("Near the delivery place (same kota)"))
    budget = _score(scores, "budget")
    if budget is not None and budget >= 0.999:
        phrases.append(_l("Within the budget"))
    elif budget is not None and budget < 0:
        phrases.append(_l("Above the budget"))
    capacity = _score(scores, "capacity")
    if capacity is not None and capacity > 0:
        phrases.append(_l("Can supply the whole quantity"))
    elif capacity is not None and capacity < 0:
        phrases.append(_l("May not manage the whole quantity in a month"))
    lead_time = _score(scores, "lead_time")
    if lead_time is not None and lead_time > 0:
        phrases.append(_l("Can deliver in time"))
    elif lead_time is not None and lead_time < 0:
        phrases.append(_l("May not deliver in time"))
    track_record = _score(scores, "track_record")
    if track_record is not None and track_record > 0:
        phrases.append(_l("Has won earlier procurements"))
    return phrases
