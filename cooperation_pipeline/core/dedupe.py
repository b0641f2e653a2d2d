"""Near-duplicate detection for cleaned article bodies (MinHash + LSH).

The same wire story is reposted by many sites with different navigation,
bylines, credits and captions around it. Cleaning removes most of that; what
remains is compared as a set of character 5-shingles (whitespace removed, so
line breaks and spacing differences do not matter). Chinese has no word
boundaries, and character shingles are robust to the odd changed character.

Signatures are deterministic (fixed seed, 128 permutations, the datasketch
``affine32`` scheme pinned where the installed version has schemes) so they
can be stored and compared across runs.
"""

from __future__ import annotations

import inspect
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["NUM_PERM", "SEED", "SHINGLE_SIZE", "shingles", "minhash_signature", "estimate_similarity", "NearDuplicateIndex"]

NUM_PERM = 128
SEED = 20240729
SHINGLE_SIZE = 5

_WS_RE = re.compile(r"\s+")
# Pin the permutation scheme when the installed datasketch has schemes (>= 2.0),
# so stored signatures stay comparable if its default ever changes.
_SCHEME_KW: dict[str, str] = (
    {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash.__init__).parameters else {}
)


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """Character ``size``-shingles of ``text`` with all whitespace removed."""
    compact = _WS_RE.sub("", text)
    if len(compact) <= size:
        return {compact} if compact else set()
    return {compact[i : i + size] for i in range(len(compact) - size + 1)}


def minhash_signature(text: str) -> list[int]:
    """128 MinHash values over the 5-shingles of a cleaned body; same text, same list."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, **_SCHEME_KW)
    grams = shingles(text)
    if grams:
        mh.update_batch([g.encode("utf-8") for g in grams])
    return [int(v) for v in mh.hashvalues]


def _to_minhash(signature: list[int]) -> MinHash:
    if len(signature) != NUM_PERM:
        raise ValueError(f"signature must have {NUM_PERM} values, got {len(signature)}")
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=np.asarray(signature, dtype=np.uint64), **_SCHEME_KW)


def estimate_similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if len(a) != len(b):
        raise ValueError("signatures of different lengths")
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


class NearDuplicateIndex:
    """LSH index over signatures; ``query`` returns ids whose estimated Jaccard
    similarity is at least ``threshold`` (LSH candidates are verified, so no
    false positives from banding; rare misses are the price of LSH)."""

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError("threshold must be in (0, 1)")
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def add(self, doc_id: str, signature: list[int]) -> None:
        """Index a document; adding an id again replaces its signature."""
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
        self._lsh.insert(doc_id, _to_minhash(signature))
        self._signatures[doc_id] = list(signature)

    def query(self, signature: list[int]) -> list[str]:
        """Ids of already-added documents that are near-duplicates of ``signature`` (sorted)."""
        candidates = self._lsh.query(_to_minhash(signature))
        return sorted(
            doc_id
            for doc_id in candidates
            if estimate_similarity(self._signatures[doc_id], signature) >= self.threshold
        )
