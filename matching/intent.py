"""Category intent (placeholder until the classifier is trained)."""
from __future__ import annotations


def default_intent():  # noqa: D103
    return None
