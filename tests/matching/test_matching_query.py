"""Query understanding: the item is told from its context, jargon is written out, the
category intent is read, and retrieval follows the item rather than the context words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from matching.embedders import HashingEmbedder
from matching.intent import default_intent
from matching.query import default_analyzer, load_glossary
from matching.retriever import RetrievalSettings, Retriever
from matching.types import ListingRecord


@pytest.fixture(scope="module")
def analyzer():
    found = default_analyzer()
    assert found is not None, "run `python -m matching vocab` to build the tables"
    return found


@pytest.mark.parametrize(
    "text, item, context",
    [
        ("Pengadaan kasur pasien rumah sakit", "kasur", "pasien"),
        ("Seragam sekolah untuk siswa penerima bantuan", "seragam", "siswa"),
        ("Lemari arsip untuk kantor kelurahan", "lemari", "kantor"),
        ("Tenaga kebersihan untuk puskesmas", "kebersihan", "puskesmas"),
        ("Kalender meja", "kalender", None),
    ],
)
def test_the_item_outweighs_beneficiaries_and_places(analyzer, text, item, context) -> None:
    analysis = analyzer.analyse(text)
    assert item in analysis.item_words
    if context:
        assert analysis.weights[item] > analysis.weights[context]
        assert context in analysis.context_words


@pytest.mark.parametrize(
    "text, written_out",
    [
        ("Belanja ATK kantor", "alat tulis kantor"),
        ("Pengadaan PDH pegawai", "pakaian dinas harian"),
        ("Belanja mamin rapat", "makan minum"),
        ("Bama untuk panti", "bahan makanan"),
        ("Parsel lebaran", "hampers"),
    ],
)
def test_abbreviations_and_synonyms_are_written_out(analyzer, text, written_out) -> None:
    assert written_out in analyzer.analyse(text).item_text


def test_every_glossary_entry_names_its_source() -> None:
    entries = load_glossary()
    assert entries and all(e.source and e.expansion for e in entries)


@pytest.mark.parametrize(
    "text, category",
    [
        ("Belanja Makan Minum Pasien RSUD", "catering"),
        ("Belanja bahan makanan basah untuk asrama siswa", "produce"),
        ("Pengadaan APD untuk petugas logistik pemilu", "ppe"),
        ("Parsel lebaran untuk pegawai", "hampers"),
        ("Susu untuk balita posyandu", "beverage"),
        ("Corporate gifts for visiting delegation", "souvenir"),
        ("Pengadaan Pakaian Dinas Harian (PDH)", "uniform"),
    ],
)
def test_category_intent_reads_government_wording(text, category) -> None:
    model = default_intent()
    assert model is not None, "run `python -m matching intent` to train the classifier"
    guess = model.guess(text)
    assert guess is not None and guess.category == category


def test_retrieval_follows_the_item_not_the_context() -> None:
    records = [
        ListingRecord(
            1, 1, "Masker Medis & APD", "Alat pelindung diri: masker, sarung tangan, baju hazmat", "ppe"
        ),
        ListingRecord(
            2, 2, "Jasa Pengiriman Logistik", "Truk dan pick up untuk pengiriman logistik kantor", "transport"
        ),
        ListingRecord(3, 3, "Kasur Busa & Matras", "Kasur busa, matras dan bantal untuk asrama", "furniture"),
        ListingRecord(4, 4, "Laundry Linen Pasien", "Cuci linen dan baju pasien rumah sakit", "laundry"),
    ]
    retriever = Retriever.build(records, HashingEmbedder())
    assert retriever.retrieve("Pengadaan APD untuk logistik", 4)[0].listing_id == 1
    assert retriever.retrieve("Pengadaan kasur pasien", 4)[0].listing_id == 3
    plain = retriever.with_settings(item_share=0.0, intent_weight=0.0)
    assert plain.settings == replace(RetrievalSettings(), item_share=0.0, intent_weight=0.0)
