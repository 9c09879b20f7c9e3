"""Fair exposure: spread proposals over many suppliers instead of the same few.

The app feeds an ``ExposureLedger`` from its database (how often each supplier was proposed,
recent proposals weighing more). With ``fairness`` f (one knob, 0 = off, 1 = full):

1. discount: a supplier's score drops by ``f × discount × log(1 + recent)``, where ``recent``
   is its exponentially decayed proposal count (half-life ``half_life_days``); the log keeps
   the first proposals cheap and stops a very popular supplier from vanishing entirely;
2. reserved places: in the first ``limit`` results, ``round(f × reserved_share × limit)`` places
   are kept for suppliers never proposed before, taken (best first) from the eligible results
   within the first ``fresh_window × limit``, so only relevant newcomers get them; they enter
   at the bottom of the visible list, replacing the weakest already-exposed entries.

Hard filters always apply first; fair exposure only reorders eligible suppliers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from .results import SupplierMatch


@dataclass
class ExposureLedger:
    """How often each supplier was proposed: ``recent`` (decayed) and ``total`` counts."""

    recent: dict[int, float] = field(default_factory=dict)
    total: dict[int, int] = field(default_factory=dict)
    half_life_days: float = 30.0

    @classmethod
    def from_counts(
        cls,
        recent: Mapping[int, float],
        total: Mapping[int, int] | None = None,
        half_life_days: float = 30.0,
    ) -> ExposureLedger:
        """A ledger from plain counts (``total`` defaults to ``recent`` rounded up)."""
        totals = dict(total) if total is not None else {k: math.ceil(v) for k, v in recent.items()}
        return cls(
            {int(k): float(v) for k, v in recent.items()},
            {int(k): int(v) for k, v in totals.items()},
            half_life_days,
        )

    @classmethod
    def from_events(
        cls,
        events: Iterable[tuple[int, date | datetime]],
        today: date,
        half_life_days: float = 30.0,
    ) -> ExposureLedger:
        """A ledger from (supplier_id, proposed_on) pairs; older proposals count less."""
        ledger = cls(half_life_days=half_life_days)
        for supplier_id, when in events:
            day = when.date() if isinstance(when, datetime) else when
            age = max(0, (today - day).days)
            weight = 0.5 ** (age / half_life_days)
            ledger.recent[int(supplier_id)] = ledger.recent.get(int(supplier_id), 0.0) + weight
            ledger.total[int(supplier_id)] = ledger.total.get(int(supplier_id), 0) + 1
        return ledger

    def record(self, supplier_ids: Iterable[int], weight: float = 1.0) -> None:
        """Count one proposal of each supplier (for in-process simulations)."""
        for supplier_id in supplier_ids:
            self.recent[int(supplier_id)] = self.recent.get(int(supplier_id), 0.0) + weight
            self.total[int(supplier_id)] = self.total.get(int(supplier_id), 0) + 1

    def decay(self, days: float) -> None:
        """Age every recent count by ``days``."""
        factor = 0.5 ** (days / self.half_life_days)
        self.recent = {k: v * factor for k, v in self.recent.items()}

    def recent_count(self, supplier_id: int) -> float:
        """Decayed proposal count (0 if never proposed)."""
        return self.recent.get(supplier_id, 0.0)

    def never_proposed(self, supplier_id: int) -> bool:
        """True when the supplier has no proposal on record."""
        return self.total.get(supplier_id, 0) == 0 and self.recent.get(supplier_id, 0.0) == 0.0


def fair_rerank(
    matches: Sequence[SupplierMatch],
    ledger: ExposureLedger | None,
    fairness: float,
    limit: int,
    discount: float = 0.5,
    reserved_share: float = 0.2,
    fresh_window: int = 3,
) -> list[SupplierMatch]:
    """``matches`` (best first) reordered by the fair-exposure rule; ranks renumbered from 1."""
    items = list(matches)
    if fairness > 0 and ledger is not None and items:
        adjusted: list[SupplierMatch] = []
        for m in items:
            penalty = -fairness * discount * math.log1p(ledger.recent_count(m.supplier_id))
            scores = replace(m.explanation.scores, exposure=penalty, total=m.score + penalty)
            adjusted.append(
                replace(m, score=m.score + penalty, explanation=replace(m.explanation, scores=scores))
            )
        items = sorted(adjusted, key=lambda m: -m.score)
        reserve = round(fairness * reserved_share * limit)
        head, rest = items[:limit], items[limit:]
        wanted = reserve - sum(ledger.never_proposed(m.supplier_id) for m in head)
        newcomers = [m for m in rest[: (fresh_window - 1) * limit] if ledger.never_proposed(m.supplier_id)]
        exposed = [k for k, m in enumerate(head) if not ledger.never_proposed(m.supplier_id)]
        count = max(0, min(wanted, len(newcomers), len(exposed)))
        if count:
            drop = set(exposed[-count:])  # the weakest already-exposed entries
            promote = newcomers[:count]
            promoted = {m.supplier_id for m in promote}
            head_kept = [m for k, m in enumerate(head) if k not in drop]
            demoted = [m for k, m in enumerate(head) if k in drop]
            rest = sorted(
                demoted + [m for m in rest if m.supplier_id not in promoted], key=lambda m: -m.score
            )
            items = head_kept + [replace(m, reserved=True) for m in promote] + rest
    return [replace(m, rank=k + 1) for k, m in enumerate(items)]


def gini(counts: Iterable[float]) -> float:
    """Gini coefficient of a proposal distribution (0 = even, towards 1 = concentrated).

    Pass one count per supplier, including zeros for suppliers never proposed.
    """
    values = sorted(float(v) for v in counts)
    n, total = len(values), sum(values)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((k + 1) * v for k, v in enumerate(values))
    return (2 * weighted) / (n * total) - (n + 1) / n


def top_share(counts: Iterable[float], k: int = 10) -> float:
    """Share of all proposals that went to the ``k`` most-proposed suppliers."""
    values = sorted((float(v) for v in counts), reverse=True)
    total = sum(values)
    return sum(values[:k]) / total if total else 0.0


def concentration(counts: Mapping[int, float], suppliers: Iterable[int] = ()) -> dict[str, float]:
    """Gini, top-10 share and reach (suppliers proposed at least once) of a distribution.

    ``suppliers`` lists every supplier that could have been proposed, so the never-proposed
    count as zeros.
    """
    full = {int(s): 0.0 for s in suppliers}
    full.update({int(s): float(c) for s, c in counts.items()})
    return {
        "gini": round(gini(full.values()), 4),
        "top10_share": round(top_share(full.values(), 10), 4),
        "suppliers_reached": sum(1 for v in full.values() if v > 0),
        "suppliers": len(full),
    }
