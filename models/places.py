"""Jakarta's administrative units: kota/kabupaten, kecamatan, kelurahan (reference data)."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base


class Kota(Base):
    """A kota administrasi or kabupaten administrasi of DKI Jakarta."""

    __tablename__ = "kota"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(16))

    kecamatan: Mapped[list[Kecamatan]] = relationship(back_populates="kota", order_by="Kecamatan.name")


class Kecamatan(Base):
    """A district within a kota."""

    __tablename__ = "kecamatan"
    __table_args__ = (UniqueConstraint("kota_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kota_id: Mapped[int] = mapped_column(ForeignKey("kota.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)

    kota: Mapped[Kota] = relationship(back_populates="kecamatan")
    kelurahan: Mapped[list[Kelurahan]] = relationship(back_populates="kecamatan", order_by="Kelurahan.name")


class Kelurahan(Base):
    """A village-level unit within a kecamatan."""

    __tablename__ = "kelurahan"
    __table_args__ = (UniqueConstraint("kecamatan_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kecamatan_id: Mapped[int] = mapped_column(ForeignKey("kecamatan.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))

    kecamatan: Mapped[Kecamatan] = relationship(back_populates="kelurahan")
