"""baogao.collector: collections held off inside a build, and on again after it, even after an error."""

import gc

import pytest

from baogao.collector import paused, paused_property, while_paused


def test_paused_holds_the_collector_off_and_turns_it_back_on():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():  # nested: still off, and the inner end does not turn it on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_turns_the_collector_back_on():
    @while_paused
    def build():
        assert not gc.isenabled()
        raise ValueError("坏输入")

    with pytest.raises(ValueError):
        build()
    assert gc.isenabled()


def test_a_paused_property_is_computed_once_with_the_collector_off():
    class Thing:
        calls = 0

        @paused_property
        def part(self):
            Thing.calls += 1
            return gc.isenabled()

    thing = Thing()
    assert thing.part is False and thing.part is False
    assert Thing.calls == 1
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_analysis_runs_with_the_collector_paused_and_leaves_it_on():
    import baogao
    from baogao.analysis import tables

    seen = []
    report = baogao.Report.from_text("一、总体情况\n\n今年我们完成了三项任务，效果良好。\n")
    real = tables.sentence_rows

    def spy(r):
        seen.append(gc.isenabled())
        return real(r)

    tables.sentence_rows = spy
    try:
        baogao.analyze(report).compute_all()
    finally:
        tables.sentence_rows = real
    assert seen == [False]
    assert gc.isenabled()
