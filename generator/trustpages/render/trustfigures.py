"""A trust survey's figure in the site's words: its question quoted, who answered, and how sure it is, in plain words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trustpages import localformat
from trustpages.strings import Strings
from trustpages.surveys import Figure, agreeing


@dataclass(frozen=True)
class FigureWords:
    """What a page says of one figure; every page builds its card, sentence or table cell from these."""

    key: str  # survey/question/period/group: the figure's name in the page (data-figure), for tests and readers' tools
    value: str  # 65 %
    agree: str  # agree or strongly agree: the scale's own words for the points counted
    question: str  # “Tallyhouse delivers on what it promises.”, in the language's quotes
    label: str  # Share who agree or strongly agree with “…”
    who: str  # everyone asked in 2026 Q3 (at renewal, when leaving), 252 answers
    likely: str  # between 59 % and 71 %, likely
    few: bool


def words(figure: Figure, t: Strings, period: Callable[[str], str]) -> FigureWords:
    """`figure` said in the language of `t` (`period` words a period: 2026-Q3 → 2026 Q3)."""
    share = figure.share
    stages = t.table("surveys.stages")
    answers = t("surveys.answers", n=localformat.number(share.n, t))
    if figure.group is None:
        groups = ", ".join(str(stages.get(stage, stage)) for stage in figure.groups)
        who = t("surveys.who_everyone", period=period(figure.period), groups=groups, answers=answers)
    else:
        who = t("surveys.who_group", group=stages.get(figure.group, figure.group), period=period(figure.period), answers=answers)
    low, high = share.interval or (None, None)
    agree = agree_words(figure.survey.scale, t)
    question = t("surveys.quoted", text=figure.question.text)
    return FigureWords(
        key="/".join((figure.survey.id, figure.question.id, figure.period, figure.group or "everyone")),
        value=localformat.percent(share.value, t),
        agree=agree,
        question=question,
        label=t("surveys.figure_label", agree=agree, question=question),
        who=who,
        likely=t("surveys.likely", low=localformat.percent(low, t), high=localformat.percent(high, t)),
        few=share.few,
    )


def agree_words(scale: int, t: Strings) -> str:
    """The answers counted as agreeing, as the scale names them (agree or strongly agree); by number on a scale without words."""
    named = t.table("surveys.agreeing").get(str(scale))
    if named:
        return str(named)
    return t("surveys.agreeing_points", first=scale - agreeing(scale) + 1, last=scale, scale=scale)
