"""Distances between Jakarta kecamatan (straight line between their centroids)."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from models import Kecamatan

EARTH_RADIUS_KM = 6371.0


def distance_km(a: Kecamatan | None, b: Kecamatan | None) -> float | None:
    """Kilometres between two kecamatan centroids; None when a location is unknown."""
    if a is None or b is None or a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(radians, (a.lat, a.lon, b.lat, b.lon))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(sqrt(h))
