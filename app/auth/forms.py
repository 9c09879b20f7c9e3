"""Registration and log-in forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, Regexp

from app.forms import AppForm, ChooseOneField
from app.labels import choices
from app.services.accounts import MIN_PASSWORD_LENGTH


class LoginForm(AppForm):
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])


class _RegistrationForm(AppForm):
    full_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=256)],
        description=_l("At least 12 characters. A short sentence is easy to remember."),
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )
    legal_name = StringField(_l("Organisation name"), validators=[DataRequired(), Length(max=200)])
    kecamatan_id = ChooseOneField(_l("Kecamatan"), _l("Choose your kecamatan."))
    street_address = StringField(_l("Street address"), validators=[Optional(), Length(max=300)])
    phone = StringField(
        _l("Phone"),
        validators=[
            DataRequired(),
            Regexp(r"^\+?[0-9 ()-]{8,20}$", message=_l("Enter a phone number, e.g. 0812 3456 7890.")),
        ],
    )


class SellerRegistrationForm(_RegistrationForm):
    """Registration of an UMKM seller."""

    nib = StringField(
        _l("NIB (Nomor Induk Berusaha)"),
        validators=[DataRequired(), Regexp(r"^\d{13}$", message=_l("The NIB has 13 digits."))],
    )
    scale = SelectField(
        _l("Business scale"),
        choices=choices("scale", ("micro", "small", "medium")),
    )


class BuyerRegistrationForm(_RegistrationForm):
    """Registration of a buyer organisation."""

    kind = SelectField(
        _l("Kind of organisation"),
        choices=choices("organisation", ("government", "bumd", "corporate")),
    )


class ResetRequestForm(AppForm):
    """Ask for a password reset link."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email()])


class PasswordResetForm(AppForm):
    """Choose a new password."""

    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=256)],
        description=_l("At least 12 characters. A short sentence is easy to remember."),
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )


class ProfileForm(AppForm):
    """The user's own name, phone and language."""

    full_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)])
    phone = StringField(
        _l("Phone"),
        validators=[
            Optional(),
            Regexp(r"^\+?[0-9 ()-]{8,20}$", message=_l("Enter a phone number, e.g. 0812 3456 7890.")),
        ],
    )
    locale = SelectField(_l("Language"), choices=[("id", "Bahasa Indonesia"), ("en", "English")])


class PasswordChangeForm(AppForm):
    """Change the password, knowing the current one."""

    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=256)],
        description=_l("At least 12 characters. A short sentence is easy to remember."),
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )


class EmailChangeForm(AppForm):
    """Ask to change the e-mail address; a link to the new address confirms it."""

    email = EmailField(_l("New e-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    email_password = PasswordField(_l("Current password"), validators=[DataRequired()])
