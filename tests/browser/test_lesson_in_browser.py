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
  both changes can only come from a round trip through the kernel. Then it
  answers the quiz: a wrong choice in question 1 and a right click in the
  click-the-error question, each with its feedback from the kernel.

Then, for every lesson, in JupyterLab's light theme and again in its dark
theme (Settings → Theme, switched in the page: the run is not repeated), every
text of every widget output and of every exercise-feedback output (a status
label, a hint, a solution) is measured in the page: its colour against its
background must have a WCAG contrast ratio of at least 4.5, and every symbol
in it must have a glyph in its font stack (not the browser's empty box). The
two measurements take about 2 s per lesson.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from baogao.course import LESSONS, Lesson
from baogao.course.lesson01_structure import quiz_questions
from baogao.exercises.outcomes import LABELS, MARKS
from baogao.sources.edition import edition_diff
from baogao.sources.errata import CATEGORY_LABELS
from baogao.sources.shipped import get
from baogao.widgets.compare import SHOWN_STATUSES
from baogao.widgets.quiz import pieces

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

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
#: One question of the quiz: its prompt, its controls and its feedback.
QUIZ_QUESTION = ".jp-OutputArea-output .bg-quiz-question"

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
                            absent=["第 24–27 行", "样式不一"])
    run.mark("clicked line 3")
    text = click_section(page, deadline, explorer, 24, expect=["第 24–27 行", "样式不一"],
                         absent=["独立部分：开头"])
    run.mark("clicked line 24")

    selected = explorer.locator(SELECT).evaluate("s => s.options[s.selectedIndex].textContent")
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))
    run.mark("screenshot")

    detail = f"(screenshot: {run.screenshot}; steps (s): {run.timings})"
    assert "独立部分：开头" in opening, f"the opening section's pane is wrong: {opening[:300]} {detail}"
    assert selected.startswith("第五,主动作为") and selected.endswith("（第24行）"), f"{selected!r} {detail}"
    assert "第五,主动作为,积极拓展新时期共青团工作的空间和领域" in text, f"{text[:300]} {detail}"
    assert "样式不一" in text and "第 24–27 行" in text, f"{text[:300]} {detail}"
    assert "应写作“五、”" in text, f"the style issue is not reported: {text[:300]} {detail}"



def quiz_answers_right_and_wrong(run: Run) -> None:
    """Lesson 01: the quiz's feedback, one wrong choice and one right click, comes from the kernel."""
    page, deadline = run.page, run.deadline
    questions = quiz_questions(get("specimen"))
    views = page.locator(f"{NOTEBOOK} {QUIZ_QUESTION}")
    views.first.wait_for(state="attached", timeout=deadline.ms(15))
    assert views.count() == len(questions), f"expected {len(questions)} quiz questions, found {views.count()}"

    first = questions[0]
    wrong = next(o for o in first.options if o != first.answer)
    view = views.nth(0)
    view.scroll_into_view_if_needed(timeout=deadline.ms(5))
    view.locator(".widget-radio-box label", has_text=re.compile(f"^{re.escape(wrong)}$")).click(
        timeout=deadline.ms(10))
    wait_for_text(view.locator(".qz-feedback"), deadline, "不正确", "question 1's feedback")
    run.mark("quiz: wrong choice")

    k, click = next((i, q) for i, q in enumerate(questions) if q.kind == "click")
    start = click.answer[0]
    index = next(n for n, (a, b, _text) in enumerate(pieces(click)) if a <= start < b)
    view = views.nth(k)
    view.scroll_into_view_if_needed(timeout=deadline.ms(5))
    view.locator("button.widget-button").nth(index).click(timeout=deadline.ms(10))
    wait_for_text(view.locator(".qz-feedback"), deadline, "正确！", f"question {k + 1}'s feedback")
    run.mark("quiz: right click")


def highlighter_answers(run: Run, layer: str, label: str, line: int, shown: str) -> None:
    """The highlighter shows the section of ``line`` (``shown`` appears, line 6's intro goes),
    then the ``layer`` toggle (legend ``label``) switches its marks off, through the kernel."""
    from baogao.widgets.highlight import layer_marks
    from baogao.widgets.outline import section_choices

    page, deadline = run.page, run.deadline
    notebook = page.locator(NOTEBOOK)
    specimen = get("specimen")
    view = notebook.locator(".jp-OutputArea-output").filter(has=page.locator(".hl-legend")).filter(
        has=page.locator(".widget-dropdown select"))
    view.first.wait_for(state="attached", timeout=deadline.ms(15))
    assert view.count() == 1, f"expected one highlighter, found {view.count()}"
    view.scroll_into_view_if_needed(timeout=deadline.ms(5))
    marks = len(layer_marks(specimen, layer))
    before = view.text_content(timeout=deadline.ms(5))
    assert "鲜明的政治立场" in before and f"{label}（{marks}）" in before, before[:300]

    choice = next(text for text, first in section_choices(specimen) if first == line)
    view.locator(".widget-dropdown select").select_option(label=choice, timeout=deadline.ms(10))
    page.wait_for_function(
        "([el, shown]) => el.textContent.includes(shown) && !el.textContent.includes('鲜明的政治立场')",
        arg=[view.element_handle(timeout=deadline.ms(5)), shown], timeout=deadline.ms(15))
    run.mark(f"highlighter: section of line {line}")

    key = view.locator(".hl-legend .hl-key", has_text=label)
    assert "off" not in (key.get_attribute("class") or "")
    view.locator("button.widget-toggle-button", has_text=f"{label}（{marks}）").click(timeout=deadline.ms(10))
    page.wait_for_function("(el) => el.classList.contains('off')", arg=key.element_handle(timeout=deadline.ms(5)),
                           timeout=deadline.ms(15))
    assert view.locator(f"span.hl-{layer}").count() == 0
    run.mark(f"highlighter: {layer} off")
    view.scroll_into_view_if_needed(timeout=deadline.ms(5))
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))


def highlighter_lead_sentences(run: Run) -> None:
    """Lesson 02: section 二 (line 10) keeps 努力提高覆盖率。; the lead-sentence layer goes off."""
    highlighter_answers(run, "leads", "主旨句", 10, "努力提高覆盖率。")


def highlighter_quantities(run: Run) -> None:
    """Lesson 05: section 三 (line 15) shows 854个; the quantity layer goes off."""
    highlighter_answers(run, "quantities", "数据", 15, "854个")


def charts_place_the_report_among_the_corpus(run: Run) -> None:
    """Lesson 04: the charts widget answers a view and a measure through the kernel."""
    from baogao.concordance.profile import measure_table
    from baogao.widgets.charts import measure_caption

    page, deadline = run.page, run.deadline
    notebook = page.locator(NOTEBOOK)
    toggle = "button.widget-toggle-button:has-text('在语料中的位置')"
    view = notebook.locator(".jp-OutputArea-output").filter(has=page.locator(toggle))
    view.first.wait_for(state="attached", timeout=deadline.ms(20))
    assert view.count() == 1, f"expected one charts widget, found {view.count()}"
    view.scroll_into_view_if_needed(timeout=deadline.ms(5))
    assert "本报告正文共" in view.text_content(timeout=deadline.ms(5))
    specimen = get("specimen")

    def caption(measure: str) -> str:
        return re.sub(r"<[^>]+>", "", measure_caption(measure_table(specimen, measure=measure), measure))

    view.locator(toggle).click(timeout=deadline.ms(10))
    wait_for_text(view, deadline, caption("mean_sentence_chars"), "the charts (corpus view)")
    run.mark("charts: corpus view")
    view.locator(".widget-dropdown select").select_option(label="可读性指数", timeout=deadline.ms(10))
    wait_for_text(view, deadline, caption("readability"), "the charts (readability)")
    run.mark("charts: readability")
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))


QUERY_BOX = "input[placeholder='字、词、短语或正则表达式，回车检索']"


def concordance_answers_a_query_and_a_scope(run: Run) -> None:
    """Lesson 03: the concordance answers a typed query, then the corpus scope, through the kernel."""
    from baogao.concordance.kwic import kwic
    from baogao.sources.shipped import corpus

    page, deadline = run.page, run.deadline
    notebook = page.locator(NOTEBOOK)
    box = notebook.locator(QUERY_BOX)
    box.first.wait_for(state="visible", timeout=deadline.ms(15))
    assert box.count() == 1, f"expected one concordance, found {box.count()}"
    box.scroll_into_view_if_needed(timeout=deadline.ms(5))
    view = notebook.locator(".jp-OutputArea-output").filter(has=page.locator(QUERY_BOX))  # inner: relative
    specimen, reference = get("specimen"), corpus()
    before = len(kwic([specimen], "新时期"))
    assert f"“新时期”在本报告中共出现 {before} 次。" in view.text_content(timeout=deadline.ms(5))

    box.fill("新时代", timeout=deadline.ms(5))
    box.press("Enter", timeout=deadline.ms(5))
    wait_for_text(view, deadline, f"“新时代”在本报告中共出现 {len(kwic([specimen], '新时代'))} 次。",
                  "the concordance (typed query)")
    run.mark("concordance: typed query")

    hits = kwic(reference, "新时代")
    view.locator("button", has_text="参考语料（17 篇）").click(timeout=deadline.ms(10))
    wait_for_text(view, deadline, f"“新时代”在 {len(reference)} 篇参考报告中共出现 {len(hits)} 次，"
                                  f"分布在 {hits['report'].nunique()} 篇报告中。", "the concordance (corpus scope)")
    run.mark("concordance: corpus scope")
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))


def outline_explorer_and_quiz(run: Run) -> None:
    outline_explorer_answers_clicks(run)
    quiz_answers_right_and_wrong(run)


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
    wait_for_text(probe, deadline, "内核收到了点击：控件工作正常。", "the probe")
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
        has=page.locator("option", has_text=CATEGORY_LABELS["name_error"]))
    assert categories.count() == 1, f"expected one category list, found {categories.count()}"
    categories.scroll_into_view_if_needed(timeout=deadline.ms(5))
    categories.select_option(label=f"{CATEGORY_LABELS['name_error']}（{names}）", timeout=deadline.ms(10))
    wait_for_text(view, deadline, f"标出 {names} 处改动", "the edition compare")
    run.mark("category chosen")
    after = view.text_content(timeout=deadline.ms(5))
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))
    run.mark("screenshot")
    detail = f"(screenshot: {run.screenshot}; steps (s): {run.timings})"
    assert f"标出 {len(live)} 处改动" not in after, f"{after[:300]} {detail}"
    assert "习金平" in after and "第五,主动作为" in after, f"the full text is no longer shown: {after[:300]} {detail}"


# --------------------------------------------------------------------------- #
# Readability in both themes: contrast of every text and a glyph for every symbol.

THEMES = ("JupyterLab Light", "JupyterLab Dark")
MIN_CONTRAST = 4.5  # WCAG 2.x, level AA, normal-size text
#: Widget outputs, and text outputs that are exercise feedback (a status label, a hint, a solution).
WIDGET_OUTPUTS = f"{NOTEBOOK} .jp-OutputArea-output:has(.jupyter-widgets)"
TEXT_OUTPUTS = f"{NOTEBOOK} .jp-OutputArea-output[data-mime-type='text/plain']"
FEEDBACK_PREFIXES = sorted(set(LABELS.values()) | {MARKS["hint"]})

# For every text-bearing element under the roots: its text colour composited over
# its background, the background found by walking up to the first opaque
# background (semi-transparent ones on the way are composited); the WCAG
# contrast ratio of the two. Colours are read back from a 1×1 canvas, so any CSS
# colour syntax (rgb(), color(srgb …) from color-mix()) is measured alike. For
# every symbol in the text (Unicode category S, outside ASCII): whether the
# element's font stack has a glyph for it, i.e. whether drawing it differs from
# drawing U+10FFFD, a noncharacter no font has (the browser draws its
# "missing glyph" box for both).
READABILITY_JS = r"""
([widgetSel, textSel, prefixes, minContrast]) => {
  const px = document.createElement('canvas'); px.width = px.height = 1;
  const pctx = px.getContext('2d', {willReadFrequently: true});
  const colours = new Map();
  const rgba = (css) => {
    if (!colours.has(css)) {
      pctx.clearRect(0, 0, 1, 1);
      pctx.fillStyle = 'rgba(0, 0, 0, 0)';
      pctx.fillStyle = css;
      pctx.fillRect(0, 0, 1, 1);
      const d = pctx.getImageData(0, 0, 1, 1).data;
      colours.set(css, [d[0], d[1], d[2], d[3] / 255]);
    }
    return colours.get(css);
  };
  const over = (top, bottom) => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    return [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat([a]);
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const bg = rgba(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
    }
    return layers.reverse().reduce((under, layer) => over(layer, under), [255, 255, 255, 1]);
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const contrast = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const glyph = document.createElement('canvas'); glyph.width = glyph.height = 64;
  const gctx = glyph.getContext('2d', {willReadFrequently: true});
  const drawn = new Map();
  const draw = (ch, family) => {
    const key = family + '\u0000' + ch;
    if (!drawn.has(key)) {
      gctx.clearRect(0, 0, 64, 64);
      gctx.font = `48px ${family}`;
      gctx.textBaseline = 'top';
      gctx.fillStyle = '#000';
      gctx.fillText(ch, 4, 4);
      drawn.set(key, gctx.getImageData(0, 0, 64, 64).data.join(','));
    }
    return drawn.get(key);
  };
  const tofu = (ch, family) => draw(ch, family) === draw('\u{10FFFD}', family);
  const ownText = (el) => [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
  const path = (el) => {
    const out = [];
    for (let e = el; e && out.length < 4 && !e.classList?.contains('jp-OutputArea-output'); e = e.parentElement)
      out.push(e.tagName.toLowerCase() + [...(e.classList || [])].map(c => '.' + c).join(''));
    return out.join(' < ');
  };
  const hex = (c) => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  const widgets = [...document.querySelectorAll(widgetSel)];
  const outermost = widgets.filter(el => !widgets.some(other => other !== el && other.contains(el)));
  const roots = outermost.map(el => ['widget', el]).concat(
    [...document.querySelectorAll(textSel)]
      .filter(el => prefixes.some(p => el.textContent.trim().startsWith(p)))
      .map(el => ['feedback', el]));
  const result = {widgets: 0, feedback: 0, elements: 0, lowest: null, bad: [], missing: [],
                  outputs: [...document.querySelectorAll('.jp-OutputArea-output')].map(e => `${e.dataset.mimeType} ${e.className}`)};
  for (const [kind, root] of roots) {
    result[kind === 'widget' ? 'widgets' : 'feedback'] += 1;
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (['STYLE', 'SCRIPT', 'TITLE', 'TEMPLATE'].includes(el.tagName.toUpperCase())) continue;
      const control = el.matches('input:not([type=radio]):not([type=checkbox]), textarea, select');
      const text = control ? (el.value || el.placeholder || '') : ownText(el);
      if (!text.trim()) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility !== 'visible') continue;
      if (!el.checkVisibility({visibilityProperty: true})) continue;
      const bg = background(el);
      const ink = over(rgba(el instanceof SVGElement ? cs.fill : cs.color), bg);
      const ratio = contrast(ink, bg);
      result.elements += 1;
      if (result.lowest === null || ratio < result.lowest) result.lowest = ratio;
      if (ratio < minContrast) {  // one entry per kind of element and pair of colours
        const key = [kind, path(el), hex(ink), hex(bg)].join('|');
        const seen = result.bad.find(b => b.key === key);
        if (seen) seen.count += 1;
        else result.bad.push({key, kind, ratio: Math.round(ratio * 100) / 100, text: text.slice(0, 40),
                              colour: hex(ink), background: hex(bg), where: path(el), count: 1});
      }
      for (const ch of new Set(text.match(/[^\x00-\x7f]/gu) || [])) {
        if (!/\p{S}/u.test(ch)) continue;
        if (tofu(ch, cs.fontFamily))
          result.missing.push({kind, char: ch, code: ch.codePointAt(0).toString(16), font: cs.fontFamily,
                               where: path(el)});
      }
    }
  }
  return result;
}
"""


def feedback_cells(lesson: Lesson) -> int:
    """How many code cells of the lesson show exercise feedback (a check, a hint or a solution)."""
    cells = json.loads((ROOT / lesson.notebook).read_text(encoding="utf-8"))["cells"]
    calls = re.compile(r"\.(check|hint|solution)\(")
    return sum(1 for c in cells if c["cell_type"] == "code" and calls.search("".join(c["source"])))


def set_theme(page, deadline: Deadline, theme: str) -> None:
    """Choose ``theme`` in Settings → Theme and wait until its colours apply."""
    light = "true" if theme == "JupyterLab Light" else "false"
    if page.evaluate("() => document.body.dataset.jpThemeName") == theme:
        return
    page.locator(".lm-MenuBar-item", has_text=re.compile("^Settings$")).click(timeout=deadline.ms(10))
    page.locator(".lm-Menu li.lm-Menu-item[data-type='submenu']", has_text=re.compile("^Theme")).hover(
        timeout=deadline.ms(10))
    page.locator(".lm-Menu li.lm-Menu-item[data-command='apputils:change-theme']",
                 has_text=re.compile(f"^{theme}$")).click(timeout=deadline.ms(10))
    page.wait_for_function(
        """([name, light]) => document.body.dataset.jpThemeName === name
             && document.body.dataset.jpThemeLight === light
             && getComputedStyle(document.body).getPropertyValue('--jp-layout-color0').trim() !== ''""",
        arg=[theme, light], timeout=deadline.ms(15))
    # The theme's stylesheet is in; let the output areas restyle before measuring.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def readable_in_both_themes(run: Run, feedback_outputs: int) -> dict[str, dict]:
    """Measure every widget and feedback output in each theme; fail on any unreadable text."""
    page, deadline = run.page, run.deadline
    measured, problems = {}, []
    for theme in THEMES:
        set_theme(page, deadline, theme)
        m = measured[theme] = page.evaluate(READABILITY_JS, [WIDGET_OUTPUTS, TEXT_OUTPUTS, FEEDBACK_PREFIXES,
                                                             MIN_CONTRAST])
        run.mark(f"measured in {theme}")
        summary = (f"{theme}: {m['widgets']} widget outputs, {m['feedback']} feedback outputs, "
                   f"{m['elements']} texts, lowest contrast {m['lowest'] and round(m['lowest'], 2)}")
        if not (m["widgets"] and m["elements"]):
            problems.append(f"{summary}; outputs: {m['outputs'][:30]}")
        if m["feedback"] != feedback_outputs:
            problems.append(f"{summary}; expected {feedback_outputs} feedback outputs")
        if m["bad"]:
            problems.append(f"{summary}; below {MIN_CONTRAST}:\n  " + "\n  ".join(
                f"{b['ratio']} ×{b['count']} {b['colour']} on {b['background']} {b['text']!r} ({b['where']})"
                for b in m["bad"][:15]))
        if m["missing"]:
            problems.append(f"{summary}; symbols drawn as empty boxes: {m['missing'][:12]}")
    assert not problems, "\n".join(problems)
    return measured


def lint_viewer_rule_and_proofreading_quiz(run: Run) -> None:
    """Lesson 06: choosing a rule in the lint viewer shows its catalogue entry and only its
    findings (through the kernel); then a wrong and a right click in the click-the-error quiz."""
    from baogao.course.lesson06_reading import click_questions
    from baogao.lint import lint
    from baogao.widgets.lintview import rule_choices

    page, deadline = run.page, run.deadline
    notebook = page.locator(NOTEBOOK)
    view = notebook.locator(".jp-OutputArea-output").filter(has=page.locator(".lv-item")).filter(
        has=page.locator(".widget-dropdown select"))
    view.first.wait_for(state="attached", timeout=deadline.ms(20))
    assert view.count() == 1, f"expected one lint viewer, found {view.count()}"
    view.scroll_into_view_if_needed(timeout=deadline.ms(5))
    findings = lint(get("specimen"))
    label = next(text for text, key in rule_choices(findings) if key == "stray-space")
    spaces = [f for f in findings if f.rule == "stray-space"]
    assert view.locator(".lv-item").count() > len(spaces)
    view.locator(".widget-dropdown select").select_option(label=label, timeout=deadline.ms(10))
    page.wait_for_function(
        "([el, n]) => el.querySelectorAll('.lv-item').length === n",
        arg=[view.element_handle(timeout=deadline.ms(5)), len(spaces)], timeout=deadline.ms(15))
    wait_for_text(view, deadline, "stray-space", "the lint viewer (one rule)")
    run.mark("lint viewer: one rule")
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))

    questions = click_questions()
    views = page.locator(f"{NOTEBOOK} {QUIZ_QUESTION}")
    views.first.wait_for(state="attached", timeout=deadline.ms(15))
    assert views.count() == len(questions), f"expected {len(questions)} quiz questions, found {views.count()}"
    k, question = 1, questions[1]  # raw line 21: the half-width comma
    spans = pieces(question)
    right = next(n for n, (a, b, _t) in enumerate(spans) if a <= question.answer[0] < b)
    wrong = 0 if right else 1
    quiz = views.nth(k)
    quiz.scroll_into_view_if_needed(timeout=deadline.ms(5))
    quiz.locator("button.widget-button").nth(wrong).click(timeout=deadline.ms(10))
    wait_for_text(quiz.locator(".qz-feedback"), deadline, "不正确", f"question {k + 1}'s feedback")
    run.mark("proofreading quiz: wrong click")
    quiz.locator("button.widget-button").nth(right).click(timeout=deadline.ms(10))
    wait_for_text(quiz.locator(".qz-feedback"), deadline, "正确！", f"question {k + 1}'s feedback")
    run.mark("proofreading quiz: right click")


def outline_builder_answers_typing(run: Run) -> None:
    """Lesson 07: the outline builder answers typing through the kernel. An ASCII comma typed into
    the model draft of the demonstration builder (kept in a temporary folder, never the student's
    draft) turns the lint summary from no finding to one error, and the status says it was saved."""
    from baogao.course.lesson07_models import MODEL
    from baogao.lint import lint
    from baogao.lint.format import summary_text
    from baogao.widgets.builder import draft_report

    page, deadline = run.page, run.deadline
    notebook = page.locator(NOTEBOOK)
    boxes = notebook.locator(".widget-textarea textarea")
    boxes.first.wait_for(state="visible", timeout=deadline.ms(15))
    assert boxes.count() == 2, f"expected the demonstration's and the student's builders, found {boxes.count()}"
    demo = boxes.nth(0)
    demo.scroll_into_view_if_needed(timeout=deadline.ms(5))
    view = notebook.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-textarea textarea")).first
    wait_for_text(view, deadline, summary_text(lint(draft_report(MODEL))), "the builder's lint summary (model)")
    edited = MODEL.replace("2025年，团县委", "2025年,团县委", 1)
    assert edited != MODEL
    demo.fill(edited, timeout=deadline.ms(10))
    wait_for_text(view, deadline, summary_text(lint(draft_report(edited))), "the builder's lint summary (edited)")
    wait_for_text(view, deadline, "已自动保存", "the builder's status (saved)")
    run.mark("outline builder: typed draft linted and saved")
    page.screenshot(path=str(run.screenshot), timeout=deadline.ms(10))
    # The picture of the exported .docx's first page loads (a link relative to the notebook).
    picture = notebook.locator("img[src*='lesson07_docx_page1.png']")
    picture.first.scroll_into_view_if_needed(timeout=deadline.ms(10))
    page.wait_for_function("(el) => el.complete && el.naturalWidth > 400",
                           arg=picture.first.element_handle(timeout=deadline.ms(5)), timeout=deadline.ms(10))
    run.mark("the .docx picture loaded")


#: Lesson id → what to click once the lesson has run.
INTERACTIONS: dict[str, Callable[[Run], None]] = {
    "00_start": probe_and_edition_compare_answer_clicks,
    "01_structure": outline_explorer_and_quiz,
    "02_paragraphs": highlighter_lead_sentences,
    "03_words": concordance_answers_a_query_and_a_scope,
    "04_rhythm": charts_place_the_report_among_the_corpus,
    "05_evidence": highlighter_quantities,
    "06_proofreading": lint_viewer_rule_and_proofreading_quiz,
    "07_drafting": outline_builder_answers_typing,
}


def test_every_lesson_has_an_interaction():
    assert set(INTERACTIONS) == {lesson.id for lesson in LESSONS}, sorted(INTERACTIONS)


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_in_browser(lesson: Lesson, lab_server, lab_page, tmp_path):
    page = lab_page.page
    # BAOGAO_SCREENSHOTS=docs/images keeps the screenshots (the README shows three of them).
    shots = Path(os.environ.get("BAOGAO_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    run = Run(page, Deadline(TEST_BUDGET_S), shots / f"lesson{lesson.id}.png")
    assert (lab_server.root_dir / lesson.notebook).is_file(), f"lab_server does not serve {lesson.notebook}"

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
        page.goto(lab_server.page_url(f"/lab/tree/{lesson.notebook}"), timeout=deadline.ms(30))
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
        measured = readable_in_both_themes(run, feedback_cells(lesson))
    except Exception as exc:
        pytest.fail(failure_report(exc), pytrace=True)

    lowest = {theme: round(m["lowest"], 2) for theme, m in measured.items()}
    print(f"\nlesson {lesson.id} in the browser, steps (s): {run.timings}; "
          f"blocked requests: {len(lab_page.blocked)}; lowest contrast: {lowest}")
