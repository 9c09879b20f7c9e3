"""The demand request form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app import limits
from app.forms import AppForm, ChooseOneField, RupiahField, VisibleText
from app.labels import choices

CERTIFICATE_CHOICES = choices("certificate", ("halal", "pirt", "sni", "bpom", "other"))


class CheckboxesField(SelectMultipleField):
    """Several choices shown as checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class RequestForm(AppForm):
    """What a buyer needs."""

    title = StringField(
        _l("What do you need?"),
        validators=[
            DataRequired(),
            Length(min=limits.REQUEST_TITLE_MIN, max=limits.REQUEST_TITLE_MAX),
            VisibleText(),
        ],
        description=_l("e.g. Nasi kotak rapat koordinasi 150 peserta"),
    )
    description = TextAreaField(
        _l("Details"),
        validators=[Optional(), Length(max=limits.REQUEST_DESCRIPTION_MAX)],
        description=_l("Specifications, menu, sizes, delivery conditions."),
    )
    category_id = ChooseOneField(_l("Category"), _l("Choose the category of what you need."))
    quantity = IntegerField(
        _l("Quantity"), validators=[DataRequired(), NumberRange(min=1, max=limits.QUANTITY_MAX)]
    )
    unit = StringField(
        _l("Unit"),
        validators=[DataRequired(), Length(max=limits.UNIT_MAX)],
        description=_l("e.g. kotak, pcs, paket, orang"),
    )
    budget_ceiling = RupiahField(
        _l("Budget ceiling / HPS (Rp, optional)"),
        validators=[Optional(), NumberRange(min=0, max=1_000_000_000_000)],
    )
    kecamatan_id = ChooseOneField(_l("Delivery kecamatan"), _l("Choose the kecamatan to deliver to."))
    needed_by = DateField(_l("Needed by"), validators=[DataRequired()])
    quotes_due = DateField(_l("Quotes due (optional)"), validators=[Optional()])
    required_certifications = CheckboxesField(_l("Required certificates"), choices=CERTIFICATE_CHOICES)
    umkm_only = BooleanField(_l("Only micro, small and medium enterprises (UMKM)"), default=True)
