"""Retriever snapshots on disk: immutable directories and a ``CURRENT`` file naming the live one.

::

    <root>/CURRENT                 -> "snap-20250101T120000-ab12cd"
    <root>/snap-.../vector_manifest.json, vectors.faiss, lexical_manifest.json, lexical.npz,
                    retriever.json, categories.npz

A snapshot is written complete under a temporary name, renamed, and only then named in
``CURRENT`` (replaced atomically), so readers (other gunicorn workers, or this process during
a rebuild) keep serving the previous snapshot until the switch; older snapshots beyond the
last ``keep`` are deleted.
"""

from __future__ import annotations

import json
import secrets
import shutil
import time
from pathlib import Path
from typing import Any

from .backends import RetrievalBackend
from .lexical import LexicalIndex
from .vector_index import IndexMismatch, IndexMissing, atomic_write_bytes, read_manifest

RETRIEVER_FORMAT = 2
CURRENT = "CURRENT"
MANIFEST = "retriever.json"
CATEGORIES = "categories.npz"


def new_snapshot(root: Path) -> tuple[str, Path]:
    """(name, temporary directory) of a snapshot about to be written under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    name = f"snap-{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
    return name, _draft(root, name)


def _draft(root: Path, name: str) -> Path:
    return root / f".{name}.tmp"


def write_manifest(directory: Path, meta: dict[str, Any]) -> None:
    """Write a snapshot's manifest (``meta`` plus the format version) into ``directory``."""
    meta = {"format_version": RETRIEVER_FORMAT, **meta}
    atomic_write_bytes(directory / MANIFEST, json.dumps(meta, indent=1).encode())


def publish_snapshot(root: Path, name: str, keep: int) -> Path:
    """Move the written snapshot ``name`` into place, make it current, drop all but ``keep``."""
    _draft(root, name).rename(root / name)
    atomic_write_bytes(root / CURRENT, name.encode())
    snaps = sorted(p for p in root.glob("snap-*") if p.is_dir())
    for old in snaps[:-keep] if keep > 0 else []:
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    return root / name


def read_current(
    root: Path, model: str, dim: int, expected_fingerprint: str | None
) -> tuple[str, dict[str, Any]]:
    """(name, manifest) of the current snapshot, when it suits an embedder ``model``/``dim``.

    Raises IndexMissing when nothing is saved, IndexMismatch for another format, model or
    dimension, or a fingerprint other than ``expected_fingerprint``.
    """
    snap = current_snapshot(root)
    if snap is None:
        raise IndexMissing(f"no saved retriever in {root}")
    meta = read_manifest(root / snap / MANIFEST)
    if meta.get("format_version") != RETRIEVER_FORMAT:
        raise IndexMismatch("retriever format differs")
    if meta.get("model") != model or meta.get("dim") != dim:
        raise IndexMismatch(
            f"index built with {meta.get('model')!r}/{meta.get('dim')}, configured model is {model!r}/{dim}"
        )
    if expected_fingerprint is not None and meta.get("fingerprint") != expected_fingerprint:
        raise IndexMismatch("index is stale: catalogue fingerprint differs")
    return snap, meta


def connect_remote(spec: dict[str, Any], dim: int, vectoriser: LexicalIndex) -> RetrievalBackend:
    """Reconnect the backend a snapshot names (IndexMissing when it is gone,
    RetrievalUnavailable when its server does not answer)."""
    from .backends import RetrievalUnavailable
    from .milvus_backend import MilvusBackend

    try:
        return MilvusBackend.connect(
            spec["uri"], spec["collection"], dim, vectoriser, spec.get("search_params")
        )
    except (KeyError, LookupError) as exc:
        raise IndexMissing(f"Milvus collection unavailable: {exc}") from exc
    except Exception as exc:  # pymilvus raises several kinds when a server is gone
        raise RetrievalUnavailable(f"Milvus at {spec.get('uri')} does not answer: {exc}") from exc


def current_snapshot(root: str | Path) -> str | None:
    """Name of the live snapshot under ``root`` (None if there is none)."""
    path = Path(root) / CURRENT
    try:
        name = path.read_text("utf-8").strip()
    except OSError:
        return None
    return name if name and (Path(root) / name).is_dir() else None
