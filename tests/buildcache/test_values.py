"""Values kept as JSON: made once while the index holds them, made again when JSON cannot give them back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from trustpages.buildcache.values import JsonValues


def test_a_value_is_made_once_and_kept_while_it_is_used(tmp_path: Path) -> None:
    made: list[str] = []

    def make(name: str, value: object) -> object:
        made.append(name)
        return value

    first = JsonValues(tmp_path / "values.index", "code 1")
    assert first.get("schema", lambda: make("schema", {"type": "object"})) == {"type": "object"}
    assert first.get("day", lambda: make("day", date(2026, 1, 1))) == date(2026, 1, 1)  # JSON would give it back as text
    first.save()

    second = JsonValues(tmp_path / "values.index", "code 1")
    assert second.get("schema", lambda: make("schema", {})) == {"type": "object"}
    assert second.get("day", lambda: make("day", date(2026, 1, 1))) == date(2026, 1, 1)
    assert made == ["schema", "day", "day"]
    second.save()  # used the schema only: the next build has that and nothing else
    assert JsonValues(tmp_path / "values.index", "code 1").before == {"schema": '{"type": "object"}'}
    assert JsonValues(tmp_path / "values.index", "code 2").before == {}  # other code: nothing reused
