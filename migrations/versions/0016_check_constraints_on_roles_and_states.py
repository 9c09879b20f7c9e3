"""CHECK constraints on the role and state columns (values from models/states.py)

Revision ID: 0016
Revises: 0012
Create Date: 2026-11-30 08:50:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0012'
branch_labels = None
depends_on = None

# (table, column, allowed values), written out so this migration stays as it was when
# models/states.py grows; the constraint is named ck_<table>_<column> (models/base.py).
CHECKS = (
    ("users", "role", ("seller", "buyer", "official", "admin")),
    ("organisations", "verification_state", ("pending", "verified", "rejected")),
    ("listings", "status", ("draft", "active", "archived")),
    ("demand_requests", "status", ("draft", "open", "under_review", "invited", "quoted",
                                   "awarded", "fulfilled", "cancelled")),
    ("matches", "status", ("proposed", "approved", "rejected", "invited", "quoted", "awarded",
                           "declined")),
    ("quotes", "status", ("submitted", "withdrawn", "accepted", "not_chosen")),
    ("orders", "status", ("pending", "accepted", "declined", "expired", "cancelled", "delivered",
                          "completed")),
    ("deliveries", "status", ("sent", "received", "disputed", "rejected")),
    ("disputes", "status", ("open", "settled", "escalated", "decided")),
    ("invoices", "status", ("issued", "paid", "cancelled")),
)


def upgrade():
    for table, column, allowed in CHECKS:
        listed = ", ".join(f"'{value}'" for value in allowed)
        with op.batch_alter_table(table) as batch_op:
            batch_op.create_check_constraint(op.f(f"ck_{table}_{column}"),
                                             f"{column} IN ({listed})")


def downgrade():
    for table, column, _allowed in reversed(CHECKS):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
