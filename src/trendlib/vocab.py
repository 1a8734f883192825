"""Controlled vocabularies: every coded value, its definition and its labels, declared once.

Each vocabulary maps a value to a :class:`Term` (a one-line definition, an
English and a Chinese display label, and where useful an example from the
report). A :class:`Vocabulary` reads like the mapping value → definition that
the data dictionary documents, and also gives the labels figures and tables
use, so notebooks never spell a label of their own:

>>> SECTORS["private"]
'companies, industry, start-ups and business associations'
>>> SECTORS.label("private", "zh"), SECTORS.bilingual("private")
('私营部门', 'private sector (私营部门)')
>>> list(LEVELS)[:2]
['national', 'subnational']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

__all__ = [
    "Term",
    "Vocabulary",
    "TRENDS",
    "TREND_TITLES_EN",
    "SECTIONS",
    "SECTORS",
    "ACTOR_TYPES",
    "LEVELS",
    "CASE_KINDS",
    "INSTRUMENTS",
    "BOUNDARIES",
    "BOX_KINDS",
    "QUALIFIERS",
    "COUNTRIES",
    "RELATION_TYPES",
    "EVIDENCE_RULES",
    "AMOUNT_TYPES",
    "CHECK_STATUSES",
    "YEARS",
    "COUNTRY_RULES",
    "VOCABULARIES",
    "COLLABORATION_TYPES",
    "COUNTRY_EXAMPLE",
    "example_cases",
    "EU_MEMBERS",
    "SPENDING_TYPES",
    "DIFFERS_BY",
    "STATISTIC_KINDS",
    "CASE_SOURCES",
    "FURNITURE_KINDS",
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


TRENDS = Vocabulary(
    "trend",
    "Trend (chapter)",
    {
        "0": Term("the front matter: Chinese preface, introduction and overview", "Front matter", "前言"),
        "1": Term("Fluid government workforce models", "Workforce", "采用更灵活的人才模式"),
        "2": Term("Bridging the data-sharing chasm", "Data sharing", "缩小数据共享缺口"),
        "3": Term("Tackling funding silos", "Funding silos", "消除资金孤岛"),
        "4": Term("Tailored public services", "Tailored services", "实现公共服务可定制"),
        "5": Term(
            "Back-office innovations improving mission performance", "Back office", "通过创新改善后台部门履职能力"
        ),
        "6": Term("Regulation that enables innovation", "Regulation", "优化监管以支持创新"),
        "7": Term("Teaming up to deliver whole health", "Whole health", "通过合作实现全生命健康"),
        "8": Term("End-to-end justice", "Justice", "端到端的司法"),
    },
)

#: The chapters' titles in the English edition (trend → title).
TREND_TITLES_EN: dict[int, str] = {
    0: "Front matter",
    **{int(k): t.definition for k, t in TRENDS.terms.items() if k != "0"},
}

SECTIONS = Vocabulary(
    "section",
    "Section of the report",
    {
        "summary": Term("Chinese preface (概要) of the front matter", "preface", "概要"),
        "introduction": Term("introductory essay of the front matter", "introduction", "引言"),
        "overview": Term(
            "the eight-trend overview in the front matter, or a chapter's opening (概述)", "overview", "概述"
        ),
        "title": Term("a chapter's heading, title, subtitle and author byline", "title", "标题"),
        "barriers": Term(
            "the 突破壁垒 / 打破壁垒 list of barriers a chapter says are falling", "breaking barriers", "突破壁垒"
        ),
        "data": Term(
            "a 解读数据 infographic block, its scrambled fragments and source note", "infographic", "解读数据"
        ),
        "in_action": Term("a chapter's 行动趋势 (trend in action) section", "trend in action", "行动趋势"),
        "moving_forward": Term("a chapter's 未来展望 (moving forward) section", "moving forward", "未来展望"),
        "my_take": Term("a 我的观点 (My Take) sidebar by a practitioner", "My Take", "我的观点"),
        "sidebar": Term("a boxed story set apart from the running text", "sidebar", "专栏"),
        "endnotes": Term("the English endnotes (注释)", "endnotes", "注释"),
    },
)

SECTORS = Vocabulary(
    "sector",
    "Sector",
    {
        "government": Term(
            "governments, their agencies, legislatures, courts, public bodies and public servants", "government", "政府"
        ),
        "private": Term("companies, industry, start-ups and business associations", "private sector", "私营部门"),
        "nonprofit": Term(
            "organised non-profits: NGOs, charities, foundations, community-based and faith organisations",
            "non-profit",
            "非营利组织",
        ),
        "academia": Term("universities, research institutes and researchers", "academia", "学术界"),
        "community": Term(
            "people who are not an organisation: citizens, residents, users, patients, families, a local community",
            "community",
            "社区",
        ),
        "international": Term(
            "international and supranational organisations (the EU, OECD, WHO, Europol)", "international", "国际组织"
        ),
    },
    rules=(
        "An organisation of the community (a community group, a church) is nonprofit; people and places are community.",
        "A case's sectors are not coded by hand: they are the sectors of the named actors its span mentions and of "
        "the parties of its relations (sectors_named), and of the stakeholder groups its relations name "
        "(sectors_stated).",
        "A party that the case only serves (the target of serves, and nothing else) does not take part: it adds no "
        "sector. People who act — co-design, share data, volunteer, are consulted, receive money or help — do.",
    ),
)

ACTOR_TYPES = Vocabulary(
    "type",
    "Type of actor",
    {
        "national_government": Term("a country's government as a whole", "national government", "国家政府"),
        "government_agency": Term(
            "a ministry, department, agency or office of a government", "government agency", "政府机构"
        ),
        "subnational_government": Term(
            "a state, provincial or regional government", "state or regional government", "州/省政府"
        ),
        "local_government": Term("a city, county or municipal government or council", "local government", "地方政府"),
        "tribal_government": Term("an Indigenous or tribal nation's own government", "tribal government", "部落政府"),
        "legislature_or_court": Term(
            "a parliament, legislature, court or tribunal", "legislature or court", "立法或司法机构"
        ),
        "international_organization": Term(
            "an international or supranational organisation", "international organisation", "国际组织"
        ),
        "company": Term("a private company", "company", "企业"),
        "nonprofit": Term("a non-profit or non-governmental organisation", "non-profit", "非营利组织"),
        "academic": Term("a university, school or research institute", "academic", "学术机构"),
        "foundation": Term("a philanthropic foundation", "foundation", "基金会"),
        "other": Term("any other organisation", "other", "其他"),
        "stakeholder_group": Term(
            "an unnamed party of relations: one of the eight stakeholder groups", "stakeholder group", "利益相关方群体"
        ),
    },
)

LEVELS = Vocabulary(
    "level",
    "Level of government",
    {
        "national": Term("a country's central or federal government, or its agencies", "national", "国家", "T3-13"),
        "subnational": Term(
            "a state, province, territory or region, or its agencies", "state or region", "州/省", "T3-14"
        ),
        "local": Term(
            "a city, county, municipality, borough, or a combined authority of local councils", "local", "地方", "T3-18"
        ),
        "tribal": Term("an Indigenous or tribal nation's own government", "tribal", "部落", "T4-08"),
        "supranational": Term("the institutions of the European Union", "supranational (EU)", "超国家", "T2-07"),
        "multinational": Term(
            "several countries (their governments or agencies), or an international organisation, "
            "acting together in one joint operation or programme",
            "multinational",
            "多国",
            "T8-08",
        ),
        "several_countries": Term(
            "separate national programmes of several countries listed together, with no joint "
            "action (an infographic's country list)",
            "several countries",
            "多个国家",
            "T6-02",
        ),
    },
    rules=(
        "Code the level the text gives (if the text says 澳大利亚 and nothing lower, national), not what you know; the "
        "text's own word wins over the gazetteer's type (布鲁塞尔…该市 is local).",
        "An agreement between levels is coded at the lower level, where it is carried out (the Commonwealth–NSW "
        "agreement is subnational).",
        "A company's or non-profit's own practice: national (rule company-practice), or local if the text places it in "
        "one city.",
        "Joint action of several countries is multinational; a list of separate national programmes is "
        "several_countries.",
    ),
)

CASE_KINDS = Vocabulary(
    "kind",
    "Kind of case",
    {
        "programme": Term(
            "an ongoing government scheme that delivers services, grants, placements or opportunities "
            "(…计划, …项目 when ongoing)",
            "programme",
            "计划",
            "T1-02",
        ),
        "initiative": Term(
            "a named initiative, campaign, office or strategy whose work spans several activities "
            "(…倡议, …行动, an office or centre set up to innovate)",
            "initiative",
            "倡议",
            "T2-08",
        ),
        "fund": Term(
            "a fund, pot of money or funding mechanism that others draw on (…基金, …资金, 资金机制)",
            "fund",
            "基金",
            "T3-13",
        ),
        "platform": Term("a digital system, app, portal, tool or data or command centre", "platform", "平台", "T4-11"),
        "law": Term(
            "a law, act, regulation, executive order or binding plan adopted by a government (…法, …法案, "
            "…条例, …法规)",
            "law",
            "法律法规",
            "T3-17",
        ),
        "standard": Term(
            "a technical, interoperability or data standard, code or framework that others adopt (…标准, "
            "…规范, an interoperability …框架)",
            "standard",
            "标准",
            "T6-18",
        ),
        "project": Term(
            "a time-bound project, pilot or one-off operation (…试点, a test with some users, a takedown)",
            "project",
            "项目",
            "T4-03",
        ),
        "agency_practice": Term(
            "how one organisation works: an internal method, policy or team (a public body's or a company's)",
            "organisation's practice",
            "机构做法",
            "T1-16",
        ),
    },
    rules=(
        "The name decides where it is explicit, and the word attached to the case's own name wins (“Tele-Law”倡议 is an "
        "initiative): …基金 fund, …法案/…法 law, …标准 standard, …试点 project, …平台/…应用/…系统 (digital) platform.",
        "A standard or protocol is never law, even when a public body writes it.",
        "A fund is the money; a programme is the scheme. A scheme that gives grants but is not called a fund is a "
        "programme; a funding mechanism (资金机制) is a fund even when it has no name.",
        "A practice inside one organisation (a rotation scheme for its own staff, a hiring rule) is agency_practice "
        "unless the text presents it as a named programme. A rule for how laws are made (every new law is checked for "
        "digital readiness) is agency_practice, not law.",
    ),
)

INSTRUMENTS = Vocabulary(
    "instrument",
    "Instrument: how the case works",
    {
        "legislation_or_regulation": Term(
            "a law, regulation, mandate or regulatory reform sets the rules",
            "legislation or regulation",
            "立法或监管",
            "T6-28",
        ),
        "devolution_deal": Term(
            "powers, budgets or responsibilities move to a lower level of government by agreement",
            "devolution deal",
            "权力下放协议",
            "T3-18",
        ),
        "sandbox_or_innovation_office": Term(
            "a regulatory sandbox, innovation office, accelerator or test bed where new "
            "things are tried under a regulator's watch",
            "sandbox or innovation office",
            "沙盒或创新办公室",
            "T6-04",
        ),
        "challenge_prize": Term(
            "a challenge, prize, award or competition", "challenge or prize", "挑战赛或奖项", "T6-24"
        ),
        "pooled_funding": Term(
            "several organisations or budgets put money into one pot, or one budget is shared across "
            "agencies or levels for a common goal",
            "pooled funding",
            "共享资金",
            "T0-03",
        ),
        "grant_or_investment": Term(
            "one funder gives money to others: grants, loans, equity, subsidies, tax incentives, an investment fund",
            "grant or investment",
            "拨款或投资",
            "T3-13",
        ),
        "talent_mobility": Term(
            "people move between organisations or teams: rotation, secondment, tour of duty, "
            "fellowship, talent pool or marketplace",
            "talent mobility",
            "人才流动",
            "T1-02",
        ),
        "joint_unit": Term(
            "a joint team, task force, co-responder team, coordinating office or command centre that "
            "several organisations staff or steer",
            "joint unit",
            "联合机构",
            "T8-07",
        ),
        "data_sharing": Term(
            "data are shared, linked or made interoperable: data-sharing agreement, interoperability "
            "framework, open data, data standard",
            "data sharing",
            "数据共享",
            "T8-10",
        ),
        "shared_platform": Term(
            "one digital platform, portal, account or system used across organisations or by the public",
            "shared platform",
            "共享平台",
            "T4-10",
        ),
        "integrated_service": Term(
            "services of several providers joined around one person, family or life event (one "
            "notification for many services, whole-person care, no wrong door)",
            "integrated service",
            "整合服务",
            "T4-09",
        ),
        "tailored_service": Term(
            "a service designed around one group of users' needs (an app for riders with special "
            "needs, dementia-friendly transit, legal aid for farmers by video)",
            "tailored service",
            "定制服务",
            "T4-03",
        ),
        "partnership_or_contract": Term(
            "a public–private partnership, contract, procurement, outsourcing, or a "
            "partnership with a company, non-profit or university to deliver",
            "partnership or contract",
            "伙伴关系或合同",
            "T5-09",
        ),
        "co_design": Term(
            "the service is designed with its users or community: co-design, participation, user research, feedback",
            "co-design",
            "共同设计",
            "T7-02",
        ),
        "workforce_practice": Term(
            "an organisation hires, trains, evaluates or retains its own people in a new way "
            "(skills-based hiring, apprenticeship, upskilling, flexible work), with no movement "
            "between organisations",
            "workforce practice",
            "人才管理做法",
            "T1-09",
        ),
        "technology_adoption": Term(
            "an organisation adopts new technology for its own work (AI, automation, cloud, "
            "analytics, digital twin), with no partner mechanism the text stresses",
            "technology adoption",
            "技术应用",
            "T5-01",
        ),
    },
    rules=(
        "Code the one mechanism the span presents as what the case does (usually its first sentence). If two apply "
        "equally, take the first in the vocabulary's order.",
        "Code the mechanism, not the policy field: a health law is legislation_or_regulation; a data platform built by "
        "a contractor is shared_platform unless the text is about the contract.",
        "pooled_funding needs several contributors or one budget shared by several bodies; one funder paying others is "
        "grant_or_investment.",
        "talent_mobility needs people to move; training or hiring rules without movement are workforce_practice.",
        "integrated_service is about the user's experience of several services joined; shared_platform is about one "
        "system; tailored_service is one service redesigned for one group of users.",
        "technology_adoption and workforce_practice are the residual values: use them only when no mechanism above "
        "applies.",
    ),
)

BOUNDARIES = Vocabulary(
    "boundary",
    "Boundary crossed",
    {
        "within_government": Term(
            "between agencies, departments or functions of one government, at one level",
            "within government",
            "政府内部",
            "T0-03",
        ),
        "across_levels": Term(
            "between levels of government of one country (national, state, local, tribal)",
            "across levels of government",
            "各级政府之间",
            "T3-18",
        ),
        "across_jurisdictions": Term(
            "between governments of different places at the same level within one country "
            "(跨地区; between states; between cities)",
            "across jurisdictions",
            "跨地区",
            "T2-02",
        ),
        "cross_border": Term(
            "between countries, or between a country and an international organisation",
            "across borders",
            "跨国",
            "T8-08",
        ),
        "government_business": Term(
            "government and companies, industry, start-ups", "government–business", "政府与企业", "T6-04"
        ),
        "government_nonprofit": Term(
            "government and non-profit, charitable, community or faith organisations",
            "government–non-profit",
            "政府与非营利组织",
            "T3-12",
        ),
        "government_academia": Term(
            "government and universities, researchers, research institutes",
            "government–academia",
            "政府与学术界",
            "T2-03",
        ),
        "government_citizen": Term(
            "government and citizens, residents, users, patients, families, communities as people",
            "government–citizens",
            "政府与公民",
            "T7-05",
        ),
        "multi_sector": Term(
            "government with at least two outside sectors at once, in one arrangement (an ecosystem)",
            "several sectors at once",
            "多部门生态",
            "T2-08",
        ),
        "old_new_technology": Term(
            "legacy and new technology or systems", "old and new technology", "新旧技术", "T3-14"
        ),
        "old_new_practice": Term(
            "a traditional and a new way of working, regulating or serving", "old and new practice", "新旧做法", "T1-09"
        ),
        "front_back_office": Term(
            "back office and front office or mission delivery", "front and back office", "前台与后台", "T5-01"
        ),
        "competing_goals": Term(
            "two policy goals a government must balance (innovation and safety)", "competing goals", "相互竞争的目标"
        ),
        "across_service_lines": Term(
            "between professions or service lines serving the same person (police and mental "
            "health; health and social care)",
            "across service lines",
            "跨服务领域",
            "T8-07",
        ),
    },
    rules=(
        "A boundary is crossed when the text says two sides act together or one acts on the other — work, share, "
        "fund, plan, regulate, support — not when both are merely mentioned, and not when one only serves the other.",
        "Code each government–X pair the text states; add multi_sector as well when government and two or more "
        "outside sectors act together in one arrangement.",
        "cross_border is between countries (or a country and an international body); between regions or cities of "
        "one country it is across_jurisdictions.",
        "Police and a mental-health provider are across_service_lines, plus within_government if both are public "
        "bodies, or government_nonprofit if the provider is a non-profit.",
        "Every boundary needs its sectors: within_government, across_levels and across_jurisdictions need government; "
        "government_X needs government and X; multi_sector needs government and two more (checked at build).",
    ),
)

YEARS = Vocabulary(
    "year",
    "Year",
    {},
    rules=(
        "The year the case started, was launched, set up, announced, enacted or first funded, as the span gives it "
        "(自2010年设立以来 → 2010; 2018年…推出 → 2018).",
        "A case that is a named instrument issued in a year (a law, opinions, a plan) takes that year.",
        "Not a target year (到2026年), not the year of a result, statistic or later event, not a person's tenure.",
        "Empty (rule no-year-stated) when the span gives none; the evidence phrase contains the year.",
    ),
)

#: The case the codebook shows as the example of its country rules.
COUNTRY_EXAMPLE = "T3-13"


def example_cases() -> set[str]:
    """Every case the codebook shows as an example (round 3 of the agreement samples none of them).

    >>> "T3-18" in example_cases()
    True
    """
    return {t.example for v in VOCABULARIES.values() for t in v.terms.values() if t.example} | {COUNTRY_EXAMPLE}


COUNTRY_RULES = (
    "ISO 3166-1 alpha-3 code of the jurisdiction whose government (or organisation) runs the case; EUU for EU "
    "institutions; INT for a case of several countries.",
    "The jurisdiction that runs the case, not where its effects are felt, and not the nationality of a partner.",
    "A company's or non-profit's own practice: the organisation's country (rule company-practice).",
    "INT if and only if the level is multinational or several_countries; EUU if and only if it is supranational "
    "(checked at build).",
)

RELATION_TYPES = Vocabulary(
    "relation_type",
    "Type of tie",
    {
        "delegates": Term(
            "source, a government or public body, hands powers, responsibilities or decisions to target "
            "by law or agreement (devolution, delegation)",
            "delegates to",
            "授权下放",
            "T3-18",
        ),
        "regulates": Term(
            "source regulates, supervises, licenses or authorises target, or runs a sandbox for it: it "
            "sets or applies rules to target",
            "regulates",
            "监管",
            "T6-04",
        ),
        "contracts": Term("source procures from, contracts or outsources to target", "contracts", "签约", "T5-09"),
        "staff_mobility": Term(
            "people move from source to target for a term (rotation, detail, secondment, tour of "
            "duty, fellowship, talent pool)",
            "staff moves to",
            "人员流动",
            "T1-03",
        ),
        "funds": Term(
            "source gives money (grant, budget, investment, prize, loan, guarantee) to target", "funds", "资助", "T3-13"
        ),
        "coordinates": Term("source leads, convenes, directs or coordinates target", "coordinates", "协调", "T0-03"),
        "shares_data": Term(
            "source shares, opens or exchanges data or information with target (undirected if mutual or two-way)",
            "shares data with",
            "共享数据",
            "T8-10",
        ),
        "supports": Term(
            "source gives non-monetary help to a party that then acts: advice, guidance, training, tools, "
            "frameworks, technical assistance",
            "supports",
            "支持",
            "T6-24",
        ),
        "partners": Term(
            "source and target work together (joint project, co-development, alliance); never directed",
            "partners with",
            "合作",
            "T8-08",
        ),
        "serves": Term(
            "source delivers a service (public, or a company's) to target as its users: service delivery, "
            "not collaboration",
            "serves",
            "服务",
            "T4-03",
        ),
    },
    rules=(
        "Code only what the text states: a tie the text says the case makes, or is designed to make (GCTools let "
        "public servants work together), not one it only hopes for (希望, 可能). Co-mention is not a tie.",
        "One type per pair of parties in a case: where several fit, code the first that applies in the order of the "
        "table above (delegates … serves). Only funds may stand beside one other type for the same pair, where the "
        "span states the money and the other act apart (a devolution deal with a budget: delegates and funds). A "
        "second phrase for the same tie adds nothing.",
        "A country's name acting as its government is that government (新加坡采用… is sgp_government). A country or "
        "place word right before a programme's name names its runner, that jurisdiction's government "
        "(加拿大“自由代理人”项目, 澳大利亚的…SEED项目). A fund, programme or office that acts stands for the body the "
        "span says runs it; one whose runner the span does not name (在瑞典, 城市改造基金 with no owner) gets no runner "
        "party.",
        "Direction: the giver, regulator, leader, provider or sender is the source; the receiver is the target. In a "
        "one-way consultation the consulted give their views (they are the source of shares_data); two-way talk "
        "(双边讨论, 对话) is shares_data, undirected.",
        "A department of a named government (该市税务部门, 该州卫生部) is that government, unless the gazetteer has "
        "the department itself; unnamed departments of an unnamed government, or of several (各部门, 不同垂直部门), "
        "are agencies.",
        "Ties among unnamed parties of one group are allowed (agencies — agencies for 跨部门共享数据); a named actor is "
        "never tied to itself. A team of an organisation is the organisation.",
        "A tie inside one organisation is marked within: true: an employer and its own staff (usa_nasa → "
        "public_servants for NASA's talent marketplace), a government and its own departments (sgp_government → "
        "agencies). Peer agencies of one government working together (agencies — agencies) are separate "
        "organisations: not within. Staff of a company or non-profit are not public_servants.",
        "Recruiting from the labour market is not a tie. People brought in from outside for a term (tour of duty, "
        "fellowship, secondment) are staff_mobility from the group of their sector, or from citizens when the span "
        "names none (从外部引入技能型人才).",
        "An employer or a recipient the span does not state is not inferred: professionals named without an "
        "organisation who act as individuals (trained, consulted, volunteering) are citizens; money or data for a "
        "purpose (research, better services) with no recipient named has no tie to a recipient.",
        "Researchers the span calls private or independent, or who work for firms (私人安全研究人员), are companies; "
        "those of universities or research institutes are academia.",
        "A named office that convenes an unnamed ecosystem (号召…组成一个生态系统) coordinates each member group. Members "
        "are partners with each other only where the span says they work together (共同制定, 合作开发); membership "
        "alone (建立了一个…生态系统) adds no partner ties. Members of a partnership that is itself named as a body (the "
        "Magnolia Community Initiative's 75 organisations) are each tied to that body, not to every other member.",
        "Devolution and delegation are delegates (权力下放, 授予…权限), plus funds where a budget moves; guidance, "
        "toolkits and frameworks for others are supports; mandating or setting rules is regulates; directing or "
        "convening is coordinates.",
        "supports is help to a party that then acts (an agency, a company, a community group, people trained); serves "
        "is a service delivered to its end users (帮助…市民获得服务).",
        "社区 that receive funds as jurisdictions (municipalities) are subnational_governments; communities that act "
        "(deliver services, co-design, are consulted) are communities; communities only served are the target of "
        "serves.",
        "X国的政府部门 in a list of several countries that act separately (each publishes its own guides) is each "
        "country's government; the agencies of several countries acting together in one operation are agencies, "
        "with the countries in the note.",
        "Every case is coded: relations, or relations: [] with a one-line reason.",
    ),
)

#: Tie types that are collaboration between parties; serves is service delivery. Analyses of collaboration use
#: these types, between organisations (within false), by default.
COLLABORATION_TYPES: tuple[str, ...] = tuple(t for t in RELATION_TYPES if t != "serves")

EVIDENCE_RULES = Vocabulary(
    "evidence_rule",
    "Rules that stand as evidence",
    {
        "actor-of-case": Term(
            "the code follows from a named actor that runs the case (its country, level or sector, as "
            "the gazetteer gives it)",
            "actor of the case",
            "案例主体",
        ),
        "own-government": Term(
            "the case is its jurisdiction's own government programme, although the span names no government body",
            "own government",
            "本国政府",
        ),
        "eu-body": Term("the case is run by EU institutions: country EUU, level supranational", "EU body", "欧盟机构"),
        "country-list": Term(
            "the case is a list of separate national programmes: country INT, level several_countries",
            "country list",
            "国家列表",
        ),
        "company-practice": Term(
            "the case is a company's or non-profit's own practice: the organisation's country, level national",
            "company practice",
            "企业做法",
        ),
        "no-boundary-stated": Term(
            "the span states no boundary that the case crosses: boundary is empty", "no boundary stated", "未说明壁垒"
        ),
        "no-year-stated": Term(
            "the span gives no year in which the case started or was announced: year is empty",
            "no year stated",
            "未说明年份",
        ),
    },
)

AMOUNT_TYPES = Vocabulary(
    "amount_type",
    "What an amount is",
    {
        "programme_total": Term(
            "the total size of a programme, fund, law or package a government spends (often over several years)",
            "programme total",
            "项目总额",
        ),
        "grant_or_award": Term(
            "a grant, award, prize or transfer to a particular recipient or project, or what a fund has paid out",
            "grant or award",
            "拨款或奖励",
        ),
        "annual_budget": Term(
            "money per year (每年, 年度预算), or one year's budget or appropriation", "annual budget", "年度预算"
        ),
        "financing": Term(
            "money lent or invested, to be repaid or returned: loans, loan guarantees, equity, low-cost "
            "or revolving finance",
            "financing",
            "融资",
        ),
        "mobilised_investment": Term(
            "public and private money a programme aims to draw in, not money a government spends itself",
            "investment to mobilise",
            "拟撬动投资",
        ),
        "saving_or_return": Term(
            "money saved, a cost avoided, or an economic return", "saving or return", "节省或回报"
        ),
        "spending_series": Term(
            "a value read off a chart's series (a budget line once per bar)", "chart value", "图表数值"
        ),
        "cost": Term("what something costs: a price, an operating cost, a cost to users", "cost", "成本"),
        "other": Term("none of these, or a part whose kind the source does not state", "other", "其他"),
    },
)

#: The kinds of money a headline total adds: what a government commits to spend (a programme's size, what it
#: granted). A yearly budget is one year's money, financing is lent or invested to be returned, mobilised
#: investment is others' money; savings, costs and chart values are other quantities altogether.
SPENDING_TYPES: tuple[str, ...] = ("programme_total", "grant_or_award")

CHECK_STATUSES = Vocabulary(
    "check_status",
    "Checked against a primary source",
    {
        "confirmed": Term(
            "a primary source states the printed figure, for the same programme, period and scope",
            "confirmed",
            "已确认",
        ),
        "approximate": Term(
            "a primary source states the same programme, but a figure that differs by rounding, period "
            "or scope (differs_by says which)",
            "approximate",
            "近似",
        ),
        "corrected": Term(
            "a primary source states another figure or currency for the same thing; the corrected value is "
            "given beside the printed one, which is never overwritten",
            "corrected",
            "已更正",
        ),
        "unverifiable": Term(
            "no primary source was found in the stored public pages, or the amount cannot be checked "
            "(a chart read-off, a vague amount)",
            "unverifiable",
            "无法核实",
        ),
    },
)

STATISTIC_KINDS = Vocabulary(
    "statistic_kind",
    "What kind of evidence a figure is",
    {
        "survey": Term(
            "a share of the respondents of a survey or poll: what people or organisations say they do, "
            "think, feel, expect or plan (受访…表示, 调查显示); a self-reported behaviour is a survey answer",
            "survey answer",
            "调查结果",
        ),
        "outcome": Term(
            "a result or change that the text attributes to a programme, practice or intervention "
            "(该项目将无家可归者减少了63%)",
            "outcome",
            "成效",
        ),
        "other": Term(
            "a level, share, prevalence, composition, target or forecast that is neither, or a figure whose "
            "label is lost",
            "other figure",
            "其他数据",
        ),
    },
    rules=(
        "Apply in order: survey first, then outcome, then other. A satisfaction rate is a survey answer even where "
        "the text presents it as a programme's result.",
        "Decide from the figure's clause and sentence; for an infographic figure, from the label its block prints "
        "with it and the survey the block cites.",
        "Link a figure to a case only where the text says the figure is about that case; a figure printed inside a "
        "case's passage that measures something else (a general attitude) has no case.",
    ),
)

CASE_SOURCES = Vocabulary(
    "case_source",
    "Where in the report a case comes from",
    {
        "body": Term("the running text of a chapter", "running text", "正文"),
        "my_take": Term(
            "a practitioner's 我的观点 (My Take) sidebar: one person's account of their own organisation",
            "My Take sidebar",
            "我的观点",
        ),
        "infographic": Term("a 解读数据 infographic block", "infographic", "信息图"),
        "box": Term("another boxed sidebar", "sidebar box", "专栏"),
    },
)

DIFFERS_BY = Vocabulary(
    "differs_by",
    "How an approximate figure differs from its source",
    {
        "rounding": Term("the report rounds the source's figure (52 for 52.7 billion)", "rounding", "四舍五入"),
        "period": Term("the source's figure is for another period than the report gives", "period", "期间"),
        "scope": Term("the source's figure covers more or less of the programme than the report says", "scope", "范围"),
    },
)

BOX_KINDS = Vocabulary(
    "box",
    "Boxed block",
    {
        **{k: SECTIONS.terms[k] for k in ("my_take", "sidebar", "data")},
        # a pull quote repeats the running text, so it keeps the section it sits in
        "pull_quote": Term("a sentence of the text repeated in large type (keeps its section)", "pull quote", "引语"),
    },
)

#: What a removed line of page furniture was (furniture.csv).
FURNITURE_KINDS = Vocabulary(
    "furniture_kind",
    "Page furniture removed from the text",
    {
        "nav": Term("the chapter navigation bar (I 01 02 … 08) printed across a page", "navigation bar", "导航栏"),
        "footer": Term("a running footer: the chapter title and the printed page number", "running footer", "页脚"),
    },
)

QUALIFIERS = Vocabulary(
    "qualifier",
    "Qualifier of an amount",
    {
        "exact": Term("the amount as printed", "exact", "确数"),
        "over": Term("超过, 逾, 以上, 多: more than the value", "more than", "超过"),
        "about": Term("约, 近, 大约, 左右: roughly the value", "about", "约"),
        "up_to": Term("高达, 最多, 至多: at most the value", "up to", "高达"),
        "range": Term("a range; value is its lower end, value_high its upper end", "range", "范围"),
        "vague": Term("an unquantified amount such as 数十亿美元; value empty", "vague", "模糊"),
    },
)

#: ISO 3166-1 alpha-3 codes of the cases' jurisdictions (plus EUU and INT), with English and Chinese names.
COUNTRIES = Vocabulary(
    "country",
    "Country",
    {
        "ARE": Term("United Arab Emirates", "United Arab Emirates", "阿拉伯联合酋长国"),
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
    },
)

#: Member states of the European Union (of the countries in COUNTRIES), whose bodies are a level below the EU's
#: institutions (europa.eu, "EU countries", 27 members since 1 February 2020).
EU_MEMBERS = frozenset({"BEL", "DEU", "DNK", "EST", "FIN", "FRA", "NLD", "PRT", "SWE"})

#: Every vocabulary by name (the name the data dictionary and the metadata use).
VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        TRENDS,
        SECTIONS,
        SECTORS,
        ACTOR_TYPES,
        LEVELS,
        CASE_KINDS,
        INSTRUMENTS,
        BOUNDARIES,
        BOX_KINDS,
        QUALIFIERS,
        COUNTRIES,
        RELATION_TYPES,
        EVIDENCE_RULES,
        AMOUNT_TYPES,
        CHECK_STATUSES,
        DIFFERS_BY,
        STATISTIC_KINDS,
        CASE_SOURCES,
        FURNITURE_KINDS,
    )
}
