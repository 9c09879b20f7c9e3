"""Command-line commands: staff accounts, demo data, the indexer, matching and scheduled jobs."""

from __future__ import annotations

import click
from flask import Flask, current_app
from sqlalchemy.orm import Session

from app.extensions import db
from app.policy import STAFF_ROLES
from app.services import ServiceError
from models import ROLES


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--role", type=click.Choice([r.value for r in STAFF_ROLES]), required=True)
@click.password_option()
def create_user_command(email: str, full_name: str, role: str, password: str) -> None:
    """Create an official or admin account (the only way to create one)."""
    from app.services.accounts import create_staff_user
    from app.unit_of_work import unit_of_work

    with unit_of_work() as work:
        user = create_staff_user(db.session, email=email, password=password, full_name=full_name, role=role)
    if work.error is not None:
        raise click.ClickException(work.error.message)
    click.echo(f"Created {role} {user.email} (id {user.id}).")


@click.command("set-role")
@click.option("--email", required=True)
@click.option("--role", type=click.Choice(ROLES), required=True)
def set_role_command(email: str, role: str) -> None:
    """Change a user's role (audited; the user's sessions end)."""
    from sqlalchemy import select

    from app.services.accounts import normalise_email, set_role
    from models import User

    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise click.ClickException(f"No user {email}.")
    previous = user.role
    set_role(db.session, user, role, actor=None)
    db.session.commit()
    click.echo(f"{user.email}: {previous} -> {role}.")


@click.command("skip-review")
@click.argument("organisation_id", type=int)
@click.option("--off", is_flag=True, help="Send this buyer's proposals through review again.")
def skip_review_command(organisation_id: int, off: bool) -> None:
    """Let a buyer organisation see proposals without officials' review (or stop it)."""
    from app.services.states import record_event
    from models import Organisation

    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None or organisation.kind == "umkm":
        raise click.ClickException(f"No buyer organisation {organisation_id}.")
    organisation.skip_review = not off
    record_event(
        db.session,
        actor=None,
        action="organisation.skip_review",
        object_type="organisation",
        object_id=organisation.id,
        to_state="off" if off else "on",
    )
    db.session.commit()
    click.echo(f"{organisation.legal_name}: review {'required' if off else 'skipped'}.")


@click.command("set-seller-active")
@click.option("--email", required=True, help="E-mail of one of the seller's users.")
@click.option("--off", is_flag=True, help="Take the seller and its listings off the storefront.")
def set_seller_active_command(email: str, off: bool) -> None:
    """Show a seller again, or take it (and its listings) out of the storefront and matching."""
    from sqlalchemy import select

    from app.services.accounts import normalise_email
    from app.services.profiles import set_active
    from models import User

    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None or user.organisation is None or user.organisation.supplier_profile is None:
        raise click.ClickException(f"No seller with a user {email}.")
    set_active(db.session, user.organisation.supplier_profile, not off, actor=None)
    db.session.commit()
    click.echo(f"{user.organisation.legal_name}: {'inactive' if off else 'active'}.")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has users.")
@click.option("--seed", default=2026, show_default=True, help="Random seed of the generator.")
def seed_demo_command(if_empty: bool, seed: int) -> None:
    """Fill the database with a realistic, deterministic Jakarta demo dataset."""
    from app.services.demo import database_is_empty, seed_demo

    if if_empty and not database_is_empty(db.session):
        click.echo("Database already has data; demo seeding skipped.")
        return
    from app.settings import workflow

    summary = seed_demo(db.session, seed=seed, index_catalogue=_index_in_memory, settings=workflow())
    db.session.commit()
    click.echo("Demo data loaded: " + ", ".join(f"{n} {what}" for what, n in summary.items()))


def _index_in_memory(session: Session) -> None:
    """Serve this process's matching from an in-memory index of the uncommitted catalogue.

    Nothing is published: the indexer builds the snapshot from the committed database.
    """
    from app.catalogue_index import catalogue_index
    from app.services.catalogue_records import iter_indexable_records
    from matching.retriever import Retriever

    index = catalogue_index()
    retriever = Retriever.build(iter_indexable_records(session), index.embedder)
    retriever.query_embedder = index.query_embedder
    index.serve_in_memory(retriever)


def register(app: Flask) -> None:
    """Add the commands to ``flask``."""
    app.cli.add_command(create_user_command)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(set_role_command)
    app.cli.add_command(skip_review_command)
    app.cli.add_command(match_group)
    app.cli.add_command(indexer_group)
    app.cli.add_command(set_seller_active_command)
    app.cli.add_command(jobs_group)


match_group = click.Group("match", help="The matching engine's index and matches.")


@match_group.command("rebuild")
@click.option(
    "--if-stale",
    is_flag=True,
    help="Only catch the saved index up with the change feed (full build when unusable).",
)
@click.option(
    "--ray",
    "use_ray",
    is_flag=True,
    help="Embed with a Ray Data job (RAY_ADDRESS's cluster, else local); as INDEXER_RAY=1.",
)
def match_rebuild_command(if_stale: bool, use_ray: bool) -> None:
    """Build the search index from the database and publish it; the site serves the old one meanwhile."""
    from flask import current_app
    from tqdm import tqdm

    from app.services.catalogue_records import count_indexable
    from app.services.index_backend import BuildOptions
    from app.services.index_changes import request_rebuild
    from app.services.indexer import FolderLock, Indexer, IndexerBusy, run_once

    config = current_app.config
    folder, model = config["INDEX_FOLDER"], config["MATCHER_MODEL"]
    options = BuildOptions.from_config({**config, "INDEXER_RAY": use_ray or config.get("INDEXER_RAY")})
    try:
        if if_stale:
            indexer = run_once(db.session, folder, model, options=options)
            assert indexer.retriever is not None
            click.echo(
                f"Index up to date: {len(indexer.retriever)} listings "
                f"(snapshot {indexer.retriever.snapshot})."
            )
            return
        with FolderLock(folder):
            total = count_indexable(db.session)
            with tqdm(total=total, unit="listing", desc="Indexing") as bar:

                def advance(done: int) -> None:
                    bar.update(done)

                report = Indexer(folder, model, options=options).full_build(db.session, progress=advance)
    except IndexerBusy:
        if if_stale:
            click.echo("An indexer is running on this folder; it keeps the index up to date.")
            return
        # The running indexer owns the folder: leave it a rebuild request in the change feed.
        request_rebuild(db.session, "operator")
        db.session.commit()
        click.echo("An indexer is running on this folder; it will rebuild the index shortly.")
        return
    click.echo(f"Indexed {report.listings} listings in {report.seconds:.1f} s; snapshot {report.snapshot}.")


@match_group.command("request")
@click.argument("request_id", type=int)
@click.option("--limit", type=int, default=None, help="How many suppliers (default: setting).")
@click.option("--fairness", type=float, default=None, help="Fair-exposure strength (0 = off).")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id")
def match_request_command(request_id: int, limit: int | None, fairness: float | None, lang: str) -> None:
    """Show the suppliers the engine proposes for a demand request, with reasons."""
    from app.catalogue_index import catalogue_index
    from app.clock import today
    from app.services.matchmaking import match_request
    from models import DemandRequest, SupplierProfile

    index = catalogue_index()
    index.current()
    index.wait_idle(600)  # a command may wait for the snapshot; without one it matches by words
    request = db.session.get(DemandRequest, request_id)
    if request is None:
        raise click.ClickException(f"No demand request {request_id}.")
    click.echo(f"#{request.id} {request.title}  [{request.status}]")
    from app.settings import matching

    matches = match_request(db.session, request, today(), limit=limit, fairness=fairness, settings=matching())
    if not matches:
        click.echo("No eligible supplier found.")
    for match in matches:
        supplier = db.session.get(SupplierProfile, match.supplier_id)
        name = supplier.display_name if supplier else match.supplier_id
        sentence = match.explanation.sentence_id if lang == "id" else match.explanation.sentence_en
        click.echo(f"{match.rank:>2}. {name}  (score {match.score:.2f})")
        click.echo(f"    {sentence}")


@match_group.command("rematch")
@click.option(
    "--request",
    "request_ids",
    type=int,
    multiple=True,
    help="Only this request (repeatable); default: every request still awaiting review.",
)
@click.option(
    "--ray",
    "use_ray",
    is_flag=True,
    help="Retrieve with a Ray Data job (RAY_ADDRESS's cluster, else a local Ray).",
)
def match_rematch_command(request_ids: tuple[int, ...], use_ray: bool) -> None:
    """Propose suppliers afresh, from the published index, for requests whose review has not
    started; each request is committed on its own, and a re-run changes nothing."""
    from flask import current_app

    from app.catalogue_index import catalogue_index
    from app.clock import today
    from app.services.rematch import candidates_with_ray, rematch_request, requests_to_rematch
    from app.settings import matching

    index = catalogue_index()
    index.current()
    index.wait_idle(600)
    if index.current() is None:
        raise click.ClickException("No published index: run `flask match rebuild` first.")
    day = today()
    requests = requests_to_rematch(db.session, day, request_ids or None)
    batch = [r.id for r in requests]
    candidates: dict = {}
    if use_ray and requests:
        config = current_app.config
        try:
            candidates = candidates_with_ray(
                requests,
                day,
                config["INDEX_FOLDER"],
                config["MATCHER_MODEL"],
                config.get("MATCHER_QUERY_MODEL", ""),
                index.snapshot or "",
            )
        except ServiceError as problem:
            raise click.ClickException(str(problem)) from problem
    db.session.rollback()  # release the read; each request is locked and written on its own
    counts = {"changed": 0, "unchanged": 0, "skipped": 0}
    for request_id in batch:
        outcome = rematch_request(
            db.session, request_id, day, candidates.get(request_id) if use_ray else None, matching()
        )
        db.session.commit()
        counts[outcome.result] += 1
        if outcome.result == "changed":
            click.echo(f"#{request_id}: {len(outcome.before)} -> {len(outcome.after)} proposals")
    click.echo(
        f"Re-matched {len(batch)} requests awaiting review"
        f"{' with Ray' if use_ray else ''} (snapshot {index.snapshot}): "
        f"{counts['changed']} changed, {counts['unchanged']} unchanged, "
        f"{counts['skipped']} skipped (review started meanwhile)."
    )


@match_group.command("learn")
@click.option("--min-decisions", type=int, default=None, help="Least decided proposals to learn from.")
def match_learn_command(min_decisions: int | None) -> None:
    """Learn a scorer from officials' and buyers' decisions; used only if it beats the
    hand-set weights on the most recent decisions."""
    from app.services.learning import learn_from_decisions, scorer_path

    outcome = learn_from_decisions(db.session, scorer_path(current_app.instance_path), min_decisions)
    click.echo(outcome)


jobs_group = click.Group("jobs", help="Scheduled work (run from cron or a timer).")


@jobs_group.command("expire")
def jobs_expire_command() -> None:
    """Close requests and invitations past their dates, remind sellers of near deadlines."""
    from app.clock import today
    from app.services.jobs import expire
    from app.services.notifications import deliver_mail

    report = expire(db.session, today())
    db.session.commit()
    mailed = deliver_mail(db.session, current_app.config)
    click.echo(
        f"Closed {len(report.requests)} requests"
        + (f" ({', '.join(f'#{i}' for i in report.requests)})" if report.requests else "")
        + f" and {len(report.invitations)} invitations past their dates; "
        + f"reminded {len(report.reminders)} sellers; sent {mailed} e-mails."
    )


@jobs_group.command("deals")
def jobs_deals_command() -> None:
    """Expire unanswered orders, send unsettled problems to officials, remind about invoices."""
    from app.clock import today
    from app.services.jobs import deals
    from app.services.notifications import deliver_mail
    from app.settings import workflow

    report = deals(db.session, today(), workflow())
    db.session.commit()
    mailed = deliver_mail(db.session, current_app.config)
    click.echo(
        f"Expired {len(report.orders)} unanswered orders; escalated {len(report.disputes)} "
        f"problems to officials; reminded about {len(report.due_soon)} invoices due soon "
        f"and {len(report.overdue)} overdue; sent {mailed} e-mails."
    )


@jobs_group.command("mail")
def jobs_mail_command() -> None:
    """Send e-mail copies of notifications that are still waiting."""
    from app.services.notifications import deliver_mail

    click.echo(f"Sent {deliver_mail(db.session, current_app.config)} e-mails.")


indexer_group = click.Group("indexer", help="The process that owns the search index.")


@indexer_group.command("run")
@click.option(
    "--once", is_flag=True, help="Apply the pending changes (or build when unusable), publish, and exit."
)
def indexer_run_command(once: bool) -> None:
    """Keep the search index in step with the catalogue (one per index folder)."""
    import logging
    import signal
    import threading

    from flask import current_app

    from app.services.index_backend import BuildOptions
    from app.services.indexer import FolderLock, Indexer, IndexerBusy, run_once

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s indexer %(levelname)s %(message)s")
    logging.getLogger("app.services.indexer").setLevel(logging.INFO)
    config = current_app.config
    folder, model = config["INDEX_FOLDER"], config["MATCHER_MODEL"]
    try:
        if once:
            indexer = run_once(db.session, folder, model, options=BuildOptions.from_config(config))
            assert indexer.retriever is not None
            click.echo(
                f"Index up to date: {len(indexer.retriever)} listings, changes up to "
                f"#{indexer.published_watermark} (snapshot {indexer.retriever.snapshot})."
            )
            return
        with FolderLock(folder):
            stop = threading.Event()
            # A handler runs inside whatever the main thread was doing, possibly inside
            # stop.wait()/set() holding the event's lock: setting it from a fresh thread cannot
            # deadlock, however many signals arrive (systemd's TERM, then a second Ctrl-C).
            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, lambda *_: threading.Thread(target=stop.set, daemon=True).start())
            indexer = Indexer(folder, model, options=BuildOptions.from_config(config))
            indexer.open(db.session)
            click.echo(f"Indexer following the catalogue in {folder}.")
            indexer.run(db.session, stop)
            click.echo("Indexer stopped.")
    except IndexerBusy as busy:
        raise click.ClickException(str(busy)) from None
