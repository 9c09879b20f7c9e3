"""The marketplace's time limits and ceilings, handed to services as an argument.

Services read no application configuration: routes, the API and the jobs build
``WorkflowSettings.from_config`` of the app's configuration (``app.settings.workflow``) and pass it.
The defaults here are the documented ones; ``app/config.py`` takes them as its defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class WorkflowSettings:
    """Time limits and ceilings of the procurement and deal workflow."""

    quote_window_days: int = 5  # working days suppliers get to quote after invitation
    direct_purchase_ceiling: int = 50_000_000  # rupiah: the largest direct order
    order_response_hours: int = 48  # a seller's time to answer a direct order
    payment_term_days: int = 3  # working days to pay after receipt (BAST)
    dispute_escalation_days: int = 3  # days before an unsettled problem goes to an official
    invoice_reminder_days: int = 1  # days before the due date that buyers are reminded

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> WorkflowSettings:
        """The settings of a configured app (``QUOTE_WINDOW_DAYS``, ``DIRECT_PURCHASE_CEILING``...)."""
        return cls(
            quote_window_days=int(config["QUOTE_WINDOW_DAYS"]),
            direct_purchase_ceiling=int(config["DIRECT_PURCHASE_CEILING"]),
            order_response_hours=int(config["ORDER_RESPONSE_HOURS"]),
            payment_term_days=int(config["PAYMENT_TERM_DAYS"]),
            dispute_escalation_days=int(config["DISPUTE_ESCALATION_DAYS"]),
            invoice_reminder_days=int(config["INVOICE_REMINDER_DAYS"]),
        )


@dataclass(frozen=True)
class MatchSettings:
    """How the matcher proposes suppliers for a request."""

    proposals_per_request: int = 10
    fair_exposure: float = 0.5
    scorer_path: Path | None = None  # the learned scorer's file (None: the hand-set weights)

    @classmethod
    def from_config(cls, config: Mapping[str, Any], instance_path: str) -> MatchSettings:
        """The settings of a configured app (``PROPOSALS_PER_REQUEST``, ``FAIR_EXPOSURE``; the
        learned scorer under the instance folder)."""
        from app.services.learning import scorer_path

        return cls(
            proposals_per_request=int(config["PROPOSALS_PER_REQUEST"]),
            fair_exposure=float(config["FAIR_EXPOSURE"]),
            scorer_path=scorer_path(instance_path),
        )


DEFAULTS = WorkflowSettings()
MATCH_DEFAULTS = MatchSettings()
