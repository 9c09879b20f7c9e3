"""Input limits shared by the HTML forms (WTForms) and the JSON API (marshmallow schemas).

One number per field, so a listing or a request accepted on a page is accepted by the API and
the other way round.
"""

from __future__ import annotations

# A seller's listing
LISTING_TITLE_MIN = 5
LISTING_TITLE_MAX = 140
LISTING_DESCRIPTION_MAX = 4000
PRICE_MAX = 10_000_000_000  # rupiah per unit
UNIT_MAX = 32
MIN_ORDER_MAX = 10_000_000
MONTHLY_CAPACITY_MAX = 100_000_000
LEAD_TIME_DAYS_MAX = 365

# A buyer's request
REQUEST_TITLE_MIN = 5
REQUEST_TITLE_MAX = 200
REQUEST_DESCRIPTION_MAX = 5000
QUANTITY_MAX = 100_000_000
