"""What kind of evidence the report's figures are: survey answers, outcomes, or other.

Small pure functions over the ``statistics`` table (one row per percentage
or fraction) of :func:`trendlib.load`, for notebook ``05-evidence``.

The classifier is a documented keyword test, not a reading of the text:

* **survey** — the figure reports what respondents said or feel: its clause
  has a word of :data:`SURVEY_WORDS` (调查 survey, 受访 surveyed, 表示 said,
  认为 think, 同意 agree, 预计 expect, 视为 regard as, 满意 satisfied,
  态度 attitude, 愿意 willing);
* **outcome** — the figure reports a change: its clause has a word of
  :data:`OUTCOME_WORDS` (减少/降低/下降 fewer, lower; 提高/提升/增加 more,
  higher; 节约/节省 saved; 缩短 shorter; 改善 improved);
* **other** — neither: a level, share, target or prevalence
  (``28%的美国农村地区缺乏高速互联网连接``), or a figure whose label is lost.

The clause (``context``) decides, survey words before outcome words, so a
clause that has both (``领导者将提高内部流程效率视为现代化目标``) is a survey
figure.  Only when the clause has no keyword at all is the sentence around it
searched, and then only for the explicit survey markers of
:data:`SURVEY_SOURCE_WORDS` (``美国劳工统计局最近的一项调查发现，70%的社区卫生
服务中心…`` is a survey figure although its clause says nothing of a survey);
the sentence's other words belong to its other figures and are not used.
``basis`` records which text decided.

Infographic figures (``in_infographic``) have a label reconstructed from a
scrambled block; a context that is the block's own title (``解读数据：…``)
labels no figure and is ignored, and where ``context_certain`` is false the
class is a guess on a guess.  A pull quote repeats a sentence of the running
text in large type; its figures carry ``repeats`` and :func:`countable` drops
them.

>>> classify_text("98%的受访者对服务的体验感到满意"), classify_text("运营成本降低40%")
('survey', 'outcome')
"""

from __future__ import annotations


import pandas as pd

from ..patterns import SENTENCE_BREAK

__all__ = [
    "SURVEY_WORDS",
    "SURVEY_SOURCE_WORDS",
    "OUTCOME_WORDS",
    "KINDS",
    "KEYWORDS_EN",
    "keyword",
    "classify_text",
    "sentence_around",
    "countable",
    "classify",
    "by_trend_section",
    "kinds_by_trend",
    "infographic_share",
]

#: Words marking a figure as a survey answer (checked first).
SURVEY_WORDS: tuple[str, ...] = (
    "调查", "受访", "表示", "认为", "同意", "预计", "视为", "满意", "态度", "愿意",
)

#: Explicit survey markers looked for in the sentence when the clause is silent.
SURVEY_SOURCE_WORDS: tuple[str, ...] = ("调查", "受访")

#: Prefix of an infographic block's title, which labels no single figure.
BLOCK_TITLE = "解读数据"

#: Words marking a figure as a measured change (outcome).
OUTCOME_WORDS: tuple[str, ...] = (
    "减少", "降低", "下降", "提高", "提升", "增加", "节约", "节省", "缩短", "改善",
)

#: The classes, in display order.
KINDS: tuple[str, ...] = ("survey", "outcome", "other")

#: What each keyword means, for readers without Chinese (shown beside the word that decided a class).
KEYWORDS_EN: dict[str, str] = {
    "调查": "survey", "受访": "surveyed", "表示": "said", "认为": "think", "同意": "agree", "预计": "expect",
    "视为": "regard as", "满意": "satisfied", "态度": "attitude", "愿意": "willing",
    "减少": "fewer", "降低": "lower", "下降": "fall", "提高": "raise", "提升": "improve", "增加": "more",
    "节约": "save", "节省": "save", "缩短": "shorten", "改善": "improve",
}



def keyword(text: str | None) -> str | None:
    """The keyword that decides :func:`classify_text` (first survey word, else first outcome word), or ``None``.

    >>> keyword("98%的受访者对服务的体验感到满意"), KEYWORDS_EN[keyword("运营成本降低40%")]
    ('受访', 'lower')
    """
    if not text:
        return None
    for words in (SURVEY_WORDS, OUTCOME_WORDS):
        hits = [(text.find(w), w) for w in words if w in text]
        if hits:
            return min(hits)[1]
    return None


def classify_text(text: str | None) -> str | None:
    """``"survey"``, ``"outcome"`` or ``None`` (no keyword) for one piece of text.

    Survey words are checked before outcome words.

    >>> classify_text("通过人工智能项目实现预期结果的概率提高了36%"), classify_text("客户满意度达到90%")
    ('outcome', 'survey')
    >>> classify_text("28%的美国农村地区缺乏高速互联网连接") is None
    True
    """
    if not text:
        return None
    if any(w in text for w in SURVEY_WORDS):
        return "survey"
    if any(w in text for w in OUTCOME_WORDS):
        return "outcome"
    return None


def sentence_around(paragraph: str | None, clause: str | None) -> str | None:
    """The sentence of ``paragraph`` that holds ``clause`` (first occurrence), or ``None``.

    A sentence ends at 。！？；(and their ASCII forms); the end mark is kept.

    >>> sentence_around("前文。一项调查发现，70%的中心进行了筛查。后文。", "70%的中心进行了筛查")
    '一项调查发现，70%的中心进行了筛查。'
    """
    if not paragraph or not clause:
        return None
    at = paragraph.find(clause)
    if at < 0:
        return None
    start = 0
    for m in SENTENCE_BREAK.finditer(paragraph, 0, at):
        start = m.end()
    end_match = SENTENCE_BREAK.search(paragraph, at + len(clause))
    end = end_match.end() if end_match else len(paragraph)
    return paragraph[start:end].strip()


def countable(statistics: pd.DataFrame) -> pd.DataFrame:
    """``statistics`` without rows whose ``repeats`` names an earlier figure.

    A pull quote repeats a sentence of the running text in large type, so its
    figures are a second mention of figures already counted.

    >>> s = pd.DataFrame({"stat_id": ["S1", "S2"], "repeats": [None, "S1"]})
    >>> countable(s).stat_id.tolist()
    ['S1']
    """
    return statistics[statistics["repeats"].isna()]


def classify(statistics: pd.DataFrame, paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """``statistics`` with ``kind`` (survey, outcome, other), ``basis`` (clause, sentence, none) and ``keyword``.

    ``keyword`` is the word that decided (:func:`keyword`; missing for
    ``other``), ``keyword_en`` its meaning (:data:`KEYWORDS_EN`).

    The clause (``context``) is classified with :func:`classify_text` (a
    context starting with ``解读数据`` is an infographic's title and is
    ignored).  If it has no keyword and ``paragraphs`` is given, the sentence
    around the clause in the paragraph holding the figure's ``line``
    (:func:`sentence_around`) is searched for :data:`SURVEY_SOURCE_WORDS`.
    Rows and their order are kept.

    >>> s = pd.DataFrame({"stat_id": ["S1", "S2", "S3"], "line": [10, 10, 20],
    ...     "context": ["70%的中心进行了筛查", "运营成本降低40%", "15%的人口患有残疾"]})
    >>> p = pd.DataFrame({"line_start": [9, 20], "line_end": [12, 20],
    ...     "text": ["一项调查发现，70%的中心进行了筛查。运营成本降低40%。", "15%的人口患有残疾。"]})
    >>> print(classify(s, p)[["stat_id", "kind", "basis"]].to_string(index=False))
    stat_id    kind    basis
         S1  survey sentence
         S2 outcome   clause
         S3   other     none
    """
    kinds, bases, words = [], [], []
    starts = ends = texts = None
    if paragraphs is not None:
        starts = paragraphs["line_start"].to_numpy()
        ends = paragraphs["line_end"].to_numpy()
        texts = paragraphs["text"].tolist()
    for line, context in zip(statistics["line"], statistics["context"]):
        context = context if isinstance(context, str) else None
        if context is not None and context.startswith(BLOCK_TITLE):
            context = None
        kind, basis, word = classify_text(context), "clause", keyword(context)
        if kind is None and texts is not None and context is not None:
            hits = [i for i in range(len(texts)) if starts[i] <= line <= ends[i]]
            sentence = sentence_around(texts[hits[0]], context) if hits else None
            if sentence and any(w in sentence for w in SURVEY_SOURCE_WORDS):
                kind, basis = "survey", "sentence"
                word = min((sentence.find(w), w) for w in SURVEY_SOURCE_WORDS if w in sentence)[1]
        if kind is None:
            kind, basis = "other", "none"
        kinds.append(kind)
        bases.append(basis)
        words.append(word)
    out = statistics.copy()
    out["kind"] = pd.Series(kinds, index=statistics.index, dtype="string")
    out["basis"] = pd.Series(bases, index=statistics.index, dtype="string")
    out["keyword"] = pd.Series(words, index=statistics.index, dtype="string")
    out["keyword_en"] = out["keyword"].map(KEYWORDS_EN).astype("string")
    return out


def by_trend_section(statistics: pd.DataFrame) -> pd.DataFrame:
    """Count of figures per trend (rows) and section (columns, alphabetical), with ``total``.

    >>> s = pd.DataFrame({"trend": [1, 1, 2], "section": ["data", "in_action", "data"]})
    >>> print(by_trend_section(s).to_string(index=False))
     trend  data  in_action  total
         1     1          1      2
         2     1          0      1
    """
    table = pd.crosstab(statistics["trend"], statistics["section"]).sort_index()
    table = table.reindex(sorted(table.columns), axis=1)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index()


def kinds_by_trend(classified: pd.DataFrame) -> pd.DataFrame:
    """Count of figures per trend and :data:`KINDS` (columns in that order), with ``total``.

    >>> c = pd.DataFrame({"trend": [1, 1, 3], "kind": ["survey", "other", "outcome"]})
    >>> print(kinds_by_trend(c).to_string(index=False))
     trend  survey  outcome  other  total
         1       1        0      1      2
         3       0        1      0      1
    """
    table = pd.crosstab(classified["trend"], classified["kind"]).sort_index()
    table = table.reindex(columns=list(KINDS), fill_value=0)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index()


def infographic_share(statistics: pd.DataFrame) -> pd.DataFrame:
    """Per trend: ``n`` figures, ``n_infographic`` in 解读数据 blocks, and their ``share`` (0–1, 3 d.p.).

    >>> s = pd.DataFrame({"trend": [1, 1, 2], "in_infographic": [True, False, False]})
    >>> print(infographic_share(s).to_string(index=False))
     trend  n  n_infographic  share
         1  2              1    0.5
         2  1              0    0.0
    """
    flag = statistics["in_infographic"].astype("boolean").fillna(False).astype(bool)
    table = (pd.DataFrame({"trend": statistics["trend"], "n": 1, "n_infographic": flag.astype("int64")})
             .groupby("trend", sort=True).sum().reset_index())
    table["share"] = (table["n_infographic"] / table["n"]).round(3)
    return table
