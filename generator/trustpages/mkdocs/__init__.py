"""The MkDocs side of trustpages: the plugin (trustpages.plugin) is a thin adapter over these modules.

* `options`: the plugin's options in mkdocs.yml.
* `dressing`: what MkDocs' configuration needs from the records (name, stylesheet, navigation, language).
* `pages`: the generated pages as MkDocs files and pages, and the pages the build cache reuses.
* `cache`: when and how a build uses the build cache (trustpages.buildcache).
* `search`, `sitemap`, `head`: the theme's search index, the site map, and what every page's <head> announces.
* `languages`: the hand-written pages a site publishes in its language.
* `buildlog`: what a build says about the record's history, and the public log it publishes.
"""
