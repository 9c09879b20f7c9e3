"""Listing photos: content-checked, re-encoded without metadata, thumbnailed, stored privately."""

from __future__ import annotations

import io
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError

from app.services import ServiceError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
FULL_SIZE = 1600
THUMB_SIZE = 480


@dataclass(frozen=True)
class StoredPhoto:
    """Names and size of a photo written to the upload folder."""

    stored_name: str
    thumb_name: str
    width: int
    height: int


def _open_checked(data: bytes, max_bytes: int, max_pixels: int) -> Image.Image:
    if not data:
        raise ServiceError(str(_l("The file is empty.")), "photos")
    if len(data) > max_bytes:
        raise ServiceError(
            str(_l("A photo may be at most %(mb)d MB.", mb=max_bytes // (1024 * 1024))), "photos"
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise ServiceError(str(_l("Upload a JPEG, PNG or WebP photo.")), "photos")
            if probe.width * probe.height > max_pixels:
                raise ServiceError(str(_l("The photo has too many pixels.")), "photos")
            probe.verify()
        image: Image.Image = Image.open(io.BytesIO(data))
        # Decode no more than needed: JPEGs at a reduced scale (draft), then shrink at once so
        # the conversions below work on at most FULL_SIZE pixels a side.
        image.draft("RGB", (FULL_SIZE, FULL_SIZE))
        image.load()
        image = _shrunk(image)
    except ServiceError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ServiceError(str(_l("This file is not a photo we can read.")), "photos") from None
    return image


def _shrunk(image: Image.Image) -> Image.Image:
    """The image fitted into FULL_SIZE a side (orientation and metadata kept)."""
    if max(image.size) <= FULL_SIZE:
        return image
    exif = image.getexif()
    image.thumbnail((FULL_SIZE, FULL_SIZE), reducing_gap=2.0)
    if exif:
        image.info["exif"] = exif.tobytes()
    return image


def _to_rgb(image: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _write_jpeg(image: Image.Image, folder: Path, longest_side: int) -> str:
    copy = image.copy()
    copy.thumbnail((longest_side, longest_side))
    name = secrets.token_hex(16) + ".jpg"
    temporary = folder / (name + ".part")
    copy.save(temporary, "JPEG", quality=85, optimize=True)  # no exif/icc passed: metadata dropped
    os.replace(temporary, folder / name)
    return name


def store_photo(data: bytes, folder: str, max_bytes: int, max_pixels: int) -> StoredPhoto:
    """Check an uploaded photo by its content and write a re-encoded copy and a thumbnail."""
    image = _to_rgb(_open_checked(data, max_bytes, max_pixels))
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    stored = _write_jpeg(image, target, FULL_SIZE)
    thumb = _write_jpeg(image, target, THUMB_SIZE)
    width, height = image.size
    scale = min(1.0, FULL_SIZE / max(width, height))
    return StoredPhoto(stored, thumb, round(width * scale), round(height * scale))


def delete_files(folder: str, *names: str) -> None:
    """Remove stored photo files; missing ones are ignored."""
    for name in names:
        try:
            (Path(folder) / name).unlink()
        except FileNotFoundError:
            pass
