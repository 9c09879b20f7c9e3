"""Fixtures for the matching-engine tests: a small catalogue and model-free embedders."""

from __future__ import annotations

import numpy as np
import pytest

from matching.embedders import HashingEmbedder, l2_normalise
from matching.types import ListingRecord


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers used here (harmless if the root config also does)."""
    config.addinivalue_line("markers", "slow: loads a real embedding model")
    config.addinivalue_line("markers", "e2e: end-to-end test")


CATALOGUE = [
    # listing_id, supplier_id, category, title, description
    (
        1,
        101,
        "catering",
        "Katering Nasi Kotak Berkah",
        "Nasi kotak ayam goreng dan rendang untuk rapat dan pelatihan",
    ),
    (2, 102, "catering", "Dapur Prasmanan Ibu Ratna", "Prasmanan dan nasi kotak untuk acara instansi, halal"),
    (3, 103, "snack", "Jajanan Pasar Mbak Yuni", "Kue basah, lemper, onde-onde, kotak snack rapat"),
    (4, 104, "uniform", "Konveksi Seragam Sekolah", "Seragam sekolah SD SMP SMA, kemeja putih, celana"),
    (5, 105, "uniform", "Batik Betawi Terogong", "Kain batik Betawi motif ondel-ondel untuk seragam"),
    (6, 106, "furniture", "Mebel Kayu Mahoni", "Lemari, rak buku, meja belajar kayu untuk sekolah"),
    (7, 107, "furniture", "Kursi Kantor Service", "Penjualan dan reparasi kursi kantor, sofa lobi"),
    (8, 108, "beverage", "Kopi Bubuk Tanah Tinggi", "Kopi bubuk robusta dan arabika sangrai sendiri"),
    (9, 109, "cleaning", "Jasa Kebersihan Amanah", "Tenaga kebersihan harian untuk sekolah dan puskesmas"),
    (
        10,
        110,
        "printing",
        "Percetakan Spanduk Kramat",
        "Cetak spanduk, banner, papan nama dan backdrop acara",
    ),
    (11, 101, "snack", "Snack Box Berkah", "Kotak snack kue dan roti untuk rapat, dari dapur Berkah"),
    (12, 111, "stationery", "ATK Grosir Mangga Dua", "Kertas fotokopi, ordner, binder clip, spidol"),
]


def make_records(**overrides: object) -> list[ListingRecord]:
    """The test catalogue as ListingRecords (every listing active, verified, UMKM)."""
    return [
        ListingRecord(
            listing_id=i,
            supplier_id=s,
            category=c,
            title=t,
            description=d,
            supplier_name=f"Supplier {s}",
            kota="Jakarta Timur",
            kecamatan="Cakung",
            **overrides,
        )
        for i, s, c, t, d in CATALOGUE
    ]


@pytest.fixture
def records() -> list[ListingRecord]:
    """Twelve listings from eleven suppliers."""
    return make_records()


@pytest.fixture
def embedder() -> HashingEmbedder:
    """A deterministic model-free embedder."""
    return HashingEmbedder(256)


@pytest.fixture
def random_vectors() -> tuple[np.ndarray, np.ndarray]:
    """500 random unit vectors of dimension 32 with ids 1000..1499."""
    rng = np.random.default_rng(42)
    return np.arange(1000, 1500, dtype=np.int64), l2_normalise(rng.normal(size=(500, 32)))
