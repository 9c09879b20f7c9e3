"""One input layer in front of every view: text the database cannot store, JSON the parser
cannot handle and numbers no query can use are refused with a clear 400."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from flask import Flask, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import BadRequest

INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")
MAX_PAGE = 1_000_000
MAX_NUMBER = 10**15
# NUL (PostgreSQL text cannot hold it) and lone surrogates (not encodable as UTF-8).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class InputRefused(BadRequest):
    """A 400 whose message says what was wrong with the input."""


def _refuse(message: str) -> None:
    raise InputRefused(description=message)


def _check_text(values: Iterable[str]) -> None:
    for value in values:
        if UNSTORABLE.search(value):
            _refuse(str(_l("Text may not contain NUL characters or broken Unicode.")))


def _check_numbers(args: Any) -> None:
    for name, value in args.items(multi=True):
        if not INTEGER.match(value):
            continue
        try:
            number = int(value) if len(value.strip()) <= 40 else MAX_NUMBER + 1
        except ValueError:
            continue  # not a number after all: the view refuses it as text
        if (name in ("page", "per_page") and number > MAX_PAGE) or abs(number) > MAX_NUMBER:
            _refuse(str(_l("The number %(name)s is out of range.", name=name)))


def _json_strings(document: Any) -> Iterable[str]:
    """Every string (keys too) in a parsed JSON document, without recursion."""
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _check_json() -> None:
    if not request.is_json or (not request.content_length and not request.get_data(cache=True)):
        return
    try:
        document = json.loads(request.get_data(cache=True))
    except RecursionError:
        _refuse(str(_l("The JSON body is nested too deeply.")))
    except ValueError:
        _refuse(str(_l("The JSON body is not valid JSON.")))
    _check_text(_json_strings(document))
    request._cached_json = (document, document)  # parsed once, read by the view as usual


def check_input() -> None:
    """Refuse a request whose query, form or JSON body no view can handle safely."""
    _check_text(request.args.values())
    _check_text(request.args.keys())
    _check_numbers(request.args)
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        if request.form:
            _check_text(request.form.values())
            _check_text(request.form.keys())
        _check_json()
    _check_text([request.path])


def register(app: Flask) -> None:
    """Run the input checks before every request, first of all hooks."""
    app.before_request_funcs.setdefault(None, []).insert(0, check_input)
