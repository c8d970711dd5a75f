"""What a check says: an ``Outcome`` (correct, incorrect, not attempted,
submitted for review, or not checkable) and a ``Message`` (hints, solutions).

Both display as plain Chinese text in a notebook (their ``repr``), so the
stored outputs of solution notebooks stay stable under nbval.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not_attempted"
SUBMITTED = "submitted"  # writing exercises: never "correct", a teacher reviews them
ERROR = "error"  # the answer could not be checked at all

STATUSES = (CORRECT, INCORRECT, NOT_ATTEMPTED, SUBMITTED, ERROR)

LABELS = {
    CORRECT: "✅ 正确",
    INCORRECT: "❌ 不正确",
    NOT_ATTEMPTED: "⏳ 尚未作答",
    SUBMITTED: "📝 已提交，待教师评阅",
    ERROR: "⚠️ 无法检查",
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
        parts += [f"✘ {text}" for text in self.issues]
        parts += [f"✎ {text}" for text in self.notes]
        return "；".join(parts)

    def text(self) -> str:
        head = LABELS[self.status]
        if self.message:
            head += ("：" if self.status != SUBMITTED else "。") + self.message
        lines = [head]
        if self.checks:
            lines.append("自动检查：")
            lines += [f"  {'✔' if ok else '✘'} {text}" for ok, text in self.checks]
        if self.notes:
            lines.append("文风提示（供参考）：")
            lines += [f"  ✎ {text}" for text in self.notes]
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
