"""Allow `python -m trustpages`."""

from trustpages.cli import main

raise SystemExit(main())
