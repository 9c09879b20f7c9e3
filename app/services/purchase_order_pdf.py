"""Stand-in for deal14b's purchase order renderer (same signature; deal14b's version wins on merge)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fpdf import FPDF


@dataclass(frozen=True)
class Party:
    """One side of the order."""

    name: str
    address: str
    contact_name: str
    phone: str
    email: str


@dataclass(frozen=True)
class OrderLine:
    """One item of the order (unit price in whole rupiah)."""

    description: str
    quantity: int
    unit: str
    unit_price: int


@dataclass(frozen=True)
class PurchaseOrderDocument:
    """Everything printed on a purchase order."""

    number: str
    issued_on: date
    buyer: Party
    seller: Party
    lines: tuple[OrderLine, ...]
    delivery_place: str
    delivery_date: date
    payment_term_days: int
    terms: tuple[str, ...]
    locale: str = "id"


def _rupiah(value: int) -> str:
    return "Rp " + f"{value:,}".replace(",", ".")


def render_purchase_order(document: PurchaseOrderDocument) -> bytes:
    """The purchase order as PDF bytes."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(0, 10, "Surat Pesanan / Purchase Order", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    rows = [document.number, document.issued_on.isoformat(), document.buyer.name,
            document.seller.name, document.delivery_place, document.delivery_date.isoformat()]
    rows += [f"{l.description} {l.quantity} {l.unit} x {_rupiah(l.unit_price)}" for l in document.lines]
    rows.append(_rupiah(sum(l.quantity * l.unit_price for l in document.lines)))
    rows += list(document.terms)
    for row in rows:
        pdf.multi_cell(0, 6, row.encode("latin-1", "replace").decode("latin-1"),
                       new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
