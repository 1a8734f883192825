"""Controlled vocabularies: every coded value, its definition and its labels, declared once.

Each vocabulary maps a value to a :class:`Term` (a one-line definition, an
English and a Chinese display label, and where useful an example from the
report). A :class:`Vocabulary` reads like the mapping value → definition that
the data dictionary documents, and also gives the labels figures and tables
use, so notebooks never spell a label of their own:

>>> SECTORS["private"]
'companies and industry'
>>> SECTORS.label("private", "zh"), SECTORS.bilingual("private")
('私营部门', 'private sector (私营部门)')
>>> list(LEVELS)[:2]
['national', 'subnational']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

__all__ = [
    "Term", "Vocabulary", "TRENDS", "TREND_TITLES_EN", "SECTIONS", "SECTORS", "ACTOR_TYPES", "LEVELS",
    "CASE_KINDS", "BOUNDARIES", "BOX_KINDS", "QUALIFIERS", "COUNTRIES", "VOCABULARIES",
]


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: what it means and how to label it."""

    definition: str
    en: str
    zh: str
    example: str | None = None  # where the report shows it, e.g. "T3-13, raw line 1720"


class Vocabulary(Mapping[str, str]):
    """An ordered set of values; ``vocab[value]`` is its definition, ``vocab.terms[value]`` the :class:`Term`.

    ``rules`` are the decision rules a coder applies for borderline cases.
    """

    def __init__(self, name: str, title: str, terms: dict[str, Term], rules: tuple[str, ...] = ()):
        self.name, self.title, self.terms, self.rules = name, title, dict(terms), tuple(rules)

    def __getitem__(self, value: str) -> str:
        return self.terms[value].definition

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {list(self.terms)})"

    def label(self, value: str, lang: str = "en") -> str:
        """The display label of ``value`` in ``lang`` (``"en"`` or ``"zh"``); the value itself if unknown."""
        term = self.terms.get(value)
        return value if term is None else getattr(term, lang)

    def labels(self, lang: str = "en") -> dict[str, str]:
        """value → display label in ``lang``, in vocabulary order."""
        return {v: getattr(t, lang) for v, t in self.terms.items()}

    def bilingual(self, value: str, sep: str = " ") -> str:
        """``English (中文)`` label of a value."""
        term = self.terms.get(value)
        return value if term is None else f"{term.en}{sep}({term.zh})"


TRENDS = Vocabulary("trend", "Trend (chapter)", {
    "0": Term("the front matter: Chinese preface, introduction and overview", "Front matter", "前言"),
    "1": Term("Fluid government workforce models", "Workforce", "采用更灵活的人才模式"),
    "2": Term("Bridging the data-sharing chasm", "Data sharing", "缩小数据共享缺口"),
    "3": Term("Tackling funding silos", "Funding silos", "消除资金孤岛"),
    "4": Term("Tailored public services", "Tailored services", "实现公共服务可定制"),
    "5": Term("Back-office innovations improving mission performance", "Back office", "通过创新改善后台部门履职能力"),
    "6": Term("Regulation that enables innovation", "Regulation", "优化监管以支持创新"),
    "7": Term("Teaming up to deliver whole health", "Whole health", "通过合作实现全生命健康"),
    "8": Term("End-to-end justice", "Justice", "端到端的司法"),
})

#: The chapters' titles in the English edition (trend → title).
TREND_TITLES_EN: dict[int, str] = {
    0: "Front matter", **{int(k): t.definition for k, t in TRENDS.terms.items() if k != "0"}}

SECTIONS = Vocabulary("section", "Section of the report", {
    "summary": Term("Chinese preface (概要) of the front matter", "preface", "概要"),
    "introduction": Term("introductory essay of the front matter", "introduction", "引言"),
    "overview": Term("the eight-trend overview in the front matter, or a chapter's opening (概述)", "overview", "概述"),
    "title": Term("a chapter's heading, title, subtitle and author byline", "title", "标题"),
    "barriers": Term("the 突破壁垒 / 打破壁垒 list of barriers a chapter says are falling", "breaking barriers", "突破壁垒"),
    "data": Term("a 解读数据 infographic block, its scrambled fragments and source note", "infographic", "解读数据"),
    "in_action": Term("a chapter's 行动趋势 (trend in action) section", "trend in action", "行动趋势"),
    "moving_forward": Term("a chapter's 未来展望 (moving forward) section", "moving forward", "未来展望"),
    "my_take": Term("a 我的观点 (My Take) sidebar by a practitioner", "My Take", "我的观点"),
    "sidebar": Term("a boxed story set apart from the running text", "sidebar", "专栏"),
    "endnotes": Term("the English endnotes (注释)", "endnotes", "注释"),
})

SECTORS = Vocabulary("sector", "Sector", {
    "government": Term("governments, their agencies, legislatures and courts", "government", "政府"),
    "private": Term("companies and industry", "private sector", "私营部门"),
    "nonprofit": Term("non-profit, community and faith organisations", "non-profit", "非营利组织"),
    "academia": Term("universities and research institutes", "academia", "学术界"),
    "community": Term("citizens, residents, patients and community groups", "community", "社区"),
    "international": Term("international and supranational organisations", "international", "国际组织"),
})

ACTOR_TYPES = Vocabulary("type", "Type of actor", {
    "national_government": Term("a country's government as a whole", "national government", "国家政府"),
    "government_agency": Term("a ministry, department, agency or office of a government", "government agency", "政府机构"),
    "subnational_government": Term("a state, provincial or regional government", "state or regional government", "州/省政府"),
    "local_government": Term("a city, county or municipal government or council", "local government", "地方政府"),
    "legislature_or_court": Term("a parliament, legislature, court or tribunal", "legislature or court", "立法或司法机构"),
    "international_organization": Term("an international or supranational organisation", "international organisation", "国际组织"),
    "company": Term("a private company", "company", "企业"),
    "nonprofit": Term("a non-profit or non-governmental organisation", "non-profit", "非营利组织"),
    "academic": Term("a university, school or research institute", "academic", "学术机构"),
    "foundation": Term("a philanthropic foundation", "foundation", "基金会"),
    "other": Term("any other organisation", "other", "其他"),
})

LEVELS = Vocabulary("level", "Level of government", {
    "national": Term("a country's central government", "national", "国家"),
    "subnational": Term("a state, province or region", "state or region", "州/省"),
    "local": Term("a city, county or municipality", "local", "地方"),
    "supranational": Term("the European Union", "supranational (EU)", "超国家"),
    "multinational": Term("several countries together", "multinational", "多国"),
})

CASE_KINDS = Vocabulary("kind", "Kind of case", {
    "programme": Term("a government programme or scheme", "programme", "计划"),
    "initiative": Term("an initiative or campaign", "initiative", "倡议"),
    "fund": Term("a fund or funding mechanism", "fund", "基金"),
    "platform": Term("a digital platform, tool or service", "platform", "平台"),
    "law": Term("a law, act, regulation or strategy with legal force", "law", "法律法规"),
    "project": Term("a time-bound project or pilot", "project", "项目"),
    "agency_practice": Term("an organisation's way of working", "organisation's practice", "机构做法"),
})

BOUNDARIES = Vocabulary("boundary", "Boundary crossed", {
    "within_government": Term("between agencies, departments or functions of one government", "within government", "政府内部"),
    "across_levels": Term("between levels of government (national, regional, local)", "across levels of government", "各级政府之间"),
    "cross_border": Term("between countries or jurisdictions", "across borders", "跨国/跨辖区"),
    "government_business": Term("government and companies, industry, start-ups", "government–business", "政府与企业"),
    "government_nonprofit": Term("government and non-profits, community or faith organisations", "government–non-profit", "政府与非营利组织"),
    "government_academia": Term("government and universities, researchers", "government–academia", "政府与学术界"),
    "government_citizen": Term("government and citizens, residents, users, patients", "government–citizens", "政府与公民"),
    "multi_sector": Term("government with several outside sectors at once (an ecosystem)", "several sectors at once", "多部门生态"),
    "old_new_technology": Term("legacy and new technology or systems", "old and new technology", "新旧技术"),
    "old_new_practice": Term("traditional and new ways of working, regulating or serving", "old and new practice", "新旧做法"),
    "front_back_office": Term("back office and front office or mission delivery", "front and back office", "前台与后台"),
    "competing_goals": Term("two policy goals a government must balance (innovation and safety)", "competing goals", "相互竞争的目标"),
    "across_service_lines": Term("between professions or service lines serving the same person", "across service lines", "跨服务领域"),
})

BOX_KINDS = Vocabulary("box", "Boxed block", {
    **{k: SECTIONS.terms[k] for k in ("my_take", "sidebar", "data")},
    # a pull quote repeats the running text, so it keeps the section it sits in
    "pull_quote": Term("a sentence of the text repeated in large type (keeps its section)", "pull quote", "引语"),
})

QUALIFIERS = Vocabulary("qualifier", "Qualifier of an amount", {
    "exact": Term("the amount as printed", "exact", "确数"),
    "over": Term("超过, 逾, 以上, 多: more than the value", "more than", "超过"),
    "about": Term("约, 近, 大约, 左右: roughly the value", "about", "约"),
    "up_to": Term("高达, 最多, 至多: at most the value", "up to", "高达"),
    "range": Term("a range; value is its lower end, value_high its upper end", "range", "范围"),
    "vague": Term("an unquantified amount such as 数十亿美元; value empty", "vague", "模糊"),
})

#: ISO 3166-1 alpha-3 codes of the cases' jurisdictions (plus EUU and INT), with English and Chinese names.
COUNTRIES = Vocabulary("country", "Country", {
    "ARG": Term("Argentina", "Argentina", "阿根廷"),
    "AUS": Term("Australia", "Australia", "澳大利亚"),
    "AZE": Term("Azerbaijan", "Azerbaijan", "阿塞拜疆"),
    "BEL": Term("Belgium", "Belgium", "比利时"),
    "CAN": Term("Canada", "Canada", "加拿大"),
    "CHN": Term("China", "China", "中国"),
    "DEU": Term("Germany", "Germany", "德国"),
    "DNK": Term("Denmark", "Denmark", "丹麦"),
    "EST": Term("Estonia", "Estonia", "爱沙尼亚"),
    "EUU": Term("European Union", "European Union", "欧盟"),
    "FIN": Term("Finland", "Finland", "芬兰"),
    "FRA": Term("France", "France", "法国"),
    "GBR": Term("United Kingdom", "United Kingdom", "英国"),
    "IND": Term("India", "India", "印度"),
    "INT": Term("Multinational", "Multinational", "多国"),
    "ISR": Term("Israel", "Israel", "以色列"),
    "JPN": Term("Japan", "Japan", "日本"),
    "KOR": Term("South Korea", "South Korea", "韩国"),
    "MAR": Term("Morocco", "Morocco", "摩洛哥"),
    "NLD": Term("Netherlands", "Netherlands", "荷兰"),
    "NOR": Term("Norway", "Norway", "挪威"),
    "NZL": Term("New Zealand", "New Zealand", "新西兰"),
    "PRT": Term("Portugal", "Portugal", "葡萄牙"),
    "SGP": Term("Singapore", "Singapore", "新加坡"),
    "SWE": Term("Sweden", "Sweden", "瑞典"),
    "USA": Term("United States", "United States", "美国"),
    "ZWE": Term("Zimbabwe", "Zimbabwe", "津巴布韦"),
})

#: Every vocabulary by name (the name the data dictionary and the registry use).
VOCABULARIES: dict[str, Vocabulary] = {v.name: v for v in (
    TRENDS, SECTIONS, SECTORS, ACTOR_TYPES, LEVELS, CASE_KINDS, BOUNDARIES, BOX_KINDS, QUALIFIERS, COUNTRIES)}
