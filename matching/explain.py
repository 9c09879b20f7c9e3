"""Human explanations (Bahasa Indonesia and English) and rupiah formatting."""
from __future__ import annotations

from .results import ConstraintCheck
from .track_record import average_rating, track_record_adjustment
from .types import DemandQuery, ListingRecord


def format_number(value: int | float) -> str:
    """Whole number with Indonesian thousands separators: 1250000 -> "1.250.000"."""
    return f"{int(round(value)):,}".replace(",", ".")


def format_rupiah(amount: int | float) -> str:
    """Rupiah as shown in the interface: 1250000 -> "Rp 1.250.000"."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {format_number(abs(amount))}"


def _place(record: ListingRecord, query: DemandQuery) -> tuple[str, str] | None:
    if query.kecamatan and record.kecamatan and query.kecamatan.lower() == record.kecamatan.lower():
        where = f"Kec. {record.kecamatan}" + (f", {record.kota}" if record.kota else "")
        return f"lokasi sama-sama {where}", f"both in {where}"
    if query.kota and record.kota and query.kota.lower() == record.kota.lower():
        return f"lokasi sama-sama {record.kota}", f"both in {record.kota}"
    if query.kota and record.kota:
        return (f"lokasi di {record.kota} (kebutuhan di {query.kota})",
                f"located in {record.kota} (needed in {query.kota})")
    return None


_FAILED_ID = {
    "listing_active": "produk tidak ditampilkan", "seller_active": "penjual tidak aktif",
    "seller_verified": "penjual belum terverifikasi", "umkm": "bukan UMKM",
    "capacity": "kapasitas kurang", "category": "kategori berbeda",
}


def _failed_id(check: ConstraintCheck) -> str:
    """A failed hard check in Indonesian (``detail`` is written in English for the logs)."""
    if check.name.startswith("certification:"):
        return f"sertifikat {check.name.split(':', 1)[1].upper()} tidak ada atau kedaluwarsa"
    return _FAILED_ID.get(check.name, check.name)


NOTABLE_RECORD = 0.1  # the track record is put in words once it moves the score this much


def _record(record: ListingRecord) -> tuple[str, str] | None:
    """The supplier's delivery and rating record in words, when it weighs in the ranking."""
    history = record.track_record
    if history is None or abs(track_record_adjustment(history)) < NOTABLE_RECORD:
        return None
    done, on_time = format_number(history.completed_orders), format_number(history.on_time_deliveries)
    id_text = f"rekam jejak {done} pesanan selesai, {on_time} tepat waktu"
    en_text = f"track record of {done} orders delivered, {on_time} on time"
    rating = average_rating(history)
    if rating is not None:
        count = format_number(history.rating_count)
        id_text += f", nilai {rating:.1f}".replace(".", ",") + f" dari 5 ({count} penilaian)"
        en_text += f", rated {rating:.1f} of 5 ({count} ratings)"
    return id_text, en_text


def sentences(
    query: DemandQuery, record: ListingRecord, matched: tuple[str, ...],
    checks: tuple[ConstraintCheck, ...], eligible: bool,
) -> tuple[str, str]:
    """One Indonesian and one English sentence saying why the listing fits (or does not)."""
    by_name = {c.name: c for c in checks}
    what = record.title.strip() or record.category_name or record.category
    id_parts = [f"{'Cocok' if eligible else 'Tidak memenuhi syarat'}: {what}"]
    en_parts = [f"{'Match' if eligible else 'Not eligible'}: {what}"]
    if matched:
        id_parts[0] += f" (kata cocok: {', '.join(matched[:5])})"
        en_parts[0] += f" (matching words: {', '.join(matched[:5])})"
    unit = record.unit or query.unit or "unit"
    qunit = query.unit or record.unit or "unit"
    cap = by_name.get("capacity")
    if cap is not None and record.monthly_capacity and query.quantity:
        c, q = format_number(record.monthly_capacity), format_number(query.quantity)
        if cap.passed:
            id_parts.append(f"kapasitas {c} {unit}/bulan cukup untuk {q} {qunit}")
            en_parts.append(f"capacity {c} {unit}/month covers {q} {qunit}")
        else:
            id_parts.append(f"kapasitas {c} {unit}/bulan kurang dari {q} {qunit}")
            en_parts.append(f"capacity {c} {unit}/month is below {q} {qunit}")
    budget = by_name.get("budget")
    if budget is not None and record.price and query.budget_ceiling:
        qty = query.quantity or 1
        total, ceiling = record.price * qty, query.budget_ceiling
        cost = format_rupiah(record.price) + (f" × {format_number(qty)} = {format_rupiah(total)}" if qty > 1 else "")
        if budget.passed:
            id_parts.append(f"harga {cost} di bawah pagu {format_rupiah(ceiling)}")
            en_parts.append(f"price {cost} within the budget of {format_rupiah(ceiling)}")
        else:
            id_parts.append(f"harga {cost} melebihi pagu {format_rupiah(ceiling)}")
            en_parts.append(f"price {cost} exceeds the budget of {format_rupiah(ceiling)}")
    place = _place(record, query)
    if place:
        id_parts.append(place[0])
        en_parts.append(place[1])
    lead = by_name.get("lead_time")
    if lead is not None and record.lead_time_days is not None:
        days = format_number(record.lead_time_days)
        en_days = f"{days} day" if record.lead_time_days == 1 else f"{days} days"
        if lead.passed:
            id_parts.append(f"waktu pengerjaan {days} hari sesuai tenggat")
            en_parts.append(f"lead time {en_days} meets the deadline")
        else:
            id_parts.append(f"waktu pengerjaan {days} hari melewati tenggat")
            en_parts.append(f"lead time {en_days} misses the deadline")
    certs = [c.name.split(":", 1)[1] for c in checks if c.name.startswith("certification:") and c.passed]
    if certs:
        id_parts.append(f"sertifikat {', '.join(certs)} berlaku")
        en_parts.append(f"valid {', '.join(certs)} certification")
    history = _record(record)
    if history:
        id_parts.append(history[0])
        en_parts.append(history[1])
    failed_hard = [c for c in checks if c.hard and not c.passed]
    if failed_hard:
        id_parts.append("gagal: " + "; ".join(_failed_id(c) for c in failed_hard))
        en_parts.append("failed: " + "; ".join(c.detail or c.name for c in failed_hard))
    return ", ".join(id_parts) + ".", ", ".join(en_parts) + "."
