"""The public log's Merkle tree, hashed as RFC 9162 (Certificate Transparency 2.0) does, with its consistency proofs.

Leaves are `SHA-256(0x00 ‖ entry)`, interior nodes `SHA-256(0x01 ‖ left ‖ right)`, and a tree of n
leaves splits at the largest power of two below n (RFC 9162 §2.1.1). A consistency proof between
sizes m and n (§2.1.4) lets anyone who kept the root of the first m entries check that the log of
n entries still begins with exactly them, without trusting the site that serves it.

Written here rather than taken from a library: these are the spec's few lines, and a reader who
wants to verify a site with other tools needs the spec's exact bytes (pymerkle's proofs are
serialised in its own format, and its trees keep state in a database we do not need).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

EMPTY_ROOT = hashlib.sha256(b"").digest()  # MTH({}) = HASH()


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def root(leaves: Sequence[bytes]) -> bytes:
    """MTH of the leaf hashes `leaves` (RFC 9162 §2.1.1), built level by level (no recursion: logs grow large)."""
    if not leaves:
        return EMPTY_ROOT
    level = list(leaves)
    while len(level) > 1:
        # Pairing from the left and carrying an odd last node up gives the same tree as the spec's split.
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def _subtree_root(leaves: Sequence[bytes], start: int, end: int) -> bytes:
    return root(leaves[start:end])


def consistency_proof(leaves: Sequence[bytes], m: int) -> list[bytes]:
    """PROOF(m, D[n]) for the first m of `leaves` (0 < m <= n): RFC 9162 §2.1.4.1."""
    n = len(leaves)
    if not 0 < m <= n:
        raise ValueError(f"no consistency proof from size {m} to size {n}")
    proof: list[bytes] = []
    start, end, complete = 0, n, True  # SUBPROOF(m, D[start:end], complete), unrolled
    while m != end - start:
        size = end - start
        k = _split(size)
        if m <= k:
            proof.append(_subtree_root(leaves, start + k, end))
            end = start + k
        else:
            proof.append(_subtree_root(leaves, start, start + k))
            start, m, complete = start + k, m - k, False
    if not complete:
        proof.append(_subtree_root(leaves, start, end))
    proof.reverse()  # the spec lists the deepest node first
    return proof


def verify_consistency(m: int, n: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]) -> bool:
    """Whether `proof` shows the tree of size n with `new_root` extends the one of size m with `old_root` (§2.1.4.2)."""
    if m == n:
        return old_root == new_root and not proof
    if not 0 < m < n or not proof:
        return m == 0 and not proof
    path = list(proof)
    if m & (m - 1) == 0:  # m a power of two: the old root is itself a node of the new tree
        path.insert(0, old_root)
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for node in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(node, fr)
            sr = node_hash(node, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, node)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == new_root
