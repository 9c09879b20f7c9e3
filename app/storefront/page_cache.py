"""A short-lived cache of the public search pages that anonymous visitors see.

Storefront traffic is dominated by a few popular searches and category pages. For a visitor
with no session at all (no log-in, no chosen language, no message waiting), the page depends
only on the address, the index snapshot being served and the database; so each worker keeps
the rendered page for ``PAGE_CACHE_SECONDS`` (0 turns the cache off), keyed by the full path
and the snapshot name: a newly published snapshot starts afresh at once, and any other
change (a price, a photo) shows within the time-to-live. Pages that set a cookie, fail, or
come from the database fallback ("limited results") are never kept.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Response, current_app, make_response, request

MAX_ENTRIES = 256
HEADERS_KEPT = ("Content-Type", "Content-Language")


class PageCache:
    """A bounded LRU of rendered pages with a time-to-live, safe across threads."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._pages: OrderedDict[tuple[str, str], tuple[float, bytes, dict[str, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> tuple[bytes, dict[str, str]] | None:
        """The stored page, unless it is missing or expired."""
        with self._lock:
            entry = self._pages.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                del self._pages[key]
                return None
            self._pages.move_to_end(key)
            return entry[1], entry[2]

    def put(self, key: tuple[str, str], body: bytes, headers: dict[str, str], ttl: float) -> None:
        """Keep a page for ``ttl`` seconds, dropping the least recently used beyond the bound."""
        with self._lock:
            self._pages[key] = (time.monotonic() + ttl, body, headers)
            self._pages.move_to_end(key)
            while len(self._pages) > self.max_entries:
                self._pages.popitem(last=False)


def _cache() -> PageCache:
    cache = current_app.extensions.get("page_cache")
    if cache is None:
        cache = current_app.extensions.setdefault("page_cache", PageCache())
    return cache


def _anonymous() -> bool:
    return current_app.config["SESSION_COOKIE_NAME"] not in request.cookies


def cached_for_visitors(view: Callable[..., Any]) -> Callable[..., Response]:
    """Serve ``view`` from the page cache to anonymous visitors (see the module doc)."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        from app.catalogue_index import catalogue_index

        ttl = float(current_app.config.get("PAGE_CACHE_SECONDS", 0))
        if ttl <= 0 or not _anonymous():
            return make_response(view(*args, **kwargs))
        snapshot = catalogue_index().snapshot
        key = (request.full_path, snapshot or "")
        hit = _cache().get(key) if snapshot else None
        if hit is not None:
            return Response(hit[0], status=200, headers=hit[1])
        response = make_response(view(*args, **kwargs))
        if (
            snapshot
            and response.status_code == 200
            and "Set-Cookie" not in response.headers
            and not getattr(response, "limited_results", False)
        ):
            headers = {h: response.headers[h] for h in HEADERS_KEPT if h in response.headers}
            _cache().put(key, response.get_data(), headers, ttl)
        return response

    return wrapper
