"""Colours, declared once: one per sector, one per tie type, and a qualitative series.

Colour-blind-safe schemes: Okabe–Ito (Okabe & Ito 2008; yellow left out for
contrast on white) for the sectors, Paul Tol's bright and muted schemes for the
tie types and for categories beyond seven.

>>> SECTOR_COLORS["government"], TIE_COLORS["funds"]
('#0072B2', '#228833')
"""

from __future__ import annotations

from . import vocab

__all__ = ["SECTOR_COLORS", "TIE_COLORS", "EVIDENCE_COLORS", "AMOUNT_COLORS", "QUALITATIVE", "NEUTRAL", "ROUND_COLORS"]

#: One fixed colour per sector (vocab.SECTORS).
SECTOR_COLORS: dict[str, str] = {
    "government": "#0072B2",  # blue
    "private": "#D55E00",  # vermillion
    "nonprofit": "#009E73",  # bluish green
    "academia": "#CC79A7",  # reddish purple
    "community": "#E69F00",  # orange
    "international": "#56B4E9",  # sky blue
}

#: One colour per tie type (vocab.RELATION_TYPES).
TIE_COLORS: dict[str, str] = {
    "funds": "#228833",
    "partners": "#4477AA",
    "shares_data": "#66CCEE",
    "contracts": "#AA3377",
    "regulates": "#EE6677",
    "coordinates": "#CCBB44",
    "supports": "#882255",
    "serves": "#BBBBBB",
    "staff_mobility": "#44AA99",
    "delegates": "#332288",
}

#: Colours for other categories (levels, sections, kinds), in order.
QUALITATIVE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#999999",
    "#882255",
    "#999933",
    "#44AA99",
    "#332288",
    "#DDCC77",
    "#000000",
)

#: One colour per kind of statistic (vocab.STATISTIC_KINDS): survey, outcome, other.
EVIDENCE_COLORS: dict[str, str] = {"survey": "#882255", "outcome": "#44AA99", "other": "#BBBBBB"}

#: One colour per kind of money (vocab.AMOUNT_TYPES), in the vocabulary's order.
AMOUNT_COLORS: dict[str, str] = dict(zip(vocab.AMOUNT_TYPES, QUALITATIVE, strict=False))

#: The colour of a single series that stands for no category (a share, a count).
NEUTRAL: str = "#555555"

#: One colour per round of agreement between coders, oldest to latest: grey, orange, blue.
ROUND_COLORS: tuple[str, ...] = ("#BBBBBB", "#E69F00", "#0072B2")
