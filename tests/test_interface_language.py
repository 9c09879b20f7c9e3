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
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FileField,
    IntegerField,
    MultipleFileField,
    SelectFieldBase,
)

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
    ids += [
        "The CSRF token is missing.",
        "The CSRF token has expired.",
        "The CSRF token is invalid.",
        "Please log in to access this page.",
    ]
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
            "Token keamanan formulir tidak ada. Muat ulang halaman dan coba lagi."
        ]


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
    page = client.post(
        "/requests/new", data={"title": "Nasi kotak rapat", "quantity": "abc", "budget_ceiling": "abc"}
    ).get_data(as_text=True)
    assert "Masukkan jumlah dalam rupiah, misalnya 1.250.000." in page  # the budget
    assert "Not a valid integer value." not in page


def test_login_required_message_in_both_languages(client: FlaskClient) -> None:
    page = client.get("/seller/profile", follow_redirects=True).get_data(as_text=True)
    assert "Silakan masuk untuk membuka halaman ini." in page
    assert "Please log in" not in page
    client.get("/lang/en")
    page = client.get("/seller/profile", follow_redirects=True).get_data(as_text=True)
    assert "Please log in to access this page." in page


# --- plurals, labels and stored notes ----------------------------------------------------------


def _market(db: Session) -> dict[str, object]:
    from tests.factories import make_buyer, make_listing, make_official, make_seller

    seller = make_seller(db, email="katering@test.id", name="Katering Bu Sri", kecamatan_name="Cakung")
    listing = make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db, email="buyer@test.id")
    official = make_official(db, email="official@test.id")
    db.commit()
    return {"seller": seller, "listing": listing, "buyer": buyer, "official": official}


def _page(client: FlaskClient, url: str, language: str) -> str:
    client.get(f"/lang/{language}")
    return client.get(url).get_data(as_text=True)


@pytest.mark.parametrize("days, indonesian, english", [(1, "1 hari", "1 day"), (2, "2 hari", "2 days")])
def test_lead_time_plurals(app: Flask, db: Session, days: int, indonesian: str, english: str) -> None:
    market = _market(db)
    listing = market["listing"]
    listing.lead_time_days = days
    db.commit()
    client = app.test_client()
    assert f"<dd>{indonesian}</dd>" in _page(client, f"/listing/{listing.id}", "id")
    assert f"<dd>{english}</dd>" in _page(client, f"/listing/{listing.id}", "en")


def test_matcher_sentences_count_days_and_fail_in_indonesian() -> None:
    from matching.explain import sentences
    from matching.results import ConstraintCheck
    from matching.types import DemandQuery, ListingRecord

    query = DemandQuery(text="nasi kotak")
    one_day = ListingRecord(listing_id=1, supplier_id=1, title="Nasi kotak", lead_time_days=1)
    checks = (
        ConstraintCheck("lead_time", True, False, "1 days needed, 5 available"),
        ConstraintCheck("seller_verified", False, True, "seller not verified"),
    )
    indonesian, english = sentences(query, one_day, (), checks, eligible=False)
    assert "lead time 1 day meets" in english and "1 days" not in english
    assert "waktu pengerjaan 1 hari" in indonesian
    assert "gagal: penjual belum terverifikasi" in indonesian and "not verified" not in indonesian
    _, english = sentences(
        query,
        ListingRecord(listing_id=1, supplier_id=1, title="Nasi kotak", lead_time_days=3),
        (),
        checks[:1],
        eligible=True,
    )
    assert "lead time 3 days meets" in english


def test_enumerated_values_are_named_in_the_reader_language(app: Flask, db: Session) -> None:
    from datetime import date

    from app.labels import label
    from models import SupplierCertification

    market = _market(db)
    supplier = market["seller"].organisation.supplier_profile
    db.add(SupplierCertification(supplier=supplier, kind="other", number="X-1", expires_on=date(2099, 1, 1)))
    db.commit()
    client = app.test_client()
    page = _page(client, f"/listing/{market['listing'].id}", "id")
    assert "Sertifikat lain" in page or "Sertifikat lainnya" in page
    assert "OTHER" not in page
    page = _page(client, f"/listing/{market['listing'].id}", "en")
    assert "Other certificate" in page and "OTHER" not in page
    with app.test_request_context(), force_locale("id"):
        assert label("micro", "scale") == "Mikro"
        assert label("under_review", "state") == "Dalam tinjauan"
        assert label("box", "unit") == "kotak"
        assert label("custom-code", "certificate") == "custom-code"
    with app.test_request_context(), force_locale("en"):
        assert label("halal", "certificate") == "Halal"
        assert label("medium", "scale_long") == "Medium business"


def test_timeline_notes_follow_the_reader_language(app: Flask, db: Session) -> None:
    from app.clock import today
    from app.services.demand import publish_request
    from app.services.review import approve
    from app.services.states import record_event
    from tests.conftest import login
    from tests.factories import make_request

    market = _market(db)
    demand = make_request(db, market["buyer"])
    publish_request(db, demand, market["buyer"], today())
    approve(db, [m.id for m in demand.matches], market["official"])  # writes "review finished"
    # A row from before notes had a kind: English text only.
    record_event(
        db,
        actor=None,
        action="match.invited",
        object_type="request",
        object_id=demand.id,
        from_state="quoted",
        to_state="invited",
        reason="quote withdrawn",
    )
    record_event(
        db,
        actor=market["buyer"],
        action="request.cancelled",
        object_type="request",
        object_id=demand.id,
        reason="Anggaran dialihkan",
    )
    record_event(
        db, actor=market["buyer"], action="request.edited", object_type="request", object_id=demand.id
    )
    db.commit()
    client = app.test_client()
    login(client, "buyer@test.id")
    page = _page(client, f"/requests/{demand.id}", "id")
    timeline = page[page.index('id="timeline"') :]
    assert "peninjauan selesai" in timeline and "penawaran ditarik" in timeline
    assert "review finished" not in timeline and "quote withdrawn" not in timeline
    assert "Anggaran dialihkan" in timeline  # what a person typed is shown as typed
    assert "Diubah" in timeline and "request.edited" not in timeline
    page = _page(client, f"/requests/{demand.id}", "en")
    timeline = page[page.index('id="timeline"') :]
    assert "review finished" in timeline and "quote withdrawn" in timeline


def test_withdrawing_a_quote_asks_first(app: Flask, db: Session) -> None:
    from datetime import timedelta

    from app.clock import today
    from app.services.demand import invite_suppliers, publish_request
    from app.services.review import approve
    from models import Quote
    from tests.conftest import login
    from tests.factories import make_request

    market = _market(db)
    demand = make_request(db, market["buyer"])
    publish_request(db, demand, market["buyer"], today())
    approve(db, [m.id for m in demand.matches], market["official"])
    invite_suppliers(db, demand, [m.id for m in demand.matches], market["buyer"])
    db.commit()
    match = demand.matches[0]
    seller = app.test_client()
    login(seller, "katering@test.id")
    seller.post(
        f"/seller/invitations/{match.id}",
        data={
            "unit_price": "35000",
            "quantity": "100",
            "delivery_date": (today() + timedelta(days=10)).isoformat(),
        },
    )
    page = seller.get(f"/seller/invitations/{match.id}").get_data(as_text=True)
    assert "data-confirm=" in page  # with JavaScript: a confirm dialog before the post
    step = seller.post(f"/seller/invitations/{match.id}/withdraw")
    assert step.status_code == 200 and 'data-testid="withdraw-confirm"' in step.get_data(as_text=True)
    quote = db.scalars(select(Quote)).one()
    db.expire_all()
    assert quote.status == "submitted"  # nothing happened without confirming
    done = seller.post(f"/seller/invitations/{match.id}/withdraw", data={"confirm": "yes"})
    assert done.status_code == 302
    db.expire_all()
    assert quote.status == "withdrawn"
