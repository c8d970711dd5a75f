"""Judgement exercises as lettered choices: one right option, or several.

``ChoiceProblem`` is a ``ValueProblem`` whose answer is one or more option
letters (``"C"``, ``"c"``, ``"（C）"``, ``"选C"``, ``"A、C"``, ``["A", "C"]``, or
an option's full text). Each wrong option carries its own feedback, so the
student learns why that option is wrong, not only that it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baogao.exercises import compare
from baogao.exercises.outcomes import Message
from baogao.exercises.problems import ValueProblem

_NOISE = re.compile(r"^(选项?|答案是?[:：]?)|[()（）.。:：\"'“”\s]")
_SEPARATORS = re.compile(r"[,，、;；/和与及]+")


def _key(answer) -> frozenset:
    return frozenset(answer) if not isinstance(answer, str) else frozenset(answer.upper())


@dataclass(eq=False, repr=False)
class ChoiceProblem(ValueProblem):
    """Choose among lettered ``options``: letter → (text, why this option is wrong).

    ``answer`` is the right letter, or the right letters as one string
    (``"AC"``) when several are right; the why of a right option is ignored.
    """

    question: str = ""
    options: dict = field(default_factory=dict)
    answer: str = ""

    def __post_init__(self):
        unknown = _key(self.answer) - set(self.options)
        if not self.answer or unknown:
            raise ValueError(f"{self.name}: answer {self.answer!r} is not among the options")
        self.multiple = len(_key(self.answer)) > 1
        self.expected = lambda report: "".join(sorted(_key(self.answer)))
        self.read = self._read
        self.diagnose = self._diagnose
        if not self.wrong_answers:  # every single wrong option, and one right option short
            self.wrong_answers = [k for k in self.options if k not in _key(self.answer)]
            if self.multiple:
                self.wrong_answers.append(sorted(_key(self.answer))[0])
        if not self.solution_text:
            letters = '", "'.join(sorted(_key(self.answer)))
            self.solution_text = (f'{self.variable} = ["{letters}"]' if self.multiple
                                  else f'{self.variable} = "{self.answer}"')

    def show(self) -> Message:
        """The question and its options, as the exercise notebook prints them."""
        how = "把所有正确选项的字母放进列表" if self.multiple else "把选项的字母赋给"
        lines = [f"{self.question}（{how} {self.variable}）"]
        lines += [f"  {key}. {text}" for key, (text, _) in self.options.items()]
        return Message("\n".join(lines))

    def _read(self, value) -> str:
        """The letters chosen, sorted, as one string ("AC")."""
        if isinstance(value, dict) and value.get("$") == "set":  # a set, as collected
            value = value.get("items", [])
        items = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
        letters: set[str] = set()
        for item in items:
            if not isinstance(item, str):
                raise compare.AnswerFormError(f"{self.variable} 应当是选项的字母，例如 \"A\"。")
            text = compare.squeeze(item)
            full = next((k for k, (option, _) in self.options.items() if text == compare.squeeze(option)), None)
            if full:
                letters.add(full)
                continue
            for part in _SEPARATORS.split(_NOISE.sub("", text).upper()):
                if part and set(part) <= set(self.options):
                    letters.update(part)
                elif part:
                    raise compare.AnswerFormError(
                        f"“{item}”不是选项：{self.variable} 只写选项的字母（{'、'.join(self.options)}）。")
        if not letters:
            raise compare.AnswerFormError(f"{self.variable} 应当是选项的字母，例如 \"A\"。")
        if len(letters) > 1 and not self.multiple:
            raise compare.AnswerFormError(f"只选一项：{self.variable} 写一个字母。")
        return "".join(sorted(letters))

    def _diagnose(self, value, expected, report):
        wrong = [k for k in value if k not in expected]
        if wrong:
            why = self.options[wrong[0]][1]
            return f"{wrong[0]} 不对：{why}" if why else None
        missing = len(set(expected) - set(value))
        return f"还少选了 {missing} 项。" if missing else None
