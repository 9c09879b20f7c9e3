"""SQLAlchemy 2.0 typed models of Pasar Padu. Importing this package registers every table."""
from models.accounts import (
    BUSINESS_SCALES,
    CERTIFICATION_KINDS,
    ORGANISATION_KINDS,
    ROLES,
    ApiToken,
    LoginThrottle,
    Organisation,
    SupplierCertification,
    SupplierProfile,
    User,
)
from models.audit import AuditEvent
from models.base import Base, clock_at, utcnow
from models.deals import (
    DELIVERY_STATUSES,
    DISPUTE_OUTCOMES,
    DISPUTE_STATUSES,
    INVOICE_STATUSES,
    ORDER_SOURCES,
    ORDER_STATUSES,
    RATING_DIRECTIONS,
    Delivery,
    DeliveryLine,
    Dispute,
    Invoice,
    Order,
    OrderLine,
    Payment,
    Rating,
    Receipt,
)
from models.idempotency import IdempotencyKey
from models.index_changes import INDEX_CHANGE_REASONS, IndexChange
from models.catalogue import LISTING_STATUSES, Category, FeaturedListing, Listing, ListingPhoto
from models.notifications import Notification
from models.places import Kecamatan, Kelurahan, Kota
from models.states import (
    DeliveryState,
    DisputeState,
    InvoiceState,
    ListingState,
    MatchState,
    OrderState,
    QuoteState,
    RequestState,
    Role,
    VerificationState,
)
from models.procurement import (
    MATCH_STATUSES,
    QUOTE_STATUSES,
    REQUEST_STATUSES,
    Award,
    DemandRequest,
    Match,
    Quote,
)

__all__ = [
    "BUSINESS_SCALES", "CERTIFICATION_KINDS", "LISTING_STATUSES", "MATCH_STATUSES",
    "ORGANISATION_KINDS", "QUOTE_STATUSES", "REQUEST_STATUSES", "ROLES",
    "INDEX_CHANGE_REASONS", "DELIVERY_STATUSES", "DISPUTE_OUTCOMES", "DISPUTE_STATUSES",
    "INVOICE_STATUSES", "ORDER_SOURCES", "ORDER_STATUSES", "RATING_DIRECTIONS",
    "Delivery", "DeliveryLine", "Dispute", "Invoice", "Order", "OrderLine", "Payment", "Rating",
    "Receipt",
    "ApiToken", "AuditEvent", "Award", "Base", "Category", "DemandRequest", "FeaturedListing",
    "IdempotencyKey", "IndexChange", "Kecamatan", "LoginThrottle",
    "Kelurahan", "Kota", "Listing", "ListingPhoto", "Match", "Notification", "Organisation", "Quote",
    "SupplierCertification", "SupplierProfile", "User", "clock_at", "utcnow",
    "DeliveryState", "DisputeState", "InvoiceState", "ListingState", "MatchState", "OrderState",
    "QuoteState", "RequestState", "Role", "VerificationState",
]
