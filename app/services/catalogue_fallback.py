"""Search and match candidates straight from the database, while no index snapshot is usable.

A plain case-insensitive word match over title, description and category names: results are
limited (no meaning, no fuzzy words) but immediate, so the storefront answers and publishing a
request never waits for the indexer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, literal, or_, select
from sqlalchemy.orm import Session

from app.services.catalogue_records import indexable
from app.services.storefront import (
    SearchPage,
    SearchParams,
    apply_filters,
    page_of,
    visible_listings,
)
from matching.retriever import Candidate
from matching.text import normalise_demand_text, terms
from models import Category, Listing

MAX_WORDS = 8


def count_true(conditions: Iterable[ColumnElement[bool]]) -> ColumnElement[int]:
    """SQL for how many of ``conditions`` hold (0 + CASE ... + CASE ...)."""
    total: ColumnElement[int] = literal(0)
    for condition in conditions:
        total = total + case((condition, 1), else_=0)
    return total


def query_words(text: str) -> list[str]:
    """The words searched for: lower-cased, at least two letters, at most ``MAX_WORDS``."""
    words = [word for word in text.lower().split() if len(word) >= 2]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _word_matches(word: str) -> ColumnElement[bool]:
    pattern = _like(word)
    in_category = select(Category.id).where(
        or_(
            Category.name_id.ilike(pattern, escape="\\"),
            Category.name_en.ilike(pattern, escape="\\"),
            Category.slug.ilike(pattern, escape="\\"),
        )
    )
    return or_(
        Listing.title.ilike(pattern, escape="\\"),
        Listing.description.ilike(pattern, escape="\\"),
        Listing.category_id.in_(in_category),
    )


def _coverage(words: list[str]) -> ColumnElement[int]:
    return count_true(_word_matches(w) for w in words)


def text_search(session: Session, params: SearchParams, today: date) -> SearchPage:
    """Storefront search by words only, best-covered first; the page is marked ``limited``."""
    words = query_words(params.text)
    query = apply_filters(visible_listings(), params, today)
    order: list[ColumnElement[Any]] = [Listing.id.desc()]
    if words:
        in_title = count_true(Listing.title.ilike(_like(w), escape="\\") for w in words)
        query = query.where(or_(*(_word_matches(w) for w in words)))
        order = [_coverage(words).desc(), in_title.desc(), Listing.id.desc()]
    page = page_of(session, query, order, params, "database")
    page.limited = True
    return page


def match_candidates(session: Session, text: str, n: int) -> list[Candidate]:
    """Indexable listings sharing content words with a request text, as engine candidates.

    Scores are the share of the request's words found (lexical and fused alike; dense is 0).
    """
    words = list(dict.fromkeys(terms(normalise_demand_text(text))))[:MAX_WORDS]
    if not words:
        return []
    coverage = _coverage(words).label("coverage")
    rows = session.execute(
        indexable()
        .with_only_columns(Listing.id, Category.slug, coverage)
        .join(Listing.category)
        .where(or_(*(_word_matches(w) for w in words)))
        .order_by(coverage.desc(), Listing.id.desc())
        .limit(n)
    ).all()
    return [
        Candidate(int(listing_id), 0.0, int(hits) / len(words), int(hits) / len(words), slug or "")
        for listing_id, slug, hits in rows
    ]
