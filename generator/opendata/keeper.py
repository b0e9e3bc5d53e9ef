"""What a build cache keeps for the open data between builds: render.PageCache and buildcache.RenderStore answer to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol


class Keeper(Protocol):
    def remember(self, name: str, make: Callable[[], Any]) -> Any:
        """The value `make` gives, which depends on trustpages' code alone: made, or kept from an earlier build."""
        ...  # pragma: no cover - a protocol

    def fragment(self, inputs: tuple[Any, ...], make: Callable[[], str]) -> str:
        """The text `make` gives, which depends on `inputs` alone (and the code): made, or kept from an earlier build."""
        ...  # pragma: no cover - a protocol
