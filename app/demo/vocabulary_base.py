"""The shape of a product vocabulary entry, shared by the vocabulary_* modules.

A product describes one kind of thing a seller lists, with the pieces the generator combines:

* ``titles``: title patterns; ``{slot}`` is replaced by one option of that slot.
* ``slots``: slot name -> options. An option is ``"text"``, ``("text", level)`` where
  ``level`` (0..1) places the price within the product's range, or ``("text", low, high)``
  with its own price range (for products whose variants differ a lot, e.g. vegetables).
* ``desc``: detail sentences; ``{slot}`` gives the option as written, ``{slot_l}`` in lower case.
* ``unit``, ``price`` (low, high, whole rupiah per unit), ``moq`` (minimum order range),
  ``cap`` (monthly capacity of a micro business, in units), ``lead`` (days, low/high).
* ``island``: True for products only made in Kepulauan Seribu; False (default) for the rest.
"""

from __future__ import annotations

Option = str | tuple[str, float] | tuple[str, int, int]


def product(
    key: str,
    titles: tuple[str, ...],
    slots: dict[str, tuple[Option, ...]],
    desc: tuple[str, ...],
    unit: str,
    price: tuple[int, int],
    moq: tuple[int, int],
    cap: int,
    lead: tuple[int, int],
    island: bool = False,
) -> dict:
    """One product entry (a plain dict, so that vocabularies stay easy to read)."""
    return {
        "key": key,
        "titles": titles,
        "slots": slots,
        "desc": desc,
        "unit": unit,
        "price": price,
        "moq": moq,
        "cap": cap,
        "lead": lead,
        "island": island,
    }
