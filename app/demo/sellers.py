"""Demo sellers: UMKM of each archetype with a place, a shop name, papers and their listings."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.demo import vocabulary_names as names
from app.demo.listings import ListingWriter, fill
from app.demo.records import DemoCertification, DemoSeller
from app.demo.vocabulary_catalogue import PRODUCTS, slug_words
from app.demo.vocabulary_names import KOTA_CODES
from app.demo.vocabulary_sellers import (
    ARCHETYPES,
    DEMO_SELLER_PRODUCTS,
    LISTING_COUNTS,
    SCALES,
    SELLER_COUNT,
    STAFF,
    certificate_number,
)
from models.reference_data import JAKARTA

DOMAIN = "@demo.pasarpadu.id"


class SellerMaker:
    """Makes the demo sellers from the shared random stream, keeping names and e-mails unique.

    ``emails`` are the addresses already taken (buyers, officials).
    """

    def __init__(self, rng: random.Random, today: date, emails: set[str]) -> None:
        self.rng = rng
        self.today = today
        self.kota = {entry["short"]: entry for entry in JAKARTA}
        self.shop_names: set[str] = set()
        self.emails = emails
        self.nibs: set[str] = set()
        self.listings = ListingWriter(rng)

    def sellers(self) -> list[DemoSeller]:
        """The demo account's seller first, then the others; a few active listings featured."""
        sellers = [self.demo_seller()]
        sellers += [self.seller(arch) for arch in self.archetype_plan(SELLER_COUNT - 1)]
        for seller in sellers[1:]:
            for listing in seller.listings:
                listing.featured = (
                    seller.active
                    and seller.verified
                    and listing.status == "active"
                    and self.rng.random() < 0.03
                )
        return sellers

    def archetype_plan(self, count: int) -> list[dict]:
        """Archetypes in proportion to their weights (largest remainder), in random order."""
        total = sum(a["weight"] for a in ARCHETYPES)
        shares = [count * a["weight"] / total for a in ARCHETYPES]
        counts = [int(share) for share in shares]
        by_remainder = sorted(range(len(shares)), key=lambda i: (counts[i] - shares[i], i))
        for i in by_remainder[: count - sum(counts)]:
            counts[i] += 1
        plan = [arch for arch, n in zip(ARCHETYPES, counts, strict=True) for _ in range(n)]
        self.rng.shuffle(plan)
        return plan

    # --- people and places ---------------------------------------------------------------------
    def place_for(self, arch: dict) -> tuple[str, str, str]:
        rng = self.rng
        if arch["near"] and rng.random() < 0.45:
            spot = rng.choice(arch["near"])
            district = next(k for k in self.kota[spot[0]]["kecamatan"] if k["name"] == spot[1])
            return spot[0], spot[1], spot[2] if len(spot) > 2 else rng.choice(district["kelurahan"])
        if arch["island"] or (arch["islands_too"] and rng.random() < 0.06):
            kota = "Kepulauan Seribu"
        else:
            weights = {k: w for k, w in names.KOTA_WEIGHTS.items() if k != "Kepulauan Seribu"}
            kota = rng.choices(list(weights), weights=list(weights.values()))[0]
        district = rng.choice(self.kota[kota]["kecamatan"])
        return kota, district["name"], rng.choice(district["kelurahan"])

    def place_word(self, kota: str, kecamatan: str, kelurahan: str) -> tuple[str, bool]:
        """A place name for a shop name, and whether it is a distinctive local name."""
        local = names.LOCAL_NAMES.get((kota, kecamatan, kelurahan), ())
        if kota == "Kepulauan Seribu":
            return self.rng.choice(local or names.ISLANDS[kelurahan]), True
        options = [names.KECAMATAN_ALIAS.get(kecamatan, kecamatan)]
        if kelurahan not in names.BLAND_KELURAHAN and len(kelurahan.split()) <= 2:
            options.append(kelurahan)
        if local and self.rng.random() < 0.6:
            return self.rng.choice(local), True
        return self.rng.choice(options), False

    def nib(self) -> str:
        while True:
            prefix = self.rng.choice(("912", "812", "120"))
            value = f"{prefix}{self.rng.randint(0, 10**10 - 1):010d}"
            if value not in self.nibs:
                self.nibs.add(value)
                return value

    # --- sellers -------------------------------------------------------------------------------
    def shop_name(
        self, arch: dict, nick: str, honor: str, place: str, local: bool, scale: str
    ) -> tuple[str, bool]:
        """A unique shop name, and whether it carries the owner's nickname."""
        rng = self.rng
        for _ in range(60):
            head, tail = rng.choice(arch["heads"]), rng.choice(arch["tails"] or ("",))
            w1, w2 = rng.choice(names.LUCKY_WORDS), rng.choice(names.LUCKY_SECOND)
            personal = rng.random() < arch["personal"]
            if personal:
                pattern = rng.choice(
                    (
                        "{head} {hon} {nick}",
                        "{head} {hon} {nick} {place}",
                        "{head} {hon} {nick} {place}",
                        "{head} {nick}",
                    )
                )
            else:
                options = ["{head} {w1} {w2}", "{head} {w1} {place}", "{head} {w1}"]
                options += ["{w1} {w2} {tail}", "{w1} {tail} {place}"] if tail else []
                options += ["{head} {place}"] * 2 if local else []
                pattern = rng.choice(options)
            name = " ".join(
                pattern.format(head=head, hon=honor, nick=nick, place=place, w1=w1, w2=w2, tail=tail).split()
            )
            words = name.lower().split()
            if len(set(words)) < len(words) or name.lower() in self.shop_names:
                continue
            self.shop_names.add(name.lower())
            plain = pattern in ("{head} {w1} {w2}", "{w1} {w2} {tail}")
            if plain and scale != "micro" and rng.random() < 0.35:
                name = ("PT " if scale == "medium" and rng.random() < 0.5 else "CV ") + name
            return name, personal
        raise RuntimeError("could not find a unique shop name")  # pragma: no cover

    def seller_email(self, name: str, place: str, kecamatan: str, kelurahan: str) -> str:
        words = [w for w in slug_words(name) if w not in ("cv", "pt")][:5]
        area = "".join(slug_words(names.KECAMATAN_ALIAS.get(kecamatan, kecamatan)))
        named = any("".join(slug_words(p)) in "".join(words) for p in (place, kelurahan, area))
        base = ".".join(words) + ("" if named else "." + area)
        for candidate in (
            base,
            f"{base}.{''.join(slug_words(kelurahan))}",
            *(f"{base}{n}" for n in range(2, 99)),
        ):
            if candidate + DOMAIN not in self.emails:
                self.emails.add(candidate + DOMAIN)
                return candidate + DOMAIN
        raise RuntimeError("could not find a unique email")  # pragma: no cover

    def certificate(self, kind: str, kota: str, arch: dict, valid: bool = False) -> DemoCertification:
        number, years = certificate_number(self.rng, kind, KOTA_CODES[kota], arch["key"], self.today.year)
        if not valid and self.rng.random() < 0.08:
            expires = self.today - timedelta(days=self.rng.randint(10, 240))
        else:
            expires = self.today + timedelta(days=self.rng.randint(60, 365 * years))
        return DemoCertification(kind=kind, number=number, expires_on=expires)

    def about(
        self,
        arch: dict,
        name: str,
        owner: str,
        kota: str,
        place: str,
        staff: int,
        jakpreneur: bool,
        scale: str,
    ) -> str:
        rng = self.rng
        age = {"micro": (2, 14), "small": (5, 20), "medium": (10, 28)}[scale]
        year = self.today.year - rng.randint(*age)
        context = {
            "name": name,
            "owner": owner,
            "year": year,
            "place": place,
            "kota": kota,
            "staff": staff,
            "speciality": arch["speciality"],
            "jp_year": rng.randint(max(2019, year), max(2019, self.today.year - 1)),
        }
        parts = [rng.choice(names.ABOUT_OPENINGS)]
        if rng.random() < 0.65:
            parts.append(rng.choice(names.ABOUT_CLIENTS))
        if jakpreneur and rng.random() < 0.6:
            parts.append(rng.choice(names.ABOUT_JAKPRENEUR))
        return " ".join(fill(p, context) for p in parts)

    def seller(self, arch: dict, fixed: dict | None = None) -> DemoSeller:
        """One UMKM seller of the given archetype; ``fixed`` overrides fields (the demo account)."""
        rng, fixed = self.rng, fixed or {}
        kota, kecamatan, kelurahan = fixed.get("place") or self.place_for(arch)
        scale = fixed.get("scale") or rng.choices([s for s, _ in SCALES], [w for _, w in SCALES])[0]
        if kota == "Kepulauan Seribu" and scale == "medium":
            scale = "small"
        full_name, nick, honor = fixed.get("person") or names.person(self.rng)
        place, local = self.place_word(kota, kecamatan, kelurahan)
        if "name" in fixed:
            name, personal = fixed["name"], True
            self.shop_names.add(name.lower())
        else:
            name, personal = self.shop_name(arch, nick, honor, place, local, scale)
        email = fixed.get("email") or self.seller_email(name, place, kecamatan, kelurahan)
        self.emails.add(email)
        demo = "name" in fixed
        certs = [
            self.certificate(kind, kota, arch, valid=demo)
            for kind, chance in arch["certs"].items()
            if demo or rng.random() < chance
        ]
        staff = rng.randint(*STAFF[scale])
        jakpreneur = fixed.get(
            "jakpreneur", rng.random() < {"micro": 0.55, "small": 0.45, "medium": 0.2}[scale]
        )
        owner = f"{honor} {nick}" if personal or rng.random() < 0.5 else full_name
        active = fixed.get("active", rng.random() > 0.03)
        verified = fixed.get("verified", rng.random() < (0.85 if active else 0.4))
        valid_kinds = [c.kind for c in certs if c.expires_on > self.today]
        areas = (
            names.ISLANDS[kelurahan]
            if kota == "Kepulauan Seribu"
            else (kota, names.KECAMATAN_ALIAS.get(kecamatan, kecamatan))
        )
        context = {"kota": kota, "kecamatan": kecamatan, "staff": staff, "areas": areas}
        own_titles: set[str] = set()
        products = fixed.get("products") or self.product_plan(arch, scale)
        listings = [
            item
            for key in products
            if (item := self.listings.listing(PRODUCTS[key], context, scale, valid_kinds, own_titles))
        ]
        for listing in listings[:1] if demo else ():
            listing.featured = True
        if demo:
            for listing in listings:
                listing.status = "active"
        return DemoSeller(
            email=email,
            contact_name=full_name,
            legal_name=name,
            nib=self.nib(),
            npwp=None if scale == "micro" and rng.random() < 0.45 else names.npwp(self.rng),
            kota=kota,
            kecamatan=kecamatan,
            kelurahan=kelurahan,
            street_address=names.street(self.rng, kota, kelurahan),
            phone=names.phone(self.rng, landline=scale != "micro" and rng.random() < 0.35),
            kbli_codes=sorted(rng.sample(arch["kbli"], k=min(len(arch["kbli"]), rng.randint(1, 2)))),
            certifications=certs,
            jakpreneur=jakpreneur,
            scale=scale,
            monthly_capacity=max((listing.monthly_capacity for listing in listings), default=0),
            verified=verified,
            active=active,
            about=self.about(arch, name, owner, kota, place, staff, jakpreneur, scale),
            listings=listings,
        )

    def product_plan(self, arch: dict, scale: str) -> list[str]:
        counts, weights = LISTING_COUNTS[scale]
        count = self.rng.choices(counts, weights)[0]
        plan = [self.rng.choice(arch["products"])]
        for _ in range(count - 1):
            pool = arch["extra"] if arch["extra"] and self.rng.random() < 0.18 else arch["products"]
            plan.append(self.rng.choice(pool))
        return plan

    def demo_seller(self) -> DemoSeller:
        arch = next(a for a in ARCHETYPES if a["key"] == "katering")
        return self.seller(
            arch,
            {
                "place": ("Jakarta Timur", "Cakung", "Cakung Timur"),
                "scale": "small",
                "person": ("Sri Wahyuningsih", "Sri", "Bu"),
                "name": "Katering Bu Sri Cakung",
                "email": "penjual" + DOMAIN,
                "jakpreneur": True,
                "active": True,
                "verified": True,
                "products": DEMO_SELLER_PRODUCTS,
            },
        )
