"""Item phrases of a request and the words worth showing as "matched".

A request for "ayam goreng" should prefer listings that sell ayam goreng over "nasi goreng":
``item_phrases`` gives the request's consecutive item-word pairs, ``phrase_share`` how many of
them a listing contains whole. ``meaningful`` keeps units, counts and context words
("orang", "peserta", "kantor") out of the matched words shown to buyers.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from .requirements import UNITS
from .text import STOPWORDS, stem
from .vocab import CONTEXT_MARKERS, JOINERS, words

MIN_ITEMNESS = 0.12
# People and plain counts never describe the goods; product-like units ("kotak") may.
_NOT_MATCH_WORDS = frozenset(u for u, canon in UNITS.items() if canon in ("orang", "keluarga")) | frozenset(
    [
        "pcs",
        "buah",
        "biji",
        "unit",
        "units",
        "pieces",
        "wajib",
        "harus",
        "jumlah",
        "sebanyak",
        "kebutuhan",
        "keperluan",
    ]
)


def meaningful(word: str) -> bool:
    """True when ``word`` says something about the goods (not a unit, count or context)."""
    from .query import default_analyzer

    if word in _NOT_MATCH_WORDS or word in STOPWORDS or word in CONTEXT_MARKERS:
        return False
    analyzer = default_analyzer()
    return analyzer is None or analyzer.itemness(word) >= MIN_ITEMNESS


@lru_cache(maxsize=1024)
def item_phrases(text: str) -> frozenset[str]:
    """Stemmed pairs of consecutive item words of a request (before any context marker)."""
    from .query import default_analyzer

    analyzer = default_analyzer()
    if analyzer is None:
        return frozenset()
    analysis = analyzer.analyse(text)
    items = set(analysis.item_words)
    pairs: set[str] = set()
    previous = ""
    for tok in words(analysis.text):
        if tok in CONTEXT_MARKERS:
            break
        if tok in JOINERS or tok in STOPWORDS or tok.isdigit():
            previous = ""
            continue
        if previous and (previous in items or tok in items) and meaningful(tok) and meaningful(previous):
            pairs.add(f"{stem(previous)} {stem(tok)}")
        previous = tok
    return frozenset(pairs)


def phrase_share(phrases: frozenset[str], listing: str) -> float:
    """Share of ``phrases`` found whole (as consecutive stemmed words) in ``listing``."""
    if not phrases:
        return 0.0
    toks = [stem(w) for w in words(listing)]
    found = {f"{a} {b}" for a, b in pairwise(toks)}
    return len(phrases & found) / len(phrases)
