"""The home page's size with many open incidents: built, as a reader's browser gets it.

    python bench/home.py [--records 5000] [--open 500]

Synthesises the records with that many incidents still open (started in the last days), builds
the site with MkDocs and the plugin, and prints the home page's bytes (HTML, and HTML with the
stylesheets it needs before first paint) and the search index's. The target: under 300 KB.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import sites  # first: it sets NO_MKDOCS_2_WARNING before anything imports Material
from run import weight
from synth import AS_OF, synthesise

TARGET = 300_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--open", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="trustpages-home-") as tmp:
        folder = Path(tmp)
        synthesise(folder / "content", args.records, 0, open_incidents=args.open)
        workspace = sites.prepare(folder, folder / "content", AS_OF)
        sites.build(workspace.with_plugin)
        size = weight(workspace.plugin_site)
        verdict = "met" if size["home_html_bytes"] < TARGET else "MISSED"
        print(
            f"{args.records:,} records, {args.open} open incidents: home page {size['home_html_bytes'] / 1000:.0f} kB of HTML "
            f"(target < {TARGET / 1000:.0f} kB: {verdict}), {size['home_first_paint_bytes'] / 1000:.0f} kB with its stylesheets; "
            f"search index {size['search_index_bytes'] / 1000:.0f} kB"
        )


if __name__ == "__main__":
    main()
