"""The build cache: a build that reuses pages writes the very bytes a cold build writes, and reuses only what is unchanged."""

from __future__ import annotations

import filecmp
import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

AS_OF = "2026-11-23"
EPOCH = "1795651200"  # MkDocs dates the sitemap from it: two builds of the same pages are byte-identical


def _build(project: Path, site: str, cache: bool = True, custom_dir: str | None = None, **extra: str) -> str:
    """`mkdocs build` of `project` into `site`; returns its log."""
    cached = "      cache_dir: .trustpages/cache\n" if cache else ""
    own = f"  custom_dir: {custom_dir}\n" if custom_dir else ""
    (project / "mkdocs.yml").write_text(
        f"site_name: Test\nsite_dir: {site}\ndocs_dir: site_src\nstrict: true\n"
        f"theme:\n  name: material\n  font: false\n{own}markdown_extensions:\n  - attr_list\n  - tables\n"
        f"plugins:\n  - search\n  - trustpages:\n      content_dir: content\n      as_of: '{AS_OF}'\n{cached}"
        + "".join(f"{key}: {value}\n" for key, value in extra.items()),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _differences(a: Path, b: Path) -> list[str]:
    """Files that are not byte for byte the same in the two folders (or in one only)."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only + compared.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right, compared.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return found


def _counts(log: str) -> tuple[int, int, int]:
    """Pages the theme's output was reused for, rendered, and old entries removed."""
    return _numbers(log)[:3]  # type: ignore[return-value]


def _numbers(log: str) -> tuple[int, ...]:
    line = next(line for line in log.splitlines() if "build cache:" in line)
    return tuple(int(word) for word in line.split() if word.isdigit())


def test_a_cached_build_after_one_change_is_byte_identical_to_a_cold_build(project: Path) -> None:
    cold_log = _build(project, "first")
    reused, rendered, _ = _counts(cold_log)
    assert reused == 0 and rendered > 30  # every generated page
    record = next((project / "content" / "mistakes").glob("*.yml"))
    record.write_text(record.read_text(encoding="utf-8").replace("title: ", "title: Changed — ", 1), encoding="utf-8")

    warm_log = _build(project, "warm")
    reused, rendered, removed = _counts(warm_log)
    # The mistake's page, the index and home pages that list it, and the pages that link it: nothing else.
    assert 0 < rendered <= 6 and reused >= 30 and removed == rendered
    # trustpages rendered again only the changed record's page and those of the records it names
    # (they list it under "mentioned in"); every other record page came from the cache.
    named = yaml.safe_load(record.read_text(encoding="utf-8")).get("related", [])
    assert _numbers(warm_log)[3] == 1 + len(named)
    _build(project, "cold", cache=False)
    assert _differences(project / "warm", project / "cold") == []
    assert "Changed — " in (project / "warm" / "mistakes" / record.stem / "index.html").read_text(encoding="utf-8")


def test_what_every_page_shares_renders_them_all_again(project: Path) -> None:
    _build(project, "first")
    log = _build(project, "second", site_description="Another description")  # in every page's <head>
    reused, rendered, removed = _counts(log)
    assert reused == 0 and rendered == removed > 30
    _build(project, "cold", cache=False, site_description="Another description")
    assert _differences(project / "second", project / "cold") == []


def test_a_site_theme_template_is_part_of_every_page(project: Path) -> None:
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    _build(project, "first", custom_dir="overrides")
    (project / "overrides" / "main.html").write_text('{% extends "base.html" %}\n{% block footer %}Ours{% endblock %}\n', encoding="utf-8")
    reused, rendered, _ = _counts(_build(project, "second", custom_dir="overrides"))
    assert reused == 0 and rendered > 30  # every generated page
    assert "Ours" in (project / "second" / "mistakes" / "index.html").read_text(encoding="utf-8")


def test_shared_navigation_parts_are_the_bytes_each_page_would_render(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Record pages share their tabs and sidebars (theme.SharedParts); rendering each page's own gives the same site."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from trustpages import theme

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.chdir(project)
    _build(project, "unused", cache=False)  # writes mkdocs.yml

    def built(site: str) -> None:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / site))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    built("shared")
    reused: list[object] = []
    original = theme.SharedParts.get

    def counted(self: theme.SharedParts, key: str | None) -> object:
        found = original(self, key)
        if found is not None:
            reused.append(found)
        return found

    monkeypatch.setattr(theme.SharedParts, "get", counted)
    built("counted")
    assert len(reused) > 40  # record pages did share their tabs and sidebars
    monkeypatch.setattr(theme.SharedParts, "key", lambda self, part, page, base_url: None)
    built("own")
    assert _differences(project / "shared", project / "own") == []


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, which the builds (subprocesses) inherit: a site's files are then readable by every user."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def _record_page(project: Path, site: str) -> Path:
    """A record's page (a mistake's) in the built site."""
    return project / site / "mistakes" / next((project / "content" / "mistakes").glob("*.yml")).stem / "index.html"


def _cached_pages(project: Path) -> dict[int, Path]:
    return {path.stat().st_ino: path for path in (project / ".trustpages" / "cache" / "pages").glob("*.html")}


def test_a_kept_page_is_a_private_copy_of_its_cache_entry_readable_by_all(project: Path, umask_022: None) -> None:
    _build(project, "first")
    log = _build(project, "second")
    reused, rendered, removed = _counts(log)
    assert reused > 30 and rendered == removed == 0
    assert "Page skipped" not in log  # MkDocs builds no page for a kept one: it is a file to copy
    cached = _cached_pages(project)
    entries = {path.read_bytes() for path in cached.values()}
    records = [
        path for path in (project / "second").glob("*/*/index.html") if path.parent.parent.name in ("incidents", "mistakes", "commitments")
    ]
    assert len(records) >= 25
    for page in (*records, project / "second" / "mistakes" / "index.html", project / "second" / "index.html"):  # and pages the nav lists
        found = page.stat()
        assert page.read_bytes() in entries, page  # the kept bytes…
        assert found.st_ino not in cached and found.st_nlink == 1, page  # …in a file of the site's own
        assert found.st_mode & 0o777 == 0o644, oct(found.st_mode)  # 0o666 less the umask, not mkstemp's 0o600
    cache = project / ".trustpages" / "cache"
    for written in (*cached.values(), cache / "pages" / "pages.index", cache / "parsed.index"):
        assert written.stat().st_mode & 0o777 == 0o644, written
    # Two sites built from one cache (`build -d staging`, then `build`) share no file either.
    first = {path.stat().st_ino for path in (project / "first").rglob("*") if path.is_file()}
    second = {path.stat().st_ino for path in (project / "second").rglob("*") if path.is_file()}
    assert len(second) > 30 and first.isdisjoint(second) and second.isdisjoint(cached)


def test_editing_one_sites_file_changes_neither_the_cache_nor_another_site(project: Path) -> None:
    _build(project, "first")
    _build(project, "second")
    page = _record_page(project, "second")
    original = page.read_bytes()
    with page.open("r+b") as file:  # in place, as an editor or a careless script would
        file.write(b"<!-- changed in the site -->")

    reused, rendered, _ = _counts(_build(project, "third"))
    assert rendered == 0 and reused > 30  # the cache did not see the edit
    assert _record_page(project, "third").read_bytes() == _record_page(project, "first").read_bytes() == original
    _build(project, "cold", cache=False)
    assert _differences(project / "third", project / "cold") == []


def test_a_cache_entry_changed_in_place_with_its_time_restored_is_rendered_again(project: Path) -> None:
    """Size and time prove nothing: a same-size edit with its modification time put back is caught by the digest."""
    _build(project, "first")
    page = _record_page(project, "first")
    entry = next(path for path in _cached_pages(project).values() if path.read_bytes() == page.read_bytes())
    before = entry.stat()
    data = entry.read_bytes()
    forged = data.replace(b"<title>", b"<title>X", 1)[: len(data)]  # other bytes, the same size
    assert len(forged) == len(data) and forged != data
    entry.write_bytes(forged)
    os.utime(entry, ns=(before.st_atime_ns, before.st_mtime_ns))

    for site in ("second", "third"):  # rendered again once, then kept as rendered
        reused, rendered, _ = _counts(_build(project, site))
        assert rendered == (1 if site == "second" else 0) and reused > 30
        assert _record_page(project, site).read_bytes() == data


def test_emptied_or_cut_short_cache_entries_are_rendered_again_never_published(project: Path) -> None:
    """What a crash or a partial restore of the cache leaves (empty or torn files) never reaches a site."""
    _build(project, "first")
    cache = project / ".trustpages" / "cache"
    pages = sorted((cache / "render").glob("*.page"))
    assert len(pages) > 25
    for page in pages:  # every record page as trustpages rendered it: empty
        page.write_bytes(b"")
    for number, entry in enumerate(sorted((cache / "pages").glob("*.html"))):  # every themed page: empty, or cut short
        entry.write_bytes(b"" if number % 2 else entry.read_bytes()[: entry.stat().st_size // 2])
    # Another description: the theme renders every page again, from trustpages' record pages as kept.
    log = _build(project, "second", site_description="Another description")
    reused, rendered, _ = _counts(log)
    assert reused == 0 and rendered > 30
    assert _numbers(log)[3] == len(pages)  # every record page rendered again, none read empty
    _build(project, "cold", cache=False, site_description="Another description")
    assert _differences(project / "second", project / "cold") == []

    _build(project, "third")  # the first build's configuration: every themed entry torn, so every page again
    _build(project, "cold-again", cache=False)
    assert _differences(project / "third", project / "cold-again") == []


def test_a_title_the_navigation_takes_from_a_page_renders_kept_pages_again(project: Path) -> None:
    # Listed without a title, a page is named in the navigation by its first heading, read after the
    # site's key is made: every kept page, which shows the navigation, must show the new one.
    nav = "[index.md, mistakes/index.md, about.md]"
    about = project / "site_src" / "about.md"
    assert about.read_text(encoding="utf-8").startswith("# About this site\n")
    _build(project, "first", nav=nav)
    assert "About this site" in _record_page(project, "first").read_text(encoding="utf-8")
    about.write_text(about.read_text(encoding="utf-8").replace("# About this site", "# Who we are", 1), encoding="utf-8")

    reused, rendered, _ = _counts(_build(project, "second", nav=nav))
    assert reused == 0 and rendered > 30  # every generated page
    _build(project, "cold", cache=False, nav=nav)
    assert _differences(project / "second", project / "cold") == []
    shown = _record_page(project, "second").read_text(encoding="utf-8")
    assert "Who we are" in shown and "About this site" not in shown
    # What was rendered again is kept with the new navigation: the next build reuses it all.
    reused, rendered, _ = _counts(_build(project, "third", nav=nav))
    assert reused > 30 and rendered == 0
    assert _differences(project / "third", project / "cold") == []


def test_no_page_is_reused_when_another_plugin_changes_pages(project: Path) -> None:
    _build(project, "first")  # every page kept: reusing any would leave the hook's change out of it
    (project / "hooks.py").write_text(
        'def on_post_page(output, page, config):\n    return output.replace("</body>", "<!-- hooked --></body>")\n', encoding="utf-8"
    )
    log = _build(project, "second", hooks="[hooks.py]")
    assert "build cache not used: another plugin changes pages" in log, log
    assert "build cache:" not in log
    pages = list((project / "second").rglob("index.html"))  # the pages (404.html is a theme template, no page)
    assert len(pages) > 30
    for page in pages:
        assert page.stat().st_nlink == 1 and b"<!-- hooked -->" in page.read_bytes(), page
    _build(project, "cold", cache=False, hooks="[hooks.py]")
    assert _differences(project / "second", project / "cold") == []


def test_a_plugin_handling_a_page_event_nobody_listed_turns_the_cache_off(project: Path) -> None:
    """`page_context` was not on the old hand-kept list (Material's tags and projects plugins handle it): reused pages missed its change."""
    _build(project, "first")
    (project / "hooks.py").write_text(
        'def on_page_context(context, page, config, nav):\n    page.meta["description"] = "Hooked description"\n    return context\n',
        encoding="utf-8",
    )
    log = _build(project, "second", hooks="[hooks.py]")
    assert "build cache not used: another plugin changes pages (hooks.py)" in log, log
    pages = list((project / "second").rglob("index.html"))
    assert len(pages) > 30
    for page in pages:
        assert b'<meta name="description" content="Hooked description">' in page.read_bytes(), page
    _build(project, "cold", cache=False, hooks="[hooks.py]")
    assert _differences(project / "second", project / "cold") == []


def test_a_record_file_is_parsed_once_while_its_bytes_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from trustpages import yamlsource
    from trustpages.buildcache.parsed import ParsedRecordFiles

    text = "title: One\ncount: 3\nshare: 0.5\nnames: [a, b]\n1: a\nwhen: 2026-01-05\nnothing:\n"
    record = tmp_path / "record.yml"
    record.write_text(text, encoding="utf-8")
    expected = {"title": "One", "count": 3, "share": 0.5, "names": ["a", "b"], "1": "a", "when": "2026-01-05", "nothing": None}
    folder = tmp_path / "cache"
    first = ParsedRecordFiles(folder)
    document = yamlsource.read(record, first)
    assert document.value == expected
    document.value["title"] = "Changed by validation"  # what is kept is the value as parsed
    first.save()

    parsed = _count_parses(monkeypatch)
    second = ParsedRecordFiles(folder)
    document = yamlsource.read(record, second)
    assert parsed == [] and document.value == expected
    assert document.text == record.read_text(encoding="utf-8") and document.position(["names"]) == (4, 8)  # problems' positions
    assert yamlsource.read(record, second) is document
    document.value["count"] = 4  # again, once read from the cache
    record.write_text("title: Two\n", encoding="utf-8")
    assert yamlsource.read(record, second).value == {"title": "Two"} and parsed == [b"title: Two\n"]
    second.save()

    third = ParsedRecordFiles(folder)  # read both versions: both kept
    assert yamlsource.read(record, third).value == {"title": "Two"}
    third.save()  # read only the new one: the old one is forgotten
    record.write_text(text, encoding="utf-8")
    assert yamlsource.read(record, ParsedRecordFiles(folder)).value == expected
    assert parsed == [b"title: Two\n", text.encode()]


def test_a_value_json_cannot_give_back_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from trustpages import yamlsource
    from trustpages.buildcache.parsed import ParsedRecordFiles

    record = tmp_path / "record.yml"
    record.write_text("1: a\n", encoding="utf-8")
    parsed: list[bytes] = []

    def numbered(raw: bytes) -> yamlsource.Document:  # a number as a key: JSON would give it back as text
        parsed.append(raw)
        return yamlsource.Document({1: "a", "when": (1, 2)}, raw.decode("utf-8"))

    monkeypatch.setattr(yamlsource, "parse", numbered)
    folder = tmp_path / "cache"
    for _ in range(2):
        store = ParsedRecordFiles(folder)
        assert yamlsource.read(record, store).value == {1: "a", "when": (1, 2)}
        store.save()
    assert parsed == [b"1: a\n"] * 2
    assert (folder / "parsed.index").read_text(encoding="utf-8").splitlines()[1:-1] == []  # the header (and the digest) only

    index = folder / "parsed.index"
    index.write_text(index.read_text(encoding="utf-8") + f'{hashlib.sha256(b"1: a" + bytes([10])).hexdigest()}\t{{"torn', encoding="utf-8")
    # an entry that is not JSON (written by hand, or by a broken tool): the file is parsed
    assert yamlsource.read(record, ParsedRecordFiles(folder)).value == {1: "a", "when": (1, 2)}
    assert len(parsed) == 3


def test_files_parsed_by_other_code_are_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new trustpages (or an edited checkout) may parse the same bytes otherwise: what older code parsed is not reused."""
    from trustpages import yamlsource
    from trustpages.buildcache import keys
    from trustpages.buildcache.parsed import ParsedRecordFiles

    record = tmp_path / "record.yml"
    record.write_text("title: Kept\n", encoding="utf-8")
    folder = tmp_path / "cache"
    store = ParsedRecordFiles(folder)
    yamlsource.read(record, store)
    store.save()
    parsed = _count_parses(monkeypatch)
    assert yamlsource.read(record, ParsedRecordFiles(folder)).value == {"title": "Kept"}
    assert parsed == []  # the same code: reused
    monkeypatch.setattr(keys, "code_key", lambda: "other code")
    assert yamlsource.read(record, ParsedRecordFiles(folder)).value == {"title": "Kept"}
    assert parsed == [b"title: Kept\n"]


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The bytes of every file parsed from now on (the ones a ParsedRecordFiles did not have)."""
    from trustpages import yamlsource

    parsed: list[bytes] = []
    real = yamlsource.parse

    def counted(raw: bytes) -> yamlsource.Document:
        parsed.append(raw)
        return real(raw)

    monkeypatch.setattr(yamlsource, "parse", counted)
    return parsed


def _kept_store(folder: Path, pages: dict[str, str]) -> Any:
    """A page store that kept `pages` (key: output) in an earlier build, as the next build opens it."""
    from trustpages.buildcache.themed import ThemedPageStore

    store = ThemedPageStore(folder)
    for key, output in pages.items():
        store.put(key, output, search=[], meta={})
    store.save()
    return ThemedPageStore(folder)


def test_a_kept_page_is_copied_never_written_through_a_file_already_there(tmp_path: Path) -> None:
    """A --dirty build over a site an older trustpages hard-linked to its cache: the old file is replaced, not written through."""
    store = _kept_store(tmp_path / "cache", {"k": "<p>kept ✓</p>"})
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_bytes(b"<p>another site's page</p>")
    destination = tmp_path / "site" / "page" / "index.html"
    destination.parent.mkdir(parents=True)
    os.link(elsewhere, destination)
    assert store.get("k") is not None
    store.copy("k", str(destination))
    assert destination.read_bytes() == "<p>kept ✓</p>".encode()
    assert elsewhere.read_bytes() == b"<p>another site's page</p>"
    assert destination.stat().st_nlink == 1 and destination.stat().st_ino != (store.folder / "k.html").stat().st_ino
    assert store.reused == 1


def test_a_kept_page_that_changes_after_it_was_checked_is_not_copied(tmp_path: Path) -> None:
    from trustpages.buildcache.files import ChangedEntry

    store = _kept_store(tmp_path / "cache", {"k": "<p>kept</p>"})
    assert store.get("k") is not None
    (store.folder / "k.html").write_bytes(b"<p>KEPT</p>")  # between the check and the copy
    destination = tmp_path / "site" / "index.html"
    with pytest.raises(ChangedEntry, match="changed during the build"):
        store.copy("k", str(destination))
    assert not destination.exists()


@pytest.mark.parametrize("forged", [b"", b"<p>ke", b"<p>KEPT</p>"], ids=["emptied", "cut short", "same size"])
def test_a_kept_output_is_used_only_with_the_bytes_it_was_kept_with(tmp_path: Path, forged: bytes) -> None:
    store = _kept_store(tmp_path / "cache", {"k": "<p>kept</p>", "other": "<p>other</p>"})
    kept = store.folder / "k.html"
    before = kept.stat()
    kept.write_bytes(forged)
    os.utime(kept, ns=(before.st_atime_ns, before.st_mtime_ns))  # its time put back: it proves nothing
    assert store.get("k") is None and store.get("other") is not None


def test_a_rendered_record_page_is_used_only_with_the_bytes_it_was_kept_with(tmp_path: Path) -> None:
    from trustpages.buildcache.keys import PageInputs
    from trustpages.buildcache.rendered import RenderedPageStore

    inputs = PageInputs(("templates", "2026-11-23"), ("the record", (), ()))
    first = RenderedPageStore(tmp_path)
    first.put("incidents/a.md", inputs, ("<h1>A</h1><p>What happened.</p>", True))
    first.prune()
    entry = next(tmp_path.glob("*.page"))
    for forged in (b"", b"<h1>A</h1>", b"<h1>B</h1><p>What happened.</p>"):  # emptied, cut short, changed
        entry.write_bytes(forged)
        assert RenderedPageStore(tmp_path).get("incidents/a.md", inputs) is None
    entry.write_bytes(b"<h1>A</h1><p>What happened.</p>")
    store = RenderedPageStore(tmp_path)
    found = store.get("incidents/a.md", inputs)
    entry.write_bytes(b"")  # after the check: what was checked is what the build has, never what is there now
    assert found == ("<h1>A</h1><p>What happened.</p>", True)


@pytest.mark.parametrize("cut", [1, 20, 70])
def test_an_index_cut_short_is_not_used(tmp_path: Path, cut: int) -> None:
    """A torn index (a crash while a tool copied the cache) would drop or garble entries: it is not read at all."""
    store = _kept_store(tmp_path / "cache", {"k": "<p>kept</p>", "other": "<p>other</p>"})
    assert store.get("k") is not None
    index = store.folder / "pages.index"
    data = index.read_bytes()
    index.write_bytes(data[: len(data) - cut])
    from trustpages.buildcache.themed import ThemedPageStore

    assert ThemedPageStore(store.folder).before == {}
    index.write_bytes(data.replace(b'"meta": {}', b'"meta": {"x": 1}', 1))  # changed, not cut: the same
    assert ThemedPageStore(store.folder).before == {}


def test_a_hand_written_link_to_a_kept_page_still_finds_it(project: Path) -> None:
    """A kept page is a file MkDocs copies, not a page it builds: a page's Markdown link to it resolves as before, under --strict."""
    record = next((project / "content" / "mistakes").glob("*.yml")).stem
    about = project / "site_src" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n\nSee [our last mistake](mistakes/{record}.md).\n", encoding="utf-8")
    _build(project, "first")
    reused, _, _ = _counts(_build(project, "second"))  # --strict: a link MkDocs could not resolve would fail it
    assert reused > 30
    _build(project, "cold", cache=False)
    assert _differences(project / "second", project / "cold") == []
    assert f'href="../mistakes/{record}/"' in (project / "second" / "about" / "index.html").read_text(encoding="utf-8")


def test_a_rendered_record_page_is_found_by_its_inputs_and_its_key_stands_for_its_source(tmp_path: Path) -> None:
    """The render cache gives a page's source, read and checked as it is looked up, and the key the themed page is keyed by."""
    from trustpages.buildcache.keys import PageInputs
    from trustpages.buildcache.rendered import RenderedPageStore

    first = RenderedPageStore(tmp_path)
    inputs = PageInputs(("templates", "2026-11-23"), ("the record", (), ()))
    assert first.get("incidents/a.md", inputs) is None and first.key_of("incidents/b.md") is None
    first.put("incidents/a.md", inputs, ("<h1>A</h1>", True))
    key = first.key_of("incidents/a.md")
    first.prune()

    second = RenderedPageStore(tmp_path)
    assert second.get("incidents/a.md", inputs) == ("<h1>A</h1>", True) and second.key_of("incidents/a.md") == key
    assert second.get("incidents/a.md", PageInputs(inputs.shared, ("another record", (), ()))) is None  # other inputs: rendered again
    assert second.get("incidents/b.md", inputs) is None  # another page with the same inputs: its own key
    (tmp_path / f"{key}.page").unlink()  # gone (a build sharing the cache pruned it): rendered again, never a failed build
    assert RenderedPageStore(tmp_path).get("incidents/a.md", inputs) is None


def test_in_a_git_repository_a_second_build_reuses_every_page(project: Path) -> None:
    """Record pages show their git history; what the cache keys them by is the same in every process.

    A commit's changed fields were a set, whose order (and repr) changes from one process to the
    next: every record page was rendered again on every build of a real repository.
    """
    from tests.gitrepo import Repo

    (project / ".gitignore").write_text(".trustpages/\nfirst/\nsecond/\n", encoding="utf-8")
    repo = Repo(project)
    repo.git("init", "-q", "-b", "main")
    repo.commit("Publish the records", "2026-01-05")
    _build(project, "first")
    log = _build(project, "second")
    reused, rendered, _ = _counts(log)
    assert reused > 30 and rendered == 0, log
    assert _numbers(log)[3] == 0  # no record page rendered again either
    page = _record_page(project, "second")
    assert "5 January 2026" in page.read_text(encoding="utf-8")  # the history is there: published on the commit's day


def test_a_promise_whose_due_date_moved_since_it_was_published_is_another_input() -> None:
    # Pages count a promise by its due date as first published (from git history), which is not one of its fields.
    from datetime import date

    from tests.render.conftest import FIXTURES
    from trustpages.buildcache.keys import fingerprint as _fingerprint
    from trustpages.records import Milestone
    from trustpages.validate import validate

    records = validate(FIXTURES / "small-site", date(2026, 11, 23)).records
    assert records is not None
    milestone = next(c for c in records.commitments if isinstance(c, Milestone))
    moved = milestone.first_promised(date(2020, 1, 1))
    assert moved.model_dump_json() == milestone.model_dump_json()
    assert _fingerprint(moved) != _fingerprint(milestone) and _fingerprint(milestone) == _fingerprint(milestone.model_copy())


def test_what_the_code_alone_makes_is_kept_while_the_code_is_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from trustpages.buildcache import keys
    from trustpages.buildcache.rendered import RenderedPageStore

    made: list[str] = []

    def schema() -> dict[str, object]:
        made.append("schema")
        return {"type": "object", "required": ["id"], "maximum": 1.5}

    def day() -> date:
        made.append("day")
        return date(2026, 12, 1)

    store = RenderedPageStore(tmp_path)
    assert store.remember("schema", schema) == schema() and store.remember("day", day) == date(2026, 12, 1)
    store.prune()
    made.clear()
    again = RenderedPageStore(tmp_path)
    assert again.remember("schema", schema) == {"type": "object", "required": ["id"], "maximum": 1.5}
    assert again.remember("day", day) == date(2026, 12, 1)  # JSON would give it back as text: made again
    assert made == ["day"]
    again.prune()
    monkeypatch.setattr(keys, "code_key", lambda: "other code")
    assert RenderedPageStore(tmp_path).remember("schema", schema) == schema() and made == ["day", "schema", "schema"]


def test_open_data_kept_item_by_item_is_the_same_bytes_and_follows_each_record(tmp_path: Path) -> None:
    from datetime import date

    from tests.render.conftest import FIXTURES
    from trustpages.buildcache.rendered import RenderedPageStore
    from trustpages.numbers import Numbers
    from trustpages.opendata import v1
    from trustpages.validate import validate

    as_of = date(2026, 11, 23)
    records = validate(FIXTURES / "small-site", as_of).records
    assert records is not None
    numbers = Numbers.of(records, as_of)
    cold = v1.files(numbers)
    first = RenderedPageStore(tmp_path)
    assert v1.files(numbers, kept=first) == cold
    first.prune()

    made: list[tuple[object, ...]] = []
    store = RenderedPageStore(tmp_path)
    fragment = store.fragment
    store.fragment = lambda inputs, make: fragment(inputs, lambda: made.append(inputs) or make())  # type: ignore[method-assign]
    assert v1.files(numbers, kept=store) == cold and made == []  # every item kept

    incident = records.incidents[0]
    changed = incident.model_copy(update={"title": "Another title"})
    edited = records.with_records("incident", (changed, *records.incidents[1:]))
    out = v1.files(Numbers.of(edited, as_of), kept=store)
    assert [inputs[-1] for inputs in made] == [changed]  # that incident's item only
    assert b"Another title" in out["api/v1/incidents.json"] and out == v1.files(Numbers.of(edited, as_of))


def test_a_feed_is_made_again_exactly_when_it_changes(tmp_path: Path) -> None:
    from datetime import date

    from tests.render.conftest import FIXTURES
    from trustpages.buildcache.rendered import RenderedPageStore
    from trustpages.opendata import feeds
    from trustpages.strings import Strings
    from trustpages.validate import validate

    as_of = date(2026, 11, 23)
    loaded = validate(FIXTURES / "small-site", as_of).records
    assert loaded is not None
    records = loaded.with_records("mistake", ())  # no mistake: an empty feed, which says the day it was made
    t = Strings.for_site(records.site.locale)
    before = feeds.files(records, as_of, t)
    first = RenderedPageStore(tmp_path)
    assert feeds.files(records, as_of, t, first) == before
    first.prune()

    def made_again(edited: Any, day: date) -> tuple[set[str], set[str]]:
        """The feeds made again, and those whose bytes changed."""
        made: set[str] = set()
        store = RenderedPageStore(tmp_path)
        fragment = store.fragment
        store.fragment = lambda inputs, make: fragment(inputs, lambda: made.add(inputs[0]) or make())  # type: ignore[method-assign]
        after = feeds.files(edited, day, t, store)
        assert after == feeds.files(edited, day, t)
        return made, {path for path in after if after[path] != before[path] and path != feeds.INDEX_PATH}

    assert made_again(records, as_of) == (set(), set())
    made, changed = made_again(records.with_records("mistake", loaded.mistakes), as_of)
    assert made == changed and {"feeds/mistakes.json", "feeds/all.xml"} <= changed
    made, changed = made_again(records, date(2026, 11, 24))  # the empty feeds (JSON Feed has no date: unchanged)
    assert made == {"feeds/mistakes.xml", "feeds/mistakes.json"} and "feeds/mistakes.xml" in changed


def test_another_time_zone_database_is_other_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages show local times: after a tzdata upgrade (new offsets) nothing made with the old database is reused."""
    import zoneinfo

    from trustpages.buildcache import keys

    packaged, unpackaged = tmp_path / "packaged", tmp_path / "unpackaged"
    (packaged / "Europe").mkdir(parents=True)
    (unpackaged / "Europe").mkdir(parents=True)
    (packaged / "tzdata.zi").write_text("# version 2025b\n# ddeps\n", encoding="utf-8")
    (unpackaged / "Europe" / "Berlin").write_bytes(b"TZif2 old offsets")

    def key(zi_version: str, berlin: bytes) -> str:
        (packaged / "tzdata.zi").write_text(f"# version {zi_version}\n", encoding="utf-8")
        (unpackaged / "Europe" / "Berlin").write_bytes(berlin)
        keys.code_key.cache_clear()
        keys.time_zones_key.cache_clear()
        return keys.code_key()

    monkeypatch.setattr(zoneinfo, "TZPATH", (str(packaged), str(unpackaged), str(tmp_path / "missing")))
    try:
        first = key("2025b", b"TZif2 old offsets")
        assert key("2025b", b"TZif2 old offsets") == first
        assert key("2026a", b"TZif2 old offsets") != first  # a packaged database: its version line
        assert key("2025b", b"TZif2 new offsets") != first  # one without: its files
    finally:
        keys.code_key.cache_clear()
        keys.time_zones_key.cache_clear()


def test_an_upgrade_of_a_library_trustpages_renders_with_is_other_code(monkeypatch: pytest.MonkeyPatch) -> None:
    # Markdown or the HTML cleaner may write a record's text differently: nothing they made before is reused.
    from trustpages.buildcache import keys

    before = keys.code_key()
    version = keys._version
    monkeypatch.setattr(keys, "_version", lambda name: "99.0" if name == "nh3" else version(name))
    keys.code_key.cache_clear()
    try:
        assert keys.code_key() != before
    finally:
        keys.code_key.cache_clear()
