"""trustpages.publiclog.merkle against RFC 9162's definitions, written out recursively as the spec gives them."""

from __future__ import annotations

import hashlib

import pytest

from trustpages.publiclog import merkle


def spec_root(entries: list[bytes]) -> bytes:
    """MTH as RFC 9162 §2.1.1 defines it, recursively over the entries themselves."""
    if not entries:
        return hashlib.sha256(b"").digest()
    if len(entries) == 1:
        return hashlib.sha256(b"\x00" + entries[0]).digest()
    k = 1
    while k * 2 < len(entries):
        k *= 2
    return hashlib.sha256(b"\x01" + spec_root(entries[:k]) + spec_root(entries[k:])).digest()


ENTRIES = [f"entry {i}".encode() for i in range(40)]
LEAVES = [merkle.leaf_hash(entry) for entry in ENTRIES]


@pytest.mark.parametrize("n", range(0, 40))
def test_the_root_is_the_specs(n: int) -> None:
    assert merkle.root(LEAVES[:n]) == spec_root(ENTRIES[:n])


def test_a_known_root() -> None:
    # Leaf and node prefixes as RFC 9162 (and RFC 6962) give them, computed by hand for two entries.
    a, b = hashlib.sha256(b"\x00a").digest(), hashlib.sha256(b"\x00b").digest()
    assert merkle.root([merkle.leaf_hash(b"a"), merkle.leaf_hash(b"b")]) == hashlib.sha256(b"\x01" + a + b).digest()


def test_every_consistency_proof_verifies() -> None:
    for n in range(1, 33):
        new = merkle.root(LEAVES[:n])
        for m in range(1, n + 1):
            proof = merkle.consistency_proof(LEAVES[:n], m)
            assert merkle.verify_consistency(m, n, merkle.root(LEAVES[:m]), new, proof), (m, n)


def test_a_forked_or_rewritten_log_fails_the_proof() -> None:
    forked = [*LEAVES[:5], merkle.leaf_hash(b"rewritten"), *LEAVES[6:20]]
    for m in range(6, 20):
        old = merkle.root(LEAVES[:m])
        proof = merkle.consistency_proof(forked, m)
        assert not merkle.verify_consistency(m, 20, old, merkle.root(forked), proof), m


def test_a_tampered_proof_fails() -> None:
    for m, n in [(3, 7), (4, 9), (6, 8), (1, 2), (7, 13)]:
        proof = merkle.consistency_proof(LEAVES[:n], m)
        old, new = merkle.root(LEAVES[:m]), merkle.root(LEAVES[:n])
        for i in range(len(proof)):
            bad = [*proof[:i], hashlib.sha256(proof[i]).digest(), *proof[i + 1 :]]
            assert not merkle.verify_consistency(m, n, old, new, bad)
        assert not merkle.verify_consistency(m, n, old, new, proof[:-1])
        assert not merkle.verify_consistency(m, n, old, new, [*proof, new])


def test_same_size_needs_the_same_root() -> None:
    root = merkle.root(LEAVES[:5])
    assert merkle.verify_consistency(5, 5, root, root, [])
    assert not merkle.verify_consistency(5, 5, root, merkle.root(LEAVES[:4]), [])
    assert not merkle.verify_consistency(6, 5, root, root, [])
