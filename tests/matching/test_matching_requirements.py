"""Requirements stated in a request's words become fields the buyer can confirm."""

from __future__ import annotations

from datetime import date

from matching.requirements import read_requirements

TODAY = date(2026, 8, 1)


def test_a_catering_request_yields_certificate_quantity_place_and_date() -> None:
    read = read_requirements(
        "Nasi kotak ayam goreng untuk 50 orang, wajib halal, dikirim ke "
        "Kec. Duren Sawit paling lambat 17 Agustus 2026",
        TODAY,
    )
    assert read.certifications == ("halal",)
    assert (read.quantity, read.unit) == (50, "orang")
    assert (read.kota, read.kecamatan) == ("Jakarta Timur", "Duren Sawit")
    assert read.needed_by == date(2026, 8, 17)
    assert read.evidence["certification:halal"] == "wajib halal"


def test_goods_with_sni_and_bpom_in_cartons() -> None:
    read = read_requirements("Pengadaan 150 dus air mineral ber-SNI dan terdaftar BPOM, Jakarta Timur", TODAY)
    assert read.certifications == ("sni", "bpom")
    assert (read.quantity, read.unit, read.kota) == (150, "dus", "Jakarta Timur")


def test_thousands_relative_deadline_and_kota_nickname() -> None:
    read = read_requirements("Snack 2.000 kotak dalam 5 hari, kirim ke Jaksel", TODAY)
    assert (read.quantity, read.unit, read.kota) == (2000, "kotak", "Jakarta Selatan")
    assert read.needed_by == date(2026, 8, 6)


def test_negated_certificates_years_and_past_dates_are_not_read() -> None:
    read = read_requirements("Kue tidak wajib halal, Tahun Anggaran 2025, sejak 1 Januari 2020", TODAY)
    assert read.certifications == () and read.quantity is None and read.needed_by is None
    assert read_requirements("Belanja ATK").is_empty()
