"""How `trustpages publish` hands the extended log to the build (the plugin, maybe in MkDocs' own process): a folder named in the environment."""

from __future__ import annotations

import os
from pathlib import Path

from trustpages.publiclog.log import CHECKPOINTS, ENTRIES, Log

LOG_FOLDER = "TRUSTPAGES_PUBLISH_LOG"  # set by `trustpages publish` only


def write_folder(log: Log, folder: Path) -> None:
    files = log.files()
    for name in (ENTRIES, CHECKPOINTS):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])


def read_folder() -> Log | None:
    """The log this build publishes, when `trustpages publish` runs it; None for any other build. LogError if damaged."""
    folder = os.environ.get(LOG_FOLDER)
    if not folder:
        return None
    return Log.read((Path(folder) / ENTRIES).read_bytes(), (Path(folder) / CHECKPOINTS).read_bytes())
