"""Buyer organisations (dinas, kelurahan, puskesmas, schools, BUMD, companies) and officials.

Addresses of public bodies are given the way they are commonly published; they are demo data
and not meant as an authoritative directory.
"""
from __future__ import annotations

D = "@demo.pasarpadu.id"


def buyer(key: str, kind: str, legal_name: str, place: tuple[str, str, str], street: str,
          phone: str, email: str, users: list[tuple[str, str]], skip_review: bool = False) -> dict:
    kota, kecamatan, kelurahan = place
    return {"key": key, "kind": kind, "legal_name": legal_name, "kota": kota,
            "kecamatan": kecamatan, "kelurahan": kelurahan, "street_address": street,
            "phone": phone, "email": email + D, "skip_review": skip_review,
            "users": [(address + D, name) for address, name in users]}


BUYERS: list[dict] = [
    # The fixed demo buyer account comes first.
    buyer("disdik", "government", "Dinas Pendidikan Provinsi DKI Jakarta",
          ("Jakarta Selatan", "Setiabudi", "Kuningan Timur"), "Jl. Jenderal Gatot Subroto Kav. 40-41",
          "(021) 5255385", "sekretariat.disdik",
          [("pembeli", "Ratna Kusumawardani"), ("umum.disdik", "Hendra Saputra")]),
    buyer("ppkukm", "government", "Dinas PPKUKM Provinsi DKI Jakarta",
          ("Jakarta Timur", "Pulo Gadung", "Kayu Putih"), "Jl. Perintis Kemerdekaan, Kawasan Pulomas",
          "(021) 4759251", "sekretariat.ppkukm",
          [("pengadaan.ppkukm", "Dian Permatasari"),
           ("bidang.umkm", "Arif Nugroho")], skip_review=True),
    buyer("dinkes", "government", "Dinas Kesehatan Provinsi DKI Jakarta",
          ("Jakarta Pusat", "Gambir", "Petojo Selatan"), "Jl. Kesehatan No. 10",
          "(021) 3451703", "sekretariat.dinkes", [("umum.dinkes", "Yohana Simanjuntak")]),
    buyer("dlh", "government", "Dinas Lingkungan Hidup Provinsi DKI Jakarta",
          ("Jakarta Timur", "Kramat Jati", "Cililitan"), "Jl. Mandala V No. 67",
          "(021) 8092744", "sekretariat.dlh", [("logistik.dlh", "Bambang Susilo")]),
    buyer("distamhut_jb", "government",
          "Suku Dinas Pertamanan dan Hutan Kota Kota Administrasi Jakarta Barat",
          ("Jakarta Barat", "Kembangan", "Kembangan Selatan"), "Jl. Raya Kembangan No. 2, Gedung Blok B",
          "(021) 5821045", "sudistamhut.jakbar", [("tu.sudistamhut.jakbar", "Lukman Hakim")]),
    buyer("kel_cpt", "government", "Kantor Kelurahan Cempaka Putih Timur",
          ("Jakarta Pusat", "Cempaka Putih", "Cempaka Putih Timur"), "Jl. Cempaka Putih Tengah XXVII",
          "(021) 4247608", "kel.cempakaputihtimur", [("sekkel.cpt", "Nurhayati Rahmawati")]),
    buyer("kel_pulogebang", "government", "Kantor Kelurahan Pulo Gebang",
          ("Jakarta Timur", "Cakung", "Pulo Gebang"), "Jl. Raya Pulo Gebang",
          "(021) 4801473", "kel.pulogebang", [("sekkel.pulogebang", "Rojali Firmansyah")]),
    buyer("kel_tidung", "government", "Kantor Kelurahan Pulau Tidung",
          ("Kepulauan Seribu", "Kepulauan Seribu Selatan", "Pulau Tidung"), "Jl. Pendidikan, Pulau Tidung Besar",
          "0812-8840-2317", "kel.pulautidung", [("sekkel.tidung", "Sarmili Hidayat")]),
    buyer("pkm_cakung", "government", "Puskesmas Kecamatan Cakung",
          ("Jakarta Timur", "Cakung", "Jatinegara"), "Jl. Raya Bekasi Km. 17",
          "(021) 4602381", "pkm.cakung", [("tu.pkmcakung", "dr. Citra Maharani"), ("gudang.pkmcakung", "Ade Kurniawan")]),
    buyer("pkm_priok", "government", "Puskesmas Kecamatan Tanjung Priok",
          ("Jakarta Utara", "Tanjung Priok", "Kebon Bawang"), "Jl. Bugis No. 1",
          "(021) 4302145", "pkm.tanjungpriok", [("tu.pkmpriok", "Imelda Sitompul")]),
    buyer("smpn115", "government", "SMP Negeri 115 Jakarta",
          ("Jakarta Selatan", "Tebet", "Tebet Timur"), "Jl. Tebet Utara III",
          "(021) 8299627", "smpn115", [("tu.smpn115", "Sri Handayani")]),
    buyer("sdn_menteng01", "government", "SD Negeri Menteng 01",
          ("Jakarta Pusat", "Menteng", "Menteng"), "Jl. Besuki No. 4",
          "(021) 3142350", "sdnmenteng01", [("tu.sdnmenteng01", "Agus Prasetyo")]),
    buyer("sman8", "government", "SMA Negeri 8 Jakarta",
          ("Jakarta Selatan", "Tebet", "Bukit Duri"), "Jl. Taman Bukit Duri",
          "(021) 8295222", "sman8", [("tu.sman8", "Widya Pratiwi")]),
    buyer("rsud_pasmi", "government", "RSUD Pasar Minggu",
          ("Jakarta Selatan", "Pasar Minggu", "Ragunan"), "Jl. TB Simatupang No. 1",
          "(021) 29059999", "rsud.pasarminggu", [("gizi.rsudpasmi", "Fitri Anggraini")]),
    buyer("transjakarta", "bumd", "PT Transportasi Jakarta",
          ("Jakarta Timur", "Kramat Jati", "Cawang"), "Jl. Mayjen Sutoyo No. 1",
          "(021) 80879449", "korporat.transjakarta",
          [("procurement.tije", "Reza Pratama"), ("halte.tije", "Anggi Lestari")], skip_review=True),
    buyer("pamjaya", "bumd", "Perumda PAM Jaya",
          ("Jakarta Pusat", "Tanah Abang", "Bendungan Hilir"), "Jl. Penjernihan II, Pejompongan",
          "(021) 5704250", "korporat.pamjaya", [("pengadaan.pamjaya", "Teguh Wibowo")]),
    buyer("mrt", "bumd", "PT MRT Jakarta (Perseroda)",
          ("Jakarta Pusat", "Menteng", "Gondangdia"), "Wisma Nusantara Lt. 21, Jl. M.H. Thamrin No. 59",
          "(021) 39839000", "corsec.mrt", [("procurement.mrt", "Martin Wowor"), ("csr.mrt", "Nadia Halim")]),
    buyer("pasarjaya", "bumd", "Perumda Pasar Jaya",
          ("Jakarta Pusat", "Menteng", "Cikini"), "Jl. Cikini Raya No. 90",
          "(021) 3900409", "korporat.pasarjaya", [("umum.pasarjaya", "Dedi Hermawan")]),
    buyer("bankdki", "bumd", "PT Bank DKI",
          ("Jakarta Pusat", "Gambir", "Kebon Kelapa"), "Jl. Ir. H. Juanda III No. 7-9",
          "(021) 2310111", "corsec.bankdki", [("umum.bankdki", "Meilani Tanuwijaya")]),
    buyer("jakpro", "bumd", "PT Jakarta Propertindo (Perseroda)",
          ("Jakarta Pusat", "Tanah Abang", "Kebon Melati"), "Gedung Thamrin City Lt. 7, Jl. Thamrin Boulevard",
          "(021) 31999901", "corsec.jakpro", [("procurement.jakpro", "Gilang Ramadhan")]),
    buyer("graha_kelola", "corporate", "PT Graha Kelola Properti",
          ("Jakarta Selatan", "Setiabudi", "Karet Kuningan"), "Jl. H.R. Rasuna Said Kav. C-5, Lt. 12",
          "(021) 5207781", "info.grahakelola", [("facility.grahakelola", "Robert Halim")]),
    buyer("sentra_logistik", "corporate", "PT Sentra Logistik Marunda",
          ("Jakarta Utara", "Cilincing", "Marunda"), "Kawasan Pergudangan Marunda Center Blok F-8",
          "(021) 44853120", "admin.sentralogistik", [("ga.sentralogistik", "Putri Wulandari")]),
    buyer("cahaya_media", "corporate", "PT Cahaya Media Kreatif",
          ("Jakarta Barat", "Kebon Jeruk", "Kedoya Selatan"), "Jl. Panjang No. 18, Kedoya",
          "(021) 58302219", "hello.cahayamedia", [("office.cahayamedia", "Benny Gunawan")]),
]

OFFICIALS: list[tuple[str, str]] = [
    ("petugas" + D, "Rina Kurniasih"),
    ("dewi.anggraini" + D, "Dewi Anggraini"),
    ("fajar.ramadhan" + D, "Fajar Ramadhan"),
    ("yosef.sinaga" + D, "Yosef Sinaga"),
]
