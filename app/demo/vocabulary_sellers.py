"""Kinds of UMKM sellers: what they make, how their shops are named, where they cluster.

Each archetype: ``weight`` (how common), ``heads`` (first word(s) of the shop name: "Katering",
"Konveksi"), ``tails`` (trailing words for names like "Mandiri Jaya Konveksi"), ``personal``
(chance the name carries the owner's nickname, "Katering Bu Sri"), ``speciality`` (for the
"about" text), ``products`` (product keys listed most), ``extra`` (occasional side products),
``kbli`` codes, ``certs`` (kind -> chance of holding one), ``near`` (places the trade clusters
in, as (kota, kecamatan) or (kota, kecamatan, kelurahan)) and ``island`` (only in Kepulauan
Seribu) or ``islands_too`` (also found there).
"""
from __future__ import annotations

import random


def kind(key: str, weight: int, heads: tuple[str, ...], speciality: str, products: tuple[str, ...],
         kbli: tuple[str, ...], *, tails: tuple[str, ...] = (), personal: float = .4,
         extra: tuple[str, ...] = (), certs: dict[str, float] | None = None,
         near: tuple[tuple[str, ...], ...] = (), island: bool = False, islands_too: bool = False) -> dict:
    return {"key": key, "weight": weight, "heads": heads, "tails": tails, "personal": personal,
            "speciality": speciality, "products": products, "extra": extra, "kbli": kbli,
            "certs": certs or {}, "near": near, "island": island, "islands_too": islands_too}


J_TIMUR, J_SELATAN, J_BARAT = "Jakarta Timur", "Jakarta Selatan", "Jakarta Barat"
J_UTARA, J_PUSAT = "Jakarta Utara", "Jakarta Pusat"

ARCHETYPES: list[dict] = [
    # --- food and drink ------------------------------------------------------------------------
    kind("katering", 24, ("Katering", "Catering", "Dapur", "Rumah Makan", "Nasi Kotak", "Boga"),
         "katering nasi kotak, prasmanan dan tumpeng",
         ("nasi_kotak", "nasi_kotak", "nasi_khas", "prasmanan", "tumpeng", "tumpeng_mini",
          "katering_harian", "rice_bowl", "paket_rapat", "aqiqah"),
         ("56210", "10750", "56101"), tails=("Catering", "Kitchen", "Boga"), personal=.7,
         extra=("snack_box", "kue_basah"), certs={"halal": .75, "other": .3}, islands_too=True),
    kind("kue", 14, ("Kue", "Toko Kue", "Rumah Kue", "Dapur Kue", "Snack Box", "Bakery"),
         "kue basah, snack box dan kue kering",
         ("snack_box", "snack_box", "kue_basah", "kue_basah", "kue_kering", "roti_cake"),
         ("10710", "10792"), tails=("Bakery", "Cake", "Snack"), personal=.7,
         extra=("parsel_lebaran", "tumpeng_mini"), certs={"halal": .55, "pirt": .6}),
    kind("camilan", 7, ("Keripik", "Camilan", "Kue Kering", "Snack"),
         "keripik dan kue kering kemasan", ("keripik", "keripik", "kue_kering"),
         ("10794", "10710"), tails=("Snack", "Food"), personal=.5,
         extra=("hampers_umkm", "parsel_lebaran"), certs={"halal": .6, "pirt": .75}),
    kind("betawi", 6, ("Dodol Betawi", "Kue Betawi", "Oleh-Oleh Betawi", "Bir Pletok"),
         "makanan dan minuman khas Betawi", ("betawi_manis", "betawi_manis", "bir_pletok", "kue_basah"),
         ("10796", "10792", "11040"), personal=.6, extra=("hampers_umkm",),
         certs={"halal": .5, "pirt": .7},
         near=((J_SELATAN, "Jagakarsa", "Srengseng Sawah"), (J_TIMUR, "Kramat Jati", "Bale Kambang"),
               (J_TIMUR, "Kramat Jati", "Batu Ampar"), (J_SELATAN, "Jagakarsa"))),
    kind("kopi", 6, ("Kopi", "Kedai Kopi", "Roastery", "Kopi Bubuk"),
         "kopi sangrai dan kopi susu literan",
         ("kopi", "kopi", "kopi_literan", "teh"), ("10761", "10763"), tails=("Coffee", "Roastery"),
         personal=.3, extra=("hampers_umkm",), certs={"halal": .4, "pirt": .6, "bpom": .1}),
    kind("jamu", 6, ("Jamu", "Minuman Sehat", "Sari Buah", "Jamu Gendong"), "jamu dan minuman segar",
         ("jamu", "jamu", "sari_buah", "bir_pletok"), ("11040",), personal=.7,
         extra=("air_mineral", "teh"), certs={"halal": .4, "pirt": .7, "bpom": .1}),
    kind("air", 3, ("Agen Air Mineral", "Depot Air", "Toko Air Minum"), "air minum kemasan",
         ("air_mineral", "air_mineral", "sari_buah"), ("11040",), personal=.3, extra=("teh",)),
    kind("sayur", 6, ("Sayur", "Agen Sayur", "Toko Sayur", "Sayur Segar"),
         "sayur dan buah untuk dapur katering",
         ("sayur", "sayur", "buah", "telur"), ("01131", "46311"), personal=.6, extra=("tempe_tahu",),
         near=((J_TIMUR, "Kramat Jati", "Kramat Jati"), (J_TIMUR, "Kramat Jati", "Kampung Tengah"))),
    kind("beras", 4, ("Toko Beras", "Agen Beras", "Beras"), "beras dan telur",
         ("beras", "beras", "telur"), ("46311",), personal=.5,
         near=((J_TIMUR, "Pulo Gadung", "Pisangan Timur"), (J_TIMUR, "Jatinegara"))),
    kind("ikan", 4, ("Ikan Segar", "Seafood", "Agen Ikan"), "ikan dan hasil laut segar",
         ("ikan", "ikan", "ayam"), ("10211",), personal=.5,
         near=((J_UTARA, "Penjaringan", "Pluit"), (J_UTARA, "Cilincing", "Kalibaru"),
               (J_UTARA, "Cilincing", "Cilincing"))),
    kind("ayam", 3, ("Ayam Potong", "Agen Ayam", "Ayam Segar"), "ayam potong dan telur",
         ("ayam", "ayam", "telur"), ("10750",), personal=.6, certs={"halal": .6}),
    kind("tempe", 2, ("Tempe Tahu", "Pabrik Tahu", "Tempe"), "tempe dan tahu segar",
         ("tempe_tahu", "tempe_tahu"), ("10391", "10392"), personal=.6, certs={"halal": .4, "pirt": .3},
         near=((J_BARAT, "Kalideres", "Semanan"),)),
    kind("parsel", 9, ("Parsel", "Hampers", "Gift", "Parcel"), "parsel dan hampers",
         ("parsel_lebaran", "hampers_natal", "hampers_imlek", "bingkisan_kantor", "parsel_buah",
          "paket_sembako", "hampers_umkm"), ("32903",), tails=("Gift", "Hampers", "Parcel"), personal=.4,
         extra=("kue_kering",)),
    # --- goods ---------------------------------------------------------------------------------
    kind("konveksi", 17, ("Konveksi", "Penjahit", "Garmen", "Seragam", "Tailor"), "konveksi seragam",
         ("seragam_sekolah", "pdh", "pdl", "kaos_olahraga", "rompi", "jaket", "polo_kerudung"),
         ("14111", "14120", "14302"), tails=("Konveksi", "Garment", "Tailor"), personal=.3,
         extra=("totebag", "rompi_reflektif", "sablon"),
         near=((J_PUSAT, "Tanah Abang"), (J_TIMUR, "Cakung", "Penggilingan"),
               (J_SELATAN, "Kebayoran Lama", "Cipulir"), (J_TIMUR, "Jatinegara"))),
    kind("batik", 5, ("Batik", "Batik Betawi", "Rumah Batik", "Sanggar Batik"),
         "batik tulis dan cap Betawi",
         ("batik_seragam", "batik_seragam", "batik_seragam"), ("13134",), personal=.3,
         extra=("totebag", "hampers_umkm"),
         near=((J_SELATAN, "Cilandak", "Cilandak Barat"), (J_SELATAN, "Jagakarsa", "Srengseng Sawah"),
               (J_UTARA, "Cilincing", "Marunda"), (J_BARAT, "Palmerah"))),
    kind("percetakan", 17, ("Percetakan", "Digital Printing", "Printing", "Grafika", "Advertising"),
         "percetakan dan reklame",
         ("spanduk", "spanduk", "banner", "brosur", "buku", "kartu_nama", "sablon", "stiker_label",
          "papan_nama", "sertifikat_kalender"), ("18111", "18112"), tails=("Printing", "Grafika", "Advertising"),
         personal=.15, extra=("amplop", "merchandise"),
         near=((J_PUSAT, "Kemayoran"), (J_PUSAT, "Senen", "Kwitang"),
               (J_PUSAT, "Sawah Besar", "Pasar Baru"))),
    kind("atk", 13, ("Toko ATK", "ATK", "Stationery", "Fotokopi dan ATK"), "alat tulis kantor",
         ("kertas", "kertas", "pulpen", "map", "amplop", "paket_atk", "tinta_toner", "atk_kecil",
          "stempel"),
         ("46421", "32901"), tails=("Stationery", "Office"), personal=.3, extra=("kartu_nama",)),
    kind("mebel", 13, ("Mebel", "Meubel", "Furniture", "Interior", "Bengkel Kayu"),
         "mebel kantor dan sekolah",
         ("meja_kantor", "kursi", "lemari", "rak", "meubelair_sekolah", "sofa_partisi"), ("31001",),
         tails=("Furniture", "Interior", "Mebel"), personal=.3,
         near=((J_TIMUR, "Duren Sawit", "Klender"), (J_TIMUR, "Jatinegara"),
               (J_SELATAN, "Pasar Minggu"))),
    kind("suvenir", 10, ("Souvenir", "Suvenir", "Kerajinan", "Merchandise", "Galeri"),
         "suvenir dan merchandise",
         ("plakat", "tumbler", "totebag", "gantungan_kunci", "merchandise", "kerajinan_betawi"),
         ("32903", "16293"), tails=("Souvenir", "Craft",
                                    "Merchandise"), personal=.25, extra=("stiker_label",)),
    kind("kulit", 12, ("Tas", "Kulit", "Sepatu", "Leather", "Perajin Kulit"),
         "tas, sepatu dan produk kulit",
         ("tas_kulit", "dompet", "sepatu_pantofel", "ikat_pinggang", "tas_seminar", "kulit_lain"),
         ("15121", "15201"), tails=("Leather", "Craft"), personal=.35,
         near=((J_TIMUR, "Cakung", "Penggilingan"), (J_TIMUR, "Cakung"), (J_PUSAT, "Tanah Abang"))),
    kind("apd", 14, ("Safety", "APD", "Toko Safety", "Perlengkapan K3"), "alat pelindung diri",
         ("helm", "sepatu_safety", "rompi_reflektif", "masker", "sarung_tangan", "apd_kesehatan",
          "wearpack", "apd_lain"), ("15203", "14111"), tails=("Safety", "Safetyindo"), personal=.1,
         extra=("alat_kebersihan",), certs={"sni": .7},
         near=((J_BARAT, "Taman Sari", "Glodok"), (J_UTARA, "Tanjung Priok"))),
    # --- services ------------------------------------------------------------------------------
    kind("kebersihan", 8, ("Jasa Kebersihan", "Cleaning Service", "Cleaning"), "jasa kebersihan gedung",
         ("cleaning_service", "jasa_kebersihan", "fogging_hama", "cuci_perabot"), ("81210",),
         tails=("Cleaning Service", "Clean"), personal=.2, extra=("alat_kebersihan",)),
    kind("sabun", 5, ("Sabun", "Produk Pembersih", "Home Care"), "sabun dan cairan pembersih",
         ("sabun", "sabun", "alat_kebersihan"), ("20231",), tails=("Home Care", "Clean"), personal=.5,
         certs={"bpom": .4, "other": .3}),
    kind("laundry", 12, ("Laundry", "Binatu", "Laundry Kiloan"), "laundry kiloan dan linen",
         ("kiloan", "kiloan", "linen", "laundry_seragam", "cuci_khusus", "dry_clean", "cuci_perabot"),
         ("96200",), tails=("Laundry", "Wash"), personal=.6),
    kind("nursery", 9, ("Nursery", "Kebun Bibit", "Tanaman Hias", "Taman"),
         "tanaman hias dan bibit pohon",
         ("tanaman_hias", "tanaman_hias", "bibit_pohon", "pot_media", "jasa_taman", "perawatan_taman",
          "hidroponik"), ("01301", "01302", "81300"), tails=("Garden", "Nursery"), personal=.4,
         near=((J_SELATAN, "Pasar Minggu", "Ragunan"), (J_SELATAN, "Jagakarsa"),
               (J_TIMUR, "Ciracas", "Cibubur"),
               (J_SELATAN, "Kebayoran Baru", "Kramat Pela"))),
    kind("florist", 4, ("Florist", "Toko Bunga", "Bunga"), "rangkaian bunga dan karangan bunga",
         ("bunga", "bunga", "tanaman_hias"), ("01301",), tails=("Florist",), personal=.5,
         near=((J_BARAT, "Kebon Jeruk", "Sukabumi Utara"),)),
    kind("tenda", 7, ("Sewa Tenda", "Persewaan", "Tenda", "Sound System"),
         "sewa tenda dan perlengkapan acara",
         ("sewa_tenda", "sewa_tenda", "sewa_perabot_acara", "sound_system", "sewa_alat_acara"), ("77100", "82301"),
         tails=("Rental", "Tenda"), personal=.4),
    kind("eo", 7, ("Event Organizer", "EO", "Kreasi", "Sanggar"),
         "penyelenggaraan acara dan seni Betawi",
         ("event_organizer", "dekorasi", "dokumentasi", "mc_seni", "mc_seni"), ("82301",),
         tails=("Production", "Organizer", "Kreatif"), personal=.2),
    kind("ac", 8, ("Servis AC", "Teknik", "AC", "Jasa Teknik"), "servis AC dan instalasi listrik",
         ("servis_ac", "servis_ac", "servis_elektronik", "listrik"), ("43224", "95220", "43211"),
         tails=("Teknik", "Service", "Cool"), personal=.4),
    kind("bangunan", 7, ("Jasa Renovasi", "Bengkel Las", "Tukang", "Kontraktor"),
         "renovasi ringan dan las",
         ("renovasi", "renovasi", "plambing", "listrik", "las"), ("43303", "43221", "25111"),
         tails=("Teknik", "Konstruksi"), personal=.4),
    kind("bengkel", 5, ("Bengkel", "Bengkel Motor", "Auto Service"), "servis kendaraan",
         ("bengkel_kendaraan", "bengkel_kendaraan"), ("95220",), tails=("Motor", "Auto"), personal=.5),
    kind("komputer", 8, ("Komputer", "Computer", "Tekno", "Solusi IT"),
         "servis komputer, jaringan dan CCTV",
         ("servis_komputer", "printer", "perangkat", "jaringan", "cctv", "cctv"), ("95110", "43212"),
         tails=("Computer", "Tech", "Solution"), personal=.2,
         near=((J_PUSAT, "Sawah Besar", "Mangga Dua Selatan"), (J_BARAT, "Taman Sari", "Glodok"))),
    kind("digital", 5, ("Digital", "Studio", "Kreatif", "Web"), "website dan pemasaran digital",
         ("website", "website", "digital", "jaringan"), ("62019",), tails=("Digital", "Studio", "Media"),
         personal=.1),
    kind("rental", 7, ("Rental Mobil", "Trans", "Tour", "Transport"), "sewa kendaraan dan bus",
         ("sewa_mobil", "sewa_mobil", "bus_pariwisata", "antar_jemput"), ("77100", "49221"),
         tails=("Trans", "Transport", "Tour & Travel"), personal=.3),
    kind("ekspedisi", 5, ("Ekspedisi", "Kurir", "Logistik", "Angkutan"),
         "pengiriman dan angkutan barang",
         ("ekspedisi", "ekspedisi", "kurir"), ("49431",), tails=("Logistik", "Cargo", "Express"), personal=.3),
    # --- Kepulauan Seribu only -----------------------------------------------------------------
    kind("pulau_olahan", 5, ("Kerupuk Ikan", "Olahan Laut", "Rumput Laut", "Ikan Asin"),
         "olahan hasil laut Kepulauan Seribu",
         ("kerupuk_ikan", "kerupuk_ikan", "rumput_laut", "ikan_asin", "minuman_pulau"), ("10211", "10298", "10794"),
         personal=.3, certs={"halal": .4, "pirt": .7}, island=True),
    kind("pulau_wisata", 3, ("Kapal", "Wisata Bahari", "Ojek Kapal"), "sewa kapal dan wisata pulau",
         ("sewa_perahu", "sewa_perahu", "wisata_pulau"), ("50113",), personal=.5, island=True),
    kind("pulau_kerajinan", 2, ("Kerajinan Kerang", "Mangrove", "Kelompok Tani Mangrove"),
         "kerajinan kerang dan bibit mangrove", ("kerajinan_kerang", "mangrove"), ("32903", "01302"),
         personal=.2, island=True),
]

# How many sellers, how big, how many listings, how many people they employ.
SELLER_COUNT = 330
SCALES = (("micro", 72), ("small", 22), ("medium", 6))
LISTING_COUNTS = {
    "micro": ((1, 2, 3, 4, 5, 6), (10, 20, 25, 20, 14, 11)),
    "small": ((2, 3, 4, 5, 6), (10, 20, 25, 25, 20)),
    "medium": ((4, 5, 6, 7), (20, 30, 30, 20)),
}
STAFF = {"micro": (2, 8), "small": (8, 30), "medium": (30, 120)}
DEMO_SELLER_PRODUCTS = ("nasi_kotak", "nasi_kotak", "prasmanan", "tumpeng", "paket_rapat", "nasi_khas")
SCALE_FACTOR = {"micro": 1.0, "small": 3.0, "medium": 8.0}


def certificate_number(rng: random.Random, kind: str, kota_code: str, archetype: str,
                       year: int) -> tuple[str, int]:
    """A plausible certificate number of ``kind`` and how many years such a certificate lasts.

    halal: BPJPH number (ID + province 31 + 15 digits); pirt: SPP-IRT with the kota code;
    sni: product standard and SPPT-SNI number; bpom: MD (food) or NA (cosmetic soap) number;
    other: Kemenkes PKRT for cleaning products, else the caterer's SLHS (hygiene certificate).
    """
    r = rng.randint
    if kind == "halal":
        return f"ID31{r(0, 10**15 - 1):015d}", 4
    if kind == "pirt":
        return f"P-IRT {r(1, 5)}{r(1, 16):02d}{kota_code}{r(1, 99):02d}{r(1, 9999):04d}-{r(24, 30)}", 5
    if kind == "sni":
        standard = rng.choice(("SNI 1811:2007", "SNI 7079:2009", "SNI 06-1811"))
        return f"{standard} / SPPT No. {r(100, 9999)}/LSPro/{year - r(0, 3)}", 4
    if kind == "bpom":
        return (f"NA18{r(10**10, 10**11 - 1)}" if archetype == "sabun"
                else f"BPOM RI MD {r(10**11, 10**12 - 1)}"), 5
    if archetype == "sabun":
        return f"KEMENKES RI PKRT {r(10**10, 10**11 - 1)}", 5
    return f"SLHS {r(100, 999)}/{kota_code}/{year - r(0, 2)}", 3
