"""Learning the query-language tables from the catalogue and the package-name corpus.

``build_tables`` returns one JSON-ready dict (written by ``python -m matching vocab``):

* ``terms``: per word, its *item-ness* in [0, 1] and its catalogue category profile.
  Item-ness combines two statistics: how concentrated the word is in few catalogue
  categories (an item word like "kasur" lives in one; "kantor" or "pasien" are everywhere), and
  how often, in real package names, it opens the name (Indonesian names are head-first:
  "Kasur Pasien", "Makan Minum Pasien RSUD") rather than trailing as beneficiary, place or
  budget wording. Words only seen in the corpus get the category profile of the catalogue
  words they co-occur with.
* ``abbreviations``: short forms mined from names that write the long form beside them
  ("Pakaian Dinas Harian (PDH)", "makanan dan minuman ... Mamin"), with their counts.
* ``synonyms``: word pairs written as alternatives ("Cenderamata/Souvenir", "meubel atau mebel").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from .text import STOPWORDS, normalise_demand_text, strip_accents

CONTEXT_MARKERS = frozenset(
    [
        "untuk",
        "bagi",
        "di",
        "pada",
        "kepada",
        "ke",
        "dalam",
        "rangka",
        "guna",
        "se",
        "kab",
        "kabupaten",
        "kota",
        "kec",
        "kecamatan",
        "desa",
        "kel",
        "kelurahan",
        "provinsi",
        "prov",
        "lingkungan",
        "wilayah",
    ]
)
JOINERS = frozenset({"dan", "&", "serta", "atau"})
_TOKEN = re.compile(r"[^\W_]+|\(|\)|/|&", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (accents folded)."""
    return _WORD.findall(strip_accents(text).lower())


def _content(text: str) -> list[tuple[str, bool]]:
    """(word, after a context marker) for each content word of a package name, in order."""
    out: list[tuple[str, bool]] = []
    context = False
    for w in words(normalise_demand_text(text)):
        if w in CONTEXT_MARKERS:
            context = True
            continue
        if w in STOPWORDS or w in JOINERS or w.isdigit() or len(w) < 2:
            continue
        out.append((w, context))
    return out


def catalogue_profiles(
    texts: Iterable[tuple[str, str]], categories: Sequence[str], title_weight: float = 2.0
) -> dict[str, list[float]]:
    """Per word, how many distinct catalogue sentences of each category name it as the thing
    sold: titles count ``title_weight``; words after a context marker ("untuk kantor dan
    puskesmas") describe the buyer, not the goods, and are not counted."""
    index = {c: k for k, c in enumerate(categories)}
    counts: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(categories))
    seen_sentences: set[tuple[str, str]] = set()
    for category, text in texts:
        for k, sentence in enumerate(re.split(r"(?<=[.!?;])\s+", text)):
            key = (category, sentence.strip().lower())
            if not key[1] or key in seen_sentences:
                continue
            seen_sentences.add(key)
            weight = title_weight if k == 0 else 1.0
            found: set[str] = set()
            for w in words(sentence):
                if w in CONTEXT_MARKERS:
                    break
                if w in STOPWORDS or w.isdigit() or len(w) < 2 or w in found:
                    continue
                found.add(w)
                counts[w][index[category]] += weight
    return dict(counts)


def concentration(row: Sequence[float], prior: float = 0.5) -> float:
    """1 - normalised entropy of a category count row (1: one category; 0: spread evenly)."""
    total = sum(row) + prior * len(row)
    probs = [(v + prior) / total for v in row]
    entropy = -sum(p * math.log(p) for p in probs if p > 0)
    return max(0.0, 1.0 - entropy / math.log(len(row)))


def corpus_positions(names: Iterable[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Per word: names containing it, names it opens (first two content words, before any
    context marker), and names where it follows a context marker."""
    occ: Counter[str] = Counter()
    head: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for name in names:
        seen: set[str] = set()
        for pos, (w, context) in enumerate(_content(name)):
            if w in seen:
                continue
            seen.add(w)
            occ[w] += 1
            if pos < 2 and not context:
                head[w] += 1
            if context:
                after[w] += 1
    return occ, head, after


def _spells(abbr: str, span: Sequence[str]) -> bool:
    """True when ``abbr`` is the concatenation of a non-empty prefix of every word of ``span``."""

    def rec(i: int, k: int) -> bool:
        if k == len(span):
            return i == len(abbr)
        word = span[k]
        for n in range(1, min(len(word), len(abbr) - i) + 1):
            if word[:n] != abbr[i : i + n]:
                break
            if rec(i + n, k + 1):
                return True
        return False

    return bool(span) and len(abbr) >= len(span) and rec(0, 0)


def _spans(tokens: list[str], end: int, max_words: int = 5) -> Iterable[tuple[str, ...]]:
    """Word spans ending just before ``end`` (joiners kept out of the span's words)."""
    span: list[str] = []
    k = end - 1
    while k >= 0 and len(span) < max_words:
        tok = tokens[k]
        if tok in ("(", ")", "/"):
            break
        if tok not in JOINERS:
            span.insert(0, tok)
            yield tuple(span)
        k -= 1


def mine_abbreviations(
    texts: Iterable[str], min_count: int = 2, parenthesised_only: bool = False
) -> dict[str, tuple[str, int]]:
    """Short form -> (most frequent long form, count), from "long form (ABBR)" and (unless
    ``parenthesised_only``) from short forms whose long form is elsewhere in the same name."""
    pairs: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        tokens = [t for t in _TOKEN.findall(strip_accents(text).lower())]
        for k, tok in enumerate(tokens):
            if not (2 <= len(tok) <= 6 and tok.isalpha()):
                continue
            if k >= 1 and tokens[k - 1] == "(" and k + 1 < len(tokens) and tokens[k + 1] == ")":
                for span in _spans(tokens, k - 1):
                    if len(span) >= 2 and _spells(tok, span):
                        pairs[(tok, " ".join(span))] += 1
                        break
            elif len(tok) >= 4 and not parenthesised_only:
                content = [t for t in tokens if t.isalpha() and t != tok]
                for start in range(len(content)):
                    for length in (2, 3):
                        span = tuple(content[start : start + length])
                        if (
                            len(span) == length
                            and span[0][0] == tok[0]
                            and all(len(w) > 2 for w in span)
                            and _spells(tok, span)
                        ):
                            if all(len(w) > len(tok) // 2 for w in span):
                                pairs[(tok, " ".join(span))] += 1
    best: dict[str, tuple[str, int]] = {}
    for (abbr, long), count in pairs.most_common():
        if count >= min_count and abbr not in best and abbr not in long.split():
            best[abbr] = (long, count)
    return best


def mine_synonyms(names: Iterable[str], known: set[str], min_count: int = 3) -> list[tuple[str, str, int]]:
    """Word pairs written as alternatives ("a/b", "a atau b") in names, both known words."""
    pairs: Counter[tuple[str, ...]] = Counter()
    pattern = re.compile(r"([^\W\d_]{3,})\s*(?:/|\batau\b)\s*([^\W\d_]{3,})", re.UNICODE)
    for name in names:
        for a, b in pattern.findall(strip_accents(name).lower()):
            if a != b and a in known and b in known and a not in STOPWORDS and b not in STOPWORDS:
                pairs[tuple(sorted((a, b)))] += 1
    return [(a, b, n) for (a, b), n in pairs.most_common() if n >= min_count]


def corpus_profiles(
    names: Iterable[str], catalogue: dict[str, list[float]], min_concentration: float = 0.4
) -> dict[str, list[float]]:
    """Per corpus word, the summed category distributions of the item-like catalogue words
    it shares a name with (a weak, distributional category profile)."""
    dist: dict[str, list[float]] = {}
    for w, row in catalogue.items():
        if sum(row) >= 2 and concentration(row) >= min_concentration:
            total = sum(row)
            dist[w] = [v / total for v in row]
    width = len(next(iter(catalogue.values()))) if catalogue else 0
    out: dict[str, list[float]] = defaultdict(lambda: [0.0] * width)
    for name in names:
        content = {w for w, _ in _content(name)}
        votes = [dist[w] for w in content if w in dist]
        if not votes:
            continue
        summed = [sum(col) / len(votes) for col in zip(*votes)]
        for w in content:
            row = out[w]
            for k, v in enumerate(summed):
                row[k] += v
    return dict(out)


def itemness(conc: float | None, head_rate: float | None, after_rate: float) -> float:
    """How surely a word names the thing bought (1) rather than its context (0)."""
    if conc is None and head_rate is None:
        return 0.6  # unseen word: probably a product name or brand
    if conc is None:
        score = head_rate or 0.0
    elif head_rate is None:
        score = conc
    else:
        score = 0.65 * conc + 0.35 * head_rate
    return max(0.0, min(1.0, score * (1.0 - after_rate)))


def build_tables(
    catalogue: Sequence[tuple[str, str]], names: Sequence[str], categories: Sequence[str], min_occ: int = 5
) -> dict[str, Any]:
    """The query-language tables (see module docstring) from catalogue texts and names."""
    cat_rows = catalogue_profiles(catalogue, categories)
    occ, head, after = corpus_positions(names)
    co_rows = corpus_profiles(names, cat_rows)
    table: dict[str, dict[str, Any]] = {}
    for w in set(cat_rows) | {w for w, n in occ.items() if n >= min_occ}:
        row = cat_rows.get(w)
        support = sum(row) if row is not None else 0.0
        conc = (
            0.5 + (concentration(row) - 0.5) * min(1.0, support / 6.0)
            if row is not None and support >= 2
            else None
        )
        n = occ.get(w, 0)
        head_rate = (head[w] + 0.5) / (n + 2) if n >= min_occ else None
        after_rate = after[w] / n if n >= min_occ else 0.0
        profile = row if row is not None and sum(row) >= 2 else co_rows.get(w)
        entry: dict[str, Any] = {"item": round(itemness(conc, head_rate, after_rate), 3), "occ": n}
        if profile is not None and sum(profile) > 0:
            total = sum(profile)
            top = sorted(range(len(categories)), key=lambda k: -profile[k])[:3]
            entry["cats"] = {
                categories[k]: round(profile[k] / total, 3) for k in top if profile[k] / total >= 0.05
            }
            entry["from"] = "catalogue" if profile is row else "corpus"
        table[w] = entry
    known = set(table)
    occ_all = Counter(w for name in names for w in set(words(name)))
    abbreviations = {
        a: v
        for a, v in mine_abbreviations(names).items()
        if v[1] >= 0.1 * occ_all.get(a, 0) and a not in STOPWORDS
    }
    # The catalogue is curated text: one written-out long form there is enough.
    abbreviations.update(mine_abbreviations((t for _, t in catalogue), min_count=1, parenthesised_only=True))
    synonyms = mine_synonyms(names, known)
    return {
        "format": 1,
        "categories": list(categories),
        "terms": dict(sorted(table.items())),
        "abbreviations": {a: {"long": lf, "count": c} for a, (lf, c) in sorted(abbreviations.items())},
        "synonyms": [{"a": a, "b": b, "count": n} for a, b, n in synonyms],
    }
