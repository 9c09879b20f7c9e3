"""Today's date where the marketplace lives (Jakarta, UTC+7), whatever the server's zone."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from models.base import utcnow

JAKARTA = ZoneInfo("Asia/Jakarta")


def today() -> date:
    """The current date in Jakarta."""
    return utcnow().astimezone(JAKARTA).date()
