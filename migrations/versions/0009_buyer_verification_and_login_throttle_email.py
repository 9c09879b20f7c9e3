"""Accounts: buyer organisations verified by officials; log-in locks findable per e-mail; a user's phone

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verification_state', sa.String(length=12),
                                      server_default='pending', nullable=False))
        batch_op.add_column(sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('verification_reason', sa.Text(), server_default='',
                                      nullable=False))
        batch_op.create_index(batch_op.f('ix_organisations_verification_state'),
                              ['verification_state'], unique=False)
    # Buyers that already published under the old rules keep publishing; the others wait for
    # an official like every new buyer.
    op.execute(
        "UPDATE organisations SET verification_state = 'verified', verified_at = CURRENT_TIMESTAMP "
        "WHERE kind <> 'umkm' AND EXISTS (SELECT 1 FROM demand_requests "
        "WHERE demand_requests.buyer_id = organisations.id AND demand_requests.status <> 'draft')"
    )

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=32), server_default='',
                                      nullable=False))

    with op.batch_alter_table('login_throttles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_hash', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_login_throttles_email_hash'), ['email_hash'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('login_throttles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_throttles_email_hash'))
        batch_op.drop_column('email_hash')

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('phone')

    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_verification_state'))
        batch_op.drop_column('verification_reason')
        batch_op.drop_column('verified_at')
        batch_op.drop_column('verification_state')
