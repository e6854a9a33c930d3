"""Near-duplicate (syndicated) articles: the same story on two sites, lightly edited.

Cleaning removes each site's chrome, so what is left to compare is two bodies that differ by
a few words, a re-cut paragraph or a missing last paragraph. Two stories written *separately*
about the same announcement (same press release, same ministerial quotes, different prose) are
not duplicates: each is an independent report and counts on its own.

Method (the same pairs whether computed over the whole corpus, ``find_duplicates``, or run by run
over the new bodies only, ``healthwork.stages.metrics.run_duplicates``):

1. Each body becomes the set of its word 5-grams ("shingles"), words lower-cased, punctuation
   and typographic quotes ignored; each shingle is a stable 32-bit hash of its words (a
   polynomial hash of their UTF-8 bytes, vectorised over the corpus), identical on every machine
   and run.
2. Candidates: a 128-permutation MinHash signature per body (vectorised numpy blocks, stable
   across runs) is cut into the LSH bands datasketch's ``MinHashLSH`` tunes for ``LSH_THRESHOLD``
   (37 bands of 3 rows); articles sharing a band's bucket are candidates. Linear in the corpus
   size, no all-pairs comparison: 10,000 articles of ~250 words take about 2 s of CPU. The
   signatures and bucket keys are stored per article, so a run signs only new and changed bodies
   and finds their candidates by looking their bucket keys up among the stored ones.
3. Candidates whose signatures agree far less than any linked pair's would (``plausible``: 6 standard
   deviations) are dropped: on a corpus sharing many phrases most candidates sit near Jaccard 0.1.
   Each remaining candidate pair is scored exactly: the Jaccard similarity of the two shingle sets, and
   their containment (shared shingles / shingles of the shorter body, for a copy that drops
   the end of the story). A pair is linked when Jaccard >= ``JACCARD_THRESHOLD`` or, for bodies
   of at least ``MIN_SHINGLES_FOR_CONTAINMENT`` shingles, containment >= ``CONTAINMENT_THRESHOLD``.

Why these thresholds (``tests/test_dedup.py`` holds the written pairs that pin them):
- one changed word removes at most five 5-grams, so a light edit of a few words per paragraph
  keeps Jaccard around 0.6-0.9; a re-headlined copy with a paragraph added keeps ~0.8;
- two independent reports of one announcement share only their quotations: Jaccard < 0.2
  (the written pair: 0.17, containment 0.37);
- a copy cut after half the story has Jaccard ~0.5 but containment ~1.0;
- an article that merely quotes a long passage of another stays under 0.8 containment unless
  most of the shorter article is the quotation.
0.5 sits in the wide gap between the two populations. The LSH index is tuned lower (0.3) than
the link threshold so near-threshold pairs are still candidates: a pair at Jaccard 0.5 is a
candidate with probability 0.993, at 0.6 with 0.9999.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
LSH_THRESHOLD = 0.3
# the banding datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM) chooses (tests pin it):
# fixed here so stored band keys stay valid and datasketch (and SciPy) need not be imported at run time
LSH_BANDS = 37
LSH_ROWS = 3
JACCARD_THRESHOLD = 0.5
CONTAINMENT_THRESHOLD = 0.8
MIN_SHINGLES_FOR_CONTAINMENT = 40
# a candidate is scored exactly unless its signatures agree on so few of the NUM_PERM values that a linked
# pair would be this many standard deviations below its expected agreement (see ``plausible``)
PREFILTER_SIGMAS = 6.0
METHOD_JACCARD = "minhash-lsh candidates; jaccard of word 5-gram sets"
METHOD_CONTAINMENT = "minhash-lsh candidates; containment of word 5-gram sets (shorter copy)"

_MASK32 = np.uint64(0xFFFFFFFF)
# multipliers that mix the word hashes of a 5-gram into one 64-bit value (odd, fixed)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD][:SHINGLE_WORDS], dtype=np.uint64)


@dataclass(frozen=True)
class Article:
    article_id: str
    body: str
    published_date: Any = None  # date or None: the earlier copy of a pair is the canonical one


# bytes that are part of a word: ASCII letters and digits, and UTF-8 bytes of non-ASCII letters.
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[[*range(ord("0"), ord("9") + 1), *range(ord("a"), ord("z") + 1), *range(0x80, 0x100)]] = True
_P = np.uint64(0x100000001B3)  # odd: invertible modulo 2**64
_P_INV = np.uint64(pow(int(_P), -1, 2**64))


def _word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Stable 64-bit hashes of the words of each text, vectorised over the whole corpus.

    Returns (hashes of all words in order, starts) where text i's words are hashes[starts[i]:starts[i+1]].
    Words are runs of letters/digits of the lower-cased text; typographic punctuation (curly quotes,
    dashes, non-breaking spaces: UTF-8 sequences led by 0xE2 0x80 or 0xC2) separates words like ASCII
    punctuation does, so a copy that straightens its quotes still matches."""
    encoded = [t.lower().encode("utf-8") for t in texts]
    buf = np.frombuffer(b" ".join(encoded) + b" ", dtype=np.uint8)
    doc_start = np.concatenate([[0], np.cumsum([len(e) + 1 for e in encoded])])
    word = _WORD_BYTE[buf]
    punct = np.flatnonzero((buf[:-2] == 0xE2) & (buf[1:-1] == 0x80))
    word[punct], word[punct + 1], word[punct + 2] = False, False, False
    nbsp = np.flatnonzero(buf[:-1] == 0xC2)
    word[nbsp], word[nbsp + 1] = False, False
    edges = np.diff(np.concatenate([[0], word.astype(np.int8), [0]]))
    w_start, w_end = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    with np.errstate(over="ignore"):
        powers = np.cumprod(np.full(len(buf), _P, dtype=np.uint64))  # P**(i+1)
        prefix = np.concatenate([np.zeros(1, dtype=np.uint64), np.cumsum(buf.astype(np.uint64) * powers)])
        inv = np.cumprod(np.full(len(buf), _P_INV, dtype=np.uint64))  # P**-(i+1)
        h = (prefix[w_end] - prefix[w_start]) * inv[w_start]  # sum b[j] * P**(j - start + 1): position-free
        h = (h ^ (h >> np.uint64(31))) * np.uint64(0x9E3779B97F4A7C15)
        h = h ^ (h >> np.uint64(29))
    starts = np.searchsorted(w_start, doc_start)
    return h, starts


def _shingle_hashes(word_hashes: np.ndarray, starts: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the word k-grams of concatenated documents (doc i is word_hashes[starts[i]:starts[i+1]]).

    Returns (doc index, hash) of every k-gram wholly inside one document; a document shorter than
    k words gives one shingle of all its words."""
    n_docs = len(starts) - 1
    lengths = np.diff(starts)
    padded = np.concatenate([word_hashes, np.zeros(k, dtype=np.uint64)])
    n = len(word_hashes)
    with np.errstate(over="ignore"):
        acc = np.zeros(n, dtype=np.uint64)
        for j in range(k):
            acc = acc + padded[j:j + n] * _MIX[j]
        acc = (acc ^ (acc >> np.uint64(29))) & _MASK32
    doc = np.repeat(np.arange(n_docs), lengths)
    pos = np.arange(n) - np.repeat(starts[:-1], lengths)
    # a k-gram starting at pos is whole when pos + k <= length; short docs keep their first (padded) one
    keep = (pos + k <= lengths[doc]) | ((pos == 0) & (lengths[doc] < k))
    if (lengths < k).any():  # a short doc's padded k-gram must not include the next doc's words
        short = np.flatnonzero((lengths < k) & (lengths > 0))
        for d in short:
            s, e = starts[d], starts[d + 1]
            acc[s] = _combine(word_hashes[s:e], k)
    return doc[keep], acc[keep]


def _combine(wh: np.ndarray, k: int) -> np.uint64:
    with np.errstate(over="ignore"):
        v = np.uint64(0)
        for j, h in enumerate(wh[:k]):
            v = v + h * _MIX[j]
        return (v ^ (v >> np.uint64(29))) & _MASK32


def shingle_sets(texts: Sequence[str], k: int = SHINGLE_WORDS, chunk_chars: int = 2_000_000) -> list[np.ndarray]:
    """For each text: the sorted unique stable 32-bit hashes of its word k-grams.

    Vectorised over chunks of about ``chunk_chars`` characters of the corpus (bounded memory)."""
    out: list[np.ndarray] = []
    i = 0
    while i < len(texts):
        j, size = i, 0
        while j < len(texts) and (j == i or size + len(texts[j]) <= chunk_chars):
            size += len(texts[j])
            j += 1
        out += _shingle_chunk(texts[i:j], k)
        i = j
    return out


def _shingle_chunk(texts: Sequence[str], k: int) -> list[np.ndarray]:
    word_hashes, starts = _word_hashes(texts)
    if starts[-1] == 0:
        return [np.empty(0, dtype=np.uint64) for _ in texts]
    doc, h = _shingle_hashes(word_hashes, starts, k)
    key = np.sort((doc.astype(np.uint64) << np.uint64(32)) | h)
    key = key[np.concatenate([[True], key[1:] != key[:-1]])] if len(key) else key
    kdoc = (key >> np.uint64(32)).astype(np.int64)
    bounds = np.searchsorted(kdoc, np.arange(len(texts) + 1))
    hashes = key & _MASK32
    return [hashes[bounds[i]:bounds[i + 1]] for i in range(len(texts))]


def shingle_batches(ids: Sequence[str], read_bodies: Callable[[list[str]], Mapping[str, str]],
                    batch: int = 5_000) -> tuple[list[str], list[str], list[np.ndarray]]:
    """(blank ids, signed ids, their shingle sets) of the bodies ``read_bodies(ids)`` returns, read ``batch``
    at a time, so that only the shingle sets of a large corpus are held at once, never all its bodies
    (100,000 bodies are ~0.3 GiB of Python strings). The same sets as ``shingle_sets`` of all bodies."""
    blank: list[str] = []
    signed: list[str] = []
    sets: list[np.ndarray] = []
    for lo in range(0, len(ids), batch):
        part = list(ids[lo:lo + batch])
        bodies = read_bodies(part)
        texts = [a for a in part if has_text(bodies[a])]
        blank += [a for a in part if not has_text(bodies[a])]
        signed += texts
        sets += shingle_sets([bodies[a] for a in texts])
    return blank, signed, sets


def shingles(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique stable 32-bit hashes of the word k-grams of one text."""
    return shingle_sets([text], k)[0]


def signatures(sets: Sequence[np.ndarray], num_perm: int = NUM_PERM, chunk: int = 8_000) -> np.ndarray:
    """MinHash signatures (len(sets) x num_perm, uint32) of shingle sets, computed in vectorised chunks.

    A chunk of ``chunk`` shingles makes a num_perm x chunk uint32 block (4 MiB at 8,000): small enough to be
    reused from the heap and stay in cache. 200,000 (a 100 MiB block) cost 2-3 s on the first call of a
    process at 3,000 articles, mostly page faults of fresh memory, against 0.04 s for the same result.

    Permutations are the affine maps h -> a*h + b mod 2**32 on the (already avalanche-mixed) shingle
    hashes, with fixed random odd a; empty sets get the maximal signature."""
    rng = np.random.RandomState(SEED)
    a = (rng.randint(1, 2**31, size=num_perm, dtype=np.int64) * 2 + 1).astype(np.uint32)
    b = rng.randint(0, 2**32, size=num_perm, dtype=np.int64).astype(np.uint32)
    sig = np.full((len(sets), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    i = 0
    while i < len(sets):
        j, size = i, 0
        while j < len(sets) and (size == 0 or size + len(sets[j]) <= chunk):
            size += len(sets[j])
            j += 1
        block = [s for s in sets[i:j]]
        lens = np.array([len(s) for s in block])
        nonempty = np.flatnonzero(lens)
        if len(nonempty):
            hv = np.concatenate(block).astype(np.uint32)[None, :]
            with np.errstate(over="ignore"):
                phv = a[:, None] * hv + b[:, None]  # (num_perm, shingles): rows contiguous for reduceat
            offsets = np.concatenate([[0], np.cumsum(lens)])[:-1][nonempty]
            sig[i + nonempty] = np.minimum.reduceat(phv, offsets, axis=1).T
        i = j
    return sig


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return inter / union if union else 0.0


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Shared shingles over the shingles of the smaller set."""
    small = min(len(a), len(b))
    return len(np.intersect1d(a, b, assume_unique=True)) / small if small else 0.0


def score(a: np.ndarray, b: np.ndarray) -> tuple[float, str] | None:
    """(similarity, method) when the two shingle sets are near-duplicates, else None."""
    j = jaccard(a, b)
    if j >= JACCARD_THRESHOLD:
        return j, METHOD_JACCARD
    if min(len(a), len(b)) >= MIN_SHINGLES_FOR_CONTAINMENT:
        c = containment(a, b)
        if c >= CONTAINMENT_THRESHOLD:
            return c, METHOD_CONTAINMENT
    return None


def _order_key(a: Article) -> tuple:
    """Earlier publication first; undated after dated; then article id (deterministic)."""
    d = a.published_date
    undated = d is None or (isinstance(d, float) and np.isnan(d)) or d is pd.NaT
    return (1, "", a.article_id) if undated else (0, str(d), a.article_id)


def candidate_pairs(sigs: np.ndarray) -> set[tuple[int, int]]:
    """Index pairs (i < j) sharing at least one LSH band (see ``candidate_codes``)."""
    n = len(sigs)
    return {(int(c // n), int(c % n)) for c in candidate_codes(sigs)}


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """The LSH bucket of each signature in each band: (len(sigs) x LSH_BANDS) uint64.

    Band b covers signature values ``b * LSH_ROWS .. (b + 1) * LSH_ROWS - 1``; its bucket key is a
    stable 64-bit mix of those values, so two signatures share a bucket when they are equal on the
    band's rows (a false match of the 64-bit mix is ~1e-19 per pair, and only adds a candidate that
    the exact score then judges). Keys are stored per article (``clean.article_lsh_bands``)."""
    rows = sigs[:, :LSH_BANDS * LSH_ROWS].astype(np.uint64).reshape(len(sigs), LSH_BANDS, LSH_ROWS)
    with np.errstate(over="ignore"):
        key = np.zeros((len(sigs), LSH_BANDS), dtype=np.uint64)
        for r in range(LSH_ROWS):
            key = (key ^ rows[:, :, r]) * np.uint64(0x100000001B3) + _MIX[r % len(_MIX)]
            key = key ^ (key >> np.uint64(31))
    return key


def candidate_codes(sigs: np.ndarray) -> np.ndarray:
    """Sorted unique codes ``i * len(sigs) + j`` of the index pairs (i < j) sharing at least one LSH band.

    The bands are those a datasketch ``MinHashLSH`` tunes for ``LSH_THRESHOLD`` (37 bands of 3 rows,
    ``LSH_BANDS`` x ``LSH_ROWS``; a test pins the two together); the buckets are found by sorting each
    band's keys (``band_keys``, vectorised numpy) instead of inserting every document into hash tables."""
    n = len(sigs)
    if n < 2:
        return np.empty(0, dtype=np.int64)
    keys = band_keys(sigs)
    codes = []
    for band in range(LSH_BANDS):
        col = keys[:, band]
        order = np.argsort(col, kind="stable")
        sb = col[order]
        new_bucket = np.concatenate([[True], sb[1:] != sb[:-1]])
        bucket = np.cumsum(new_bucket)
        d = 1
        while d < n:  # members of a bucket are contiguous: pair each with the one d places on
            same = bucket[:-d] == bucket[d:]
            if not same.any():
                break
            a, b = order[:-d][same], order[d:][same]
            codes.append(np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b))
            d += 1
    return np.unique(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)


def plausible(sigs: np.ndarray, lens: np.ndarray, left: np.ndarray, right: np.ndarray,
              chunk: int = 8_192) -> np.ndarray:
    """Which candidate pairs (``left[k]``, ``right[k]``: rows of ``sigs``, shingle counts ``lens``) could be
    linked, judged from their signatures alone; the others are not scored exactly.

    Two signatures agree on each of their NUM_PERM values with probability J (the Jaccard similarity), so
    the count of agreeing values is Binomial(NUM_PERM, J). The smallest J a linked pair can have is
    JACCARD_THRESHOLD, or, when the containment rule applies (shorter set s >= MIN_SHINGLES_FOR_CONTAINMENT,
    longer set L), CONTAINMENT_THRESHOLD * s / ((1 - CONTAINMENT_THRESHOLD) * s + L). A pair is dropped
    when its agreement is PREFILTER_SIGMAS standard deviations below what that J gives (a linked pair is
    dropped with probability < 1e-8, far below the LSH's own miss rate; at J 0.5 that is 0.007). On a
    corpus whose articles share many phrases this drops most candidates (at Jaccard ~0.1), which the
    exact score would only have rejected more slowly.

    Chunks of 8,192 pairs gather two 4 MiB blocks of signatures, reused from the heap; 100,000 pairs (two
    51 MiB blocks of fresh memory per chunk) spent most of their time in page faults (3.5 s at 10,000 articles)."""
    keep = np.zeros(len(left), dtype=bool)
    for lo in range(0, len(left), chunk):
        a, b = left[lo:lo + chunk], right[lo:lo + chunk]
        agree = (sigs[a] == sigs[b]).sum(axis=1)
        small, large = np.minimum(lens[a], lens[b]).astype(float), np.maximum(lens[a], lens[b]).astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            by_containment = CONTAINMENT_THRESHOLD * small / ((1 - CONTAINMENT_THRESHOLD) * small + large)
        need = np.where(small >= MIN_SHINGLES_FOR_CONTAINMENT, np.minimum(JACCARD_THRESHOLD, by_containment),
                        JACCARD_THRESHOLD)
        expected = NUM_PERM * need
        keep[lo:lo + chunk] = agree >= expected - PREFILTER_SIGMAS * np.sqrt(expected * (1 - need))
    return keep


def intersection_sizes(sets: Sequence[np.ndarray], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``len(np.intersect1d(sets[l], sets[r]))`` for every pair (l, r) of unique-valued sets; ``left``
    is sorted (pairs grouped by their left document).

    Shingles get compact ids; per left document, its shingles are marked in a boolean table and the
    shingles of all its partners are looked up in it at once (one gather per document)."""
    out = np.zeros(len(left), dtype=np.int64)
    if not len(left):
        return out
    lens = np.array([len(x) for x in sets], dtype=np.int64)
    flat = np.concatenate(sets) if lens.sum() else np.empty(0, dtype=np.uint64)
    _, ids = np.unique(flat, return_inverse=True)
    ids = ids.astype(np.int32).ravel()
    starts = np.concatenate([[0], np.cumsum(lens)])
    table = np.zeros(int(ids.max()) + 1 if len(ids) else 1, dtype=bool)
    bounds = np.flatnonzero(np.concatenate([[True], left[1:] != left[:-1], [True]]))
    right_list = right.tolist()
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        i = int(left[lo])
        base = ids[starts[i]:starts[i + 1]]
        if not len(base):
            continue
        parts = [ids[starts[j]:starts[j + 1]] for j in right_list[lo:hi]]
        cat = np.concatenate(parts)
        if not len(cat):
            continue
        table[base] = True
        cs = np.concatenate([[0], np.cumsum(table[cat])])
        table[base] = False
        ends = np.cumsum(lens[right_list[lo:hi]])
        out[lo:hi] = cs[ends] - cs[np.concatenate([[0], ends[:-1]])]
    return out


def _scores(sets: Sequence[np.ndarray], left: np.ndarray, right: np.ndarray,
            inter: np.ndarray) -> list[tuple[float, str] | None]:
    """``score(sets[l], sets[r])`` for every pair, from their intersection sizes (same arithmetic:
    integer counts, one IEEE division, so the same floats)."""
    lens = np.array([len(s) for s in sets], dtype=np.int64)
    la, lb = lens[left], lens[right]
    union = la + lb - inter
    small = np.minimum(la, lb)
    with np.errstate(divide="ignore", invalid="ignore"):
        jac = np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
        con = np.where(small > 0, inter / np.where(small > 0, small, 1), 0.0)
    by_j = jac >= JACCARD_THRESHOLD
    by_c = ~by_j & (small >= MIN_SHINGLES_FOR_CONTAINMENT) & (con >= CONTAINMENT_THRESHOLD)
    out: list[tuple[float, str] | None] = [None] * len(left)
    for k in np.flatnonzero(by_j).tolist():
        out[k] = (float(jac[k]), METHOD_JACCARD)
    for k in np.flatnonzero(by_c).tolist():
        out[k] = (float(con[k]), METHOD_CONTAINMENT)
    return out


def has_text(body: str | None) -> bool:
    """Bodies that take part in duplicate detection (empty and blank ones never do)."""
    return bool(body and body.strip())


@dataclass(frozen=True)
class Linked:
    """A near-duplicate pair before orientation (the similarity is symmetric)."""
    article_id_x: str
    article_id_y: str
    similarity: float
    method: str


def link_candidates(ids: Sequence[str], sets: Sequence[np.ndarray], left: np.ndarray,
                    right: np.ndarray) -> list[Linked]:
    """Score candidate index pairs (``left[k]``, ``right[k]``) of ``ids``/``sets`` exactly; the linked ones."""
    if not len(left):
        return []
    order = np.lexsort((right, left))  # intersection_sizes wants the pairs grouped by their left document
    left, right = np.asarray(left)[order], np.asarray(right)[order]
    inter = intersection_sizes(sets, left, right)
    # the scores of ``score`` for every candidate at once; only linked pairs leave numpy
    return [Linked(ids[i], ids[j], round(hit[0], 4), hit[1])
            for i, j, hit in zip(left.tolist(), right.tolist(), _scores(sets, left, right, inter)) if hit]


PAIR_COLUMNS = ["article_id_a", "article_id_b", "similarity", "method"]


def pairs_frame(links: Iterable[Linked], published: Mapping[str, Any]) -> pd.DataFrame:
    """The ``clean.article_duplicates`` rows of linked pairs: article_id_a is the earlier copy (see
    ``_order_key``; ``published`` maps article id -> published date or None), sorted by (a, b)."""
    out = []
    for p in links:
        x, y = Article(p.article_id_x, "", published.get(p.article_id_x)), \
            Article(p.article_id_y, "", published.get(p.article_id_y))
        first, second = sorted((x, y), key=_order_key)
        out.append((first.article_id, second.article_id, p.similarity, p.method))
    out.sort()
    return pd.DataFrame(out, columns=PAIR_COLUMNS)


def find_duplicates(articles: Iterable[Article]) -> pd.DataFrame:
    """Linked pairs over the whole corpus: article_id_a (earlier, canonical), article_id_b, similarity, method."""
    arts = [a for a in articles if has_text(a.body)]
    ids = [a.article_id for a in arts]
    sets = shingle_sets([a.body for a in arts])
    n = len(arts)
    sigs = signatures(sets)
    codes = candidate_codes(sigs)
    left, right = codes // max(n, 1), codes % max(n, 1)
    keep = plausible(sigs, np.array([len(x) for x in sets], dtype=np.int64), left, right)
    left, right = left[keep], right[keep]
    return pairs_frame(link_candidates(ids, sets, left, right), {a.article_id: a.published_date for a in arts})


def canonical_map(pairs: pd.DataFrame, articles: Sequence[Article] | None = None) -> dict[str, str]:
    """Every article in a linked group -> the group's canonical copy (earliest published, then smallest id).

    Groups are connected components of the pairs (A~B and B~C make one story). Articles not in
    any pair are absent from the map (they are their own canonical copy)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(pairs.get("article_id_a", []), pairs.get("article_id_b", [])):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    order: Mapping[str, tuple] = {a.article_id: _order_key(a) for a in (articles or [])}
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    out: dict[str, str] = {}
    for members in groups.values():
        canon = min(members, key=lambda x: order.get(x, (2, "", x)))
        out.update({x: canon for x in members})
    return out
