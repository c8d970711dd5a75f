"""Quiz: multiple-choice and click-the-error questions with immediate Chinese feedback.

A ``Question`` is data (prompt, options or sentence, answer, explanation);
``check_choice(question, answer)`` grades one answer and words the feedback;
``pieces(question)`` cuts a click question's sentence into the buttons it
shows (one per character, or one per word). ``Quiz(questions)`` shows every
question with its own feedback and a running score.
"""

from __future__ import annotations

from dataclasses import dataclass

from baogao.exercises.outcomes import CORRECT, INCORRECT, MARKS
from baogao.text.tokens import cut_pairs
from baogao.widgets.html import INK, STYLE, TEXT, esc, ink, tint

UNITS = ("char", "word")

# ipywidgets colours a clicked button with white text on a mid green or red,
# below 4.5:1 in the light theme: the quiz's buttons get a tint and the theme's
# ink instead (the selector outranks ipywidgets' .jupyter-button.mod-success).
QUIZ_STYLE = f"""
<style>
.qz-ok {{color: {TEXT}; color: {ink("success")};}}
.qz-no {{color: {TEXT}; color: {ink("error")};}}
.bg-quiz-question .jupyter-button.mod-success {{background: {tint("success", 45)}; color: {INK};}}
.bg-quiz-question .jupyter-button.mod-danger {{background: {tint("error", 40)}; color: {INK};}}
</style>
"""


@dataclass(frozen=True)
class Question:
    """One question.

    - multiple choice: ``options`` (texts) and ``answer`` (the right option's text);
    - click the error: ``sentence`` and ``answer`` = (start, end), the span of
      the wrong text in the sentence; ``unit`` says whether the student clicks
      characters (``"char"``) or words (``"word"``, jieba tokens).
    ``explanation`` (Chinese) is shown with the feedback, right or wrong.
    Build them with ``Question.choice(...)`` and ``Question.click(...)``.
    """

    prompt: str
    answer: object
    explanation: str
    options: tuple[str, ...] = ()
    sentence: str | None = None
    unit: str = "char"

    def __post_init__(self):
        if self.sentence is None:
            if len(self.options) < 2:
                raise ValueError("选择题至少要有两个选项。")
            if self.answer not in self.options:
                raise ValueError(f"正确答案“{self.answer}”不在选项中。")
        else:
            a, b = self.answer
            if not 0 <= a < b <= len(self.sentence):
                raise ValueError("找错题的答案位置不在句子里。")
            if self.unit not in UNITS:
                raise ValueError(f"unit 只能是 {'、'.join(UNITS)}。")

    @property
    def kind(self) -> str:
        return "choice" if self.sentence is None else "click"

    @property
    def wrong_text(self) -> str:
        """The erroneous text of a click question."""
        a, b = self.answer
        return self.sentence[a:b]

    @classmethod
    def choice(cls, prompt: str, options, answer, explanation: str) -> "Question":
        """A multiple-choice question; ``answer`` is the right option's text or index."""
        options = tuple(options)
        if isinstance(answer, int) and not isinstance(answer, bool):
            answer = options[answer]
        return cls(prompt, answer, explanation, options=options)

    @classmethod
    def click(cls, prompt: str, sentence: str, wrong: str, explanation: str, *,
              occurrence: int = 1, unit: str = "char") -> "Question":
        """A click-the-error question: ``wrong`` is the erroneous text (its
        ``occurrence``-th appearance in ``sentence``)."""
        at = -1
        for _ in range(occurrence):
            at = sentence.find(wrong, at + 1)
            if at < 0:
                raise ValueError(f"句子里找不到第 {occurrence} 处“{wrong}”。")
        return cls(prompt, (at, at + len(wrong)), explanation, sentence=sentence, unit=unit)


def pieces(question: Question) -> list[tuple[int, int, str]]:
    """(start, end, text) of each clickable piece of a click question's sentence.

    Characters, or jieba words with ``unit="word"``; whitespace is not a piece.
    """
    s = question.sentence
    if question.unit == "word":
        out, at = [], 0
        for word, _tag in cut_pairs(s):
            out.append((at, at + len(word), word))
            at += len(word)
    else:
        out = [(i, i + 1, ch) for i, ch in enumerate(s)]
    return [p for p in out if p[2].strip()]


def check_choice(question: Question, answer) -> tuple[bool, str]:
    """Grade one answer: (correct, feedback in Chinese, explanation included).

    Multiple choice: ``answer`` is the chosen option's text or index. Click
    the error: the (start, end) span clicked, or a character index; it is
    right when it overlaps the wrong text.
    """
    if answer is None:
        return False, "请先作答。"
    if question.kind == "choice":
        if isinstance(answer, int) and not isinstance(answer, bool):
            answer = question.options[answer]
        if answer not in question.options:
            raise ValueError(f"“{answer}”不是这道题的选项。")
        if answer == question.answer:
            return True, f"正确！{question.explanation}"
        return False, f"不正确。正确答案是“{question.answer}”。{question.explanation}"
    a, b = (answer, answer + 1) if isinstance(answer, int) else answer
    lo, hi = question.answer
    if a < hi and b > lo:
        return True, f"正确！错误在“{question.wrong_text}”。{question.explanation}"
    clicked = question.sentence[a:b]
    return False, f"不正确：“{clicked}”没有问题，错误在“{question.wrong_text}”。{question.explanation}"


class QuestionView:
    """One question's controls: RadioButtons (choice) or one Button per piece (click)."""

    def __init__(self, question: Question, number: int, on_answer=None):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.question = question
        self.correct: bool | None = None
        self._on_answer = on_answer
        self.prompt = w.HTML(f"{STYLE}{QUIZ_STYLE}<div class='bg-box'><b>第 {number} 题</b>　{esc(question.prompt)}</div>")
        self.feedback = w.HTML()
        self.choice = None
        self.buttons: list = []
        if question.kind == "choice":
            self.choice = w.RadioButtons(options=list(question.options), value=None,
                                         layout=w.Layout(width="auto"))
            self.choice.observe(lambda change: self.answer(change["new"]), names="value")
            body = self.choice
        else:
            self.spans = pieces(question)
            for a, b, text in self.spans:
                button = w.Button(description=text, layout=w.Layout(width="auto", min_width="2.2em", padding="0 3px"),
                                  tooltip="点这里")
                button.on_click(lambda _b, span=(a, b), btn=button: self._clicked(span, btn))
                self.buttons.append(button)
            body = w.Box(self.buttons, layout=w.Layout(flex_flow="row wrap"))
        self.feedback.add_class("qz-feedback")
        self.widget = w.VBox([self.prompt, body, self.feedback])
        self.widget.add_class("bg-quiz-question")  # QUIZ_STYLE's scope, and a handle for browser tests

    def _clicked(self, span, button) -> None:
        for other in self.buttons:
            other.button_style = ""
        ok = self.answer(span)
        button.button_style = "success" if ok else "danger"

    def answer(self, answer) -> bool:
        """Grade ``answer`` and show the feedback (what the controls call)."""
        if answer is None:
            return False
        ok, text = check_choice(self.question, answer)
        self.correct = ok
        cls, mark = ("qz-ok", MARKS[CORRECT]) if ok else ("qz-no", MARKS[INCORRECT])
        self.feedback.value = f"<div class='bg-box {cls}'>{mark} {esc(text)}</div>"
        if self._on_answer is not None:
            self._on_answer()
        return ok


class Quiz:
    """Every question with its own feedback, and the score so far.

    ``quiz.views[i].choice.value = "…"`` answers a choice question;
    ``quiz.views[i].buttons[k].click()`` clicks a piece of a click question;
    read ``quiz.views[i].feedback.value`` and ``quiz.score.value``.
    """

    def __init__(self, questions):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.questions = list(questions)
        if not self.questions:
            raise ValueError("测验里至少要有一道题。")
        self.score = w.HTML()
        self.views = [QuestionView(q, i, self._update) for i, q in enumerate(self.questions, 1)]
        self._update()
        self.widget = w.VBox([v.widget for v in self.views] + [self.score])

    @property
    def points(self) -> int:
        return sum(1 for v in self.views if v.correct)

    def _update(self) -> None:
        answered = sum(1 for v in self.views if v.correct is not None)
        self.score.value = (f"<b>得分：{self.points} / {len(self.views)}</b>"
                            f"（已作答 {answered} 题）")

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
