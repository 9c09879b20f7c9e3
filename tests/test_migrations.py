"""The schema only changes through migrations, which go up from empty and back down cleanly."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, func, inspect, select

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from models import Base, Category, Kecamatan, Kota
from tests.conftest import _postgres_database


@pytest.fixture()
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    if os.environ.get("PASARPADU_TEST_DB") == "postgres":
        yield from _postgres_database()
    else:
        yield f"sqlite:///{tmp_path / 'migrations.db'}"


def test_upgrade_from_empty_then_downgrade_to_nothing(empty_database_url: str, tmp_path: Path) -> None:
    app = create_app(config_for_tests(str(tmp_path / "instance"), empty_database_url))
    with app.app_context():
        upgrade()
        inspector = inspect(db.engine)
        tables = set(inspector.get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert db.session.scalar(select(func.count()).select_from(Kota)) == 6
        assert db.session.scalar(select(func.count()).select_from(Kecamatan)) == 44
        slugs = set(db.session.scalars(select(Category.slug)))
        assert {"catering", "snack", "uniform", "printing", "hampers", "it"} <= slugs
        db.session.remove()
        downgrade(revision="base")
        remaining = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert remaining == set()
        db.session.remove()
        db.engine.dispose()


def test_models_and_migrations_agree(empty_database_url: str, tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    app = create_app(config_for_tests(str(tmp_path / "instance"), empty_database_url))
    with app.app_context():
        upgrade()
        engine = create_engine(empty_database_url)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            differences = compare_metadata(context, Base.metadata)
        engine.dispose()
        db.session.remove()
        db.engine.dispose()
    assert differences == []
