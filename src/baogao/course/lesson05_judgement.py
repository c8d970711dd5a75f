"""Lesson 05's judgement exercises, about the specimen (raw edition) whatever the report:

- ``Q5``: which of eight remarks on the specimen's figures name a real unit or wording problem
  (17 突击队…人次, 32 成功率, 43 学习12项, 38 31个省) and which are wrong;
- ``Q6``: what a careful reader can and cannot say about the survey of raw line 14.

Both are lettered choices with several right options; each wrong option explains itself, and a
missing right option is named by the kind of problem it is, never by its letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from baogao.exercises.choice import ChoiceProblem
from baogao.sources.shipped import specimen


@dataclass(eq=False, repr=False)
class Remarks(ChoiceProblem):
    """A ChoiceProblem whose feedback on a missing right option says what kind of problem it names."""

    missing_why: dict = field(default_factory=dict)  # right letter → what the student overlooked

    def _diagnose(self, value, expected, report):
        why = super()._diagnose(value, expected, report)
        missing = [k for k in expected if k not in value]
        if any(k not in expected for k in value) or not missing:
            return why
        return f"{why}{self.missing_why.get(missing[0], '')}"


def _quoted(line: int, words: str) -> str:
    if words not in specimen().line(line).text:
        raise ValueError(f"raw line {line} does not contain {words}")
    return words


# -- Q5: units and wording -----------------------------------------------------------------------
Q5_OPTIONS = {
    "A": (f"第 17 行“{_quoted(17, '出动青年突击队25.3万人次')}”：突击队论“支”（同一段写“1400多支青年突击队”），"
          "“人次”数的是出动的队员，量词和它数的东西对不上。", ""),
    "B": (f"第 32 行“{_quoted(32, '改革措施平均成功率为97.4%')}”：改革措施说的是落实、完成与否，没有“成功率”可言；"
          "原词可能是落实率或完成率。", ""),
    "C": (f"第 43 行“{_quoted(43, '开展学习12项')}”“开展学习26项”：学习是一次一次开展的，应当论“次”，"
          "同一段的会议就论“次”。", ""),
    "D": (f"第 38 行“{_quoted(38, '全国31个省')}”：31 个省级行政区里还有自治区和直辖市，宜写“31个省份”"
          "或“31个省（区、市）”。", ""),
    "E": (f"第 12 行“{_quoted(12, '90%以上')}”的百分号是半角的，应当改成全角的“％”。",
          "百分号跟着阿拉伯数字用半角的“%”，样本报告的百分号全是半角的，前后一致，这不是问题。"),
    "F": (f"第 21 行“{_quoted(21, '2016—2025年')}”中间的“—”太短，应当改成破折号“——”。",
          "表示年份的起止用连接号，一字线“—”正合 GB/T 15834 的用法；破折号“——”是另一种标点。"),
    "G": (f"第 17 行“{_quoted(17, '388.1万人')}”：人数不能有小数，应当写成整数。",
          "388.1万人是 3881000 人，本身是整数；小数点在“万”的前面，这是用“万”作单位的写法。"),
    "H": (f"第 18 行“{_quoted(18, '近6万名')}”和第 30 行“{_quoted(30, '近16万个')}”：“近”不确切，报告里不应当出现。",
          "限定词如实说出数字的精确程度；没有确数时写“近”“多”“余”，比硬写一个确数更老实。"),
}
Q5_ANSWER = "ABCD"
Q5_MISSING = {
    "A": "还有一处，一个集体被论成了“人次”：集体论什么，人次数的又是谁？",
    "B": "还有一处，用词和它说的事不相合：改革措施是落实了、完成了，还是“成功”了？",
    "C": "还有一处，量词用错了类：一件事做了几回，论什么？",
    "D": "还有一处，全国的省级单位说得不全：省级单位不只是省。",
}

Q5 = Remarks(
    name="q5", title="单位和措辞：哪些说得对", variable="q5_answer", options=Q5_OPTIONS, answer=Q5_ANSWER,
    missing_why=Q5_MISSING,
    question="下面是对样本报告（原样版）数据写法的八条意见。哪几条指出了真实的问题？（可以多选）",
    hints=["逐条回到原文读上下文：量词和它数的东西对得上吗？同一段、同一篇里，同类的东西用的是不是同一个量词？",
           "有两条说的是标点和数字的写法：核对 GB/T 15834 的连接号和样本报告的百分号；还有一条反对用限定词：想想第三节。"],
    right_answers=[["a", "b", "c", "d"], "A、B、C、D"],
    wrong_answers=["ABCDE", "ABC", "ABD", "ACD", "BCD", "ABCDH", "ABCDFG"],
)


# -- Q6: the survey of line 14 ------------------------------------------------------------------
Q6_OPTIONS = {
    "A": ("调查的对象写的是“4000多万团员”，80% 和“近三分之一”却是“受访者”里的比例：文中没有说多少人受访，"
          "算不出有多少人这样回答。", ""),
    "B": ("“近三分之一的受访者……提交了入党申请书”：要是 4000 多万团员都受了访，就是一千多万份入党申请书。"
          "这么大的数，引用前要向原作者或调查报告核实；副本也可能在改写时改了数字或对象，无从断定。", ""),
    "C": ("“去年底”是相对的时间：副本没有交代报告在哪一年作，读者算不出是哪一年的年底；"
          "正式的报告写绝对的日期（××××年××月）。", ""),
    "D": ("80% 加上“近三分之一”超过了 100%，这两个数自相矛盾。",
          "两个比例回答的是两个问题（入党愿望更强烈、提交了申请书），一个人可以两样都是，比例不必加起来等于 100%。"),
    "E": ("这项调查证明了党史学习教育使团员的入党愿望更强烈。",
          "“入党愿望更强烈”是受访者自己说的；文中没有学习教育以前的数字作对照，说明不了变化，更说明不了原因。"),
    "F": ("可以算出：团员的入党愿望比上一年提高了 80%。",
          "80% 是受访者里这样回答的人所占的比例，不是增长率；文中没有上一年的数字，算不出任何增长。"),
    "G": ("“近三分之一”应当改成“33.3%”，才准确。",
          "“近三分之一”是不到三分之一，写成 33.3% 反而比原文说得更确切：改写不能凭空添上原文没有的精度。"),
}
Q6_ANSWER = "ABC"
Q6_MISSING = {
    "A": "再看看两个比例的分母：它们是谁里面的比例？文中说了有多少人吗？",
    "B": "再算一算：如果分母真是 4000 多万，“近三分之一”是多少人？",
    "C": "再看看这次调查是什么时候做的：读者能从副本里算出确切的年份吗？",
}

Q6 = Remarks(
    name="q6", title="第 14 行的调查可信吗", variable="q6_answer", options=Q6_OPTIONS, answer=Q6_ANSWER,
    missing_why=Q6_MISSING,
    question=("样本报告（原样版）第 14 行写道：“" + _quoted(14, "去年底,共青团中央对4000多万团员进行的一项调查显示,80%的受访者表示,"
                                                   "通过党史学习教育,入党愿望更强烈,动机更纯粹;近三分之一的受访者在党史学习教育中向组织提交了入党申请书")
              + "”。下面哪几种说法是仔细的读者可以说的？（可以多选）"),
    hints=["每一个比例都问一句：是谁里面的比例？分母有多大？文中给了没有？",
           "再问三句：有没有以前的数字作对照？“去年底”是哪一年？把一个比例换成人数，数字合不合情理？"],
    right_answers=[["A", "B", "C"], "c、b、a"],
    wrong_answers=["AB", "AC", "BC", "ABCD", "ABCE", "ABCF", "ABCG"],
)
