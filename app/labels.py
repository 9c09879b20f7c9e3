"""Reader's-language names of the enumerated values stored in the database.

Certificate kinds, business scales, organisation kinds, states and a few common units are stored
as codes (``halal``, ``micro``, ``under_review``, ``pcs``); every page shows them through
``label(group, code)`` (the ``label`` Jinja filter), never as the raw code.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

CERTIFICATE_LABELS: dict[str, LazyString | str] = {
    "halal": _l("Halal"),
    "pirt": _l("PIRT"),
    "sni": _l("SNI"),
    "bpom": _l("BPOM"),
    "other": _l("Other certificate"),
}
SCALE_LABELS: dict[str, LazyString | str] = {
    "micro": _l("Micro"),
    "small": _l("Small"),
    "medium": _l("Medium"),
    "large": _l("Large"),
}
SCALE_LONG_LABELS: dict[str, LazyString | str] = {
    "micro": _l("Micro business"),
    "small": _l("Small business"),
    "medium": _l("Medium business"),
    "large": _l("Large business"),
}
ORGANISATION_LABELS: dict[str, LazyString | str] = {
    "government": _l("Government agency"),
    "bumd": _l("Regional state-owned enterprise (BUMD)"),
    "corporate": _l("Company"),
    "umkm": _l("UMKM"),
}
UNIT_LABELS: dict[str, LazyString | str] = {
    "pcs": _l("pcs"),
    "piece": _l("pcs"),
    "pieces": _l("pcs"),
    "unit": _l("unit"),
    "box": _l("box"),
    "boxes": _l("box"),
    "package": _l("package"),
    "person": _l("person"),
    "people": _l("person"),
    "day": _l("day"),
    "days": _l("day"),
    "month": _l("month"),
}


ACTION_LABELS: dict[str, LazyString | str] = {
    "request.created": _l("Created"),
    "request.edited": _l("Edited"),
    "request.shortlisted": _l("Shortlist changed"),
    "quote.submitted": _l("Quote sent"),
    "quote.revised": _l("Quote revised"),
    "request.quotes_due": _l("Quote deadline set"),
}


def _groups() -> dict[str, dict[str, LazyString | str]]:
    from app.services.states import STATE_NAMES

    return {
        "certificate": CERTIFICATE_LABELS,
        "scale": SCALE_LABELS,
        "scale_long": SCALE_LONG_LABELS,
        "organisation": ORGANISATION_LABELS,
        "state": STATE_NAMES,
        "unit": UNIT_LABELS,
        "action": ACTION_LABELS,
    }


def label(code: str | None, group: str) -> str:
    """The reader's-language name of ``code`` in ``group``; unknown codes are shown as stored."""
    if code is None or code == "":
        return "–"
    names = _groups()[group]
    return str(names.get(str(code).lower(), code))


def choices(group: str, codes: list[str] | tuple[str, ...]) -> list[tuple[str, LazyString | str]]:
    """``(code, name)`` pairs for a select field, in the given order."""
    names = _groups()[group]
    return [(code, names.get(code, code)) for code in codes]


def register(app: Flask) -> None:
    """Install the ``label`` filter: ``{{ cert.kind|label('certificate') }}``."""
    app.jinja_env.filters["label"] = label
    app.jinja_env.globals["label"] = label
