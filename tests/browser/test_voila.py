"""Projecting a lesson with Voilà: the lesson as a clean page (no code), its
widgets talking to the kernel, with every request off loopback blocked.

An instructor runs ``voila notebooks/00_start.ipynb`` (docs/instructors.md);
this test does the same on a copy, opens the page in headless Chromium, waits
until every cell has run, clicks the widget probe and reads the kernel's answer.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROBE = "button.widget-button"
#: The text of the lesson's last section: Voilà renders cells as they run.
LAST_HEADING = "小结"
FONT_AWESOME = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@"


@pytest.mark.parametrize("voila_server", ["notebooks/00_start.ipynb"], indirect=True)
def test_a_lesson_projected_with_voila(voila_server, lab_page, tmp_path):
    page = lab_page.page
    shot = tmp_path / "voila-00_start.png"
    try:
        page.goto(voila_server.page_url(), timeout=60_000)
        page.wait_for_function("(t) => document.body && document.body.textContent.includes(t)",
                               arg=LAST_HEADING, timeout=90_000)
        page.wait_for_function("() => !document.querySelector('#loading, .voila-spinner')", timeout=60_000)
        text = page.evaluate("() => document.body.textContent")
        assert "Traceback" not in text and "Error" not in page.evaluate(
            "() => [...document.querySelectorAll('.jp-OutputArea-output')].map(e => e.dataset.mimeType || '')"
            ".join(' ')"), "a cell raised in Voilà"
        # A clean page: prose, outputs and widgets, no code.
        assert "import baogao" not in text and page.locator(".jp-InputArea-editor").count() == 0
        assert "开始之前" in text and "第一次通读" in text

        button = page.locator(PROBE, has_text="点我试一试")
        button.wait_for(state="visible", timeout=30_000)
        probe = page.locator(".widget-vbox").filter(has=button).last
        assert "还没有点击。" in probe.text_content()
        button.click()
        page.wait_for_function(
            "(el) => el.textContent.includes('内核收到了点击：控件工作正常。')",
            arg=probe.element_handle(), timeout=30_000)
        page.screenshot(path=str(shot), full_page=False)
    except Exception as exc:
        try:
            page.screenshot(path=str(shot), full_page=False, timeout=5000)
        except Exception:
            pass
        pytest.fail(f"{type(exc).__name__}: {exc}\nscreenshot: {shot}\n"
                    f"blocked non-loopback requests: {lab_page.blocked[:10]}\n"
                    f"browser console errors: {lab_page.console[-10:]}\n"
                    f"--- Voilà log (tail) ---\n{voila_server.log_tail()}", pytrace=False)
    # docs/instructors.md: the page asks the web for Font Awesome's stylesheets only.
    assert all(url.startswith(FONT_AWESOME) for url in lab_page.blocked), lab_page.blocked
    print(f"\nVoilà: blocked {len(lab_page.blocked)} requests off loopback: {sorted(set(lab_page.blocked))[:5]}")
