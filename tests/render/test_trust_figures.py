"""Every trust figure on every page of the example, in English and German: said with its statement and who answered,
its value the one surveys.figure gives, its likely range in plain words, and no statistician's jargon anywhere."""

from __future__ import annotations

import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.gitrepo import REPO
from trustpages import localformat, surveys
from trustpages.pipeline import make_site
from trustpages.records import MetricSeries, Survey
from trustpages.render.htmlpage import text_of
from trustpages.strings import Strings, builtin_templates
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCKS = {"p", "li", "tr", "a", "h1", "h2", "h3", "h4", "title", "figcaption", "caption"}
# Words a survey figure is said with; a percentage beside one of them, outside a data-figure element, is an unlabelled trust figure.
_TRUST_WORDS = re.compile(r"agree|deliver|trust|zustimm|stimme|vertrau|halten, was", re.IGNORECASE)
_PERCENT = re.compile(r"\d[\d.,]*\s?%")
# Statistician's words a customer should not need: issue 32.
_JARGON = ("Wilson", "score interval", "top two", "top-two", "Top-2", "oberen zwei", "95-%-Intervall", "Trust index", "Vertrauensindex")

Built = tuple[dict[str, str], tuple[Survey, ...], Strings, tuple[MetricSeries, ...]]


class _Blocks(HTMLParser):
    """Each block's text (innermost block tag), and the data-figure key of the element it stands in, if any
    ('reported:<id>' for a typed metric's data-reported).

    A table row's text starts with its table's caption: a row of figures may name its statement there.
    """

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None, list[str] | None]] = []
        self.blocks: list[tuple[str | None, list[str]]] = []  # (figure key, pieces)
        self.caption: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        found = dict(attrs)
        key = found.get("data-figure") or (f"reported:{found['data-reported']}" if found.get("data-reported") else None)
        pieces: list[str] | None = None
        if tag == "table":
            self.caption = []
        if tag in _BLOCKS:
            pieces = [*self.caption, " "] if tag == "tr" else []
            if tag == "caption":
                self.caption = pieces
            self.blocks.append((key or self._figure(), pieces))
        self.stack.append((tag, key, pieces))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, _, pieces in reversed(self.stack):
            if pieces is not None:
                pieces.append(data)
                return

    def _figure(self) -> str | None:
        return next((key for _, key, _ in reversed(self.stack) if key), None)


def _build(locale: str, folder: Path) -> tuple[dict[str, str], tuple[Survey, ...], Strings, tuple[MetricSeries, ...]]:
    content = folder / "content"
    shutil.copytree(REPO / "content", content)
    site = content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("\nlocale: en\n", f"\nlocale: {locale}\n"), encoding="utf-8")
    records = validate(content, AS_OF).records
    assert records is not None
    output = make_site(records, AS_OF)
    return dict(output.pages), records.of(Survey), Strings.load(locale, [builtin_templates()]), records.metrics


@pytest.fixture(scope="module", params=["en", "de"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(request.param, tmp_path_factory.mktemp(f"trust-{request.param}"))


def _blocks(html: str) -> list[tuple[str | None, str]]:
    parser = _Blocks()
    parser.feed(html)
    return [(key, re.sub(r"[ \t\r\n]+", " ", "".join(pieces)).strip()) for key, pieces in parser.blocks]  # no-break spaces stay


def test_every_trust_figure_says_its_statement_and_who_answered_and_is_the_one_functions_value(
    built: Built,
) -> None:
    pages, found, t, _ = built
    by_id = {s.id: s for s in found}
    checked: dict[str, set[str]] = {}
    for page, html in pages.items():
        for key, text in _blocks(html):
            if key is None or key.startswith("reported:"):
                continue
            survey_id, question, period, group = key.split("/")
            figure = surveys.figure(by_id[survey_id], question, period, None if group == "everyone" else group)  # type: ignore[arg-type]
            assert figure is not None, key
            low, high = figure.share.interval  # type: ignore[misc]
            assert localformat.percent(figure.share.value, t) in text, (page, text)
            quoted = t("surveys.quoted", text=figure.question.text)
            assert quoted in text, (page, text)
            assert localformat.number(figure.share.n, t) in text, (page, text)
            # Cards and tables give the likely range; the sentence beside the promise-kept rate, who answered.
            beside = t("surveys.beside", kept="\0", said="", agree="", question="", who="").split("\0")[0]
            likely = t("surveys.likely", low=localformat.percent(low, t), high=localformat.percent(high, t))
            assert likely in text or text.startswith(beside), (page, text)
            checked.setdefault(key, set()).add(page)
    # Home, metrics and the surveys list and page all show the figure beside the promise-kept rate: the same one.
    delivers = surveys.delivers(found)
    assert delivers is not None
    assert checked["how-much-do-customers-trust-us/delivers/2026-Q3/everyone"] == {"index.md", "metrics.md"}
    # The surveys list shows the headline statement per group, each its own latest wave, never one group for all.
    listed = {key for key, pages_of in checked.items() if "surveys/index.md" in pages_of}
    assert listed == {"how-much-do-customers-trust-us/delivers/2026-Q3/renewal", "how-much-do-customers-trust-us/delivers/2026-Q3/leaving"}
    # The survey page: every statement of every wave (5 x 3) and the headline per group.
    on_survey = {key for key, pages_of in checked.items() if "surveys/how-much-do-customers-trust-us.md" in pages_of}
    assert len(on_survey) == 15 and listed <= on_survey


def test_no_trust_figure_is_shown_without_its_statement(built: Built) -> None:
    pages, _, t, _ = built
    method = t("common.how_we_count")  # how we count names "a 95 % interval", not a figure
    unlabelled = [
        (page, text)
        for page, html in pages.items()
        for key, text in _blocks(html)
        if key is None and _PERCENT.search(text) and _TRUST_WORDS.search(text) and not text.startswith(method)
    ]
    assert unlabelled == []


def test_the_check_finds_an_unlabelled_figure(built: Built) -> None:
    pages, _, _, _ = built
    home = pages["index.md"].replace(' data-figure="how-much-do-customers-trust-us/delivers/2026-Q3/everyone"', "")
    assert any(_PERCENT.search(text) and _TRUST_WORDS.search(text) for key, text in _blocks(home) if key is None)


def test_no_page_speaks_a_statisticians_jargon(built: Built) -> None:
    pages, _, t, _ = built
    said = {page: text_of(html) for page, html in pages.items()}
    assert {page: [word for word in _JARGON if word in text] for page, text in said.items() if any(w in text for w in _JARGON)} == {}
    # The method names the interval once, in plain words, and the scale's own words for agreeing.
    method = said["surveys/index.md"]
    assert "the true share is likely in this range" in method or "Der wahre Anteil liegt wahrscheinlich darin" in method


def test_plain_words_for_the_likely_range_and_for_agreeing_in_each_language() -> None:
    from trustpages.render.trustfigures import agree_words

    en, de = Strings.load("en", [builtin_templates()]), Strings.load("de", [builtin_templates()])
    assert en("surveys.likely", low="71%", high="83%") == "between 71% and 83%, likely"
    assert de("surveys.likely", low="71 %", high="83 %") == "zwischen 71 % und 83 %, wahrscheinlich"
    assert agree_words(5, en) == "agree or strongly agree" and agree_words(5, de) == "„stimme zu“ oder „stimme voll zu“"
    assert agree_words(9, en) == "chose 6 to 9 of 9"  # a scale without words: its points, the middle (5) not among them


def test_a_typed_metric_is_said_to_be_reported_by_us_with_its_question_on_every_row(built: Built) -> None:
    # The metrics page's "70" (a typed "I trust Tallyhouse with my books") is not the survey's figure: issue 32.
    pages, _, t, metrics = built
    label = t("metrics.series_caption", question="\0", unit="\0").split("\0")[1].strip(" ,")
    shown = [(key.removeprefix("reported:"), text) for key, text in _blocks(pages["metrics.md"]) if key and key.startswith("reported:")]
    trusting = [m for m in metrics if _TRUST_WORDS.search(m.title)]
    assert trusting, "the example has a typed trust metric"
    for metric in metrics:
        said = [text for key, text in shown if key == metric.id]
        rows = [text for text in said if text.startswith(metric.title) and label in text]
        assert len(rows) >= len(metric.points) + 1, (metric.id, said)  # the heading row and a row per point
        lead = t("metrics.series_reported", question=metric.title)
        assert lead in said, (metric.id, said)
