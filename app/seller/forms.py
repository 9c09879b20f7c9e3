"""Seller forms: business profile, certificate, listing."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, MultipleFileField
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from app import limits
from app.forms import AppForm, RupiahField, VisibleText
from app.labels import choices

SCALE_CHOICES = choices("scale", ("micro", "small", "medium"))
CERTIFICATION_CHOICES = choices("certificate", ("halal", "pirt", "sni", "bpom", "other"))


class ProfileForm(AppForm):
    """Business profile."""

    display_name = StringField(_l("Business name"), validators=[DataRequired(), Length(max=200)])
    about = TextAreaField(_l("About the business"), validators=[Optional(), Length(max=2000)])
    kbli_codes = StringField(
        _l("KBLI codes"),
        validators=[Optional(), Length(max=200)],
        description=_l("Five-digit codes separated by commas, e.g. 56210, 10792"),
    )
    jakpreneur_member = BooleanField(_l("Jakpreneur member"))
    scale = SelectField(_l("Business scale"), choices=SCALE_CHOICES)
    monthly_capacity = IntegerField(
        _l("Monthly capacity (units)"), validators=[Optional(), NumberRange(min=0, max=10_000_000)]
    )
    phone = StringField(
        _l("Phone"),
        validators=[
            DataRequired(),
            Regexp(r"^\+?[0-9 ()-]{8,20}$", message=_l("Enter a phone number, e.g. 0812 3456 7890.")),
        ],
    )
    street_address = StringField(_l("Street address"), validators=[Optional(), Length(max=300)])
    kecamatan_id = SelectField(_l("Kecamatan"), coerce=int, validators=[DataRequired()])
    npwp = StringField(
        _l("NPWP (optional)"),
        validators=[Optional(), Regexp(r"^[0-9.\-]{15,20}$", message=_l("Enter the NPWP digits."))],
    )


class CertificationForm(AppForm):
    """A certificate held by the business."""

    kind = SelectField(_l("Certificate"), choices=CERTIFICATION_CHOICES)
    number = StringField(_l("Number"), validators=[DataRequired(), Length(max=64)])
    expires_on = DateField(_l("Valid until"), validators=[Optional()])
    document = FileField(_l("Scan or photo of the certificate (PDF, JPEG, PNG; optional)"))


class ListingForm(AppForm):
    """A product or service offered by the seller."""

    title = StringField(
        _l("Title"),
        validators=[
            DataRequired(),
            Length(min=limits.LISTING_TITLE_MIN, max=limits.LISTING_TITLE_MAX),
            VisibleText(),
        ],
    )
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=limits.LISTING_DESCRIPTION_MAX)]
    )
    category_id = SelectField(_l("Category"), coerce=int, validators=[DataRequired()])
    price = RupiahField(
        _l("Price per unit (Rp)"),
        validators=[
            DataRequired(message=_l("Enter the price in whole rupiah.")),
            NumberRange(min=1, max=limits.PRICE_MAX),
        ],
    )
    unit = StringField(
        _l("Unit"),
        validators=[DataRequired(), Length(max=limits.UNIT_MAX)],
        description=_l("e.g. kotak, pcs, kg, paket"),
    )
    min_order = IntegerField(
        _l("Minimum order"),
        default=1,
        validators=[DataRequired(), NumberRange(min=1, max=limits.MIN_ORDER_MAX)],
    )
    monthly_capacity = IntegerField(
        _l("Monthly capacity"), validators=[Optional(), NumberRange(min=0, max=limits.MONTHLY_CAPACITY_MAX)]
    )
    lead_time_days = IntegerField(
        _l("Lead time (days)"), default=1, validators=[NumberRange(min=0, max=limits.LEAD_TIME_DAYS_MAX)]
    )
    photos = MultipleFileField(_l("Photos"))
