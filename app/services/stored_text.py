"""Texts stored as their source message and parameters, shown in the reader's language.

A service writes a message with Flask-Babel's ``lazy_gettext`` (``_l("Quote for %(title)s",
title=...)``); ``store`` keeps the English source and the parameters as JSON, and ``render``
translates them when someone reads them (a notification list, an e-mail at send time in the
recipient's language). Dates are stored as ISO dates and shown in the reader's date format;
nested lazy messages are stored the same way. Rows stored before this keep their text, shown
as written (``render``'s ``fallback``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask_babel import LazyString, format_date, format_datetime, get_babel, gettext

StoredText = dict[str, Any]
DATE = "$date"
DATETIME = "$datetime"
TEXT = "$text"


def _source(text: LazyString) -> tuple[str, dict[str, Any]] | None:
    """The source message and parameters of a ``lazy_gettext`` string (None for other lazies).

    Flask-Babel keeps them as ``_args``/``_kwargs`` of its ``LazyString``; it offers no public
    accessor, so they are read here, in one place.
    """
    func = getattr(text, "_func", None)
    args: tuple[Any, ...] = getattr(text, "_args", ())
    if func is not gettext or len(args) != 1 or not isinstance(args[0], str):
        return None
    return args[0], dict(getattr(text, "_kwargs", {}))


def _store_value(value: Any) -> Any:
    if isinstance(value, LazyString):
        return {TEXT: store(value)}
    if isinstance(value, datetime):
        return {DATETIME: value.isoformat()}
    if isinstance(value, date):
        return {DATE: value.isoformat()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def store(text: str | LazyString) -> StoredText | None:
    """The JSON form of a lazy message (None for a plain string: it is kept as written)."""
    if not isinstance(text, LazyString):
        return None
    source = _source(text)
    if source is None:
        return None
    msgid, params = source
    return {"msgid": msgid, "args": {k: _store_value(v) for k, v in params.items()}}


def reader_locale(code: str | None) -> str:
    """A person's preferred language when the app speaks it, else the app's default."""
    config = get_babel()
    known = {str(locale) for locale in config.instance.list_translations()}
    return code if code and code in known else str(config.default_locale)


def _show_value(value: Any, translate: bool) -> Any:
    if isinstance(value, dict):
        if DATE in value:
            day = date.fromisoformat(value[DATE])
            return format_date(day, format="medium") if translate else day.isoformat()
        if DATETIME in value:
            moment = datetime.fromisoformat(value[DATETIME])
            return format_datetime(moment, format="medium") if translate else moment.isoformat()
        if TEXT in value and isinstance(value[TEXT], dict):
            inner = value[TEXT]
            return _format(inner["msgid"], inner.get("args") or {}, translate)
    return value


def _format(msgid: str, args: dict[str, Any], translate: bool) -> str:
    shown = {k: _show_value(v, translate) for k, v in args.items()}
    if translate:
        return str(gettext(msgid, **shown) if shown else gettext(msgid))
    return msgid % shown if shown else msgid


def render(stored: Any, fallback: str) -> str:
    """A stored message in the reader's language; ``fallback`` (the stored text) when there is
    no stored message or it cannot be shown."""
    if not isinstance(stored, dict) or not isinstance(stored.get("msgid"), str):
        return fallback
    try:
        return _format(stored["msgid"], stored.get("args") or {}, translate=True)
    except (KeyError, TypeError, ValueError):
        return fallback
