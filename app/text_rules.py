"""Rules every user-written text follows, shared by API schemas and HTML forms."""

from __future__ import annotations

import unicodedata

from flask_babel import lazy_gettext as _l

# Bidirectional overrides, embeddings and isolates can disguise what a text says.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be accepted as text, or None when it can."""
    if any(char in BIDI_CONTROLS for char in value):
        return str(_l("Text may not contain direction-override characters."))
    if value and not any(
        not char.isspace() and unicodedata.category(char) not in ("Cf", "Cc", "Zs") for char in value
    ):
        return str(_l("Enter visible text, not only blank or invisible characters."))
    return None
