"""The matcher's reasons for a proposal, put into the reader's language when shown.

Proposals store the engine's reasons as kinds with parameters (``explanation["reasons"]``,
made by ``matching.explain.reasons``); ``explanation_sentence`` says them in the reader's
language with Flask-Babel. Proposals stored before reasons were kept show their stored
Indonesian or English sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import format_decimal, get_locale
from flask_babel import gettext as babel_gettext
from flask_babel import ngettext as babel_ngettext

from matching.explain import cost_text, format_number, format_rupiah


def gettext(message: str, **args: Any) -> str:
    """``message`` in the reader's language, with ``args`` filled in."""
    return str(babel_gettext(message, **args))


def ngettext(singular: str, plural: str, n: int, **args: Any) -> str:
    """The reader's-language form of a message that depends on the count ``n``."""
    return str(babel_ngettext(singular, plural, n, **args))


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated when shown."""
    return message


FAILED_CHECKS: dict[str, str] = {
    "listing_active": N_("listing not on display"),
    "seller_active": N_("seller inactive"),
    "seller_verified": N_("seller not verified"),
    "umkm": N_("not a UMKM"),
    "capacity": N_("capacity too small"),
    "category": N_("different category"),
}


def _failed(check: Mapping[str, Any]) -> str:
    name = str(check.get("name") or "")
    if name.startswith("certification:"):
        return gettext("%(kind)s certificate missing or expired", kind=name.split(":", 1)[1].upper())
    return gettext(FAILED_CHECKS[name]) if name in FAILED_CHECKS else name


def _head(reason: Mapping[str, Any]) -> str:
    what, words = reason["what"], ", ".join(reason.get("words") or [])
    if reason["eligible"]:
        return (
            gettext("Match: %(what)s (matching words: %(words)s)", what=what, words=words)
            if words
            else gettext("Match: %(what)s", what=what)
        )
    return (
        gettext("Not eligible: %(what)s (matching words: %(words)s)", what=what, words=words)
        if words
        else gettext("Not eligible: %(what)s", what=what)
    )


def _capacity(reason: Mapping[str, Any]) -> str:
    figures = {
        "capacity": format_number(reason["capacity"]),
        "unit": reason["unit"],
        "quantity": format_number(reason["quantity"]),
        "qunit": reason["qunit"],
    }
    if reason["passed"]:
        return gettext("capacity %(capacity)s %(unit)s/month covers %(quantity)s %(qunit)s", **figures)
    return gettext("capacity %(capacity)s %(unit)s/month is below %(quantity)s %(qunit)s", **figures)


def _budget(reason: Mapping[str, Any]) -> str:
    cost, ceiling = cost_text(reason), format_rupiah(reason["ceiling"])
    if reason["passed"]:
        return gettext("price %(cost)s within the budget of %(ceiling)s", cost=cost, ceiling=ceiling)
    return gettext("price %(cost)s exceeds the budget of %(ceiling)s", cost=cost, ceiling=ceiling)


def _lead_time(reason: Mapping[str, Any]) -> str:
    days = int(reason["days"])
    if reason["passed"]:
        return ngettext(
            "lead time %(days)s day meets the deadline",
            "lead time %(days)s days meets the deadline",
            days,
            days=format_number(days),
        )
    return ngettext(
        "lead time %(days)s day misses the deadline",
        "lead time %(days)s days misses the deadline",
        days,
        days=format_number(days),
    )


def _track_record(reason: Mapping[str, Any]) -> str:
    done, on_time = format_number(reason["done"]), format_number(reason["on_time"])
    if reason.get("rating") is None:
        return gettext(
            "track record of %(done)s orders delivered, %(on_time)s on time", done=done, on_time=on_time
        )
    return gettext(
        "track record of %(done)s orders delivered, %(on_time)s on time, rated "
        "%(rating)s of 5 (%(count)s ratings)",
        done=done,
        on_time=on_time,
        rating=format_decimal(float(reason["rating"]), format="0.0"),
        count=format_number(reason["count"]),
    )


def reason_text(reason: Mapping[str, Any]) -> str:
    """One stored reason in the reader's language ("" for a kind this version does not know)."""
    kind = reason.get("kind")
    if kind == "head":
        return _head(reason)
    if kind == "capacity":
        return _capacity(reason)
    if kind == "budget":
        return _budget(reason)
    if kind == "same_place":
        return gettext("both in %(where)s", where=reason["where"])
    if kind == "other_place":
        return gettext(
            "located in %(kota)s (needed in %(needed)s)", kota=reason["kota"], needed=reason["needed"]
        )
    if kind == "lead_time":
        return _lead_time(reason)
    if kind == "certifications":
        return gettext("valid %(names)s certification", names=", ".join(reason["names"]))
    if kind == "track_record":
        return _track_record(reason)
    if kind == "addressed":
        return gettext("Asked for by the buyer from the product or supplier page")
    if kind == "failed":
        return gettext("failed: %(checks)s", checks="; ".join(_failed(c) for c in reason.get("checks") or []))
    return ""


def _stored_sentence(explanation: Mapping[str, Any]) -> str:
    if str(get_locale() or "id").startswith("en"):
        # proposals stored before the matcher counted days said "lead time 1 days"
        return str(explanation.get("sentence_en") or "").replace("lead time 1 days", "lead time 1 day")
    return str(explanation.get("sentence_id") or "")


def explanation_sentence(explanation: Mapping[str, Any] | None) -> str:
    """Why the matcher proposed a supplier, in the reader's language."""
    explanation = explanation or {}
    found = explanation.get("reasons")
    if not isinstance(found, list) or not found:
        return _stored_sentence(explanation)
    try:
        parts = [reason_text(r) for r in found if isinstance(r, Mapping)]
    except (KeyError, TypeError, ValueError):
        return _stored_sentence(explanation)
    return ", ".join(p for p in parts if p) + "."
