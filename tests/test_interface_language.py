"""Indonesian throughout: library defaults (WTForms, Flask-WTF, Flask-Login), plurals, labels."""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from flask_wtf import FlaskForm
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict
from wtforms import (BooleanField, DateField, EmailField, FileField, IntegerField, MultipleFileField,
                     SelectFieldBase)

import app as app_package
from app.forms import AppForm

WTFORMS_POT = Path(importlib.import_module("wtforms").__file__).parent / "locale" / "wtforms.pot"


def _all_form_classes() -> list[type[FlaskForm]]:
    for module in pkgutil.walk_packages(app_package.__path__, "app."):
        if module.name.startswith("app.demo"):
            continue
        importlib.import_module(module.name)
    found: list[type[FlaskForm]] = []
    pending = list(FlaskForm.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("app.") and cls is not AppForm:
            found.append(cls)
    return sorted(set(found), key=lambda c: c.__qualname__)


def _english_defaults() -> list[re.Pattern[str]]:
    """WTForms' and Flask-WTF's own English messages as patterns (placeholders match anything)."""
    ids = re.findall(r'^msgid(?:_plural)? "(.+)"$', WTFORMS_POT.read_text(), re.M)
    ids += ["The CSRF token is missing.", "The CSRF token has expired.", "The CSRF token is invalid.",
            "Please log in to access this page."]
    return [re.compile("^" + re.sub(r"%\\\(\w+\\\)[sd]", ".*", re.escape(i)) + "$") for i in ids]


def _bad_data(form: FlaskForm, style: str) -> MultiDict:
    data = MultiDict()
    for field in form:
        if isinstance(field, (BooleanField, FileField, MultipleFileField)) or field.name == "csrf_token":
            continue
        if style == "empty":
            value = ""
        elif isinstance(field, (IntegerField, DateField)):
            value = "abc"
        elif isinstance(field, EmailField):
            value = "not-an-address"
        elif isinstance(field, SelectFieldBase):
            value = "zzz"
        elif style == "short":
            value = "ab"
        else:
            value = "a" * 6000
        data.add(field.name, value)
    return data


def _errors(app: Flask, cls: type[FlaskForm], style: str, locale: str) -> list[str]:
    with app.test_request_context(method="POST"), force_locale(locale):
        probe = cls(formdata=None)
        form = cls(formdata=_bad_data(probe, style))
        for field in form:
            if isinstance(field, SelectFieldBase) and getattr(field, "choices", None) is None:
                field.choices = [(1, "Satu")]
        form.validate()
        return [str(message) for messages in form.errors.values() for message in messages]


FORMS = _all_form_classes()


def test_every_form_of_the_app_is_an_app_form() -> None:
    plain = [cls.__qualname__ for cls in FORMS if not issubclass(cls, AppForm)]
    assert FORMS, "no forms found"
    assert plain == [], f"derive these from app.forms.AppForm so library messages are translated: {plain}"


@pytest.mark.parametrize("style", ["empty", "bad", "short", "long"])
@pytest.mark.parametrize("form_class", FORMS, ids=lambda c: c.__qualname__)
def test_form_errors_are_indonesian(app: Flask, form_class: type[FlaskForm], style: str) -> None:
    indonesian = _errors(app, form_class, style, "id")
    english = _errors(app, form_class, style, "en")
    patterns = _english_defaults()
    leaked = [m for m in indonesian if any(p.match(m) for p in patterns)]
    assert leaked == [], f"{form_class.__qualname__}: English library messages: {leaked}"
    # Every message differs between the two languages, so none is stuck in one of them.
    same = [m for m, e in zip(indonesian, english) if m == e]
    assert same == [], f"{form_class.__qualname__}: not translated: {same}"


def test_english_readers_get_english_library_messages(app: Flask) -> None:
    from app.auth.forms import SellerRegistrationForm

    english = _errors(app, SellerRegistrationForm, "empty", "en")
    assert "This field is required." in english
    indonesian = _errors(app, SellerRegistrationForm, "empty", "id")
    assert "Isian ini wajib diisi." in indonesian


def test_csrf_refusal_on_a_form_is_indonesian(app: Flask) -> None:
    from app.auth.forms import LoginForm

    with app.test_request_context(method="POST"), force_locale("id"):
        form = LoginForm(formdata=MultiDict({"email": "a@b.id", "password": "x"}), meta={"csrf": True})
        assert not form.validate()
        assert form.csrf_token.errors == [
            "Token keamanan formulir tidak ada. Muat ulang halaman dan coba lagi."]


def test_empty_seller_registration_answers_in_indonesian(client: FlaskClient) -> None:
    page = client.post("/auth/register/seller", data={"password": "pendek"}).get_data(as_text=True)
    assert "Isian ini wajib diisi." in page
    assert "This field is required." not in page
    assert "Isian harus antara 12 dan 256 karakter." in page
    assert "Field must be" not in page


def test_budget_that_is_not_a_number_answers_in_indonesian(app: Flask, db: Session) -> None:
    from tests.conftest import login
    from tests.factories import make_buyer

    make_buyer(db, email="buyer@test.id")
    db.commit()
    client = app.test_client()
    login(client, "buyer@test.id")
    page = client.post("/requests/new", data={"title": "Nasi kotak rapat", "quantity": "abc",
                                              "budget_ceiling": "abc"}).get_data(as_text=True)
    assert "Masukkan bilangan bulat" in page
    assert "Not a valid integer value." not in page


def test_login_required_message_in_both_languages(client: FlaskClient) -> None:
    page = client.get("/seller/profile", follow_redirects=True).get_data(as_text=True)
    assert "Silakan masuk untuk membuka halaman ini." in page
    assert "Please log in" not in page
    client.get("/lang/en")
    page = client.get("/seller/profile", follow_redirects=True).get_data(as_text=True)
    assert "Please log in to access this page." in page
