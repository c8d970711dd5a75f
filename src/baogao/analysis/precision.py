"""What a qualified quantity allows: the bounds its qualifier of precision sets.

``330多万个`` is more than 3,300,000 and less than 3,400,000; ``近6万名``
is fewer than 60,000 (how many fewer, it does not say); ``90%以上`` is at
least 90 %; ``约1200名`` is close to 1,200 on either side. ``bounds`` reads
a quantity's value and qualifier (``baogao.analysis.quantities``) into a
``Bounds``; ``ratio_bounds`` and ``product_bounds`` carry bounds through a
division or a product, so that a check of a report's internal arithmetic
says what the figures allow and no more; ``whole_range`` gives the whole
numbers inside bounds (92 measures × at least 90 % ⇒ at least 83 measures).

The readings are the usual ones of Chinese official prose (docs/quantities.md,
"Bounds"): 多 and 余 add less than one unit of the number's last non-zero
place (1400多 < 1500, 92万余 < 93万); 以上, 以下, 以内, 至少, 不少于,
不低于, 不超过 and 不高于 include the number itself (as Chinese legal texts
define 以上 and 以下); 超过, 超, 逾, 不到 and 不足 exclude it; 近 and its
synonyms set an upper bound only; 约, 大约, 左右 and 上下 say "close to, on
either side" and set no bound.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Bounds", "bounds", "last_place", "ratio_bounds", "product_bounds", "whole_range", "QUALIFIER_READINGS"]

#: qualifier → how it bounds the number: "more" (多, 余), "below" (近: an upper bound only),
#: "min"/"max" (inclusive bounds), "over"/"under" (exclusive bounds), "about" (no bound).
QUALIFIER_READINGS: dict[str, str] = {
    "多": "more", "余": "more",
    "近": "below", "将近": "below", "接近": "below", "近乎": "below",
    "以上": "min", "至少": "min", "不少于": "min", "不低于": "min",
    "超过": "over", "超": "over", "逾": "over",
    "以下": "max", "以内": "max", "不超过": "max", "不高于": "max",
    "不到": "under", "不足": "under",
    "约": "about", "大约": "about", "左右": "about", "上下": "about",
}
_LONGEST_FIRST = sorted(QUALIFIER_READINGS, key=len, reverse=True)


@dataclass(frozen=True)
class Bounds:
    """The numbers a quantity allows: ``low`` and ``high`` (None: no bound on that side),
    each open (excluded) or closed; ``approximate`` when the text says "about"."""

    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    approximate: bool = False

    @property
    def exact(self) -> bool:
        return self.low is not None and self.low == self.high and not self.approximate

    def __contains__(self, x: float) -> bool:
        if self.low is not None and (x < self.low or (self.low_open and x == self.low)):
            return False
        if self.high is not None and (x > self.high or (self.high_open and x == self.high)):
            return False
        return True


def last_place(value) -> Decimal:
    """The place of the last non-zero digit: 3300000 → 100000, 1400 → 100, 4.5 → 0.1, 7 → 1."""
    d = Decimal(str(value)).normalize()
    if d == 0:
        return Decimal(1)
    return Decimal(1).scaleb(d.as_tuple().exponent)


def _parts(qualifier: str) -> list[str]:
    """The qualifiers joined in ``qualifier`` (超过以上 → 超过, 以上); unknown text raises."""
    out, rest = [], qualifier
    while rest:
        found = next((q for q in _LONGEST_FIRST if rest.startswith(q)), None)
        if found is None:
            raise ValueError(f"unknown qualifier {rest!r} in {qualifier!r}")
        out.append(found)
        rest = rest[len(found):]
    return out


def _tighter_low(cur: tuple, new: tuple) -> tuple:
    (a, a_open), (b, b_open) = cur, new
    if a is None or (b is not None and (b > a or (b == a and b_open))):
        return b, b_open
    return a, a_open


def _tighter_high(cur: tuple, new: tuple) -> tuple:
    (a, a_open), (b, b_open) = cur, new
    if a is None or (b is not None and (b < a or (b == a and b_open))):
        return b, b_open
    return a, a_open


def bounds(value, qualifier: str = "", value_high=None) -> Bounds:
    """The bounds of a quantity with ``value`` and ``qualifier`` as the quantity table has them;
    a range (``value_high`` set) is its two ends, inclusive."""
    v = float(value)
    if value_high is not None and not (isinstance(value_high, float) and math.isnan(value_high)):
        return Bounds(v, float(value_high))
    parts = _parts(qualifier or "")
    if not parts:
        return Bounds(v, v)
    low, high, about = (None, False), (None, False), False
    for part in parts:
        reading = QUALIFIER_READINGS[part]
        if reading == "more":
            low = _tighter_low(low, (v, True))
            high = _tighter_high(high, (float(Decimal(str(value)) + last_place(value)), True))
        elif reading == "below":
            high = _tighter_high(high, (v, True))
        elif reading == "min":
            low = _tighter_low(low, (v, False))
        elif reading == "over":
            low = _tighter_low(low, (v, True))
        elif reading == "max":
            high = _tighter_high(high, (v, False))
        elif reading == "under":
            high = _tighter_high(high, (v, True))
        else:
            about = True
    return Bounds(low[0], high[0], low[1], high[1], about and low[0] is None and high[0] is None)


def ratio_bounds(a: Bounds, b: Bounds) -> Bounds:
    """Bounds of a / b for positive quantities (a per b: people per community)."""
    low = a.low / b.high if a.low is not None and b.high else None
    high = a.high / b.low if a.high is not None and b.low else None
    return Bounds(low, high, low is not None and (a.low_open or b.high_open),
                  high is not None and (a.high_open or b.low_open), a.approximate or b.approximate)


def product_bounds(a: Bounds, b: Bounds) -> Bounds:
    """Bounds of a × b for positive quantities (a total times a share)."""
    low = a.low * b.low if a.low is not None and b.low is not None else None
    high = a.high * b.high if a.high is not None and b.high is not None else None
    return Bounds(low, high, low is not None and (a.low_open or b.low_open),
                  high is not None and (a.high_open or b.high_open), a.approximate or b.approximate)


def whole_range(b: Bounds, *, eps: float = 1e-9) -> tuple[int | None, int | None]:
    """The least and the greatest whole number inside ``b`` (None: no bound on that side)."""
    low = high = None
    if b.low is not None:
        low = math.ceil(b.low - eps)
        if b.low_open and abs(low - b.low) <= eps:
            low += 1
    if b.high is not None:
        high = math.floor(b.high + eps)
        if b.high_open and abs(high - b.high) <= eps:
            high -= 1
    return low, high
