"""Every lesson of ``baogao.course.LESSONS`` in a real JupyterLab, in a real
(headless) Chromium.

For each lesson: open its notebook, clear the stored outputs, run every cell
from the Run menu and check that every code cell ran. A lesson with widgets
to click has its check in ``INTERACTIONS`` (keyed by lesson id), run after
"Run All":

- ``00_start``: clicks the widget probe's button and waits for the kernel's
  answer under it; then chooses one category (人名错误) in the edition
  compare's category list and waits for the marked changes to drop from all
  of them to that category's: both can only come from a round trip through
  the kernel.
- ``01_structure``: clicks sections in the outline explorer's list and checks
  that the kernel answers with the chosen section's text in the HTML pane.
  The lesson's own cell ``explorer.show_line(24)`` leaves line 24
  chosen after "Run All", so the check first clicks another section (the
  opening, line 3) and sees the pane change, and only then clicks line 24:
  both changes can only come from a round trip through the kernel.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from baogao.course import LESSONS, Lesson
from baogao.sources.edition import edition_diff
from baogao.widgets.compare import CATEGORY_NAMES, SHOWN_STATUSES

pytestmark = pytest.mark.browser

#: Budget per lesson for everything that happens in the browser (the server has its own).
TEST_BUDGET_S = 70.0

NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
KERNEL_READY = (
    ".jp-NotebookPanel:not(.lm-mod-hidden) "
    "jp-button.jp-Toolbar-kernelName:not([aria-label='No Kernel'])"
)
KERNEL_IDLE = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status='idle']"
MENU_COMMAND = ".lm-Menu li.lm-Menu-item[data-command='{}']"
#: The outline explorer: an HBox holding a Select (list box) and an HTML pane.
EXPLORER = ".jp-OutputArea-output .bg-outline-explorer"
SELECT = ".widget-select select"
HTML_PANE = ".widget-html .widget-html-content"

# Called once the run has settled: every code cell numbered, or the run stopped
# (no cell pending) on an error. Returns false while the run is still going.
RUN_SETTLED_JS = """
([notebook, idle]) => {
  const nb = document.querySelector(notebook);
  if (!nb || !document.querySelector(idle)) return false;
  const prompts = [...nb.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
    .map(p => p.textContent.trim());
  if (prompts.length === 0 || prompts.some(p => p === '[*]:')) return false;
  const numbered = prompts.filter(p => /^\\[\\d+\\]:$/.test(p)).length;
  if (numbered === 0) return false;
  return {prompts, numbered,
          stderr: [...nb.querySelectorAll(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
            .map(e => e.innerText.slice(0, 2000))};
}
"""


class Deadline:
    """Timeouts for each wait, capped so the whole test stays within budget."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def ms(self, cap_s: float) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"browser test budget of {TEST_BUDGET_S:.0f} s exhausted")
        return 1000 * min(cap_s, left)


def menu(page, deadline: Deadline, title: str, command: str) -> None:
    """Open a main-menu entry by its title and click the item for ``command``."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(f"^{title}$")).click(timeout=deadline.ms(10))
    page.locator(MENU_COMMAND.format(command)).click(timeout=deadline.ms(10))


def click_section(page, deadline: Deadline, explorer, line: int, expect: list[str], absent: list[str]) -> str:
    """Click the list entry of the section starting at ``line``; wait for the pane."""
    option = explorer.locator(f"{SELECT} option", has_text=re.compile(f"（第{line}行）$"))
    assert option.count() == 1, f"no single option for line {line} in the outline explorer"
    option.click(timeout=deadline.ms(10))
    pane = explorer.locator(HTML_PANE)
    pane.evaluate(  # wait until the kernel's answer has replaced the pane
        """(el, [expect, absent, ms]) => new Promise((resolve, reject) => {
              const ok = () => expect.every(s => el.innerText.includes(s))
                               && !absent.some(s => el.innerText.includes(s));
              if (ok()) return resolve(true);
              const obs = new MutationObserver(() => { if (ok()) { obs.disconnect(); resolve(true); } });
              obs.observe(el, {subtree: true, childList: true, characterData: true});
              setTimeout(() => {
                obs.disconnect();
                reject(new Error(`pane did not show ${JSON.stringify(expect)} without ${JSON.stringify(absent)}`
                                 + ` within ${ms} ms; it shows: ${el.innerText.slice(0, 300)}`));
              }, ms);
            })""",
        [expect, absent, deadline.ms(15)],
        timeout=deadline.ms(20),
    )
    return pane.inner_text(timeout=deadline.ms(5))


@dataclass
class Run:
    """One lesson's run in the browser: the page, the time left, the steps done."""

    page: object  # playwright.sync_api.Page
    deadline: Deadline
    screenshot: Path
    t0: float = field(default_factory=time.monotonic)
    timings: dict[str, float] = field(default_factory=dict)

    def mark(self, step: str) -> None:
        self.timings[step] = round(time.monotonic() - self.t0, 2)


def outline_explorer_answers_clicks(run: Run) -> None:
    """Lesson 01: the outline explorer answers clicks through the kernel."""
    page, deadline = run.page, run.deadline
    explorers = page.locator(f"{NOTEBOOK} {EXPLORER}").filter(has=page.locator(SELECT)).filter(
        has=page.locator(HTML_PANE))
    explorers.first.wait_for(state="visible", timeout=deadline.ms(15))
    assert explorers.count() == 1, f"expected one outline explorer, found {explorers.count()}"
    explorer = explorers.first
    explorer.scroll_into_view_if_needed(timeout=deadline.ms(5))
    labels = explorer.locator(f"{SELECT} option").all_inner_texts()
    assert len(labels) == 12 and labels[0].startswith("〈开头〉"), labels
    # The lesson's cell `explorer.show_line(24)` ran last: line 24 is chosen.
    assert "第 24–27 行" in explorer.locator(HTML_PANE).inner_text(timeout=deadline.ms(5))
    run.mark("explorer rendered")

    opening = click_section(page, deadline, explorer, 3, expect=["独立部分：开头"],
                            absent=["第 24–27 行", "缺号"])
    run.mark("clicked line 3")
    text = click_section(page, deadline, explorer, 24, expect=["第 24–27 行", "缺号"],
                         absent=["独立部分：开头"])
    run.mark("clicked line 24")

    selected = explorer.locator(SELECT).evaluate("s => s.options[s.selectedIndex].textContent")
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))
    run.mark("screenshot")

    detail = f"(screenshot: {run.screenshot}; steps (s): {run.timings})"
    assert "独立部分：开头" in opening, f"the opening section's pane is wrong: {opening[:300]} {detail}"
    assert selected.startswith("第五,主动作为") and selected.endswith("（第24行）"), f"{selected!r} {detail}"
    assert "第五,主动作为,积极拓展新时期共青团工作的空间和领域" in text, f"{text[:300]} {detail}"
    assert "缺号" in text and "第 24–27 行" in text, f"{text[:300]} {detail}"
    assert "缺少“四”" in text, f"the gap issue is not reported: {text[:300]} {detail}"


def wait_for_text(locator, deadline: Deadline, expect: str, what: str) -> None:
    """Wait until ``locator``'s text contains ``expect`` (the kernel has answered).

    ``textContent``, not ``innerText``: JupyterLab skips rendering cells out of view
    (``content-visibility``), and ``innerText`` of a skipped cell is empty."""
    locator.evaluate(
        """(el, [expect, ms, what]) => new Promise((resolve, reject) => {
              if (el.textContent.includes(expect)) return resolve(true);
              const obs = new MutationObserver(() => {
                if (el.textContent.includes(expect)) { obs.disconnect(); resolve(true); } });
              obs.observe(el, {subtree: true, childList: true, characterData: true});
              setTimeout(() => { obs.disconnect();
                reject(new Error(`${what} did not show ${expect} within ${ms} ms: ${el.textContent.slice(0, 300)}`)); }, ms);
            })""",
        [expect, deadline.ms(15), what], timeout=deadline.ms(20))


def probe_and_edition_compare_answer_clicks(run: Run) -> None:
    """Lesson 00: the widget probe and the edition compare answer through the kernel."""
    page, deadline = run.page, run.deadline
    notebook = page.locator(NOTEBOOK)
    button = notebook.locator("button.widget-button", has_text="点我试一试")
    button.wait_for(state="visible", timeout=deadline.ms(15))
    assert button.count() == 1, f"expected one probe button, found {button.count()}"
    probe = notebook.locator(".widget-vbox").filter(
        has=page.locator("button.widget-button", has_text="点我试一试")).last
    button.scroll_into_view_if_needed(timeout=deadline.ms(5))
    assert "还没有点击。" in probe.text_content(timeout=deadline.ms(5))
    button.click(timeout=deadline.ms(10))
    wait_for_text(probe, deadline, "✅ 内核收到了点击：控件工作正常。", "the probe")
    run.mark("probe answered")

    live = edition_diff(expand_systematic=True)
    live = live[live["status"].isin(SHOWN_STATUSES)]
    names = int((live["category"] == "name_error").sum())
    view = notebook.locator(HTML_PANE, has_text="处改动")
    assert view.count() == 1, f"expected one edition compare, found {view.count()}"
    view.scroll_into_view_if_needed(timeout=deadline.ms(5))
    before = view.text_content(timeout=deadline.ms(5))
    assert f"标出 {len(live)} 处改动" in before, before[:300]
    categories = notebook.locator(".widget-select-multiple select").filter(
        has=page.locator("option", has_text=CATEGORY_NAMES["name_error"]))
    assert categories.count() == 1, f"expected one category list, found {categories.count()}"
    categories.scroll_into_view_if_needed(timeout=deadline.ms(5))
    categories.select_option(label=f"{CATEGORY_NAMES['name_error']}（{names}）", timeout=deadline.ms(10))
    wait_for_text(view, deadline, f"标出 {names} 处改动", "the edition compare")
    run.mark("category chosen")
    after = view.text_content(timeout=deadline.ms(5))
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))
    run.mark("screenshot")
    detail = f"(screenshot: {run.screenshot}; steps (s): {run.timings})"
    assert f"标出 {len(live)} 处改动" not in after, f"{after[:300]} {detail}"
    assert "习金平" in after and "第五,主动作为" in after, f"the full text is no longer shown: {after[:300]} {detail}"


#: Lesson id → what to click once the lesson has run.
INTERACTIONS: dict[str, Callable[[Run], None]] = {
    "00_start": probe_and_edition_compare_answer_clicks,
    "01_structure": outline_explorer_answers_clicks,
}


def test_interactions_are_for_lessons():
    assert set(INTERACTIONS) <= {lesson.id for lesson in LESSONS}, sorted(INTERACTIONS)


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_in_browser(lesson: Lesson, lab_server, lab_page, tmp_path):
    page = lab_page.page
    run = Run(page, Deadline(TEST_BUDGET_S), tmp_path / f"lesson{lesson.id}.png")
    notebook = Path(lesson.notebook)
    assert (lab_server.root_dir / notebook.name).is_file(), f"lab_server does not serve {lesson.notebook}"

    def failure_report(exc: BaseException) -> str:
        try:
            page.screenshot(path=str(run.screenshot), full_page=False, timeout=5000)
            shot = f"screenshot: {run.screenshot}"
        except Exception as shot_exc:  # the page may be gone
            shot = f"no screenshot ({shot_exc})"
        return (f"{type(exc).__name__}: {exc}\n{shot}\nsteps done (s): {run.timings}\n"
                f"blocked non-loopback requests: {lab_page.blocked[:10]}\n"
                f"browser console errors: {lab_page.console[-10:]}\n"
                f"--- JupyterLab log (tail) ---\n{lab_server.log_tail()}")

    try:
        deadline = run.deadline
        page.goto(lab_server.page_url(f"/lab/tree/{notebook.name}"), timeout=deadline.ms(30))
        page.wait_for_selector(NOTEBOOK, timeout=deadline.ms(30))
        page.wait_for_selector(KERNEL_READY, timeout=deadline.ms(30))
        page.wait_for_selector(KERNEL_IDLE, timeout=deadline.ms(30))
        run.mark("kernel idle")

        # Drop the stored outputs, so every widget on the page comes from this run.
        menu(page, deadline, "Edit", "editmenu:clear-all")
        page.wait_for_function(
            """(nb) => { const n = document.querySelector(nb);
                         return n && n.querySelectorAll('.jp-OutputArea-output').length === 0; }""",
            arg=NOTEBOOK, timeout=deadline.ms(10))
        assert page.locator(f"{NOTEBOOK} .widget-select").count() == 0
        run.mark("outputs cleared")

        menu(page, deadline, "Run", "runmenu:run-all")
        settled = page.wait_for_function(RUN_SETTLED_JS, arg=[NOTEBOOK, KERNEL_IDLE],
                                         timeout=deadline.ms(60), polling=200).json_value()
        run.mark("run all finished")
        assert settled["numbered"] == len(settled["prompts"]), (
            f"not every code cell ran: prompts {settled['prompts']}; stderr outputs: {settled['stderr']}")

        interaction = INTERACTIONS.get(lesson.id)
        if interaction is not None:
            interaction(run)
    except Exception as exc:
        pytest.fail(failure_report(exc), pytrace=True)

    print(f"\nlesson {lesson.id} in the browser, steps (s): {run.timings}; "
          f"blocked requests: {len(lab_page.blocked)}")
