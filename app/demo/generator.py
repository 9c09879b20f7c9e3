"""Deterministic Jakarta demo dataset: UMKM sellers with listings, buyers, requests, officials.

Pure Python: everything comes from ``random.Random(seed)`` and the vocabulary modules, and every
date is an offset from ``today``, so the same seed and day always give the same data.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.demo import vocabulary_buyers as buyers_vocab
from app.demo import vocabulary_names as names
from app.demo.vocabulary_catalogue import (
    CERT_RELEVANCE,
    CERT_SENTENCES,
    LOGISTICS,
    PRODUCTS,
    SELLING_POINTS,
    SERVICE_CATEGORIES,
    SERVICE_LOGISTICS,
    SERVICE_PRODUCTS,
    lower_phrase,
    nice_number,
    round_price,
    slug_words,
    thousands,
)
from app.demo.vocabulary_names import KOTA_CODES
from app.demo.vocabulary_requests import REQUESTS, STAGE_OFFSETS
from app.demo.vocabulary_sellers import (
    ARCHETYPES,
    DEMO_SELLER_PRODUCTS,
    LISTING_COUNTS,
    SCALE_FACTOR,
    SCALES,
    SELLER_COUNT,
    STAFF,
    certificate_number,
)
from models.reference_data import JAKARTA


@dataclass
class DemoCertification:
    kind: str
    number: str
    expires_on: date


@dataclass
class DemoListing:
    title: str
    description: str
    category: str
    price: int
    unit: str
    min_order: int
    monthly_capacity: int
    lead_time_days: int
    status: str = "active"
    featured: bool = False


@dataclass
class DemoSeller:
    email: str
    contact_name: str
    legal_name: str
    nib: str
    npwp: str | None
    kota: str
    kecamatan: str
    kelurahan: str
    street_address: str
    phone: str
    kbli_codes: list[str]
    certifications: list[DemoCertification]
    jakpreneur: bool
    scale: str
    monthly_capacity: int
    verified: bool
    active: bool
    about: str
    listings: list[DemoListing] = field(default_factory=list)


@dataclass
class DemoBuyer:
    kind: str
    legal_name: str
    kota: str
    kecamatan: str
    kelurahan: str
    street_address: str
    phone: str
    email: str
    skip_review: bool
    users: list[tuple[str, str]]


@dataclass
class DemoRequest:
    buyer_index: int
    title: str
    description: str
    category: str
    quantity: int
    unit: str
    budget_ceiling: int
    kota: str
    kecamatan: str
    needed_by_offset_days: int
    required_certifications: list[str]
    umkm_only: bool
    language: str
    stage: str


@dataclass
class DemoOfficial:
    email: str
    contact_name: str


@dataclass
class DemoData:
    sellers: list[DemoSeller]
    buyers: list[DemoBuyer]
    requests: list[DemoRequest]
    officials: list[DemoOfficial]


DOMAIN = "@demo.pasarpadu.id"


def _fill(template: str, context: dict) -> str:
    return re.sub(r"\s+", " ", template.format_map(context)).strip()


def _option_text(option) -> str:
    return option if isinstance(option, str) else option[0]


class _Generator:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.kota = {entry["short"]: entry for entry in JAKARTA}
        self.shop_names: set[str] = set()
        self.emails: set[str] = set()
        self.titles: set[str] = set()
        self.nibs: set[str] = set()

    # --- top level -----------------------------------------------------------------------------
    def build(self) -> DemoData:
        buyers = [self.buyer(entry) for entry in buyers_vocab.BUYERS]
        officials = [DemoOfficial(email, name) for email, name in buyers_vocab.OFFICIALS]
        self.emails.update(email for b in buyers for email in (b.email, *(e for e, _ in b.users)))
        self.emails.update(o.email for o in officials)
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
        return DemoData(sellers=sellers, buyers=buyers, requests=self.requests(), officials=officials)

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
        return " ".join(_fill(p, context) for p in parts)

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
            if (item := self.listing(PRODUCTS[key], context, scale, valid_kinds, own_titles))
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

    # --- listings ------------------------------------------------------------------------------
    def listing(
        self, product: dict, seller: dict, scale: str, valid_kinds: list[str], own_titles: set[str]
    ) -> DemoListing | None:
        """A listing of ``product``; None when every title it can make is taken by this seller."""
        rng, fallback = self.rng, None
        for _ in range(20):
            choice = {slot: rng.choice(options) for slot, options in product["slots"].items()}
            pattern = rng.choice(product["titles"])
            texts = {slot: _option_text(option) for slot, option in choice.items()}
            texts["area"] = rng.choice(seller["areas"])
            title = _fill(pattern, texts)
            words = [w for w in slug_words(title) if not w.isdigit()]
            if len(set(words)) < len(words) or title.lower() in own_titles:
                continue
            fallback = fallback or (choice, pattern, texts, title)
            if title.lower() not in self.titles:
                break
        else:
            if fallback is None:
                return None
            choice, pattern, texts, title = fallback
        self.titles.add(title.lower())
        own_titles.add(title.lower())
        low, high = product["price"]
        levels = []
        for slot, option in choice.items():
            if isinstance(option, tuple) and len(option) == 3:
                low, high = option[1], option[2]
            elif isinstance(option, tuple) and "{" + slot + "}" in pattern:
                levels.append(option[1])
        level = sum(levels) / len(levels) if levels else rng.random()
        level = min(1.0, max(0.0, level + rng.gauss(0, 0.08)))
        price = round_price((low + (high - low) * level) * (0.97 if scale == "medium" else 1.0))
        moq = rng.randint(*product["moq"])
        if moq >= 10:
            step = 5 if moq < 50 else 10
            moq = int(round(moq / step)) * step
        capacity = max(moq * 4, nice_number(product["cap"] * SCALE_FACTOR[scale] * rng.uniform(0.6, 1.4)))
        lead = rng.randint(*product["lead"])
        context = {
            **seller,
            "moq": thousands(moq),
            "unit": product["unit"],
            "lead": lead,
            "cap": thousands(capacity),
            "free_min": thousands(nice_number(moq * rng.choice((3, 4, 5)))),
        }
        return DemoListing(
            title=title,
            description=self.description(product, texts, context, valid_kinds),
            category=product["category"],
            price=price,
            unit=product["unit"],
            min_order=moq,
            monthly_capacity=capacity,
            lead_time_days=lead,
            status=rng.choices(("active", "draft", "archived"), (90, 6, 4))[0],
        )

    def description(self, product: dict, texts: dict[str, str], context: dict, valid_kinds: list[str]) -> str:
        rng = self.rng
        context = dict(context)
        for slot, text in texts.items():
            context[slot], context[slot + "_l"] = text, lower_phrase(text)
        details = list(product["desc"])
        rng.shuffle(details)
        extras = details[1:2] if rng.random() < 0.45 else []
        known = SELLING_POINTS.get(product["key"]) or SELLING_POINTS.get(product["category"], ())
        points = [p for p in known if context["moq"] != "1" or "{moq}" not in p]
        if points and rng.random() < 0.8:
            extras.append(rng.choice(points))
        relevant = [k for k in valid_kinds if product["category"] in CERT_RELEVANCE.get(k, ())]
        if relevant and rng.random() < 0.5:
            extras.append(rng.choice(CERT_SENTENCES[rng.choice(relevant)]))
        service = product["category"] in SERVICE_CATEGORIES or product["key"] in SERVICE_PRODUCTS
        logistics = [
            t
            for t in (SERVICE_LOGISTICS if service else LOGISTICS)
            if (context["moq"] != "1" or "{moq}" not in t)
            and (context["unit"] not in ("hari", "bulan") or "{cap}" not in t)
        ]
        if rng.random() < 0.45:
            extras.append(rng.choice(logistics))
        rng.shuffle(extras)
        sentences = [details[0]] + extras[:2]
        if len(sentences) > 1 and rng.random() < 0.15:
            sentences[0], sentences[1] = sentences[1], sentences[0]
        filled = [_fill(s, context) for s in sentences]
        return " ".join(s[0].upper() + s[1:] for s in filled)

    # --- buyers and requests -------------------------------------------------------------------
    def buyer(self, entry: dict) -> DemoBuyer:
        return DemoBuyer(
            kind=entry["kind"],
            legal_name=entry["legal_name"],
            kota=entry["kota"],
            kecamatan=entry["kecamatan"],
            kelurahan=entry["kelurahan"],
            street_address=entry["street_address"],
            phone=entry["phone"],
            email=entry["email"],
            skip_review=entry["skip_review"],
            users=list(entry["users"]),
        )

    def requests(self) -> list[DemoRequest]:
        index = {entry["key"]: i for i, entry in enumerate(buyers_vocab.BUYERS)}
        year = str(self.today.year)
        result = []
        for item in REQUESTS:
            owner = buyers_vocab.BUYERS[index[item["buyer"]]]
            kota, kecamatan = item["place"] or (owner["kota"], owner["kecamatan"])
            offset = self.rng.randint(*STAGE_OFFSETS[item["stage"]]) or 1

            def years(text: str) -> str:
                return text.replace("{ta1}", str(self.today.year + 1)).replace("{ta}", year)

            result.append(
                DemoRequest(
                    buyer_index=index[item["buyer"]],
                    title=years(item["title"]),
                    description=years(item["description"]),
                    category=item["category"],
                    quantity=item["quantity"],
                    unit=item["unit"],
                    budget_ceiling=item["quantity"] * item["unit_price"],
                    kota=kota,
                    kecamatan=kecamatan,
                    needed_by_offset_days=offset,
                    required_certifications=list(item["certs"]),
                    umkm_only=item["umkm_only"],
                    language=item["language"],
                    stage=item["stage"],
                )
            )
        return result


def generate_demo(seed: int = 2026, today: date | None = None) -> DemoData:
    """The complete demo dataset for ``seed``; dates are relative to ``today`` (default: now)."""
    return _Generator(seed, today or date.today()).build()
