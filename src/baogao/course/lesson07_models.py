"""Lesson 07 (动手写报告): the texts the lesson and its assignment write, review and export.

- ``MODEL``: the lesson's model draft, a 公文式 annual report of a 团县委 to the 团市委 (an
  upward document: 发文机关标志, 发文字号 with 签发人, title, 主送机关, the three usual sections,
  ``特此报告。``, signature, date in Arabic numerals). It passes the linter with no finding; its
  .docx is the picture of the lesson (tools/render_docx_page.py);
- ``QINGSHI``: a 请示 of the same 团县委, one matter, one addressee (the second option of q3);
- ``SHORT``: a short report of a 团支部 whose section 二、存在的问题 is missing (q2);
- ``PEER``: a classmate's draft with four real faults, for peer review (q5).

All are written for the course: the organisations are 某县, 某大学, the people 王某某; every
figure is made up and says so nowhere else than here.
"""

from __future__ import annotations

MODEL = """共青团某县委员会
团县委报〔2026〕3号　　　　　　　　签发人：王某某

共青团某县委员会关于2025年度共青团工作情况的报告

团市委：

2025年，团县委在县委和团市委的领导下，围绕全县中心工作，抓思想引领、抓服务青年、抓基层组织建设，各项工作取得新进展。现将有关情况报告如下。

一、主要工作及成效

（一）思想引领扎实开展。全年组织“青年大学习”网上主题团课48期，全县团员参学率保持在85%以上。各级团组织开展主题团日活动1260次，参加团员1.8万人次。

（二）服务青年成效明显。举办青年就业招聘会6场，提供就业岗位3200个，1140名青年达成就业意向；为186名困难家庭学生发放助学金共37.2万元。

（三）基层组织持续加强。新建两新组织团组织14个，整顿软弱涣散团支部9个，全县团组织总数达到612个；15个乡镇团委全部按期完成换届。

二、存在的问题

一是部分两新组织团组织建而不活，全年开展活动不足4次的有5个；二是服务青年的项目多为一次性活动，跟踪服务不够；三是少数乡镇团委没有配备专职团干部，工作力量比较薄弱。

三、下一步工作打算

（一）提升基层组织活力。2026年，对建而不活的两新组织团组织逐个指导，每个团组织每季度至少开展1次活动。

（二）完善服务青年长效机制。把就业帮扶和助学项目列入年度计划，对服务对象定期回访。

（三）加强团干部队伍建设。积极向县委汇报，推动没有专职团干部的乡镇团委配齐工作力量。

特此报告。

共青团某县委员会
2026年1月20日"""

#: A 请示 of the same 团县委: one matter (a training camp), one addressee, asked before the event.
QINGSHI = """共青团某县委员会关于举办2026年全县青年志愿者骨干培训营的请示

团市委：

为提高全县青年志愿服务的专业化水平，团县委拟于2026年7月举办全县青年志愿者骨干培训营。现将有关事项请示如下：

一、时间地点。2026年7月8日至10日，在县青少年活动中心举办，为期3天。

二、参加对象。各乡镇团委、县直机关团组织推荐的青年志愿者骨干，共60人。

三、主要内容。包括志愿服务项目设计、应急救护、服务对象沟通等5个专题，采取讲授和实训相结合的方式。

四、经费预算。所需经费约2.6万元，从团县委年度培训经费中列支。

妥否，请批示。

共青团某县委员会
2026年5月11日"""

#: The short report of q2; ``SHORT_GAP`` marks where its section 二 goes.
SHORT_GAP = "{二}"
SHORT = """共青团某大学化学学院2023级本科生团支部关于2025年秋季学期工作情况的报告

学院团委：

2025年秋季学期，团支部围绕思想引领和学风建设开展工作。现将有关情况报告如下。

一、主要工作及成效

（一）组织理论学习。全学期开展主题团日活动4次，支部32名团员全部参加。

（二）开展学业互助。组建学习小组6个，期末考试有课程不及格的同学由上学期的5人减少到2人。

{二}

三、下一步工作打算

（一）丰富团日活动形式。每次活动前征求团员意见，增加讨论和实践环节。

（二）扩大学业互助范围。把学业互助延伸到学习小组以外的同学，重点帮助有课程不及格的同学。

特此报告。

共青团某大学化学学院2023级本科生团支部
2026年1月9日"""

#: The model of q2: the heading and one paragraph, problems that the plans of section 三 answer.
SHORT_MODEL = ("二、存在的问题\n"
               "一是团日活动形式比较单一，4次活动都以集中学习为主，团员参与讨论的机会少；"
               "二是学业互助只在学习小组内开展，期末仍有2名同学课程不及格。")


def short_report(section: str = SHORT_MODEL) -> str:
    """``SHORT`` with ``section`` (lines of text) in the place of its missing section 二."""
    return SHORT.replace(SHORT_GAP, section.strip())


#: A classmate's draft for peer review (q5): four faults (the specimen's damaged opening, 一是 as
#: headings, a request inside a report, the date in the 1999 form), the rest in order.
PEER = """共青团某大学化学学院委员会关于2025年工作情况的报告

校团委：

2025年，学院团委在学院党委和校团委的领导下，围绕立德树人根本任务开展工作。重点关注以下几个方面。

一是主要工作及成效

（一）思想引领。全年开展主题团日活动36次，覆盖团员1200余人次。

（二）志愿服务。组建志愿服务队8支，累计服务时长1.1万小时。

二是存在的问题

部分团支部活动形式单一，团员参与的积极性不高。

三是下一步工作打算

（一）丰富团支部活动形式。每个团支部每学期至少开展1次实践类活动。

（二）争取活动经费。恳请校团委拨付学院团支部活动专项经费2万元。

特此报告。

共青团某大学化学学院委员会
二〇二六年一月八日"""
