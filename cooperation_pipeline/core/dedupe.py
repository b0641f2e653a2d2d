"""Near-duplicate detection for cleaned article bodies (MinHash + LSH).

The same wire story is reposted by many sites with different navigation,
bylines, credits and captions around it. Cleaning removes most of that; what
remains is compared as a set of character 5-shingles (whitespace removed, so
line breaks and spacing differences do not matter). Chinese has no word
boundaries, and character shingles are robust to the odd changed character.

Signatures are deterministic (fixed seed; one-permutation hashing into 128 bins
over shingle hashes computed with numpy, see ``minhash_signature``) so they can
be stored and compared across runs. Banding minimises false positives plus false negatives at the threshold.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["NUM_PERM", "SEED", "SHINGLE_SIZE", "THRESHOLD", "shingles", "minhash_signature", "estimate_similarity",
           "band_layout", "NearDuplicateIndex"]

NUM_PERM = 128
SEED = 20240729
SHINGLE_SIZE = 5

_WS_RE = re.compile(r"\s+")


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """Character ``size``-shingles of ``text`` with all whitespace removed."""
    compact = _WS_RE.sub("", text)
    if len(compact) <= size:
        return {compact} if compact else set()
    return {compact[i : i + size] for i in range(len(compact) - size + 1)}


def _shingle_hashes(text: str, size: int = SHINGLE_SIZE) -> np.ndarray:
    """Distinct, well-mixed 64-bit hashes of the character ``size``-shingles, computed on arrays."""
    compact = _WS_RE.sub("", text)
    codes = np.frombuffer(compact.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) == 0:
        return np.empty(0, dtype=np.uint64)
    if len(codes) < size:
        codes = np.concatenate([codes, np.zeros(size - len(codes), dtype=np.uint64)])
    count = len(codes) - size + 1
    h = np.full(count, SEED, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(size):  # polynomial rolling hash; uint64 arithmetic wraps by design
            h = h * np.uint64(1_000_003) + codes[k : k + count]
        for multiplier in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53):  # murmur3's fmix64
            h ^= h >> np.uint64(33)
            h *= np.uint64(multiplier)
        h ^= h >> np.uint64(33)
    return np.unique(h)


def optimal_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) minimising the probability mass of false positives below the
    threshold plus false negatives above it: the usual LSH parameter choice (as datasketch's)."""
    grid = np.linspace(0.0, 1.0, 2001)
    below, above = grid <= threshold, grid >= threshold
    best, best_cost = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            caught = 1.0 - (1.0 - grid**rows) ** bands
            cost = np.trapezoid(caught[below], grid[below]) + np.trapezoid(1.0 - caught[above], grid[above])
            if cost < best_cost:
                best, best_cost = (bands, rows), cost
    return best


_MAX_HASH = (1 << 32) - 1
_BIN_SHIFT = np.uint64(64 - int(np.log2(NUM_PERM)))


def minhash_signature(text: str) -> list[int]:
    """NUM_PERM MinHash values over the 5-shingles of a cleaned body; same text, same list.

    One-permutation hashing: each shingle is hashed once, its top bits pick one of NUM_PERM
    bins and each bin keeps its smallest low 32 bits; empty bins borrow from the next filled
    bin (rotation densification). Equal bins estimate Jaccard similarity as k-permutation
    MinHash does, at O(shingles) instead of O(shingles x NUM_PERM)."""
    hashes = _shingle_hashes(text)
    if len(hashes) == 0:
        return [_MAX_HASH] * NUM_PERM
    bins = (hashes >> _BIN_SHIFT).astype(np.intp)
    values = hashes & np.uint64(_MAX_HASH)
    order = np.lexsort((values, bins))  # per bin, its smallest value comes first
    first = np.ones(len(order), dtype=bool)
    first[1:] = bins[order][1:] != bins[order][:-1]
    signature = np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64)
    signature[bins[order][first]] = values[order][first]
    filled = np.zeros(NUM_PERM, dtype=bool)
    filled[bins] = True
    if not filled.all():
        where = np.flatnonzero(filled)
        source = where[np.searchsorted(where, np.arange(NUM_PERM)) % len(where)]
        signature = signature[source]
    return signature.tolist()


def estimate_similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if len(a) != len(b):
        raise ValueError("signatures of different lengths")
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


THRESHOLD = 0.8  # estimated Jaccard similarity of two near-duplicate bodies
_BANDS: dict[float, tuple[int, int]] = {}


def band_layout(threshold: float = THRESHOLD) -> tuple[int, int]:
    """(bands, rows per band) of the LSH index for ``threshold``: the first bands x rows values of
    a signature, band by band (what a store of signatures must hash to find candidates)."""
    if threshold not in _BANDS:
        _BANDS[threshold] = optimal_bands(threshold)
    return _BANDS[threshold]


class NearDuplicateIndex:
    """Banded LSH over signatures; ``query`` returns ids whose estimated Jaccard similarity is at
    least ``threshold`` (band candidates are verified, so banding adds no false positives; rare
    misses are the price of LSH). ``add_many`` loads a whole warehouse's signatures as one matrix,
    so an update does not pay per stored document."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError("threshold must be in (0, 1)")
        self.threshold = threshold
        self.bands, self.rows = band_layout(threshold)
        self._tables: list[dict[bytes, list[int]]] = [{} for _ in range(self.bands)]
        self._ids: list[str | None] = []
        self._position: dict[str, int] = {}
        self._matrix = np.empty((0, NUM_PERM), dtype=np.uint32)
        self._pending: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self._position)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._position

    def add(self, doc_id: str, signature: list[int]) -> None:
        """Index a document; adding an id again replaces its signature."""
        self.add_many([doc_id], np.asarray([signature], dtype=np.uint32))

    def add_many(self, doc_ids: list[str], signatures: np.ndarray) -> None:
        """Index many documents at once; ``signatures`` has one row of NUM_PERM values per id."""
        signatures = np.ascontiguousarray(signatures, dtype=np.uint32)
        if signatures.ndim != 2 or signatures.shape[1] != NUM_PERM or len(signatures) != len(doc_ids):
            raise ValueError(f"signatures must be ({len(doc_ids)}, {NUM_PERM}), got {signatures.shape}")
        start = len(self._ids)
        for doc_id in doc_ids:
            if doc_id in self._position:  # replaced: the old row stays but no longer answers
                self._ids[self._position[doc_id]] = None
        for offset, doc_id in enumerate(doc_ids):
            self._position[doc_id] = start + offset
            self._ids.append(doc_id)
        self._pending.append(signatures)
        for band, table in enumerate(self._tables):
            keys = signatures[:, band * self.rows : (band + 1) * self.rows]
            for offset, key in enumerate(keys):
                table.setdefault(key.tobytes(), []).append(start + offset)

    def query_in_order(self, signature: list[int]) -> list[str]:
        """``query``'s ids in the order they were added (the earliest first)."""
        return sorted(self.query(signature), key=self._position.__getitem__)

    def query(self, signature: list[int]) -> list[str]:
        """Ids of already-added documents that are near-duplicates of ``signature`` (sorted)."""
        sig = np.asarray(signature, dtype=np.uint32)
        candidates = set()
        for band, table in enumerate(self._tables):
            candidates.update(table.get(sig[band * self.rows : (band + 1) * self.rows].tobytes(), ()))
        if not candidates:
            return []
        if self._pending:
            self._matrix = np.concatenate([self._matrix, *self._pending])
            self._pending = []
        rows = np.fromiter(candidates, dtype=np.int64)
        similar = (self._matrix[rows] == sig).mean(axis=1) >= self.threshold
        return sorted({self._ids[r] for r in rows[similar] if self._ids[r] is not None})
