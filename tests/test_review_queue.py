"""The officials' review queue: one block per request, filters, decisions, kept selections."""

from __future__ import annotations

import os
import re
import threading
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.demand import publish_request
from app.services.profiles import add_certification
from app.services.review import approve
from models import DemandRequest, Match, SupplierProfile, utcnow
from tests.conftest import login
from tests.factories import category, make_buyer, make_listing, make_official, make_request, make_seller

CATERERS = [
    ("Katering Bu Sri", "Cakung", "Nasi kotak ayam bakar", 35_000),
    ("Dapur Betawi Bang Udin", "Duren Sawit", "Nasi kotak rendang dan sayur", 40_000),
    ("Warung Nasi Mpok Ani", "Cilandak", "Nasi kotak ayam goreng kremes", 30_000),
]


@pytest.fixture()
def queue(db: Session) -> dict[str, object]:
    """Three caterers; two buyers with one published request each; two officials."""
    for n, (name, place, title, price) in enumerate(CATERERS):
        seller = make_seller(db, email=f"katering{n}@test.id", name=name, kecamatan_name=place)
        make_listing(
            db,
            seller.organisation.supplier_profile,
            title=title,
            price=price,
            description=f"{title} untuk rapat kantor, kapasitas besar.",
        )
    dinas = make_buyer(db, email="dinas@test.id")
    bumd = make_buyer(db, email="bumd@test.id", kind="bumd")
    rapat = make_request(db, dinas, title="Nasi kotak rapat koordinasi")
    pelatihan = make_request(
        db,
        bumd,
        title="Makan siang pelatihan UMKM",
        quantity=60,
        budget=2_400_000,
        kecamatan_name="Cilandak",
        description="Nasi kotak ayam untuk 60 peserta pelatihan.",
    )
    for demand, buyer in ((rapat, dinas), (pelatihan, bumd)):
        assert publish_request(db, demand, buyer, today())
    official = make_official(db, email="official@test.id")
    other = make_official(db, email="official2@test.id")
    db.commit()
    return {
        "rapat": rapat,
        "pelatihan": pelatihan,
        "dinas": dinas,
        "bumd": bumd,
        "official": official,
        "other": other,
    }


def _official(app: Flask, email: str = "official@test.id") -> FlaskClient:
    client = app.test_client()
    login(client, email)
    return client


def _blocks(page: str) -> list[str]:
    """The HTML of each request block, in page order."""
    return re.findall(r'<section class="review-block".*?</section>', page, flags=re.S)


def _age(db: Session, demand: DemandRequest, days: int) -> None:
    for match in demand.matches:
        match.created_at = utcnow() - timedelta(days=days)
    db.commit()


def test_queue_shows_one_block_per_request_with_its_need(app: Flask, db: Session, queue: dict) -> None:
    rapat, pelatihan = queue["rapat"], queue["pelatihan"]
    page = _official(app).get("/review/").get_data(as_text=True)
    blocks = _blocks(page)
    assert len(blocks) == 2
    block = next(b for b in blocks if rapat.title in b)
    assert rapat.buyer.legal_name in block and "100 kotak" in block
    assert "Rp 5.000.000" in block and "Rp 50.000 / kotak" in block  # budget, and per unit
    assert "Cakung" in block and "dibutuhkan paling lambat" in block
    assert block.count('data-testid="review-item"') == len(rapat.matches)
    assert all(m.supplier.display_name in block for m in rapat.matches)
    assert "Cocok" in block  # the matcher's reasons stay visible
    other = next(b for b in blocks if pelatihan.title in b)
    assert "Rp 2.400.000" in other and rapat.title not in other
    count = len(rapat.matches) + len(pelatihan.matches)
    assert f"{count} usulan menunggu" in page and "2 permintaan" in page


def test_oldest_request_comes_first_and_shows_how_long_it_waited(
    app: Flask, db: Session, queue: dict
) -> None:
    _age(db, queue["pelatihan"], 3)
    blocks = _blocks(_official(app).get("/review/").get_data(as_text=True))
    assert queue["pelatihan"].title in blocks[0]
    assert "menunggu 3 hari" in blocks[0]
    assert "menunggu sejak hari ini" in blocks[1]
    newest = _blocks(_official(app).get("/review/?sort=newest").get_data(as_text=True))
    assert queue["pelatihan"].title in newest[1]


def test_queue_filters_by_request_buyer_place_age_and_text(app: Flask, db: Session, queue: dict) -> None:
    official = _official(app)
    rapat, pelatihan = queue["rapat"], queue["pelatihan"]

    def titles(query: str) -> list[str]:
        page = official.get(f"/review/?{query}").get_data(as_text=True)
        return [t for t in (rapat.title, pelatihan.title) if any(t in b for b in _blocks(page))]

    assert titles(f"req={rapat.id}") == [rapat.title]
    assert titles(f"buyer={queue['bumd'].organisation_id}") == [pelatihan.title]
    assert titles(f"kota={pelatihan.kota_id}") == [pelatihan.title]
    assert titles("q=pelatihan") == [pelatihan.title]
    assert titles(f"q={rapat.buyer.legal_name}") == [rapat.title]
    with_ani = [
        d.title
        for d in (rapat, pelatihan)
        if any(m.supplier.display_name == "Warung Nasi Mpok Ani" for m in d.matches)
    ]
    assert with_ani and sorted(titles("q=mpok+ani")) == sorted(with_ani)  # supplier's name
    assert titles(f"category={rapat.category_id}") == [rapat.title, pelatihan.title]
    assert titles(f"category={category(db, 'furniture').id}") == []
    _age(db, rapat, 8)
    assert titles("age=7") == [rapat.title]
    assert titles("age=14") == []
    assert "Tidak ada usulan" in official.get("/review/?q=tidak-ada-sama-sekali").get_data(as_text=True)


def test_request_blocks_are_paged_ten_at_a_time(app: Flask, db: Session, queue: dict) -> None:
    for n in range(9):
        demand = make_request(db, queue["dinas"], title=f"Nasi kotak kegiatan {n}")
        publish_request(db, demand, queue["dinas"], today())
    db.commit()
    official = _official(app)
    first = official.get("/review/").get_data(as_text=True)
    assert len(_blocks(first)) == 10 and "Halaman 1 dari 2" in first
    assert len(_blocks(official.get("/review/?page=2").get_data(as_text=True))) == 1
    late = official.get("/review/?page=7").get_data(as_text=True)  # past the end: the last page
    assert len(_blocks(late)) == 1 and "Halaman 2 dari 2" in late


def test_a_batch_with_one_bad_rejection_changes_nothing(db: Session, queue: dict) -> None:
    from app.services import ServiceError
    from app.services.review import decide

    rapat = queue["rapat"]
    first, second = rapat.matches[0], rapat.matches[1]
    with pytest.raises(ServiceError):
        decide(db, [first.id], {second.id: "  "}, queue["official"])
    db.rollback()
    assert first.status == "proposed" and second.status == "proposed"
    outcome = decide(db, [first.id], {second.id: "Produk tidak sesuai"}, queue["official"])
    assert (outcome.approved, outcome.rejected, outcome.stale) == (1, 1, [])


def test_one_proposal_is_rejected_with_a_listed_reason_and_a_note(
    app: Flask, db: Session, queue: dict
) -> None:
    rapat = queue["rapat"]
    first, *rest = rapat.matches
    response = _official(app).post(
        "/review/decide",
        data={
            "reject_one": str(first.id),
            f"reason_{first.id}": "capacity",
            f"note_{first.id}": "hanya 50 kotak sehari",
            "back": "/review/",
        },
    )
    assert response.status_code == 302
    db.expire_all()
    assert first.status == "rejected"
    assert first.review_reason == "Kapasitas tidak cukup untuk jumlahnya: hanya 50 kotak sehari"
    assert all(m.status == "proposed" for m in rest)


def test_one_request_is_decided_at_once(app: Flask, db: Session, queue: dict) -> None:
    rapat, pelatihan = queue["rapat"], queue["pelatihan"]
    keep, *others = rapat.matches
    assert others
    shown = [str(m.id) for m in rapat.matches]
    official = _official(app)
    official.post(
        "/review/decide",
        data={"match_id": [str(keep.id)], f"shown_{rapat.id}": shown, "approve_request": str(rapat.id)},
    )
    response = official.post(
        "/review/decide",
        data={
            f"shown_{rapat.id}": [str(m.id) for m in others],
            "reject_rest": str(rapat.id),
            f"reason_r{rapat.id}": "not_fit",
        },
        follow_redirects=True,
    )
    assert f"{len(others)} usulan ditolak" in response.get_data(as_text=True)
    db.expire_all()
    assert keep.status == "approved" and all(m.status == "rejected" for m in others)
    assert rapat.status == "open"  # every proposal reviewed: back to the buyer
    assert all(m.status == "proposed" for m in pelatihan.matches)


def test_ticks_and_typed_reasons_are_kept_after_an_error(app: Flask, db: Session, queue: dict) -> None:
    rapat = queue["rapat"]
    keep, other = rapat.matches[0], rapat.matches[1]
    response = _official(app).post(
        "/review/decide",
        data={
            "match_id": [str(keep.id)],
            f"shown_{rapat.id}": [str(m.id) for m in rapat.matches],
            "reject_rest": str(rapat.id),
            f"note_r{rapat.id}": "harga terlalu tinggi",
            f"reason_{other.id}": "price",
            f"note_{other.id}": "catatan saya",
        },
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert re.search(rf'value="{keep.id}" id="m{keep.id}" checked', page)
    assert not re.search(rf'value="{other.id}" id="m{other.id}" checked', page)
    assert 'value="harga terlalu tinggi"' in page and 'value="catatan saya"' in page
    assert re.search(r'<option value="price" selected>', page)
    assert f'id="reason_r{rapat.id}-error"' in page and "alasan" in page.lower()
    db.expire_all()
    assert all(m.status == "proposed" for m in rapat.matches)


def test_other_reason_needs_a_note(app: Flask, db: Session, queue: dict) -> None:
    match = queue["rapat"].matches[0]
    response = _official(app).post(
        "/review/decide", data={"reject_one": str(match.id), f"reason_{match.id}": "other"}
    )
    assert response.status_code == 422 and "catatan" in response.get_data(as_text=True).lower()
    db.expire_all()
    assert match.status == "proposed"


def test_a_decision_already_taken_by_another_official_is_reported_and_kept(
    app: Flask, db: Session, queue: dict
) -> None:
    rapat = queue["rapat"]
    taken, free = rapat.matches[0], rapat.matches[1]
    approve(db, [taken.id], queue["other"])
    db.commit()
    response = _official(app).post(
        "/review/decide",
        data={"match_id": [str(taken.id), str(free.id)], "action": "reject", "reason": "not_fit"},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "sudah diputuskan" in page and queue["other"].full_name in page
    assert "1 usulan ditolak" in page
    db.expire_all()
    assert taken.status == "approved" and taken.reviewed_by_id == queue["other"].id
    assert free.status == "rejected"


def test_request_page_gives_officials_the_review_controls(app: Flask, db: Session, queue: dict) -> None:
    rapat = queue["rapat"]
    match = rapat.matches[0]
    official = _official(app)
    page = official.get(f"/requests/{rapat.id}").get_data(as_text=True)
    assert f'name="approve_one" value="{match.id}" form="review-decide"' in page
    assert f'name="reason_{match.id}"' in page and "Kapasitas tidak cukup" in page
    buyer = app.test_client()
    login(buyer, "dinas@test.id")
    assert "approve_one" not in buyer.get(f"/requests/{rapat.id}").get_data(as_text=True)
    response = official.post(
        "/review/decide", data={"approve_one": str(match.id), "back": f"/requests/{rapat.id}#proposals"}
    )
    assert response.headers["Location"].endswith(f"/requests/{rapat.id}#proposals")
    db.expire_all()
    assert match.status == "approved"
    refused = official.post(
        "/review/decide",
        data={"reject_one": str(rapat.matches[1].id), "back": f"/requests/{rapat.id}#proposals"},
        follow_redirects=True,
    )
    assert "alasan" in refused.get_data(as_text=True).lower()
    db.expire_all()
    assert rapat.matches[1].status == "proposed"


def test_back_address_outside_the_app_is_ignored(app: Flask, db: Session, queue: dict) -> None:
    match = queue["rapat"].matches[0]
    response = _official(app).post(
        "/review/decide", data={"approve_one": str(match.id), "back": "//evil.example/review"}
    )
    assert response.headers["Location"].endswith("/review/")
    assert isinstance(db.get(Match, match.id), Match)


@pytest.mark.postgres
@pytest.mark.skipif(
    os.environ.get("PASARPADU_TEST_DB") != "postgres",
    reason="row locks need PostgreSQL; this runs in the PostgreSQL pass of make test",
)
def test_two_officials_decide_the_same_proposal_at_once(app: Flask, db: Session, queue: dict) -> None:
    from app.extensions import db as flask_db
    from app.services.review import decide
    from models import AuditEvent, User

    match_id = queue["rapat"].matches[0].id
    officials = (queue["official"].id, queue["other"].id)
    barrier = threading.Barrier(2)
    outcomes: list[tuple[int, int, int]] = []

    def run(official_id: int, reject: bool) -> None:
        with app.app_context(), Session(flask_db.engine) as session:
            official = session.get(User, official_id)
            session.get(Match, match_id)  # both have read the proposal before deciding
            barrier.wait()
            result = decide(
                session,
                [] if reject else [match_id],
                {match_id: "Produk tidak sesuai"} if reject else {},
                official,
            )
            session.commit()
            outcomes.append((result.approved, result.rejected, len(result.stale)))

    threads = [threading.Thread(target=run, args=(officials[k], k == 1)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(o[2] for o in outcomes) == [0, 1], outcomes  # one decided, one told it was stale
    assert sum(o[0] + o[1] for o in outcomes) == 1
    events = db.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.object_type == "match",
            AuditEvent.object_id == match_id,
            AuditEvent.action.in_(("match.approved", "match.rejected")),
        )
    )
    assert events == 1


def test_the_queue_reads_in_english_too(app: Flask, db: Session, queue: dict) -> None:
    official = _official(app)
    official.get("/lang/en")
    page = official.get("/review/").get_data(as_text=True)
    assert "Review queue" in page and "waiting since today" in page
    assert "proposals of this request" in page
    assert "The product does not fit the need" in page


def test_required_certificates_read_as_on_the_other_pages(app: Flask, db: Session, queue: dict) -> None:
    dinas = queue["dinas"]
    sri = db.scalar(select(SupplierProfile).where(SupplierProfile.display_name == "Katering Bu Sri"))
    add_certification(db, sri, "halal", "ID31110001234", today() + timedelta(days=400))
    demand = make_request(db, dinas, title="Nasi kotak halal pengajian", certifications=["halal"])
    assert publish_request(db, demand, dinas, today()) is not None
    db.commit()
    page = _official(app).get("/review/").get_data(as_text=True)
    block = next(b for b in _blocks(page) if demand.title in b)
    assert "mensyaratkan Halal" in block and "HALAL" not in block


def test_each_review_page_links_the_other_two(app: Flask, queue: dict) -> None:
    client = _official(app)
    pages = {
        "/review/": "Usulan",
        "/review/sellers": "Penjual untuk diverifikasi",
        "/review/buyers/": "Pembeli yang perlu diverifikasi",
    }
    for path, current in pages.items():
        page = client.get(path).get_data(as_text=True)
        tabs = re.search(r'<nav class="tabs".*?</nav>', page, flags=re.S)
        assert tabs, path
        for other in pages:
            assert f'href="{other}"' in tabs.group(0), (path, other)
        assert re.search(rf'aria-current="page">{current}<', tabs.group(0)), path


def test_the_queue_and_the_request_page_list_the_same_scores(app: Flask, queue: dict) -> None:
    client = _official(app)
    rapat = queue["rapat"]

    def score_names(page: str) -> list[str]:
        panel = re.search(r'<details class="scores">.*?</details>', page, flags=re.S)
        assert panel, "no score panel"
        return re.findall(r"<dt>(.*?)</dt>", panel.group(0))

    in_queue = score_names(client.get(f"/review/?req={rapat.id}").get_data(as_text=True))
    on_request = score_names(client.get(f"/requests/{rapat.id}").get_data(as_text=True))
    assert in_queue == on_request and "Total" in in_queue and len(in_queue) == 10
