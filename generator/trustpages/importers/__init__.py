"""Importers: move incident history from other status page tools into trustpages records.

Each source module (`statuspage`, `cstate`) reads another tool's files into an `Export`
of drafts; `sync` turns the drafts into incident files and site.yml components, and
remembers what it wrote so a re-run updates without duplicating or overwriting edits.
"""
