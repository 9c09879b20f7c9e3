"""Certificate documents: the scan or photo of each seller certificate, for officials

Revision ID: 0010
Revises: 0008
Create Date: 2026-11-30 08:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('supplier_certifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('document_name', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('supplier_certifications', schema=None) as batch_op:
        batch_op.drop_column('document_name')
