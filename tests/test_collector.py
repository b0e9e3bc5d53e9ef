"""The cycle collector runs less often while trustpages' adapters run its big steps, and as before outside them."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import trustpages.validate as validate_module
from tests.conftest import AS_OF, Content
from trustpages.collector import OLDEST, YOUNG, fewer_collections
from trustpages.pipeline import make_site
from trustpages.validate import validate


@pytest.fixture(autouse=True)
def thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_thresholds_rise_inside_and_come_back_after() -> None:
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG, 10, OLDEST)
    assert gc.get_threshold() == (700, 10, 10)


def test_thresholds_come_back_when_the_step_fails() -> None:
    gc.set_threshold(700, 10, 10)
    with pytest.raises(ValueError), fewer_collections():
        raise ValueError("a bad record")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_host_that_collects_even_less_often_keeps_its_setting() -> None:
    gc.set_threshold(50_000, 20, 500)
    with fewer_collections():
        assert gc.get_threshold() == (50_000, 20, 500)
    assert gc.get_threshold() == (50_000, 20, 500)


def test_the_adapters_raise_the_thresholds_and_the_core_leaves_them(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI and the plugin set the collector for their run; validate and make_site, as library calls, leave it alone."""
    seen: list[tuple[str, tuple[int, int, int]]] = []

    def noting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            seen.append((name, gc.get_threshold()))
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(validate_module, "load", noting("load", validate_module.load))
    gc.set_threshold(700, 10, 10)
    folder = content()
    records = validate(folder, AS_OF).records
    assert records is not None
    make_site(records, AS_OF)
    assert seen == [("load", (700, 10, 10))]  # a library call: the host's setting stands

    from trustpages.cli import main

    assert main(["check", str(folder), "--as-of", str(AS_OF)]) == 0
    assert seen[-1] == ("load", (YOUNG, 10, OLDEST))  # the command line: fewer collections while it runs
    assert gc.get_threshold() == (700, 10, 10)
