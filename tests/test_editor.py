"""The browser editor's configuration comes from the record kinds, its script is the one the npm registry published,
and `trustpages editor` never replaces an admin page it did not write (the browser test drives the page itself)."""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic import RootModel

from tests.browser.test_editor import CACHE
from trustpages import editor, kinds
from trustpages.cli import main
from trustpages.editor import ADMIN, SCRIPT_FOLDER, EditorError, admin_files, config, fetch_tarball, vendored
from trustpages.scaffold import starter_files


def collections() -> dict[str, dict]:
    made = config("content", "site_src", "comms/trust")
    found = {c["name"]: c for c in made["collections"] if "folder" in c}
    [settings] = [c for c in made["collections"] if "files" in c]
    return found | {f["name"]: f for f in settings["files"]}


def test_every_kind_is_a_collection_at_its_folder_or_file() -> None:
    found = collections()
    for kind in kinds.kinds():
        if issubclass(kind.models[0], RootModel):  # withdrawn.yml is a list: Decap edits mappings only
            assert kind.name not in found
        elif kind.folder is not None:
            assert found[kind.folder]["folder"] == f"content/{kind.folder}" and found[kind.folder]["delete"] is False
        else:
            assert found[kind.name]["file"] == f"content/{kind.file}"
    assert set(found) == {"commitments", "incidents", "mistakes", "metrics", "surveys", "site", "pricing", "contact", "data"}


def test_every_field_is_edited_or_named_as_left_to_the_file_with_its_description_as_hint() -> None:
    found = collections()
    for kind in kinds.kinds():
        collection = found.get(kind.folder or kind.name)
        if collection is None:
            continue
        fields = {field["name"]: field for field in collection["fields"]}
        for model in kind.models:
            for name, info in model.model_fields.items():
                key = info.alias or name
                if info.exclude:
                    assert key not in fields  # the id is the file's name
                elif key in fields:
                    assert info.description and info.description in fields[key]["hint"], (kind.name, key)
                    in_every = all(key in {i.alias or n for n, i in other.model_fields.items()} for other in kind.models)
                    required = fields[key].get("required", True)
                    assert required if info.is_required() and in_every else not required, (kind.name, key)
                else:
                    assert key in collection["description"].split("Edit in the file itself: ")[1], (kind.name, key)


def test_widgets_follow_the_field_types() -> None:
    incident = {field["name"]: field for field in collections()["incidents"]["fields"]}
    assert incident["title"]["widget"] == "string" and incident["summary"]["widget"] == "text"  # a line; Markdown prose
    assert incident["impact"] == {
        **incident["impact"],
        "widget": "select",
        "options": ["none", "minor", "partial", "major", "critical", "maintenance"],
    }
    assert incident["started"]["format"] == "YYYY-MM-DDTHH:mm:ssZ" and incident["started"]["default"] == ""
    assert incident["affected"]["field"]["widget"] == "string"
    update = {field["name"]: field for field in incident["updates"]["fields"]}
    assert update["at"]["widget"] == "datetime" and "default" not in update["at"]  # required: starts at now
    mistake = {field["name"]: field for field in collections()["mistakes"]["fields"]}
    assert (mistake["on"]["format"], mistake["on"]["time_format"]) == ("YYYY-MM-DD", False)
    assert collections()["mistakes"]["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"  # content/mistakes/<date>-<slug>.yml
    assert collections()["commitments"]["slug"] == "{{slug}}"
    commitment = {field["name"]: field for field in collections()["commitments"]["fields"]}
    assert commitment["due"]["hint"].startswith("A promise with a deadline only.") and commitment["due"]["required"] is False


def test_the_page_loads_only_the_vendored_script_and_the_configuration_names_its_repository() -> None:
    page, settings = admin_files("trust/content", "trust/site_src", "comms/trust")
    assert page.path == f"{ADMIN}/index.html" and f'src="{SCRIPT_FOLDER}/decap-cms.js"' in page.text
    assert "http" not in page.text  # nothing from elsewhere
    loaded = yaml.safe_load(settings.text)
    assert loaded["backend"] == {"name": "github", "repo": "comms/trust", "branch": "main"}
    assert loaded["publish_mode"] == "editorial_workflow"  # each save is a pull request, which CI checks
    assert loaded["collections"][0]["folder"] == "trust/content/commitments"
    assert "YOUR-NAME/YOUR-REPO" in admin_files("content", "site_src", None)[1].text


def test_init_writes_the_page_and_its_configuration_but_not_the_script() -> None:
    files = {file.path: file.text for file in starter_files("Comms Co", date(2026, 11, 23))}
    for file in admin_files("content", "site_src", None):
        assert files[f"site_src/{file.path}"] == file.text
    assert not any(path.startswith(f"site_src/{ADMIN}/{SCRIPT_FOLDER}/") for path in files)


def fake_tarball(*names: str) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name in names:
            data = f"// {name}\n".encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def test_only_the_browser_build_is_vendored() -> None:
    names = ["decap-cms.js", "103.decap-cms.js", "f728dc876b39e5273411.wasm", "decap-cms.js.LICENSE.txt"]
    tarball = fake_tarball(*(f"package/dist/{n}" for n in [*names, "cms.js", "decap-cms.js.map"]), "package/package.json")
    assert sorted(vendored(tarball)) == sorted(names)
    with pytest.raises(EditorError, match="holds no dist/decap-cms.js"):
        vendored(fake_tarball("package/dist/cms.js"))


def test_a_tarball_that_is_not_the_published_one_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "decap.tgz"
    other.write_bytes(fake_tarball("package/dist/decap-cms.js"))
    with pytest.raises(EditorError, match="is not decap-cms 3.16.3 as the npm registry published it"):
        fetch_tarball(other)
    with pytest.raises(EditorError, match="cannot read"):
        fetch_tarball(tmp_path / "missing.tgz")


def test_the_published_tarball_passes_and_holds_the_script() -> None:
    if not CACHE.is_file():  # fetched once from the npm registry (the browser tests share it), checked against its sha512
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(fetch_tarball())
    script = vendored(fetch_tarball(CACHE))
    assert len(script["decap-cms.js"]) > 1_000_000 and sum(name.endswith(".decap-cms.js") for name in script) > 50


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["-q", "init", str(tmp_path / "site"), "--no-git"]) == 0
    monkeypatch.chdir(tmp_path / "site")
    tarball = tmp_path / "decap.tgz"
    tarball.write_bytes(fake_tarball("package/dist/decap-cms.js", "package/dist/1.decap-cms.js"))
    monkeypatch.setattr(editor, "DECAP_INTEGRITY", integrity(tarball.read_bytes()))
    capsys.readouterr()
    return tmp_path / "site"


def test_editor_adds_the_script_and_refreshes_what_it_wrote(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    admin = site / "site_src" / ADMIN
    (admin / SCRIPT_FOLDER).mkdir()
    (admin / SCRIPT_FOLDER / "0.decap-cms.js").write_text("// an older version's chunk\n", encoding="utf-8")
    text = (site / "content" / "site.yml").read_text(encoding="utf-8")
    (site / "content" / "site.yml").write_text(text.replace("# repo_url:", "repo_url:"), encoding="utf-8")

    assert main(["editor", "--from", str(site.parent / "decap.tgz")]) == 0

    assert sorted(p.name for p in (admin / SCRIPT_FOLDER).iterdir()) == ["1.decap-cms.js", "decap-cms.js"]  # swapped whole
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))["backend"]["repo"] == "example/trust"  # repo_url
    assert [p.name for p in admin.iterdir() if p.name.startswith(".")] == []
    assert "wrote the editor into" in capsys.readouterr().out


def test_editor_never_replaces_an_admin_page_it_did_not_write(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = site / "site_src" / ADMIN / "config.yml"
    own.write_text("backend: {name: git-gateway}\n", encoding="utf-8")
    assert main(["editor", "--from", str(site.parent / "decap.tgz")]) == 2
    assert "holds an admin page trustpages did not write; nothing was changed" in capsys.readouterr().err
    assert own.read_text(encoding="utf-8") == "backend: {name: git-gateway}\n"
    assert not (site / "site_src" / ADMIN / SCRIPT_FOLDER).exists()


def test_a_wrong_tarball_changes_nothing(site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(editor, "DECAP_INTEGRITY", "sha512-other")
    before = (site / "site_src" / ADMIN / "config.yml").read_text(encoding="utf-8")
    assert main(["editor", "--from", str(site.parent / "decap.tgz")]) == 1
    assert "as the npm registry published it (its sha512 differs); nothing was changed" in capsys.readouterr().err
    assert (site / "site_src" / ADMIN / "config.yml").read_text(encoding="utf-8") == before
    assert not (site / "site_src" / ADMIN / SCRIPT_FOLDER).exists()


def test_editor_without_a_site_says_to_start_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["editor"]) == 2
    assert "no MkDocs configuration at mkdocs.yml (run `trustpages init`" in capsys.readouterr().err
