"""How a quote measures up to the need: a late delivery, part of the quantity only, a unit
price above the budget per unit. One set of rules for the seller's form (warned before
sending), the buyer's comparison (flagged next to the figure) and the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from flask_babel import gettext as _
from flask_babel import ngettext

from app.templating import human_date, rupiah, thousands
from models import DemandRequest

GAP_KINDS = ("late", "partial", "over_budget")


class QuoteFigures(Protocol):
    """What a quote offers (a stored quote or one being typed)."""

    unit_price: int
    quantity: int
    delivery_date: date


@dataclass(frozen=True)
class QuoteGap:
    """One way a quote misses the need.

    ``kind`` is one of ``GAP_KINDS``; ``field`` the quote figure it concerns (``delivery_date``,
    ``quantity`` or ``unit_price``); ``label`` a few words to put next to that figure;
    ``message`` a whole sentence saying what is missed.
    """

    kind: str
    field: str
    label: str
    message: str


def budget_per_unit(request: DemandRequest) -> int | None:
    """The budget ceiling divided by the quantity needed (whole rupiah, rounded down), or None."""
    if not request.budget_ceiling or request.quantity <= 0:
        return None
    return request.budget_ceiling // request.quantity


def quote_gaps(request: DemandRequest, quote: QuoteFigures) -> list[QuoteGap]:
    """Every way the quote misses the request's need, in the order of the quote's figures."""
    gaps: list[QuoteGap] = []
    per_unit = budget_per_unit(request)
    if (
        per_unit is not None
        and request.budget_ceiling is not None
        and quote.unit_price * request.quantity > request.budget_ceiling
    ):
        gaps.append(
            QuoteGap(
                "over_budget",
                "unit_price",
                _("Above the budget per unit (%(budget)s)", budget=rupiah(per_unit)),
                _(
                    "The unit price %(price)s is above the budget per unit, %(budget)s "
                    "(budget ceiling %(ceiling)s for %(quantity)s %(unit)s).",
                    price=rupiah(quote.unit_price),
                    budget=rupiah(per_unit),
                    ceiling=rupiah(request.budget_ceiling),
                    quantity=thousands(request.quantity),
                    unit=request.unit,
                ),
            )
        )
    if quote.quantity < request.quantity:
        gaps.append(
            QuoteGap(
                "partial",
                "quantity",
                _(
                    "Part only: %(offered)s of %(needed)s",
                    offered=thousands(quote.quantity),
                    needed=thousands(request.quantity),
                ),
                _(
                    "Offers %(offered)s of the %(needed)s %(unit)s needed; the rest must come from "
                    "another supplier.",
                    offered=thousands(quote.quantity),
                    needed=thousands(request.quantity),
                    unit=request.unit,
                ),
            )
        )
    if request.needed_by is not None and quote.delivery_date > request.needed_by:
        days = (quote.delivery_date - request.needed_by).days
        gaps.append(
            QuoteGap(
                "late",
                "delivery_date",
                ngettext("%(num)d day late", "%(num)d days late", days),
                _(
                    "Delivery on %(delivery)s is after the needed-by date, %(needed)s.",
                    delivery=human_date(quote.delivery_date),
                    needed=human_date(request.needed_by),
                ),
            )
        )
    return gaps


def gaps_by_field(request: DemandRequest, quote: QuoteFigures) -> dict[str, list[QuoteGap]]:
    """The quote's gaps keyed by the figure they concern, for flags next to each figure."""
    found: dict[str, list[QuoteGap]] = {}
    for gap in quote_gaps(request, quote):
        found.setdefault(gap.field, []).append(gap)
    return found
