"""Why a listing fits, as structured reasons (kinds with parameters) and, from them, in words
(Bahasa Indonesia and English); rupiah formatting. The app stores the reasons and puts them
into the reader's language when shown (``app/services/explanations.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


Reason = dict[str, Any]


def _place(record: ListingRecord, query: DemandQuery) -> Reason | None:
    if query.kecamatan and record.kecamatan and query.kecamatan.lower() == record.kecamatan.lower():
        where = f"Kec. {record.kecamatan}" + (f", {record.kota}" if record.kota else "")
        return {"kind": "same_place", "where": where}
    if query.kota and record.kota and query.kota.lower() == record.kota.lower():
        return {"kind": "same_place", "where": record.kota}
    if query.kota and record.kota:
        return {"kind": "other_place", "kota": record.kota, "needed": query.kota}
    return None


NOTABLE_RECORD = 0.1  # the track record is put in words once it moves the score this much


def _record(record: ListingRecord) -> Reason | None:
    """The supplier's delivery and rating record, when it weighs in the ranking."""
    history = record.track_record
    if history is None or abs(track_record_adjustment(history)) < NOTABLE_RECORD:
        return None
    rating = average_rating(history)
    return {
        "kind": "track_record",
        "done": history.completed_orders,
        "on_time": history.on_time_deliveries,
        "rating": None if rating is None else round(rating, 1),
        "count": history.rating_count,
    }


def reasons(
    query: DemandQuery,
    record: ListingRecord,
    matched: tuple[str, ...],
    checks: tuple[ConstraintCheck, ...],
    eligible: bool,
) -> list[Reason]:
    """Why the listing fits (or does not), as kinds with parameters (JSON-ready), to be put
    into words in the reader's language when shown (``sentences`` for Indonesian and English)."""
    by_name = {c.name: c for c in checks}
    what = record.title.strip() or record.category_name or record.category
    found: list[Reason] = [{"kind": "head", "eligible": eligible, "what": what, "words": list(matched[:5])}]
    unit = record.unit or query.unit or "unit"
    qunit = query.unit or record.unit or "unit"
    cap = by_name.get("capacity")
    if cap is not None and record.monthly_capacity and query.quantity:
        found.append(
            {
                "kind": "capacity",
                "passed": cap.passed,
                "capacity": record.monthly_capacity,
                "unit": unit,
                "quantity": query.quantity,
                "qunit": qunit,
            }
        )
    budget = by_name.get("budget")
    if budget is not None and record.price and query.budget_ceiling:
        found.append(
            {
                "kind": "budget",
                "passed": budget.passed,
                "price": record.price,
                "quantity": query.quantity or 1,
                "ceiling": query.budget_ceiling,
            }
        )
    place = _place(record, query)
    if place:
        found.append(place)
    lead = by_name.get("lead_time")
    if lead is not None and record.lead_time_days is not None:
        found.append({"kind": "lead_time", "passed": lead.passed, "days": record.lead_time_days})
    certs = [c.name.split(":", 1)[1] for c in checks if c.name.startswith("certification:") and c.passed]
    if certs:
        found.append({"kind": "certifications", "names": certs})
    history = _record(record)
    if history:
        found.append(history)
    failed_hard = [c for c in checks if c.hard and not c.passed]
    if failed_hard:
        found.append(
            {"kind": "failed", "checks": [{"name": c.name, "detail": c.detail} for c in failed_hard]}
        )
    return found


def cost_text(reason: Mapping[str, Any]) -> str:
    """The price of a ``budget`` reason: unit price, and times the quantity when more than one."""
    price, qty = reason["price"], reason["quantity"]
    return format_rupiah(price) + (
        f" × {format_number(qty)} = {format_rupiah(price * qty)}" if qty > 1 else ""
    )


_FAILED_ID = {
    "listing_active": "produk tidak ditampilkan",
    "seller_active": "penjual tidak aktif",
    "seller_verified": "penjual belum terverifikasi",
    "umkm": "bukan UMKM",
    "capacity": "kapasitas kurang",
    "category": "kategori berbeda",
}


def _failed_id(check: Reason) -> str:
    """A failed hard check in Indonesian (``detail`` is written in English for the logs)."""
    name = str(check["name"])
    if name.startswith("certification:"):
        return f"sertifikat {name.split(':', 1)[1].upper()} tidak ada atau kedaluwarsa"
    return _FAILED_ID.get(name, name)


def _words(reason: Reason) -> tuple[str, str]:
    """One reason in Indonesian and in English."""
    kind = reason["kind"]
    if kind == "head":
        id_text = f"{'Cocok' if reason['eligible'] else 'Tidak memenuhi syarat'}: {reason['what']}"
        en_text = f"{'Match' if reason['eligible'] else 'Not eligible'}: {reason['what']}"
        if reason["words"]:
            id_text += f" (kata cocok: {', '.join(reason['words'])})"
            en_text += f" (matching words: {', '.join(reason['words'])})"
        return id_text, en_text
    if kind == "capacity":
        c, q = format_number(reason["capacity"]), format_number(reason["quantity"])
        unit, qunit = reason["unit"], reason["qunit"]
        if reason["passed"]:
            return (
                f"kapasitas {c} {unit}/bulan cukup untuk {q} {qunit}",
                f"capacity {c} {unit}/month covers {q} {qunit}",
            )
        return (
            f"kapasitas {c} {unit}/bulan kurang dari {q} {qunit}",
            f"capacity {c} {unit}/month is below {q} {qunit}",
        )
    if kind == "budget":
        cost, ceiling = cost_text(reason), format_rupiah(reason["ceiling"])
        if reason["passed"]:
            return f"harga {cost} di bawah pagu {ceiling}", f"price {cost} within the budget of {ceiling}"
        return f"harga {cost} melebihi pagu {ceiling}", f"price {cost} exceeds the budget of {ceiling}"
    if kind == "same_place":
        return f"lokasi sama-sama {reason['where']}", f"both in {reason['where']}"
    if kind == "other_place":
        return (
            f"lokasi di {reason['kota']} (kebutuhan di {reason['needed']})",
            f"located in {reason['kota']} (needed in {reason['needed']})",
        )
    if kind == "lead_time":
        days = format_number(reason["days"])
        en_days = f"{days} day" if reason["days"] == 1 else f"{days} days"
        if reason["passed"]:
            return f"waktu pengerjaan {days} hari sesuai tenggat", f"lead time {en_days} meets the deadline"
        return f"waktu pengerjaan {days} hari melewati tenggat", f"lead time {en_days} misses the deadline"
    if kind == "certifications":
        names = ", ".join(reason["names"])
        return f"sertifikat {names} berlaku", f"valid {names} certification"
    if kind == "track_record":
        done, on_time = format_number(reason["done"]), format_number(reason["on_time"])
        id_text = f"rekam jejak {done} pesanan selesai, {on_time} tepat waktu"
        en_text = f"track record of {done} orders delivered, {on_time} on time"
        if reason["rating"] is not None:
            count = format_number(reason["count"])
            id_text += f", nilai {reason['rating']:.1f}".replace(".", ",") + f" dari 5 ({count} penilaian)"
            en_text += f", rated {reason['rating']:.1f} of 5 ({count} ratings)"
        return id_text, en_text
    if kind == "failed":
        return (
            "gagal: " + "; ".join(_failed_id(c) for c in reason["checks"]),
            "failed: " + "; ".join(c["detail"] or c["name"] for c in reason["checks"]),
        )
    return "", ""


def sentences_of(found: list[Reason]) -> tuple[str, str]:
    """One Indonesian and one English sentence from structured reasons."""
    words = [_words(r) for r in found]
    return (", ".join(w[0] for w in words if w[0]) + ".", ", ".join(w[1] for w in words if w[1]) + ".")


def sentences(
    query: DemandQuery,
    record: ListingRecord,
    matched: tuple[str, ...],
    checks: tuple[ConstraintCheck, ...],
    eligible: bool,
) -> tuple[str, str]:
    """One Indonesian and one English sentence saying why the listing fits (or does not)."""
    return sentences_of(reasons(query, record, matched, checks, eligible))
