"""Procurement text normalisation and matched words."""

from __future__ import annotations

import pytest

from matching.text import listing_text, matched_terms, normalise_demand_text, terms
from matching.types import ListingRecord


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Belanja Makanan dan Minuman Rapat", "Makanan dan Minuman Rapat"),
        ("Tender Ulang Pengadaan Seragam TA 2025", "Seragam"),
        ("Pengadaan Jasa Lainnya Kebersihan Tahun Anggaran 2024", "Kebersihan"),
        ("Belanja Alat Tulis Kantor Bulan April s/d Bulan Desember", "Alat Tulis Kantor"),
        ("PENGADAAN SOUND SYSTEM", "sound system"),
        ("Kegiatan Paket Bibit Tahap II", "Bibit"),
        ("kopi", "kopi"),
    ],
)
def test_boilerplate_is_removed(raw: str, expected: str) -> None:
    assert normalise_demand_text(raw) == expected


def test_only_boilerplate_keeps_the_text() -> None:
    assert normalise_demand_text("Belanja Pengadaan 2025") != ""


def test_listing_text_has_title_description_category_and_seller_words() -> None:
    rec = ListingRecord(
        1,
        1,
        "Nasi Kotak",
        "Menu ayam",
        category="catering",
        category_name="Katering",
        seller_text="UMKM Cakung",
    )
    text = listing_text(rec)
    assert "Nasi Kotak" in text and "Menu ayam" in text and "Katering" in text and "UMKM Cakung" in text


def test_terms_drop_stopwords_and_numbers() -> None:
    assert terms("Nasi kotak untuk 300 peserta dan panitia") == ["nasi", "kotak", "peserta", "panitia"]


def test_matched_terms_use_light_stems() -> None:
    found = matched_terms("Seragam sekolah untuk siswa", "Konveksi seragam sekolahan dan kemeja")
    assert "seragam" in found and "sekolahan" in found


def test_shares_term_sees_words_and_light_stems_but_not_stopwords() -> None:
    from matching.text import shares_term

    assert shares_term("nasi kotak", "Nasi Kotak Ayam Bakar")
    assert shares_term("seragam batik", "Jahit seragamnya rapi")
    assert not shares_term("kursi lipat", "Meja kantor kayu jati")
    assert not shares_term("untuk dan yang", "Meja untuk kantor dan rumah")
