"""A public append-only log of what the site published, which anyone can check without trusting the company.

facts.py says what a published fact is; log.py holds the entries, checkpoints and proofs (merkle.py,
RFC 9162); compare.py refuses a publication that rewrites the log; fetch.py reads a served log;
times.py puts the log's times where typed dates would flatter.
"""
