"""Form pieces shared by several features."""
from __future__ import annotations

from flask import flash
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from markupsafe import Markup
from wtforms import Field, IntegerField, SelectChoice, SelectField, ValidationError
from wtforms.validators import DataRequired
from wtforms.widgets import TextInput
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.text_rules import text_problem
from models import Kota


def kecamatan_choices(session: Session) -> dict[str, list[tuple[int, str]]]:
    """Kecamatan grouped by kota, for a select with one optgroup per kota."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for kota in session.scalars(select(Kota).order_by(Kota.code)):
        groups[kota.name] = [(k.id, k.name) for k in kota.kecamatan]
    return groups


def _id_or_none(value: object) -> int | None:
    """An id from a select (``""``, the empty first option, is no choice at all)."""
    if value is None or value == "":
        return None
    return int(value)  # type: ignore[call-overload]


class ChooseOneField(SelectField):
    """A required select that starts on an empty "— choose —" option, so nothing (a place, a
    category) is ever chosen silently for the user; ``message`` says what to choose."""

    def __init__(self, label: object, message: object, **kwargs: object) -> None:
        super().__init__(label, coerce=_id_or_none,  # type: ignore[arg-type]
                         validators=[DataRequired(message=message)], **kwargs)

    def set_choices(self, choices: list[tuple[int, str]] | dict[str, list[tuple[int, str]]]) -> None:
        """Options after the empty one: ``[(id, name)]``, or ``{group: [(id, name)]}`` for optgroups."""
        options = [SelectChoice("", str(_l("— choose —")))]
        groups = choices.items() if isinstance(choices, dict) else [(None, choices)]
        for group, items in groups:
            options += [SelectChoice(value, label, optgroup=group) for value, label in items]
        self.choices = options


class RupiahField(IntegerField):
    """An integer field that accepts amounts typed as ``1.250.000`` or ``Rp 1.250.000``."""

    # A text box (with a numeric keyboard on phones): number inputs refuse "1.250.000".
    widget = TextInput()

    def __call__(self, **kwargs: object) -> Markup:
        """Render with a numeric keyboard hint."""
        kwargs.setdefault("inputmode", "numeric")
        return super().__call__(**kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        """Strip the currency sign and thousands separators before parsing."""
        if valuelist:
            cleaned = valuelist[0].replace("Rp", "").replace("rp", "")
            cleaned = cleaned.replace(".", "").replace(" ", "").replace("\u00a0", "")
            valuelist = [cleaned]
        super().process_formdata(valuelist)


def attach_service_error(form: FlaskForm, error: ServiceError) -> None:
    """Show a service's refusal beside the field it concerns, or as a flash message."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        flash(error.message, "error")


class VisibleText:
    """WTForms validator: visible characters, no direction overrides (``app.text_rules``)."""

    def __call__(self, form: FlaskForm, field: Field) -> None:
        problem = text_problem(field.data or "")
        if problem is not None:
            raise ValidationError(problem)
