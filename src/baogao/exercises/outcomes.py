"""What a check says: an ``Outcome`` (correct, incorrect, not attempted,
submitted for review, or not checkable) and a ``Message`` (hints, solutions).

Both display as plain Chinese text in a notebook (their ``repr``), so the
stored outputs of solution notebooks stay stable under nbval. Every mark they
(and the widgets) put before a text is in ``MARKS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not_attempted"
SUBMITTED = "submitted"  # writing exercises: never "correct", a teacher reviews them
ERROR = "error"  # the answer could not be checked at all

STATUSES = (CORRECT, INCORRECT, NOT_ATTEMPTED, SUBMITTED, ERROR)

#: The marks of feedback and widgets, each followed by words that say the same.
#: Measured (fontTools cmaps, Chromium's fallback): the emoji ✅ ❌ ⏳ 📝 💡 and the
#: dingbats ✔ ✘ ✎ are in neither Noto Sans CJK SC (fonts-noto-cjk, the font the kit
#: requires) nor the bundled subset; Chromium draws the emoji as empty boxes on a
#: machine without a colour-emoji font, and the dingbats only where DejaVu is
#: installed. Every mark below is in both CJK fonts and is no emoji (no colour
#: form, no variation selector): tests/exercises/test_marks.py checks each
#: character against the bundled font.
MARKS = {
    CORRECT: "✓",        # U+2713 CHECK MARK
    INCORRECT: "×",      # U+00D7 MULTIPLICATION SIGN: the teacher's cross
    NOT_ATTEMPTED: "○",  # U+25CB WHITE CIRCLE: nothing filled in yet
    SUBMITTED: "→",      # U+2192 RIGHTWARDS ARROW: handed on to the teacher
    ERROR: "▲",          # U+25B2 BLACK UP-POINTING TRIANGLE: a warning (⚠ U+26A0 has an emoji form)
    "pass": "✓",         # an automatic check that passed
    "fail": "×",         # an automatic check that did not
    "note": "※",         # U+203B REFERENCE MARK: advice, counted as nothing
    "hint": "※",         # hints and model answers
    "warning": "▲",      # a problem the widgets point out
}

LABELS = {
    CORRECT: f"{MARKS[CORRECT]} 正确",
    INCORRECT: f"{MARKS[INCORRECT]} 不正确",
    NOT_ATTEMPTED: f"{MARKS[NOT_ATTEMPTED]} 尚未作答",
    SUBMITTED: f"{MARKS[SUBMITTED]} 已提交，待教师评阅",
    ERROR: f"{MARKS[ERROR]} 无法检查",
}


@dataclass
class Outcome:
    """The verdict of one check."""

    problem: str
    status: str
    message: str = ""
    score: float | None = 0.0
    max_score: float = 1.0
    #: Automatic feedback of a writing exercise: (passed, sentence) pairs.
    checks: list[tuple[bool, str]] = field(default_factory=list)
    #: What the teacher will look at (writing exercises).
    rubric: list[str] = field(default_factory=list)
    #: Advice from the linter (writing exercises): shown, not counted as issues.
    notes: list[str] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    @property
    def issues(self) -> list[str]:
        """The automatic checks that did not pass."""
        return [text for ok, text in self.checks if not ok]

    @property
    def feedback(self) -> str:
        """One line for a grades table: the message, then the failed checks."""
        parts = [self.message] if self.message else []
        parts += [f"{MARKS['fail']} {text}" for text in self.issues]
        parts += [f"{MARKS['note']} {text}" for text in self.notes]
        return "；".join(parts)

    def text(self) -> str:
        head = LABELS[self.status]
        if self.message:
            head += ("：" if self.status != SUBMITTED else "。") + self.message
        lines = [head]
        if self.checks:
            lines.append("自动检查：")
            lines += [f"  {MARKS['pass'] if ok else MARKS['fail']} {text}" for ok, text in self.checks]
        if self.notes:
            lines.append("文风提示（供参考）：")
            lines += [f"  {MARKS['note']} {text}" for text in self.notes]
        if self.rubric:
            lines.append("教师评阅要点：")
            lines += [f"  {i}. {item}" for i, item in enumerate(self.rubric, 1)]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"problem": self.problem, "status": self.status, "message": self.message,
                "score": self.score, "max_score": self.max_score,
                "checks": [list(c) for c in self.checks], "rubric": list(self.rubric),
                "notes": list(self.notes)}

    def __repr__(self) -> str:
        return self.text()

    __str__ = text


@dataclass
class Message:
    """A hint or a solution: shown as text."""

    text: str

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__
