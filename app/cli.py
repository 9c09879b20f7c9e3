"""Command-line commands: staff accounts and demo data."""
from __future__ import annotations

import click
from flask import Flask

from app.extensions import db
from app.services import ServiceError


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--role", type=click.Choice(["official", "admin"]), required=True)
@click.password_option()
def create_user_command(email: str, full_name: str, role: str, password: str) -> None:
    """Create an official or admin account (the only way to create one)."""
    from app.services.accounts import create_staff_user

    try:
        user = create_staff_user(db.session, email=email, password=password, full_name=full_name,
                                 role=role)
    except ServiceError as error:
        db.session.rollback()
        raise click.ClickException(error.message) from None
    db.session.commit()
    click.echo(f"Created {role} {user.email} (id {user.id}).")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has users.")
@click.option("--seed", default=2026, show_default=True, help="Random seed of the generator.")
def seed_demo_command(if_empty: bool, seed: int) -> None:
    """Fill the database with a realistic, deterministic Jakarta demo dataset."""
    from app.services.demo import database_is_empty, seed_demo

    if if_empty and not database_is_empty(db.session):
        click.echo("Database already has data; demo seeding skipped.")
        return
    summary = seed_demo(db.session, seed=seed)
    db.session.commit()
    click.echo("Demo data loaded: " + ", ".join(f"{n} {what}" for what, n in summary.items()))


def register(app: Flask) -> None:
    """Add the commands to ``flask``."""
    app.cli.add_command(create_user_command)
    app.cli.add_command(seed_demo_command)
