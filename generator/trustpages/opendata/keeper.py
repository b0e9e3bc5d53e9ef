"""What a build cache keeps for the open data between builds.

This one keeps nothing: everything is made afresh (a one-off build, or a preview, where making
costs less than comparing). `buildcache.rendered.RenderedPageStore` keeps both kinds between builds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Keeper:
    def remember(self, name: str, make: Callable[[], Any]) -> Any:
        """The value `make` gives, which depends on trustpages' code alone (a model's JSON Schema): made, or kept from an earlier build."""
        return make()

    def fragment(self, inputs: tuple[Any, ...], make: Callable[[], str]) -> str:
        """The text `make` gives, which depends on `inputs` alone (and the code): made, or kept from an earlier build."""
        return make()


FRESH = Keeper()
