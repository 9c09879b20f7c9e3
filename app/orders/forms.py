"""Forms of the deal: buying directly."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.forms import AppForm, ChooseOneField, VisibleText


class DirectOrderForm(AppForm):
    """Quantity, delivery place and date of a direct order."""

    quantity = IntegerField(_l("Quantity"), validators=[DataRequired(), NumberRange(min=1, max=100_000_000)])
    kecamatan_id = ChooseOneField(_l("Delivery kecamatan"), _l("Choose the delivery kecamatan."))
    address = StringField(_l("Delivery address"), validators=[Optional(), Length(max=300), VisibleText()])
    delivery_date = DateField(_l("Delivery date"), validators=[DataRequired()])
    note = TextAreaField(
        _l("Note to the seller (optional)"), validators=[Optional(), Length(max=2000), VisibleText()]
    )
