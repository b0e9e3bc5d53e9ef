"""Trust survey numbers, computed, never typed: the share who agree with a question, from one group, in one period.

`figure(survey, question, period, group)` is the one place a page, a card or a sentence gets a survey's
number from, so the same question, group and period read the same everywhere, each said with its question
and who answered. How we count (shown beside the numbers): a person agrees when they chose a point above
the middle of the scale (4 or 5 of 5, 5 to 7 of 7), so no scale can flatter (with "the top two", a
two-point scale counted every answer as agreeing; a scale has at least three points). The share who
agree is agree ÷ n, with a 95 % Wilson score interval (it stays inside 0–100 % and is honest for small
n), said in plain words ("between 71 % and 83 %, likely"). A wave with fewer than FEW answers to a
question says so. An answers list whose length is not the survey's scale is left out of every number
(check warns). A wave's trust index (the mean of its questions' shares) is open data only: it mixes
questions, so no page shows it as a trust figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trustpages.records import Survey
from trustpages.records.survey import Question, Stage, Wave

FEW = 30  # below this many answers, a share is shown with "few answers"
Z = 1.959963984540054  # the 97.5th percentile of the normal distribution: a 95 % interval


@dataclass(frozen=True)
class Share:
    """How many answered a question in one wave, how many agreed, and the interval around the share."""

    n: int
    agree: int

    @property
    def value(self) -> float | None:
        return self.agree / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95 % Wilson score interval of the share."""
        if not self.n:
            return None
        p, n = self.agree / self.n, self.n
        centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
        half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
        return max(0.0, centre - half), min(1.0, centre + half)

    @property
    def few(self) -> bool:
        return self.n < FEW


@dataclass(frozen=True)
class WaveResult:
    """One wave: each question's share (None when its answers do not fit the scale or are missing) and the trust index."""

    wave: Wave
    shares: dict[str, Share | None]

    @property
    def index(self) -> float | None:
        """The mean of the questions' shares; None when no question has one."""
        values = [share.value for share in self.shares.values() if share is not None and share.value is not None]
        return sum(values) / len(values) if values else None


def share(counts: tuple[int, ...], scale: int) -> Share | None:
    """The share who agree (a point above the middle of the scale), or None when the counts do not fit the scale."""
    if len(counts) != scale:
        return None
    return Share(sum(counts), sum(counts[len(counts) - agreeing(scale) :]))


def agreeing(scale: int) -> int:
    """How many of a scale's points agree: those strictly above its middle ((scale + 1) / 2), never the middle itself."""
    return scale // 2


def results(survey: Survey) -> list[WaveResult]:
    """Every wave, oldest first, with its shares by question id (in the order of the questions)."""
    return [
        WaveResult(wave, {q.id: share(wave.answers[q.id], survey.scale) if q.id in wave.answers else None for q in survey.questions})
        for wave in survey.waves
    ]


def by_stage(survey: Survey) -> dict[str, list[WaveResult]]:
    """The waves grouped by stage (onboarding, renewal, leaving, all), for trends."""
    grouped: dict[str, list[WaveResult]] = {}
    for result in results(survey):
        grouped.setdefault(result.wave.stage, []).append(result)
    return grouped


@dataclass(frozen=True)
class Figure:
    """The share who agree with one question, among one group (or everyone asked), in one period."""

    survey: Survey
    question: Question
    period: str
    group: Stage | None  # None: every group asked in the period, counted together
    groups: tuple[Stage, ...]  # the groups whose answers count, in the order of the waves
    share: Share


def figure(survey: Survey, question: str, period: str, group: Stage | None = None) -> Figure | None:
    """The share who agree with `question` in `period`, among `group` or, without one, everyone asked then.

    Every wave of that period (and group) counts together; None when none of them has answers to the
    question that fit the scale. Every trust figure a page shows comes from here.
    """
    asked = next(q for q in survey.questions if q.id == question)
    n = agree = 0
    groups: list[Stage] = []
    for wave in survey.waves:
        if wave.period != period or (group is not None and wave.stage != group) or question not in wave.answers:
            continue
        counted = share(wave.answers[question], survey.scale)
        if counted is not None and counted.n:
            n, agree = n + counted.n, agree + counted.agree
            groups += [wave.stage] if wave.stage not in groups else []
    return Figure(survey, asked, period, group, tuple(groups), Share(n, agree)) if n else None


def headline(survey: Survey) -> Question:
    """The question a survey is summed up by: the one marked measures: promises, else its first."""
    return next((q for q in survey.questions if q.measures == "promises"), survey.questions[0])


def latest_by_group(survey: Survey, question: str) -> list[Figure]:
    """For each group asked, its figure in the latest period it answered `question`: never one group standing for all."""
    latest: dict[Stage, str] = {}
    for wave in survey.waves:
        if figure(survey, question, wave.period, wave.stage) is not None:
            latest[wave.stage] = max(latest.get(wave.stage, wave.period), wave.period)
    found = (figure(survey, question, period, stage) for stage, period in latest.items())
    return [f for f in found if f is not None]


def by_wave(survey: Survey, question: str) -> list[Figure]:
    """The figure of each period and group that answered `question`, oldest first (for the survey's chart)."""
    seen = dict.fromkeys((wave.period, wave.stage) for wave in survey.waves)
    found = (figure(survey, question, period, stage) for period, stage in sorted(seen, key=lambda key: key[0]))
    return [f for f in found if f is not None]


def delivers(surveys: tuple[Survey, ...]) -> Figure | None:
    """Beside the promise-kept rate: the latest period's figure of the question marked measures: promises.

    Every group asked in that period counts together (renewing and leaving customers alike), so the
    number beside the promise-kept rate is neither the happiest nor the unhappiest group alone.
    """
    found: Figure | None = None
    for survey in surveys:
        for question in (q for q in survey.questions if q.measures == "promises"):
            for period in sorted({wave.period for wave in survey.waves}, reverse=True):
                pooled = figure(survey, question.id, period)
                if pooled is not None:
                    if found is None or pooled.period >= found.period:
                        found = pooled
                    break
    return found
