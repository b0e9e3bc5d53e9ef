"""What a build says in its log about the record's history, and the public log `trustpages publish` hands it."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from trustpages.history import History
from trustpages.publiclog import served
from trustpages.publiclog.log import Log, LogError

log = get_plugin_logger(__name__)


def published_log() -> Log | None:
    """The public log `trustpages publish` hands this build, checked again (it may have crossed a process)."""
    try:
        return served.read_folder()
    except (OSError, LogError) as exc:
        raise PluginError(f"trustpages: the public log to publish cannot be read: {exc}") from None


def say_history(history: History) -> None:
    """Say why record pages lack (some) history; each page says it too."""
    if history.is_shallow:
        # CI checkouts are shallow unless asked otherwise (actions/checkout defaults to fetch-depth: 1).
        log.info("record history is incomplete: this is a shallow clone; build with full history (fetch-depth: 0)")
    elif not history.available:
        # Outside a repository is a supported way to build; git failing inside one is not, so it warns.
        (log.warning if history.reason == "git_error" else log.info)(f"record history not available: {history.detail}")
    for commit in history.skipped:
        # Like the warnings about records, an odd commit must not stop the site from publishing,
        # which a warning would under `mkdocs build --strict`.
        log.info(commit.explain())
