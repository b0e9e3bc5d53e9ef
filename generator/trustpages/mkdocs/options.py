"""The plugin's options in mkdocs.yml, each with what it is for; paths are relative to mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class TrustConfig(base.Config):
    content_dir = c.Dir(exists=False, default="content")
    """Folder holding site.yml and the record folders, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Dir(exists=True))
    """Folder of templates overriding built-in ones by name (default: templates/ when it exists)."""
    as_of = c.Optional(c.Type(str))
    """Date the numbers are computed for, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's date, else today)."""
    cache_dir = c.Optional(c.Type(str))
    """Folder for the build cache: each generated page as last rendered, reused while its inputs are the same (see generator/trustpages/buildcache/)."""
    builder = c.Choice(("mkdocs", "zensical"), default="mkdocs")
    """What `trustpages build` builds the site with: mkdocs (MkDocs + Material) or zensical (see generator/trustpages/zensical.py)."""
