"""Reference data: Jakarta's kota/kabupaten, kecamatan and kelurahan; product categories.

The data is written out here (not imported) so this revision replays the same way forever.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (BPS code, name, kind, [(kecamatan, lat, lon, [kelurahan, ...]), ...])
JAKARTA = [('31.01', 'Kepulauan Seribu', 'kabupaten',
  [('Kepulauan Seribu Utara', -5.7, 106.575, ['Pulau Panggang', 'Pulau Kelapa', 'Pulau Harapan']),
   ('Kepulauan Seribu Selatan', -5.87, 106.6,
    ['Pulau Tidung', 'Pulau Pari', 'Pulau Untung Jawa'])]),
 ('31.71', 'Jakarta Selatan', 'kota',
  [('Kebayoran Baru', -6.24, 106.799,
    ['Selong', 'Gunung', 'Kramat Pela', 'Gandaria Utara', 'Cipete Utara', 'Pulo', 'Melawai',
     'Petogogan', 'Rawa Barat', 'Senayan']),
   ('Kebayoran Lama', -6.244, 106.775,
    ['Kebayoran Lama Utara', 'Kebayoran Lama Selatan', 'Grogol Utara', 'Grogol Selatan', 'Cipulir',
     'Pondok Pinang']),
   ('Pesanggrahan', -6.253, 106.756,
    ['Pesanggrahan', 'Bintaro', 'Petukangan Utara', 'Petukangan Selatan', 'Ulujami']),
   ('Cilandak', -6.29, 106.795,
    ['Cilandak Barat', 'Lebak Bulus', 'Pondok Labu', 'Gandaria Selatan', 'Cipete Selatan']),
   ('Pasar Minggu', -6.287, 106.843,
    ['Pasar Minggu', 'Jati Padang', 'Cilandak Timur', 'Ragunan', 'Pejaten Timur', 'Pejaten Barat',
     'Kebagusan']),
   ('Jagakarsa', -6.334, 106.823,
    ['Jagakarsa', 'Srengseng Sawah', 'Ciganjur', 'Lenteng Agung', 'Tanjung Barat', 'Cipedak']),
   ('Mampang Prapatan', -6.247, 106.824,
    ['Mampang Prapatan', 'Bangka', 'Pela Mampang', 'Tegal Parang', 'Kuningan Barat']),
   ('Pancoran', -6.25, 106.846,
    ['Pancoran', 'Kalibata', 'Rawajati', 'Duren Tiga', 'Pengadegan', 'Cikoko']),
   ('Tebet', -6.23, 106.855,
    ['Tebet Barat', 'Tebet Timur', 'Kebon Baru', 'Bukit Duri', 'Manggarai', 'Manggarai Selatan',
     'Menteng Dalam']),
   ('Setiabudi', -6.214, 106.83,
    ['Setiabudi', 'Karet', 'Karet Semanggi', 'Karet Kuningan', 'Kuningan Timur', 'Menteng Atas',
     'Pasar Manggis', 'Guntur'])]),
 ('31.72', 'Jakarta Timur', 'kota',
  [('Matraman', -6.201, 106.86,
    ['Pisangan Baru', 'Utan Kayu Utara', 'Utan Kayu Selatan', 'Kayu Manis', 'Palmeriam',
     'Kebon Manggis']),
   ('Pulo Gadung', -6.19, 106.89,
    ['Pulo Gadung', 'Jati', 'Rawamangun', 'Kayu Putih', 'Pisangan Timur', 'Cipinang',
     'Jatinegara Kaum']),
   ('Jatinegara', -6.23, 106.87,
    ['Kampung Melayu', 'Bidara Cina', 'Bali Mester', 'Rawa Bunga', 'Cipinang Cempedak',
     'Cipinang Muara', 'Cipinang Besar Selatan', 'Cipinang Besar Utara']),
   ('Duren Sawit', -6.232, 106.914,
    ['Duren Sawit', 'Pondok Bambu', 'Klender', 'Pondok Kelapa', 'Malaka Sari', 'Malaka Jaya',
     'Pondok Kopi']),
   ('Kramat Jati', -6.27, 106.866,
    ['Kramat Jati', 'Batu Ampar', 'Bale Kambang', 'Kampung Tengah', 'Dukuh', 'Cawang',
     'Cililitan']),
   ('Makasar', -6.265, 106.888,
    ['Makasar', 'Pinang Ranti', 'Kebon Pala', 'Halim Perdana Kusuma', 'Cipinang Melayu']),
   ('Pasar Rebo', -6.32, 106.855, ['Pekayon', 'Kalisari', 'Baru', 'Cijantung', 'Gedong']),
   ('Ciracas', -6.33, 106.875, ['Ciracas', 'Cibubur', 'Kelapa Dua Wetan', 'Susukan', 'Rambutan']),
   ('Cipayung', -6.315, 106.9,
    ['Cipayung', 'Cilangkap', 'Pondok Ranggon', 'Munjul', 'Setu', 'Bambu Apus', 'Lubang Buaya',
     'Ceger']),
   ('Cakung', -6.186, 106.94,
    ['Cakung Barat', 'Cakung Timur', 'Rawa Terate', 'Jatinegara', 'Penggilingan', 'Pulo Gebang',
     'Ujung Menteng'])]),
 ('31.73', 'Jakarta Pusat', 'kota',
  [('Gambir', -6.1756, 106.8165,
    ['Gambir', 'Cideng', 'Petojo Utara', 'Petojo Selatan', 'Kebon Kelapa', 'Duri Pulo']),
   ('Sawah Besar', -6.1555, 106.8315,
    ['Pasar Baru', 'Karang Anyar', 'Kartini', 'Gunung Sahari Utara', 'Mangga Dua Selatan']),
   ('Kemayoran', -6.161, 106.856,
    ['Kemayoran', 'Kebon Kosong', 'Harapan Mulya', 'Serdang', 'Gunung Sahari Selatan',
     'Cempaka Baru', 'Sumur Batu', 'Utan Panjang']),
   ('Senen', -6.18, 106.843, ['Senen', 'Kwitang', 'Kenari', 'Paseban', 'Kramat', 'Bungur']),
   ('Cempaka Putih', -6.178, 106.87, ['Cempaka Putih Timur', 'Cempaka Putih Barat', 'Rawasari']),
   ('Menteng', -6.196, 106.836, ['Menteng', 'Pegangsaan', 'Cikini', 'Gondangdia', 'Kebon Sirih']),
   ('Tanah Abang', -6.204, 106.811,
    ['Gelora', 'Bendungan Hilir', 'Karet Tengsin', 'Kebon Melati', 'Petamburan', 'Kebon Kacang',
     'Kampung Bali']),
   ('Johar Baru', -6.184, 106.858, ['Johar Baru', 'Kampung Rawa', 'Tanah Tinggi', 'Galur'])]),
 ('31.74', 'Jakarta Barat', 'kota',
  [('Cengkareng', -6.15, 106.735,
    ['Cengkareng Barat', 'Cengkareng Timur', 'Duri Kosambi', 'Kapuk', 'Kedaung Kali Angke',
     'Rawa Buaya']),
   ('Grogol Petamburan', -6.163, 106.789,
    ['Grogol', 'Jelambar', 'Jelambar Baru', 'Wijaya Kusuma', 'Tanjung Duren Utara',
     'Tanjung Duren Selatan', 'Tomang']),
   ('Taman Sari', -6.147, 106.815,
    ['Taman Sari', 'Tangki', 'Mangga Besar', 'Keagungan', 'Glodok', 'Pinangsia', 'Maphar',
     'Krukut']),
   ('Tambora', -6.147, 106.8,
    ['Tambora', 'Kali Anyar', 'Duri Utara', 'Tanah Sereal', 'Krendang', 'Jembatan Lima',
     'Jembatan Besi', 'Angke', 'Roa Malaka', 'Pekojan', 'Duri Selatan']),
   ('Kebon Jeruk', -6.193, 106.77,
    ['Kebon Jeruk', 'Sukabumi Utara', 'Sukabumi Selatan', 'Kelapa Dua', 'Duri Kepa', 'Kedoya Utara',
     'Kedoya Selatan']),
   ('Kalideres', -6.13, 106.7, ['Kalideres', 'Semanan', 'Tegal Alur', 'Kamal', 'Pegadungan']),
   ('Palmerah', -6.195, 106.796,
    ['Palmerah', 'Slipi', 'Kota Bambu Utara', 'Kota Bambu Selatan', 'Jati Pulo', 'Kemanggisan']),
   ('Kembangan', -6.19, 106.74,
    ['Kembangan Utara', 'Kembangan Selatan', 'Meruya Utara', 'Meruya Selatan', 'Srengseng',
     'Joglo'])]),
 ('31.75', 'Jakarta Utara', 'kota',
  [('Penjaringan', -6.122, 106.775,
    ['Kamal Muara', 'Kapuk Muara', 'Pejagalan', 'Penjaringan', 'Pluit']),
   ('Pademangan', -6.13, 106.838, ['Pademangan Barat', 'Pademangan Timur', 'Ancol']),
   ('Tanjung Priok', -6.132, 106.871,
    ['Tanjung Priok', 'Kebon Bawang', 'Sungai Bambu', 'Papanggo', 'Warakas', 'Sunter Agung',
     'Sunter Jaya']),
   ('Koja', -6.117, 106.906,
    ['Koja', 'Lagoa', 'Rawa Badak Utara', 'Rawa Badak Selatan', 'Tugu Utara', 'Tugu Selatan']),
   ('Kelapa Gading', -6.159, 106.905,
    ['Kelapa Gading Barat', 'Kelapa Gading Timur', 'Pegangsaan Dua']),
   ('Cilincing', -6.125, 106.945,
    ['Cilincing', 'Kalibaru', 'Semper Barat', 'Semper Timur', 'Sukapura', 'Rorotan', 'Marunda'])])]

# (slug, Indonesian name, English name, parent slug)
CATEGORIES = [('catering', 'Katering & Nasi Kotak', 'Catering & Boxed Meals', None),
 ('snack', 'Kue & Camilan', 'Snacks & Pastries', None),
 ('uniform', 'Seragam & Konveksi', 'Uniforms & Garments', None),
 ('printing', 'Percetakan & Reklame', 'Printing & Signage', None),
 ('stationery', 'Alat Tulis Kantor', 'Office Stationery', None),
 ('furniture', 'Mebel & Furnitur', 'Furniture', None),
 ('souvenir', 'Suvenir & Kerajinan', 'Souvenirs & Crafts', None),
 ('cleaning', 'Kebersihan & Bahan Pembersih', 'Cleaning Services & Supplies', None),
 ('laundry', 'Laundry & Binatu', 'Laundry', None),
 ('ppe', 'Alat Pelindung Diri (APD)', 'Personal Protective Equipment', None),
 ('beverage', 'Minuman', 'Beverages', None),
 ('produce', 'Bahan Pangan & Hasil Bumi', 'Fresh Food & Groceries', None),
 ('plants', 'Tanaman & Pertamanan', 'Plants & Landscaping', None),
 ('event', 'Acara & Sewa Perlengkapan', 'Events & Equipment Hire', None),
 ('repair', 'Servis & Perbaikan', 'Repair & Maintenance', None),
 ('leather', 'Tas, Sepatu & Produk Kulit', 'Leather Goods & Footwear', None),
 ('it', 'Teknologi Informasi & Digital', 'IT & Digital Services', None),
 ('transport', 'Transportasi & Pengiriman', 'Transport & Delivery', None),
 ('hampers', 'Parsel & Hampers', 'Hampers & Gift Parcels', None)]

kota_table = sa.table("kota", sa.column("id", sa.Integer), sa.column("code", sa.String),
                      sa.column("name", sa.String), sa.column("kind", sa.String))
kecamatan_table = sa.table("kecamatan", sa.column("id", sa.Integer), sa.column("kota_id", sa.Integer),
                           sa.column("name", sa.String), sa.column("lat", sa.Float),
                           sa.column("lon", sa.Float))
kelurahan_table = sa.table("kelurahan", sa.column("kecamatan_id", sa.Integer),
                           sa.column("name", sa.String))
category_table = sa.table("categories", sa.column("id", sa.Integer), sa.column("slug", sa.String),
                          sa.column("name_id", sa.String), sa.column("name_en", sa.String),
                          sa.column("parent_id", sa.Integer), sa.column("position", sa.Integer))


def upgrade():
    kota_rows, kecamatan_rows, kelurahan_rows = [], [], []
    kecamatan_id = 0
    for kota_id, (code, name, kind, districts) in enumerate(JAKARTA, start=1):
        kota_rows.append({"id": kota_id, "code": code, "name": name, "kind": kind})
        for district, lat, lon, villages in districts:
            kecamatan_id += 1
            kecamatan_rows.append({"id": kecamatan_id, "kota_id": kota_id, "name": district,
                                   "lat": lat, "lon": lon})
            kelurahan_rows += [{"kecamatan_id": kecamatan_id, "name": v} for v in villages]
    op.bulk_insert(kota_table, kota_rows)
    op.bulk_insert(kecamatan_table, kecamatan_rows)
    op.bulk_insert(kelurahan_table, kelurahan_rows)
    ids = {slug: n for n, (slug, *_rest) in enumerate(CATEGORIES, start=1)}
    op.bulk_insert(category_table, [
        {"id": ids[slug], "slug": slug, "name_id": name_id, "name_en": name_en,
          "parent_id": ids.get(parent) if parent else None, "position": ids[slug]}
        for slug, name_id, name_en, parent in CATEGORIES
    ])
    if op.get_bind().dialect.name == "postgresql":
        for table in ("kota", "kecamatan", "kelurahan", "categories"):
            op.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                       f"(SELECT MAX(id) FROM {table}))")


def downgrade():
    op.execute("DELETE FROM categories WHERE parent_id IS NOT NULL")
    for table in ("categories", "kelurahan", "kecamatan", "kota"):
        op.execute(f"DELETE FROM {table}")
