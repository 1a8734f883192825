"""Controlled vocabularies shared by the curated files, the tables and the data dictionary.

Each is a mapping value → one-line definition, so the data dictionary
(``datapackage.json``) can document every value it allows.
"""

TREND_TITLES_EN = {
    0: "Front matter",
    1: "Fluid government workforce models",
    2: "Bridging the data-sharing chasm",
    3: "Tackling funding silos",
    4: "Tailored public services",
    5: "Back-office innovations improving mission performance",
    6: "Regulation that enables innovation",
    7: "Teaming up to deliver whole health",
    8: "End-to-end justice",
}

SECTIONS = {
    "summary": "Chinese preface (概要) of the front matter",
    "introduction": "introductory essay of the front matter",
    "overview": "the eight-trend overview in the front matter, or a chapter's opening (概述)",
    "title": "a chapter's heading, title, subtitle and author byline",
    "barriers": "the 突破壁垒 / 打破壁垒 list of barriers a chapter says are falling",
    "data": "a 解读数据 infographic block, its scrambled fragments and source note",
    "in_action": "a chapter's 行动趋势 (trend in action) section",
    "moving_forward": "a chapter's 未来展望 (moving forward) section",
    "my_take": "a 我的观点 (My Take) sidebar by a practitioner",
    "sidebar": "a boxed story set apart from the running text",
    "endnotes": "the English endnotes (注释)",
}

SECTORS = {
    "government": "governments, their agencies, legislatures and courts",
    "private": "companies and industry",
    "nonprofit": "non-profit, community and faith organisations",
    "academia": "universities and research institutes",
    "community": "citizens, residents, patients and community groups",
    "international": "international and supranational organisations",
}

ACTOR_TYPES = {
    "national_government": "a country's government as a whole",
    "government_agency": "a ministry, department, agency or office of a government",
    "subnational_government": "a state, provincial or regional government",
    "local_government": "a city, county or municipal government or council",
    "legislature_or_court": "a parliament, legislature, court or tribunal",
    "international_organization": "an international or supranational organisation",
    "company": "a private company",
    "nonprofit": "a non-profit or non-governmental organisation",
    "academic": "a university, school or research institute",
    "foundation": "a philanthropic foundation",
    "other": "any other organisation",
}

LEVELS = {
    "national": "a country's central government",
    "subnational": "a state, province or region",
    "local": "a city, county or municipality",
    "supranational": "the European Union",
    "multinational": "several countries together",
}

CASE_KINDS = {
    "programme": "a government programme or scheme",
    "initiative": "an initiative or campaign",
    "fund": "a fund or funding mechanism",
    "platform": "a digital platform, tool or service",
    "law": "a law, act, regulation or strategy with legal force",
    "project": "a time-bound project or pilot",
    "agency_practice": "an organisation's way of working",
}

BOUNDARIES = {
    "within_government": "between agencies, departments or functions of one government",
    "across_levels": "between levels of government (national, regional, local)",
    "cross_border": "between countries or jurisdictions",
    "government_business": "government and companies, industry, start-ups",
    "government_nonprofit": "government and non-profits, community or faith organisations",
    "government_academia": "government and universities, researchers",
    "government_citizen": "government and citizens, residents, users, patients",
    "multi_sector": "government with several outside sectors at once (an ecosystem)",
    "old_new_technology": "legacy and new technology or systems",
    "old_new_practice": "traditional and new ways of working, regulating or serving",
    "front_back_office": "back office and front office or mission delivery",
    "competing_goals": "two policy goals a government must balance (innovation and safety)",
    "across_service_lines": "between professions or service lines serving the same person",
}

BOX_KINDS = {
    **{k: SECTIONS[k] for k in ("my_take", "sidebar", "data")},
    # a pull quote repeats the running text, so it keeps the section it sits in
    "pull_quote": "a sentence of the text repeated in large type (keeps its section)",
}

QUALIFIERS = {
    "exact": "the amount as printed",
    "over": "超过, 逾, 以上, 多: more than the value",
    "about": "约, 近, 大约, 左右: roughly the value",
    "up_to": "高达, 最多, 至多: at most the value",
    "range": "a range; value is its lower end, value_high its upper end",
    "vague": "an unquantified amount such as 数十亿美元; value empty",
}
