"""The purchase order (Surat Pesanan / SPK) of a deal as a PDF, drawn with fpdf2.

The document's language is the document's own (``locale``), not the viewer's: labels go
through Flask-Babel under ``force_locale``, so they are Indonesian for "id" and English
otherwise when called inside the app. The PDF uses the standard Helvetica font, so text is
brought to Latin-1 first (typographic quotes and dashes become plain ones, anything else
unprintable becomes "?"); Indonesian needs no more than that.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime

from babel.dates import format_date
from flask_babel import force_locale, pgettext
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

TITLE = "Surat Pesanan / Purchase Order"
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u2022": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
    }
)


@dataclass(frozen=True)
class Party:
    """One side of the order: the buyer's or the seller's organisation and contact."""

    name: str
    address: str
    contact_name: str
    phone: str
    email: str


@dataclass(frozen=True)
class OrderLine:
    """One ordered item; ``unit_price`` in whole rupiah."""

    description: str
    quantity: int
    unit: str
    unit_price: int

    @property
    def amount(self) -> int:
        """Quantity times unit price, in rupiah."""
        return self.quantity * self.unit_price


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

    @property
    def total(self) -> int:
        """The order's total in rupiah."""
        return sum(line.amount for line in self.lines)


def format_rupiah(amount: int) -> str:
    """Rupiah the Indonesian way: "Rp 1.450.000"."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(int(amount)):,}".replace(",", ".")


def latin1(text: str) -> str:
    """``text`` made printable with the PDF's standard font (Latin-1), one line breaks kept."""
    text = unicodedata.normalize("NFKC", text.translate(_PLAIN))
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    return text.encode("latin-1", "replace").decode("latin-1")


def _day(day: date, locale: str) -> str:
    return format_date(day, "d MMMM y", locale="id" if locale == "id" else "en")


def _check(document: PurchaseOrderDocument) -> None:
    if not document.lines:
        raise ValueError("a purchase order needs at least one line")
    for line in document.lines:
        if line.quantity <= 0 or line.unit_price < 0:
            raise ValueError("quantities must be positive and prices not negative")
    if document.payment_term_days < 0:
        raise ValueError("the payment term must not be negative")


class _Page(FPDF):
    """A4 portrait with the order number and page count in the footer."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(110)
        self.cell(0, 5, latin1(f"{self.footer_text} - {self.page_no()}/{{nb}}"), align=Align.C)


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=9)


def _parties(pdf: FPDF, document: PurchaseOrderDocument) -> None:
    rows = [
        (pgettext("purchase order", "Name"), document.buyer.name, document.seller.name),
        (_("Address"), document.buyer.address, document.seller.address),
        (
            pgettext("purchase order", "Contact person"),
            document.buyer.contact_name,
            document.seller.contact_name,
        ),
        (_("Phone"), document.buyer.phone, document.seller.phone),
        (_("E-mail"), document.buyer.email, document.seller.email),
    ]
    pdf.set_font("Helvetica", size=9)
    with pdf.table(
        col_widths=(22, 84, 84), text_align="LEFT", line_height=5, first_row_as_headings=True
    ) as table:
        header = table.row()
        for text in ("", _("Buyer"), pgettext("purchase order", "Seller")):
            header.cell(latin1(text))
        for label, buyer, seller in rows:
            row = table.row()
            for text in (label, buyer or "-", seller or "-"):
                row.cell(latin1(text))


def _lines(pdf: FPDF, document: PurchaseOrderDocument) -> None:
    pdf.set_font("Helvetica", size=9)
    with pdf.table(
        col_widths=(8, 72, 18, 20, 34, 38),
        line_height=5,
        text_align=("CENTER", "LEFT", "RIGHT", "LEFT", "RIGHT", "RIGHT"),
    ) as table:
        header = table.row()
        for text in (
            "No",
            pgettext("purchase order", "Item"),
            _("Quantity"),
            _("Unit"),
            _("Unit price"),
            pgettext("purchase order", "Amount"),
        ):
            header.cell(latin1(text))
        for position, line in enumerate(document.lines, start=1):
            row = table.row()
            for text in (
                str(position),
                line.description,
                f"{line.quantity:,}".replace(",", "."),
                line.unit,
                format_rupiah(line.unit_price),
                format_rupiah(line.amount),
            ):
                row.cell(latin1(text))
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(
        0,
        7,
        latin1(f"{_('Total')}: {format_rupiah(document.total)}"),
        align=Align.R,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font("Helvetica", size=9)


def _delivery_and_terms(pdf: FPDF, document: PurchaseOrderDocument) -> None:
    _heading(pdf, pgettext("purchase order", "Delivery and payment"))
    width = pdf.epw
    for text in (
        pgettext("purchase order", "Delivery place: %(place)s", place=document.delivery_place),
        pgettext(
            "purchase order", "Delivery date: %(day)s", day=_day(document.delivery_date, document.locale)
        ),
        pgettext(
            "purchase order",
            "Payment: within %(days)d working days after the goods are "
            "received (BAST), by bank transfer to the seller.",
            days=document.payment_term_days,
        ),
    ):
        pdf.multi_cell(width, 5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if document.terms:
        _heading(pdf, pgettext("purchase order", "Terms"))
        for position, term in enumerate(document.terms, start=1):
            pdf.multi_cell(width, 5, latin1(f"{position}. {term}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _signatures(pdf: FPDF, document: PurchaseOrderDocument) -> None:
    pdf.ln(6)
    if pdf.will_page_break(32):
        pdf.add_page()
    half = pdf.epw / 2
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(half, 5, latin1(pgettext("purchase order", "For the buyer")))
    pdf.cell(
        half, 5, latin1(pgettext("purchase order", "For the seller")), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(18)
    pdf.set_font("Helvetica", size=9)
    pdf.cell(half, 5, latin1(document.buyer.contact_name or "(.................................)"))
    pdf.cell(
        half,
        5,
        latin1(document.seller.contact_name or "(.................................)"),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.cell(half, 5, latin1(document.buyer.name))
    pdf.cell(half, 5, latin1(document.seller.name), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render_purchase_order(document: PurchaseOrderDocument) -> bytes:
    """The purchase order as PDF bytes (the same document always gives the same bytes)."""
    _check(document)
    with force_locale(document.locale):
        pdf = _Page(orientation="portrait", unit="mm", format="A4")
        pdf.footer_text = f"{TITLE} {document.number}"
        pdf.set_title(latin1(f"{TITLE} {document.number}"))
        pdf.set_author(latin1(document.buyer.name))
        pdf.set_creator("Pasar Padu")
        pdf.set_lang("id-ID" if document.locale == "id" else "en")
        issued = datetime.combine(document.issued_on, datetime.min.time(), tzinfo=UTC)
        pdf.set_creation_date(issued)
        pdf.set_margins(15, 15, 15)
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 15)
        pdf.cell(0, 9, TITLE, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", size=10)
        number = pgettext("purchase order", "Number: %(number)s", number=document.number)
        issued_on = pgettext("purchase order", "Date: %(day)s", day=_day(document.issued_on, document.locale))
        for text in (number, issued_on):
            pdf.cell(0, 6, latin1(text), align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        _heading(pdf, pgettext("purchase order", "Parties"))
        _parties(pdf, document)
        _heading(pdf, pgettext("purchase order", "Items ordered"))
        _lines(pdf, document)
        _delivery_and_terms(pdf, document)
        _signatures(pdf, document)
        return bytes(pdf.output())
