"""Demo listings: a title, price, order sizes and a description for one product of a seller."""

from __future__ import annotations

import random
import re

from app.demo.records import DemoListing
from app.demo.vocabulary_catalogue import (
    CERT_RELEVANCE,
    CERT_SENTENCES,
    LOGISTICS,
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
from app.demo.vocabulary_sellers import SCALE_FACTOR


def fill(template: str, context: dict) -> str:
    """A vocabulary template filled in from ``context``, with its whitespace made single spaces."""
    return re.sub(r"\s+", " ", template.format_map(context)).strip()


def _option_text(option) -> str:
    return option if isinstance(option, str) else option[0]


class ListingWriter:
    """Writes listings from the shared random stream; no two listings share a title if avoidable."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.titles: set[str] = set()

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
            title = fill(pattern, texts)
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
        filled = [fill(s, context) for s in sentences]
        return " ".join(s[0].upper() + s[1:] for s in filled)
