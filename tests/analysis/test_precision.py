"""Bounds from qualifiers of precision (baogao.analysis.precision): every reading, the
arithmetic that carries them, the whole numbers inside, on the specimen's own figures."""

import math

import pytest

import baogao
from baogao.analysis.precision import (
    QUALIFIER_READINGS,
    Bounds,
    bounds,
    last_place,
    product_bounds,
    ratio_bounds,
    whole_range,
)


@pytest.mark.parametrize("value,place", [(3300000, 100000), (1400, 100), (4.5, 0.1), (7, 1), (920000, 10000),
                                         (0, 1), (45000, 1000), (2.05, 0.01)])
def test_last_place(value, place):
    assert float(last_place(value)) == pytest.approx(place)


@pytest.mark.parametrize("value,qualifier,low,high,low_open,high_open", [
    (3300000, "多", 3300000, 3400000, True, True),     # 330多万
    (920000, "余", 920000, 930000, True, True),        # 92万余
    (1400, "多", 1400, 1500, True, True),
    (10, "多", 10, 20, True, True),                    # 十多个: 11 to 19
    (45000, "余", 45000, 46000, True, True),           # 4.5万余
    (60000, "近", None, 60000, False, True),
    (60000, "将近", None, 60000, False, True),
    (90, "以上", 90, None, False, False),              # includes the number itself
    (90, "至少", 90, None, False, False),
    (90, "超过", 90, None, True, False),
    (90, "逾", 90, None, True, False),
    (5, "以下", None, 5, False, False),
    (5, "不到", None, 5, False, True),
    (5, "不足", None, 5, False, True),
    (7, "", 7, 7, False, False),
])
def test_each_reading(value, qualifier, low, high, low_open, high_open):
    b = bounds(value, qualifier)
    assert (b.low, b.high, b.low_open, b.high_open, b.approximate) == (low, high, low_open, high_open, False)


@pytest.mark.parametrize("qualifier", ["约", "大约", "左右", "上下"])
def test_about_sets_no_bound(qualifier):
    b = bounds(1200, qualifier)
    assert (b.low, b.high, b.approximate) == (None, None, True)
    assert 1100 in b and 1300 in b


def test_combined_qualifiers_take_the_tighter_bound():
    b = bounds(2, "多以上")  # 两年多以上: still more than 2, less than 3
    assert (b.low, b.low_open, b.high) == (2, True, 3)
    b = bounds(90, "超过以上")
    assert (b.low, b.low_open) == (90, True)
    assert bounds(50, "约以上").low == 50 and not bounds(50, "约以上").approximate


def test_ranges_and_nan():
    assert bounds(3, "", 5) == Bounds(3, 5)
    assert bounds(7, "", float("nan")) == Bounds(7, 7)


def test_unknown_qualifier_raises():
    with pytest.raises(ValueError, match="unknown qualifier"):
        bounds(3, "大概")
    assert set(QUALIFIER_READINGS) >= {"多", "余", "近", "以上", "以下", "左右", "约", "超过", "不到"}


def test_contains_respects_open_ends():
    b = bounds(90, "超过")
    assert 90 not in b and 90.1 in b
    assert 90 in bounds(90, "以上")
    assert 60000 not in bounds(60000, "近") and 59999 in bounds(60000, "近")


def test_ratio_and_product():
    b = ratio_bounds(bounds(3000000, "多"), bounds(200000, "多"))  # 300多万 ÷ 20多万
    assert (b.low, b.high, b.low_open, b.high_open) == (10, 20, True, True)
    b = ratio_bounds(bounds(60000, "近"), bounds(300, "多"))
    assert (b.low, b.high, b.high_open) == (None, 200, True)
    b = product_bounds(bounds(92), Bounds(0.9, 1.0))
    assert (b.low, b.high) == (pytest.approx(82.8), 92)
    assert ratio_bounds(bounds(5), Bounds(0, 0)).high is None  # no division by zero
    assert ratio_bounds(bounds(5, "约"), bounds(2)).approximate


def test_whole_range():
    assert whole_range(product_bounds(bounds(92), Bounds(0.9, 1.0))) == (83, 92)
    assert whole_range(bounds(5, "超过")) == (6, None)
    assert whole_range(bounds(5, "不到")) == (None, 4)
    assert whole_range(bounds(5, "以上")) == (5, None)
    assert whole_range(Bounds(2.5, 4.0, True, True)) == (3, 3)
    assert whole_range(Bounds(None, None)) == (None, None)


def test_on_the_specimen_figures():
    q = baogao.analyze(baogao.specimen()).quantities
    row = q[(q["line"] == 18) & (q["raw"] == "92万余人")].iloc[0]
    per = ratio_bounds(bounds(row["value"], row["qualifier"]), bounds(854))
    assert math.floor(per.low) == 1077 and math.floor(per.high) == 1088
    for r in q.itertuples():  # every qualifier the specimen uses has a reading
        bounds(r.value, r.qualifier, None if r.value_high != r.value_high else r.value_high)
