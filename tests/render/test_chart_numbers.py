"""Charts write numbers in the site's language: a German site's axis and tooltips say 76,4 and 2,5, as its tables do."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from tests.gitrepo import REPO
from trustpages import localformat
from trustpages.pipeline import make_site
from trustpages.render.charts import bar_chart
from trustpages.strings import Strings, builtin_templates
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)


def test_ticks_and_tooltips_use_the_languages_numbers() -> None:
    de = Strings.load("de", [builtin_templates()])

    def german(v: float) -> str:
        return localformat.number(v, de)

    chart = str(bar_chart({"Q1": {"value": 7.5}, "Q2": {"value": 1234.5}}, ["value"], number=german))
    assert "Q1: 7,5</title>" in chart and "Q2: 1.234,5</title>" in chart
    assert ">1.500</text>" in chart  # a tick: 0, 500, 1.000, 1.500
    assert ">0,5</text>" in str(bar_chart({"Q1": {"value": 1.5}}, ["value"], number=german))
    plain = str(bar_chart({"Q1": {"value": 1.5}}, ["value"]))
    assert "Q1: 1.5</title>" in plain and ">0.5</text>" in plain  # without a language, as Python writes them


def test_a_huge_value_keeps_its_exponent_so_the_axis_stays_narrow() -> None:
    de = Strings.load("de", [builtin_templates()])
    chart = str(bar_chart({"Q1": {"value": 3e200}}, ["value"], number=lambda v: localformat.number(v, de)))
    assert "Q1: 3e+200</title>" in chart


def test_the_german_site_draws_its_charts_with_german_decimals(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    site = content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("\nlocale: en\n", "\nlocale: de\n"), encoding="utf-8")
    metric = content / "metrics" / "support-satisfaction.yml"
    metric.write_text(metric.read_text(encoding="utf-8").replace("value: 89, n: 1366", "value: 76.4, n: 1366"), encoding="utf-8")
    records = validate(content, AS_OF).records
    assert records is not None
    page = make_site(records, AS_OF).pages["metrics.md"]
    tooltips = re.findall(r"<title>([^<]*)</title>", page)
    assert "Q3 2026: 76,4" in tooltips
    assert not [said for said in tooltips if re.search(r"\d\.\d", said)]
