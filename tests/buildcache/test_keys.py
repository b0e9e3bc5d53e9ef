"""Every key of the build cache: the same inputs give the same key in every process, and any input that changes changes it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from trustpages.buildcache import keys
from trustpages.buildcache.keys import PageInputs, RecordPageKeys


def test_a_record_pages_key_follows_its_path_and_each_of_its_inputs() -> None:
    made = RecordPageKeys()
    inputs = PageInputs(("templates", date(2026, 11, 23)), ("the record", (), ()))
    key = made.page("incidents/a.md", inputs)
    assert made.page("incidents/a.md", PageInputs(("templates", date(2026, 11, 23)), ("the record", (), ()))) == key
    assert RecordPageKeys().page("incidents/a.md", inputs) == key  # another build: the same key
    assert made.page("incidents/b.md", inputs) != key
    assert made.page("incidents/a.md", PageInputs(("templates", date(2026, 11, 24)), inputs.own)) != key  # another day
    assert made.page("incidents/a.md", PageInputs(inputs.shared, ("another record", (), ()))) != key


def test_a_key_is_the_same_in_another_process() -> None:
    """Sets change their order from one process to the next; a key made from one must not."""
    code = (
        "from trustpages.buildcache.keys import PageInputs, RecordPageKeys\n"
        "print(RecordPageKeys().page('a.md', PageInputs(('t',), (frozenset({'title', 'impact', 'summary', 'cause'}),))))\n"
    )
    made = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": seed, **_path()}
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(made) == 1 and len(made.pop().strip()) == 64


def _path() -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join(sys.path)}


def test_a_themed_page_key_holds_the_theme_the_path_and_the_source() -> None:
    key = keys.themed_page_key("theme", "a.md", "<h1>A</h1>")
    assert keys.themed_page_key("theme", "a.md", "<h1>A</h1>") == key
    assert keys.themed_page_key("another theme", "a.md", "<h1>A</h1>") != key
    assert keys.themed_page_key("theme", "b.md", "<h1>A</h1>") != key
    assert keys.themed_page_key("theme", "a.md", "<h1>B</h1>") != key
    # The key a record page was rendered under stands for its source (not hashed again), and is never taken for one.
    rendered = keys.themed_page_key("theme", "a.md", "<h1>A</h1>", rendered_as="k1")
    assert rendered == keys.themed_page_key("theme", "a.md", "<h1>B</h1>", rendered_as="k1") != key
    assert keys.themed_page_key("theme", "a.md", "", rendered_as="k2") != rendered


def test_an_open_data_fragment_key_follows_its_inputs() -> None:
    made = RecordPageKeys()
    assert made.fragment(("feed", "mistakes", 1)) == RecordPageKeys().fragment(("feed", "mistakes", 1))
    assert made.fragment(("feed", "mistakes", 1)) != made.fragment(("feed", "mistakes", 2))


def test_a_shared_navigation_part_key_says_what_the_part_shows() -> None:
    key = keys.shared_part_key("tabs", "..", "incidents", None, None)
    assert key == keys.shared_part_key("tabs", "..", "incidents", None, None)
    assert key != keys.shared_part_key("tabs", "..", "mistakes", None, None)
    assert key != keys.shared_part_key("site_nav", "..", "incidents", None, [["A", "#a", None, []]])


def test_the_code_key_covers_every_module_of_the_package() -> None:
    """The keys module lives in a subpackage: the code it hashes is still all of trustpages, not its own folder."""
    from pathlib import Path

    import trustpages

    assert keys._PACKAGE == Path(trustpages.__file__).resolve().parent
