"""The build cache: what earlier builds made, kept on disk between builds (CI keeps the folder) and reused while its inputs are the same.

Where each part lives (this package imports nothing here, so the renderer can import `keys`):

* `keys`: every key, and so the one place that says what each kept thing is made from.
* `themed`: pages as the theme rendered them (`ThemedPageStore`, in `<cache>/pages/`).
* `rendered`: record pages as trustpages rendered them before the theme, and the open data's
  pieces (`RenderedPageStore`, in `<cache>/render/`).
* `parsed`: record files as parsed (`ParsedRecordFiles`, `<cache>/parsed.index`).
* `values`, `files`: the JSON indexes they share, and how they write to disk (whole files or none,
  indexes that end with their digest).

A page whose inputs did not change is the very bytes a cold build would write, and the day only
matters to a page when its own text changed with it (an overdue promise). A build after one record
changed renders again only the pages that show it. The MkDocs side (which pages MkDocs copies
rather than builds, and when the cache cannot be used at all) is trustpages.mkdocs.cache.
"""
