"""The demo dataset as plain records: what the generator makes and the seeding service stores."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class DemoCertification:
    kind: str
    number: str
    expires_on: date


@dataclass
class DemoListing:
    title: str
    description: str
    category: str
    price: int
    unit: str
    min_order: int
    monthly_capacity: int
    lead_time_days: int
    status: str = "active"
    featured: bool = False


@dataclass
class DemoSeller:
    email: str
    contact_name: str
    legal_name: str
    nib: str
    npwp: str | None
    kota: str
    kecamatan: str
    kelurahan: str
    street_address: str
    phone: str
    kbli_codes: list[str]
    certifications: list[DemoCertification]
    jakpreneur: bool
    scale: str
    monthly_capacity: int
    verified: bool
    active: bool
    about: str
    listings: list[DemoListing] = field(default_factory=list)


@dataclass
class DemoBuyer:
    kind: str
    legal_name: str
    kota: str
    kecamatan: str
    kelurahan: str
    street_address: str
    phone: str
    email: str
    skip_review: bool
    users: list[tuple[str, str]]


@dataclass
class DemoRequest:
    buyer_index: int
    title: str
    description: str
    category: str
    quantity: int
    unit: str
    budget_ceiling: int
    kota: str
    kecamatan: str
    needed_by_offset_days: int
    required_certifications: list[str]
    umkm_only: bool
    language: str
    stage: str


@dataclass
class DemoOfficial:
    email: str
    contact_name: str


@dataclass
class DemoData:
    sellers: list[DemoSeller]
    buyers: list[DemoBuyer]
    requests: list[DemoRequest]
    officials: list[DemoOfficial]
