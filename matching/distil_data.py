"""What the static embedder is distilled from, and the teacher's vectors of it.

Procurement package names (a TSV corpus) with the portals held out from training and the
texts never to train on; goods and services names a UMKM could supply; the string literals of
the demo vocabularies and reference data; a synthetic catalogue's texts; and a cache of the
teacher embedder's vectors of all of these, so that a rebuild embeds only new texts.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import random
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .embedders import Embedder
from .text import normalise_demand_text

REPO_ROOT = Path(__file__).resolve().parent.parent
# Words of works and consultancy that a UMKM does not sell (used to pick goods/services names).
_NOT_UMKM = re.compile(
    r"\b(pembangunan|rehab\w*|renovasi|konstruksi|jalan|jembatan|gedung|drainase|irigasi|"
    r"saluran|peningkatan|pengawasan|perencanaan|konsultan\w*|supervisi|ded|feasibility|"
    r"studi|kajian|penyusunan|masterplan|pemeliharaan\s+jalan|talud|bendung|embung|"
    r"pengaspalan|hotmix|rigid|tanggul|dermaga|pelabuhan|bandara|rumah\s+sakit|mobil|"
    r"kendaraan|alat\s+berat|alkes|obat|software|aplikasi|sistem)\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True)
class CorpusRow:
    """One procurement package name."""

    name: str
    kind: str
    year: str
    source: str


def read_corpus(path: str | Path) -> list[CorpusRow]:
    """Rows of a package-name TSV (columns name, kind, year, source)."""
    with open(path, newline="", encoding="utf-8") as fh:
        return [
            CorpusRow(r.get("name") or "", r.get("kind") or "", r.get("year") or "", r.get("source") or "")
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def read_exclusions(paths: Sequence[str | Path]) -> set[str]:
    """Lower-cased texts never to train on: a TSV's ``query``/``name`` column, or plain lines."""
    out: set[str] = set()
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            head = fh.readline().rstrip("\n").split("\t")
            column = next((head.index(c) for c in ("query", "name") if c in head), None)
            if column is None:
                out.add(head[0].strip().lower())
            for line in fh:
                cells = line.rstrip("\n").split("\t")
                text = cells[column] if column is not None and column < len(cells) else cells[0]
                out.add(text.strip().lower())
    return out - {""}


def heldout_sources(rows: Sequence[CorpusRow], fraction: float, seed: int) -> set[str]:
    """Portals held out from training (deterministic given ``seed``)."""
    sources = sorted({r.source for r in rows})
    count = int(round(fraction * len(sources))) if len(sources) > 1 else 0
    return set(random.Random(seed).sample(sources, count))


def is_umkm_goods(row: CorpusRow) -> bool:
    """Goods or other services (not works or consultancy) that a small business could supply."""
    return row.kind in {"Pengadaan Barang", "Jasa Lainnya"} and not _NOT_UMKM.search(row.name)


def repo_strings(paths: Iterable[Path] | None = None) -> list[str]:
    """String literals of the demo vocabularies and reference data (parsed, never imported)."""
    if paths is None:
        paths = sorted((REPO_ROOT / "app" / "demo").glob("vocabulary_*.py"))
        paths = list(paths) + [
            REPO_ROOT / "models" / "reference_data.py",
            REPO_ROOT / "matching" / "reference.py",
        ]
    out: list[str] = []
    for path in paths:
        try:
            tree = ast.parse(Path(path).read_text("utf-8"))
        except (OSError, SyntaxError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = " ".join(_PLACEHOLDER.sub(" ", node.value).split())
                if any(ch.isalpha() for ch in text) and "@" not in text and len(text) < 400:
                    out.append(text)
    return sorted(set(out))


def synthetic_texts(count: int, seed: int) -> tuple[list[str], list[str], list[str]]:
    """(listing texts as indexed, listing titles, request texts) of a synthetic catalogue."""
    from . import synthetic
    from .retriever import index_text

    records = list(synthetic.listings(count, seed=seed)) if count else []
    requests = synthetic.requests(max(1, count // 10), seed=seed) if count else []
    return (
        [index_text(r) for r in records],
        [r.title.lower() for r in records],
        [normalise_demand_text(q.text).lower() for q in requests],
    )


def log_progress(message: str) -> None:
    """Print one progress line of a distillation at once."""
    print(message, flush=True)


class TeacherCache:
    """Teacher vectors per (role, text), kept in one ``.npz`` per role under ``directory``."""

    def __init__(self, teacher: Embedder, directory: str | Path, batch_size: int = 64) -> None:
        self.teacher = teacher
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.batch_size = batch_size
        self.seconds = 0.0
        self.embedded = 0

    def _file(self, role: str) -> Path:
        safe = re.sub(r"[^\w.-]", "_", self.teacher.name)
        return self.dir / f"{safe}-{role}.npz"

    @staticmethod
    def _save(path: Path, store: dict[str, np.ndarray]) -> None:
        tmp = path.with_name(path.stem + ".tmp.npz")
        np.savez(tmp, keys=np.asarray(list(store), dtype=str), vectors=np.stack(list(store.values())))
        tmp.replace(path)

    def vectors(
        self, role: str, texts: Sequence[str], log: Callable[[str], None] = log_progress
    ) -> np.ndarray:
        """Teacher vectors of ``texts`` in ``role`` ("passage"/"query"), embedding only misses."""
        path = self._file(role)
        store: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as z:
                store = dict(zip(z["keys"].tolist(), z["vectors"]))
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = sorted({t for t, k in zip(texts, keys) if k not in store})
        if missing:
            embed = self.teacher.embed_passages if role == "passage" else self.teacher.embed_queries
            start = time.perf_counter()
            for i in range(0, len(missing), self.batch_size):
                chunk = missing[i : i + self.batch_size]
                for t, v in zip(chunk, embed(chunk)):
                    store[hashlib.sha1(t.encode("utf-8")).hexdigest()] = v.astype(np.float16)
                if (i // self.batch_size) % 50 == 49:  # checkpoint: an interrupted run resumes
                    self._save(path, store)
                    log(
                        f"  teacher {role}: {i + len(chunk)}/{len(missing)} "
                        f"({time.perf_counter() - start:.0f}s)"
                    )
            self.seconds += time.perf_counter() - start
            self.embedded += len(missing)
            self._save(path, store)
        out = np.stack([store[k] for k in keys]) if keys else np.zeros((0, self.teacher.dim))
        return out.astype(np.float32)
