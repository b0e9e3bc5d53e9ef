"""Trust surveys and data use: answers that fit their survey, waves that keep coming, processors that exist, changes announced in time."""

from __future__ import annotations

from datetime import date

from trustpages import kinds, surveys
from trustpages.checks.findings import Findings
from trustpages.checks.honesty import PERIOD_KINDS, last_full_period
from trustpages.problems import did_you_mean
from trustpages.records import DataUse, RecordSet, Survey


def check(records: RecordSet, as_of: date, seen: frozenset[tuple[str, str]], findings: Findings) -> None:
    metrics = {id for kind, id in seen if kind == "metric"}
    commitments = {id for kind, id in seen if kind == "commitment"}
    for survey in kinds.kind("survey").of(records):
        _survey(survey, as_of, metrics, findings)
    for data in kinds.kind("data").of(records):
        _data(data, records.site.policies.data_change_notice_days, commitments, findings)


def _survey(survey: Survey, as_of: date, metrics: set[str], findings: Findings) -> None:
    sid = survey.id
    questions = [q.id for q in survey.questions]
    for i, wave in enumerate(survey.waves):
        for qid, counts in wave.answers.items():
            loc = ("waves", i, "answers", qid)
            if qid not in questions:
                findings.error(
                    "survey",
                    sid,
                    loc,
                    f"no question '{qid}' in this survey",
                    did_you_mean(qid, questions) or f"questions: {', '.join(questions)}",
                )
            elif len(counts) != survey.scale:
                findings.warning(
                    "survey",
                    sid,
                    loc,
                    f"{len(counts)} counts on a {survey.scale}-point scale; this wave's {qid} is left out of every number",
                    f"give one count per point of the scale, lowest first ({survey.scale} in all)",
                )
            elif sum(counts) < surveys.FEW:
                findings.warning("survey", sid, loc, f"only {sum(counts)} answers; the page shows this share with few answers", None)
    for i, metric in enumerate(survey.behaviour):
        if metric not in metrics:
            findings.error(
                "survey",
                sid,
                ("behaviour", i),
                f"no metric series '{metric}'",
                did_you_mean(metric, metrics) or "ids are file names in metrics/",
            )
    latest = survey.waves[-1].period if survey.waves else ""
    kind = next((kind for kind, pattern in PERIOD_KINDS if pattern.match(latest)), "quarter")
    period, _end = last_full_period(kind, as_of)
    if not any(wave.period == period for wave in survey.waves):
        findings.warning(
            "survey", sid, ("waves",), f"no wave for {period}, the last full {kind}", "add the wave's answers, even when few answered"
        )


def _data(data: DataUse, notice_days: int, commitments: set[str], findings: Findings) -> None:
    processors = [p.id for p in data.processors]
    for i, item in enumerate(data.collected):
        for j, pid in enumerate(item.shared_with):
            if pid not in processors:
                hint = did_you_mean(pid, processors) or "list it under processors"
                findings.error("data", "", ("collected", i, "shared_with", j), f"no processor '{pid}'", hint)
    for i, change in enumerate(data.changes):
        if change.change != "removed" and change.processor not in processors:
            findings.error(
                "data", "", ("changes", i, "processor"), f"no processor '{change.processor}'", did_you_mean(change.processor, processors)
            )
        notice = (change.effective - change.announced).days
        if notice < 0:
            findings.error(
                "data", "", ("changes", i, "effective"), f"takes effect ({change.effective}) before it was announced ({change.announced})"
            )
        elif notice < notice_days:
            findings.warning(
                "data",
                "",
                ("changes", i, "effective"),
                f"only {notice} days' notice for this change of who handles customer data; site.yml promises {notice_days}",
                "the data page will say the promise was not kept",
            )
    promise = data.your_rights.promise
    if promise is not None and promise not in commitments:
        findings.error("data", "", ("your_rights", "promise"), f"no commitment with id '{promise}'", did_you_mean(promise, commitments))
