"""The purchase order PDF carries the number, both parties, the items and the total in rupiah."""

from __future__ import annotations

import io
from datetime import date

import pytest
from flask import Flask
from pypdf import PdfReader

from app.services.purchase_order_pdf import (
    OrderLine,
    Party,
    PurchaseOrderDocument,
    format_rupiah,
    latin1,
    render_purchase_order,
)

BUYER = Party(
    name="Dinas Pendidikan Provinsi DKI Jakarta",
    address="Jl. Gatot Subroto Kav. 40-41",
    contact_name="Rina Hartati",
    phone="021-5255385",
    email="pengadaan@disdik.test",
)
SELLER = Party(
    name="Katering Bu Sri",
    address="Jl. Raya Cakung No. 12, Cakung",
    contact_name="Sri Wahyuni",
    phone="0812-3456-7890",
    email="sri@katering.test",
)


def document(**changes: object) -> PurchaseOrderDocument:
    values: dict[str, object] = dict(
        number="PP-2026-000123",
        issued_on=date(2026, 11, 30),
        buyer=BUYER,
        seller=SELLER,
        lines=(
            OrderLine("Nasi kotak ayam bakar", 100, "kotak", 12_500),
            OrderLine("Air mineral 600 ml", 100, "botol", 2_000),
        ),
        delivery_place="Aula Dinas Pendidikan, Jl. Gatot Subroto",
        delivery_date=date(2026, 12, 3),
        payment_term_days=3,
        terms=("Barang diterima dalam keadaan baik.",),
    )
    values.update(changes)
    return PurchaseOrderDocument(**values)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_rupiah_is_written_the_indonesian_way() -> None:
    assert format_rupiah(1_450_000) == "Rp 1.450.000"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(999) == "Rp 999"


def test_the_pdf_shows_number_parties_items_and_total_in_indonesian(app: Flask) -> None:
    pdf = render_purchase_order(document())
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert "Surat Pesanan / Purchase Order" in text
    assert "PP-2026-000123" in text
    for words in (
        "Dinas Pendidikan Provinsi DKI Jakarta",
        "Katering Bu Sri",
        "Sri Wahyuni",
        "0812-3456-7890",
        "Nasi kotak ayam bakar",
        "Air mineral 600 ml",
    ):
        assert words in text
    assert "Rp 12.500" in text and "Rp 1.250.000" in text
    assert "Total: Rp 1.450.000" in text
    assert "Pembeli" in text and "Penjual" in text
    assert "3 Desember 2026" in text
    assert "3 hari kerja" in text
    assert "Barang diterima dalam keadaan baik." in text


def test_english_labels_when_the_document_is_in_english(app: Flask) -> None:
    text = text_of(render_purchase_order(document(locale="en")))
    assert "Seller" in text and "Delivery date: 3 December 2026" in text
    assert "Total: Rp 1.450.000" in text


def test_the_same_order_gives_the_same_bytes(app: Flask) -> None:
    assert render_purchase_order(document()) == render_purchase_order(document())


def test_a_long_order_runs_over_several_pages(app: Flask) -> None:
    lines = tuple(OrderLine(f"Barang nomor {n}", n, "unit", 1_000) for n in range(1, 81))
    pdf = render_purchase_order(document(lines=lines))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 1
    assert f"Total: {format_rupiah(sum(n * 1_000 for n in range(1, 81)))}" in text_of(pdf)


def test_text_beyond_latin_1_does_not_break_the_pdf(app: Flask) -> None:
    seller = Party(
        name="Kopi \u201cNusantara\u201d \u2013 Tebet",
        address="Jl. Tebet \u2116 5",
        contact_name="Dewi \U0001f600",
        phone="",
        email="",
    )
    text = text_of(render_purchase_order(document(seller=seller)))
    assert 'Kopi "Nusantara" - Tebet' in text
    assert latin1("Dewi \U0001f600") == "Dewi ?"


@pytest.mark.parametrize(
    "changes",
    [
        {"lines": ()},
        {"lines": (OrderLine("Nasi kotak", 0, "kotak", 12_500),)},
        {"lines": (OrderLine("Nasi kotak", 10, "kotak", -1),)},
        {"payment_term_days": -1},
    ],
)
def test_an_impossible_order_is_refused(app: Flask, changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        render_purchase_order(document(**changes))
