"""Jinja filters and globals: rupiah amounts, dates, pagination links."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import Flask, request, url_for
from flask_babel import format_date


def rupiah(amount: int | None) -> str:
    """Whole rupiah with dots between thousands: ``Rp 1.250.000``."""
    if amount is None:
        return "–"
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(int(amount)):,}".replace(",", ".")


def thousands(number: int | None) -> str:
    """An integer with Indonesian thousands separators: ``12.500``."""
    if number is None:
        return "–"
    return f"{int(number):,}".replace(",", ".")


def human_date(value: date | datetime | str | None) -> str:
    """A date (or an ISO date as stored in event data) in the reader's language, e.g. ``29 Nov 2026``."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return format_date(value, format="medium")


def url_with(**changes: Any) -> str:
    """The current URL with some query arguments replaced (for pagination and filters)."""
    args: dict[str, Any] = request.args.to_dict(flat=True)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    return url_for(request.endpoint or "storefront.home", **(request.view_args or {}), **args)


def state_name(state: str) -> str:
    """The reader's-language name of a request, proposal or quote state."""
    from app.services.states import STATE_NAMES

    return str(STATE_NAMES.get(state, state))


def register(app: Flask) -> None:
    """Install filters and globals on the app's Jinja environment."""
    from app.services.geography import distance_km
    from app.services.paging import page_count
    from app.services.quote_checks import budget_per_unit, gaps_by_field
    from app.services.timeline import note_text

    app.jinja_env.globals["note_text"] = note_text
    from app.services.fit_words import fit_words

    app.jinja_env.globals["fit_words"] = fit_words
    from app.services.explanations import explanation_sentence

    app.jinja_env.globals["explanation_sentence"] = explanation_sentence

    app.jinja_env.filters["state"] = state_name
    app.jinja_env.globals["distance_km"] = distance_km
    app.jinja_env.globals["page_count"] = page_count
    app.jinja_env.globals["budget_per_unit"] = budget_per_unit
    app.jinja_env.globals["quote_gaps"] = gaps_by_field
    app.jinja_env.filters["rupiah"] = rupiah
    app.jinja_env.filters["thousands"] = thousands
    app.jinja_env.filters["human_date"] = human_date
    app.jinja_env.globals["url_with"] = url_with
    from app.policy import TEMPLATE_GLOBALS

    app.jinja_env.globals.update(TEMPLATE_GLOBALS)
