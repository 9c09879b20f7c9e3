"""Texts the query-language tables are learned from: the catalogue vocabulary (synthetic
generator and the demo vocabularies under ``app/demo``) and the LPSE package-name corpus.

Only used when tables are (re)built by ``python -m matching vocab``; serving never reads them.
The demo vocabularies are plain-data modules; they are loaded from their files so that the
web application package (and Flask) is never imported.
"""

from __future__ import annotations

import csv
import importlib.util
import itertools
import sys
import types
from collections.abc import Iterator, Sequence
from pathlib import Path

from .synthetic import listings
from .synthetic_vocabulary import CATEGORY_NAMES

VOCABULARY_MODULES = (
    "vocabulary_base",
    "vocabulary_requests",
    "vocabulary_food",
    "vocabulary_fresh",
    "vocabulary_goods",
    "vocabulary_crafts",
    "vocabulary_services",
    "vocabulary_upkeep",
)
_DEMO_LISTS = {
    "vocabulary_food": {"CATERING": "catering", "SNACK": "snack"},
    "vocabulary_fresh": {"BEVERAGE": "beverage", "PRODUCE": "produce", "HAMPERS": "hampers"},
    "vocabulary_goods": {"UNIFORM": "uniform", "PRINTING": "printing", "STATIONERY": "stationery"},
    "vocabulary_crafts": {"FURNITURE": "furniture", "SOUVENIR": "souvenir", "LEATHER": "leather"},
    "vocabulary_upkeep": {"CLEANING": "cleaning", "LAUNDRY": "laundry", "PPE": "ppe", "PLANTS": "plants"},
    "vocabulary_services": {"EVENT": "event", "REPAIR": "repair", "IT": "it", "TRANSPORT": "transport"},
}


def _load_demo_modules(demo_dir: Path) -> dict[str, types.ModuleType]:
    """The vocabulary modules of ``demo_dir`` under stub ``app``/``app.demo`` packages."""
    saved = {name: sys.modules.get(name) for name in ("app", "app.demo")}
    loaded: dict[str, types.ModuleType] = {}
    try:
        for name, path in (("app", demo_dir.parent), ("app.demo", demo_dir)):
            stub = types.ModuleType(name)
            stub.__path__ = [str(path)]
            sys.modules[name] = stub
        for mod in VOCABULARY_MODULES:
            spec = importlib.util.spec_from_file_location(f"app.demo.{mod}", demo_dir / f"{mod}.py")
            if spec is None or spec.loader is None:
                continue
            module = importlib.util.module_from_spec(spec)
            sys.modules[f"app.demo.{mod}"] = module
            spec.loader.exec_module(module)
            loaded[mod] = module
    finally:
        for name, previous in saved.items():
            if previous is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = previous
        for mod in VOCABULARY_MODULES:
            sys.modules.pop(f"app.demo.{mod}", None)
    return loaded


def _option_text(option: str | Sequence[object]) -> str:
    return option if isinstance(option, str) else str(option[0])


def _fill(template: str, choice: dict[str, str]) -> str:
    values = {**choice, **{f"{k}_l": v.lower() for k, v in choice.items()}}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def demo_texts(demo_dir: str | Path, per_product: int = 12) -> Iterator[tuple[str, str]]:
    """(category, text) pairs rendered from the demo product vocabularies (none if absent)."""
    demo_dir = Path(demo_dir)
    if not (demo_dir / "vocabulary_base.py").exists():
        return
    modules = _load_demo_modules(demo_dir)
    for mod, lists in _DEMO_LISTS.items():
        module = modules.get(mod)
        for attr, category in lists.items():
            for product in getattr(module, attr, []) if module else []:
                slots = {k: [_option_text(o) for o in v] for k, v in product["slots"].items()}
                names = sorted(slots)
                combos = itertools.islice(itertools.product(*(slots[n] for n in names)), 4000)
                picked = list(combos)[:: max(1, 1)]
                step = max(1, len(picked) // per_product)
                for k, combo in enumerate(picked[::step][:per_product]):
                    choice = dict(zip(names, combo))
                    title = _fill(product["titles"][k % len(product["titles"])], choice)
                    desc = _fill(product["desc"][k % len(product["desc"])], choice)
                    yield category, f"{title}. {desc}"


def synthetic_texts(size: int = 4000, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(category, title + description) of the synthetic benchmark catalogue."""
    for record in listings(size, seed):
        yield record.category, f"{record.title}. {record.description}"


def catalogue_texts(demo_dir: str | Path | None, synthetic_size: int = 4000) -> list[tuple[str, str]]:
    """Every labelled catalogue text: synthetic listings, demo vocabularies, category names."""
    texts = list(synthetic_texts(synthetic_size))
    if demo_dir is not None:
        texts += list(demo_texts(demo_dir))
    texts += [(slug, name) for slug, name in CATEGORY_NAMES.items()]
    return texts


def corpus_names(path: str | Path, kinds: tuple[str, ...] = ()) -> list[str]:
    """Package names of the LPSE corpus TSV (optionally only some procurement kinds)."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [r["name"] for r in rows if r.get("name") and (not kinds or r.get("kind") in kinds)]


def demo_requests(demo_dir: str | Path) -> list[tuple[str, str]]:
    """(category, title + description) of the written demo requests. They are never used in
    training, so they serve as a held-out sanity check of the category intent."""
    demo_dir = Path(demo_dir)
    if not (demo_dir / "vocabulary_requests.py").exists():
        return []
    module = _load_demo_modules(demo_dir).get("vocabulary_requests")
    return [(r["category"], f"{r['title']}. {r['description']}") for r in getattr(module, "REQUESTS", [])]
