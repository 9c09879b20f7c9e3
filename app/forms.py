"""Form pieces shared by several features."""

from __future__ import annotations

from typing import Any

from flask import flash
from flask_babel import LazyString, get_translations, gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session
from wtforms import Field, IntegerField, SelectField, ValidationError
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]  # WTForms 3.3; not in its 3.2 stubs
from wtforms.validators import DataRequired
from wtforms.widgets import TextInput

from app.services import ServiceError
from app.text_rules import text_problem
from models import Kota


class CatalogueTranslations:
    """WTForms' own messages ("This field is required.", coercion errors) from the app's catalogue.

    WTForms ships no Indonesian catalogue, so its default messages are listed in
    ``app/translations/*/LC_MESSAGES/messages.po`` and looked up in the reader's locale.
    """

    def gettext(self, string: str) -> str:
        """The reader's-language form of one WTForms message."""
        return str(get_translations().ugettext(string))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The reader's-language form of a WTForms message that depends on a count."""
        return str(get_translations().ungettext(singular, plural, n))


CATALOGUE_TRANSLATIONS = CatalogueTranslations()
# Flask-WTF's CSRF refusals are raised as plain English strings: shown through the catalogue too.
CSRF_MESSAGES = (
    "The CSRF token is missing.",
    "The CSRF session token is missing.",
    "The CSRF token has expired.",
    "The CSRF token is invalid.",
    "The CSRF tokens do not match.",
)


class AppForm(FlaskForm):
    """Base of every form of the app: library messages come out in the reader's language."""

    class Meta:
        """Form options shared by all forms."""

        def get_translations(self, form: Any) -> CatalogueTranslations:
            """Translate WTForms' default messages through Flask-Babel's catalogue."""
            return CATALOGUE_TRANSLATIONS

    def validate(self, extra_validators: Any = None) -> bool:
        """Validate, then put Flask-WTF's English CSRF refusals into the reader's language."""
        valid = super().validate(extra_validators=extra_validators)
        token = getattr(self, "csrf_token", None)
        if token is not None and token.errors:
            token.errors = [gettext(e) if e in CSRF_MESSAGES else e for e in token.errors]
        return valid


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
    return int(value)  # type: ignore[call-overload]  # a str or int from the form


class ChooseOneField(SelectField):
    """A required select that starts on an empty "— choose —" option, so nothing (a place, a
    category) is ever chosen silently for the user; ``message`` says what to choose."""

    def __init__(self, label: str | LazyString, message: str | LazyString, **kwargs: Any) -> None:
        super().__init__(
            label,
            coerce=_id_or_none,
            validators=[DataRequired(message=message)],
            **kwargs,
        )

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
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(self.gettext("Enter an amount in whole rupiah, e.g. 1.250.000.")) from None


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
