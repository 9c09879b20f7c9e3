"""User accounts and the organisations they act for."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow
from models.states import Role, VerificationState, allowed, values

if TYPE_CHECKING:
    from models.catalogue import Listing
    from models.places import Kecamatan, Kelurahan, Kota

ROLES = values(Role)
ORGANISATION_KINDS = ("umkm", "government", "bumd", "corporate")
BUSINESS_SCALES = ("micro", "small", "medium")
CERTIFICATION_KINDS = ("halal", "pirt", "sni", "bpom", "other")
BUYER_VERIFICATION_STATES = values(VerificationState)
LANGUAGES = ("id", "en")


class Organisation(Base):
    """A business or public body: an UMKM seller, or a buyer (government, BUMD, corporate)."""

    __tablename__ = "organisations"
    __table_args__ = (allowed("verification_state", VerificationState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    legal_name: Mapped[str] = mapped_column(String(200))
    nib: Mapped[str | None] = mapped_column(String(13), index=True)
    npwp: Mapped[str | None] = mapped_column(String(20))
    street_address: Mapped[str] = mapped_column(String(300), default="")
    kota_id: Mapped[int | None] = mapped_column(ForeignKey("kota.id"), index=True)
    kecamatan_id: Mapped[int | None] = mapped_column(ForeignKey("kecamatan.id"), index=True)
    kelurahan_id: Mapped[int | None] = mapped_column(ForeignKey("kelurahan.id"))
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    skip_review: Mapped[bool] = mapped_column(Boolean, default=False)
    # Buyer organisations only (sellers are verified on their SupplierProfile): an official
    # verifies a buyer before its first request is published.
    verification_state: Mapped[str] = mapped_column(
        String(12),
        default=VerificationState.PENDING.value,
        server_default=VerificationState.PENDING.value,
        index=True,
    )
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    verification_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    kota: Mapped[Kota | None] = relationship()
    kecamatan: Mapped[Kecamatan | None] = relationship()
    kelurahan: Mapped[Kelurahan | None] = relationship()
    users: Mapped[list[User]] = relationship(back_populates="organisation")
    supplier_profile: Mapped[SupplierProfile | None] = relationship(
        back_populates="organisation", uselist=False
    )

    @property
    def is_umkm(self) -> bool:
        """True for micro, small and medium enterprises."""
        return self.kind == "umkm"

    @property
    def buyer_verified(self) -> bool:
        """True when an official verified this buyer organisation."""
        return self.verification_state == VerificationState.VERIFIED


class User(Base):
    """A person who logs in; their role decides what they may do."""

    __tablename__ = "users"
    __table_args__ = (allowed("role", Role),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    full_name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(32), default="", server_default="")
    role: Mapped[str] = mapped_column(String(16), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    locale: Mapped[str | None] = mapped_column(String(8))
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reset_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    organisation: Mapped[Organisation | None] = relationship(back_populates="users")

    # Flask-Login protocol, written out so models/ stays free of Flask imports.
    @property
    def is_active(self) -> bool:
        """Inactive users cannot log in."""
        return self.active

    @property
    def is_authenticated(self) -> bool:
        """Every stored user is an authenticated principal once loaded."""
        return True

    @property
    def is_anonymous(self) -> bool:
        """Stored users are never anonymous."""
        return False

    def get_id(self) -> str:
        """Session identifier: id plus session version, so 'log out everywhere' works."""
        return f"{self.id}:{self.session_version}"


class ApiToken(Base):
    """A personal access token for the JSON API; only its SHA-256 hash is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class LoginThrottle(Base):
    """Failed log-ins of one e-mail from one address (hashed together), and the lock they earn.

    Keyed on e-mail and address together, so a stranger cannot lock somebody out, and the
    same for unknown e-mails, so a lock reveals nothing about which accounts exist.
    """

    __tablename__ = "login_throttles"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The e-mail alone (hashed), so an admin can lift every lock of one account.
    email_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class SupplierProfile(Base):
    """What a selling UMKM declares about itself and what officials verified."""

    __tablename__ = "supplier_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    about: Mapped[str] = mapped_column(Text, default="")
    kbli_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    jakpreneur_member: Mapped[bool] = mapped_column(Boolean, default=False)
    scale: Mapped[str] = mapped_column(String(8), default="micro", index=True)
    monthly_capacity: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    verified: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, index=True
    )

    organisation: Mapped[Organisation] = relationship(back_populates="supplier_profile")
    verified_by: Mapped[User | None] = relationship(foreign_keys=[verified_by_id])
    certifications: Mapped[list[SupplierCertification]] = relationship(
        back_populates="supplier", cascade="all, delete-orphan", order_by="SupplierCertification.kind"
    )
    listings: Mapped[list[Listing]] = relationship(back_populates="supplier")


class SupplierCertification(Base):
    """A certificate (halal, PIRT, SNI, BPOM, other) with its number and expiry."""

    __tablename__ = "supplier_certifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier_profiles.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    number: Mapped[str] = mapped_column(String(64), default="")
    expires_on: Mapped[date | None] = mapped_column(Date)
    document_name: Mapped[str | None] = mapped_column(String(64))  # the scan, stored privately

    supplier: Mapped[SupplierProfile] = relationship(back_populates="certifications")

    def valid_on(self, day: date) -> bool:
        """True when the certificate has not expired on ``day``."""
        return self.expires_on is None or self.expires_on >= day
