"""Near-duplicate detection: the written pairs that justify the thresholds, the linking, the scale.

The articles below are written for these tests (a fictional announcement): a syndicated copy with
light edits, a copy cut short, an independent report of the same announcement sharing its quotes,
and an unrelated story.
"""
from __future__ import annotations

import datetime as dt
import time

import numpy as np
import pandas as pd
import pytest

from healthwork import dedup, metrics
from healthwork.dedup import Article, containment, find_duplicates, jaccard, shingle_sets

ORIGINAL = "\n".join([
    "A new employment support service for people with long-term health conditions will open in twelve "
    "coastal towns this spring, the regional health partnership announced on Tuesday.",
    "The service, called Harbour Steps, brings together physiotherapists, mental health practitioners and "
    "employment coaches in the same building so that residents can be seen quickly and helped to stay in work.",
    "Funding of £12m over two years has been agreed, with the first clinics opening in March and the rest "
    "following by the end of the summer.",
    "Partnership chair Elaine Forsythe said: \u201cToo many people in our towns fall out of work because they "
    "wait months for treatment. Harbour Steps puts the support in one place, close to home.\u201d",
    "Employers will be able to refer staff directly, and people can also refer themselves through their GP "
    "practice or the local jobcentre.",
    "Early evaluation from a smaller trial in two towns found that most participants were still in work six "
    "months after their first appointment, according to the partnership.",
    "Local business groups welcomed the plan but warned that recruiting enough physiotherapists in rural "
    "areas could slow the roll-out.",
    "Union representative Marcus Bell said: \u201cThis is a sensible step, but it must be matched by fair "
    "sick pay so that nobody is pushed back to work before they are ready.\u201d",
    "The partnership expects to publish a full evaluation of the service in two years.",
])

# Same story on a second site: new headline-free lede wording, a few words changed in most paragraphs,
# straight quotes instead of curly ones, a publisher's line added at the end.
LIGHT_EDIT = "\n".join([
    "A new employment support service for people with long-term health conditions is to open in twelve "
    "coastal towns this spring, the regional health partnership said on Tuesday.",
    "The service, named Harbour Steps, brings together physiotherapists, mental health practitioners and "
    "employment coaches in the same building so residents can be seen quickly and helped to stay in work.",
    "Funding of £12m over two years has been agreed, with the first clinics opening in March and the rest "
    "following by the end of summer.",
    "Partnership chair Elaine Forsythe said: \"Too many people in our towns fall out of work because they "
    "wait months for treatment. Harbour Steps puts the support in one place, close to home.\"",
    "Employers will be able to refer staff directly, and people can also refer themselves through their GP "
    "surgery or the local jobcentre.",
    "Early evaluation from a smaller trial in two towns found that most participants were still in work six "
    "months after their first appointment, the partnership said.",
    "Local business groups welcomed the plan but warned that recruiting enough physiotherapists in rural "
    "areas could slow the roll-out.",
    "Union representative Marcus Bell said: \"This is a sensible step, but it must be matched by fair "
    "sick pay so that nobody is pushed back to work before they are ready.\"",
    "The partnership expects to publish a full evaluation of the service in two years.",
    "This article first appeared on our partner site and is republished with permission.",
])

# Same story, cut after its first five paragraphs (a common syndication pattern).
TRUNCATED = "\n".join(ORIGINAL.split("\n")[:5])

# An independent report of the same announcement: same two quotes, its own prose.
INDEPENDENT = "\n".join([
    "Twelve seaside towns are to get joined-up health and work clinics under plans unveiled this week by "
    "the regional health partnership.",
    "The Harbour Steps scheme, backed by £12m over two years, will put physiotherapy, talking therapy and "
    "careers advice under one roof.",
    "Partnership chair Elaine Forsythe said: \u201cToo many people in our towns fall out of work because they "
    "wait months for treatment. Harbour Steps puts the support in one place, close to home.\u201d",
    "The first sites open in March. Critics point to long-standing staff shortages on the coast, where "
    "vacancies for physiotherapists have been hard to fill for years.",
    "Union representative Marcus Bell said: \u201cThis is a sensible step, but it must be matched by fair "
    "sick pay so that nobody is pushed back to work before they are ready.\u201d",
    "A pilot in two towns last year reported encouraging results, though no independent evaluation has yet "
    "been published.",
])

UNRELATED = "\n".join([
    "A county council has approved plans for a new cycle path linking three villages to the railway station.",
    "The route will run for nine miles along a disused tramway and is expected to open next autumn.",
    "Residents said the path would make commuting safer, while farmers asked for better fencing.",
    "The council will consult on lighting and parking before construction begins.",
])


def _sets(*texts: str) -> list[np.ndarray]:
    return shingle_sets(list(texts))


def test_similarity_of_written_pairs_sits_either_side_of_the_thresholds():
    o, light, trunc, indep, unrel = _sets(ORIGINAL, LIGHT_EDIT, TRUNCATED, INDEPENDENT, UNRELATED)
    # a light edit keeps most 5-grams: well above the 0.5 Jaccard link threshold
    assert jaccard(o, light) >= 0.6
    # a truncated copy: low-ish Jaccard, but nearly all its shingles are in the original
    assert jaccard(o, trunc) < 0.75 and containment(o, trunc) == pytest.approx(1.0)
    # an independent report sharing two quotations: far below both thresholds
    assert jaccard(o, indep) < 0.25 and containment(o, indep) < 0.5
    assert jaccard(o, unrel) < 0.02
    assert dedup.score(o, light) is not None and dedup.score(o, trunc) is not None
    assert dedup.score(o, indep) is None and dedup.score(o, unrel) is None


def test_shingles_ignore_case_punctuation_and_quote_style():
    a, b = _sets("Minister said: \u201cWe will help.\u201d", 'minister SAID "we will help"')
    assert a.tolist() == b.tolist() and len(a) == 1
    assert len(shingles_of("one two three four five six")) == 2
    assert len(shingles_of("too short")) == 1 and len(shingles_of("")) == 0


def shingles_of(text: str) -> np.ndarray:
    return dedup.shingles(text)


def test_copies_are_linked_to_the_earliest_and_independent_reports_are_not():
    arts = [
        Article("copy", LIGHT_EDIT, dt.date(2025, 3, 4)),
        Article("orig", ORIGINAL, dt.date(2025, 3, 3)),
        Article("cut", TRUNCATED, None),
        Article("indep", INDEPENDENT, dt.date(2025, 3, 3)),
        Article("other", UNRELATED, dt.date(2025, 1, 1)),
    ]
    pairs = find_duplicates(arts)
    linked = {(a, b) for a, b in zip(pairs["article_id_a"], pairs["article_id_b"])}
    # the edited copy and the cut one differ too much to link directly; both link to the original
    assert linked == {("orig", "copy"), ("orig", "cut")}
    assert pairs["similarity"].between(0.5, 1.0).all()
    canon = dedup.canonical_map(pairs, arts)
    assert canon == {"orig": "orig", "copy": "orig", "cut": "orig"}


def test_syndicated_copy_is_counted_once_in_metrics():
    arts = [Article("orig", ORIGINAL, dt.date(2025, 3, 3)), Article("copy", LIGHT_EDIT, dt.date(2025, 3, 5)),
            Article("indep", INDEPENDENT, dt.date(2025, 3, 4))]
    canon = dedup.canonical_map(find_duplicates(arts), arts)
    row = {"amount": 12e6, "currency": "GBP", "qualifier": "exact", "period_years": 2.0, "per_year": False,
           "programme": "Harbour Steps", "kind": "funding", "raw_text": "£12m"}
    funding = pd.DataFrame([{**row, "article_id": a} for a in ("orig", "copy", "indep")])
    articles = pd.DataFrame({"article_id": [a.article_id for a in arts],
                             "published_date": [a.published_date for a in arts]})
    pf = metrics.programme_funding(funding, articles, canon)
    assert len(pf) == 1
    r = pf.iloc[0]
    assert r["article_ids"] == ["copy", "indep", "orig"]
    assert r["n_articles"] == 2  # the copy counts once with its original; the independent report counts
    assert (r["first_reported"], r["last_reported"]) == (dt.date(2025, 3, 3), dt.date(2025, 3, 5))
    # without the syndication links the same rows would count three articles
    assert metrics.programme_funding(funding, articles, {}).iloc[0]["n_articles"] == 3


def test_canonical_map_joins_chains_into_one_group():
    pairs = pd.DataFrame({"article_id_a": ["a", "b"], "article_id_b": ["b", "c"]})
    arts = [Article("a", "x", dt.date(2025, 1, 2)), Article("b", "x", dt.date(2025, 1, 1)), Article("c", "x", None)]
    assert dedup.canonical_map(pairs, arts) == {"a": "b", "b": "b", "c": "b"}


def test_scales_to_ten_thousand_articles():
    rng = np.random.default_rng(7)
    vocab = np.array([f"w{i}" for i in range(30000)])
    words = vocab[rng.integers(0, len(vocab), size=250 * 10_000)].tolist()
    bodies = [" ".join(words[i:i + 250]) for i in range(0, len(words), 250)]
    arts = [Article(f"a{i:05d}", b) for i, b in enumerate(bodies)]
    # ten lightly edited copies hidden among them
    arts += [Article(f"z{i:05d}", bodies[i].replace(" ", " and ", 3) + " with a new closing line")
             for i in range(0, 10_000, 1000)]
    t0 = time.process_time()
    pairs = find_duplicates(arts)
    cpu = time.process_time() - t0
    assert {(a, b) for a, b in zip(pairs["article_id_a"], pairs["article_id_b"])} == {
        (f"a{i:05d}", f"z{i:05d}") for i in range(0, 10_000, 1000)}
    assert cpu < 10, f"dedup of 10k articles took {cpu:.1f} s of CPU"  # ~2-3 s on a 2-core runner


def test_syndicated_copy_in_the_seeds_warehouse_is_linked_and_counted_once(seeds_build, tmp_path):
    """A lightly edited copy of a seed article (derived at run time) on a later date, through the real stages."""
    import shutil

    import duckdb

    from healthwork.stages.metrics import run_duplicates, run_marts, run_metrics

    path = tmp_path / "healthwork.duckdb"
    shutil.copyfile(seeds_build[1], path)
    con = duckdb.connect(str(path))
    try:
        orig, body = con.execute(
            "SELECT a.article_id, a.body FROM clean.articles a JOIN entities.funding f USING (article_id) "
            "WHERE f.programme = 'WorkWell' AND f.amount = 57e6").fetchone()
        # same-length word swaps keep the entity spans valid; a republishing note is appended
        copy_body = body.replace(" said", " says").replace(" has ", " had ") + "\nRepublished with permission."
        assert copy_body != body
        con.execute("INSERT INTO clean.articles (article_id, source_file, title, published_date, body) "
                    "SELECT 'copy000000000000', 'copy.txt', title, published_date + 3, ? FROM clean.articles "
                    "WHERE article_id = ?", [copy_body, orig])
        for t in ("funding", "programme_mentions", "place_mentions", "people_counts"):
            con.execute(f"INSERT INTO entities.{t} BY NAME SELECT * REPLACE ('copy000000000000' AS article_id) "
                        f"FROM entities.{t} WHERE article_id = ?", [orig])
        s = run_duplicates(con)
        run_metrics(con)
        run_marts(con)
        assert s.pairs[["article_id_a", "article_id_b"]].values.tolist() == [[orig, "copy000000000000"]]
        assert s.pairs["similarity"].iloc[0] > 0.8
        n, ids = con.execute("SELECT n_articles, article_ids FROM metrics.programme_funding "
                             "WHERE programme = 'WorkWell' AND amount = 57e6").fetchone()
        assert (n, sorted(ids)) == (1, sorted([orig, "copy000000000000"]))
        assert con.execute("SELECT is_syndicated_copy, canonical_article_id FROM marts.articles "
                           "WHERE article_id = 'copy000000000000'").fetchone() == (True, orig)
    finally:
        con.close()


def test_fixed_banding_is_what_datasketch_tunes_for_the_threshold():
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=dedup.LSH_THRESHOLD, num_perm=dedup.NUM_PERM)
    assert (lsh.b, lsh.r) == (dedup.LSH_BANDS, dedup.LSH_ROWS) == (37, 3)


def test_band_keys_match_exactly_when_the_band_values_do():
    sigs = np.array([[1, 2, 3] * 40 + [0] * 8, [1, 2, 3] * 40 + [9] * 8, [1, 2, 4] * 40 + [0] * 8], dtype=np.uint32)
    keys = dedup.band_keys(sigs)
    assert keys.shape == (3, 37) and keys.dtype == np.uint64
    assert (keys[0] == keys[1]).all()  # values past the 111th are in no band
    assert not (keys[0] == keys[2]).any()


def _random_bodies(n: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    vocab = np.array([f"w{i}" for i in range(5000)])
    return [" ".join(vocab[rng.integers(0, len(vocab), size=int(rng.integers(60, 200)))]) for _ in range(n)]


def _edit(body: str, k: int) -> str:
    """A light edit: a few words changed, a closing line added."""
    words = body.split()
    for i in range(0, len(words), 37):
        words[i] = f"edit{k}"
    return " ".join(words) + " republished with permission"


class _Warehouse:
    """clean.articles in an in-memory warehouse with the real schema, written the way the clean stage does."""

    def __init__(self) -> None:
        import duckdb

        from healthwork.store import ddl

        self.con = duckdb.connect()
        for stmt in ddl():
            self.con.execute(stmt)
        self.articles: dict[str, Article] = {}

    def put(self, *arts: Article) -> None:
        import hashlib

        for a in arts:
            self.con.execute("DELETE FROM clean.articles WHERE article_id = ?", [a.article_id])
            self.con.execute("INSERT INTO clean.articles (article_id, source_file, published_date, body, body_sha) "
                             "VALUES (?, ?, ?, ?, ?)", [a.article_id, f"{a.article_id}.txt", a.published_date,
                                                        a.body, hashlib.sha256(a.body.encode()).hexdigest()])
            self.articles[a.article_id] = a

    def delete(self, *ids: str) -> None:
        for i in ids:
            self.con.execute("DELETE FROM clean.articles WHERE article_id = ?", [i])
            del self.articles[i]

    def pairs(self) -> list[tuple]:
        return self.con.execute("SELECT * FROM clean.article_duplicates ORDER BY ALL").fetchall()

    def table(self, name: str) -> list[tuple]:
        return self.con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()


def _full(arts) -> list[tuple]:
    return [tuple(r) for r in find_duplicates(arts).itertuples(index=False)]


@pytest.mark.parametrize("per_query", [2000, 7])  # 7: new articles looked up in many blocks
def test_incremental_duplicates_equal_a_full_rebuild_after_adds_deletes_and_changes(monkeypatch, per_query):
    from healthwork.stages import metrics as metric_stage
    from healthwork.stages.metrics import run_duplicates

    monkeypatch.setattr(metric_stage, "NEW_PER_QUERY", per_query)

    hashed: list[int] = []
    real_signatures = dedup.signatures
    monkeypatch.setattr(dedup, "signatures", lambda sets: hashed.append(len(sets)) or real_signatures(sets))
    base = _random_bodies(240, seed=3)
    day = dt.date(2025, 1, 1)
    arts = [Article(f"r{i:03d}", b, day + dt.timedelta(days=i % 50)) for i, b in enumerate(base)]
    copies = [Article(f"c{i:03d}", _edit(base[i], i), day + dt.timedelta(days=60)) for i in range(0, 240, 20)]
    written = [Article("orig", ORIGINAL, dt.date(2025, 3, 3)), Article("copy", LIGHT_EDIT, dt.date(2025, 3, 4)),
               Article("cut", TRUNCATED, None), Article("indep", INDEPENDENT, dt.date(2025, 3, 3)),
               Article("blank", "  \n ", None)]
    w = _Warehouse()

    # first run: 200 articles, some copies among them
    w.put(*arts[:200], *copies[:6], *written[:2])
    s = run_duplicates(w.con)
    assert hashed == [208] and s.n_hashed == 208
    assert w.pairs() == _full(w.articles.values()) and len(w.pairs()) == 7

    # adds: only the new bodies are signed; their copies of old articles are found through the stored bands
    hashed.clear()
    w.put(*arts[200:], *copies[6:], *written[2:])
    s = run_duplicates(w.con)
    assert hashed == [40 + 6 + 2] and s.n_hashed == 40 + 6 + 3  # the blank body is recorded, never signed
    assert ("r200", "c200") in {p[:2] for p in w.pairs()}  # new with new
    assert ("orig", "cut") in {p[:2] for p in w.pairs()}  # new with old
    assert w.pairs() == _full(w.articles.values()) and len(w.pairs()) == 14

    # nothing new: nothing hashed, nothing changes
    hashed.clear()
    stored = ("clean.article_duplicates", "clean.article_signatures", "clean.article_lsh_bands")
    before = {t: w.table(t) for t in stored}
    s = run_duplicates(w.con)
    assert hashed == [0] and s.n_hashed == 0 and s.n_candidates == 0
    assert {t: w.table(t) for t in before} == before

    # deletes (an original with a copy, a copy), changed bodies (one becomes a copy of another article, one
    # copy is rewritten into an unrelated story) and a changed date that makes the copy the earlier one
    hashed.clear()
    w.delete("r020", "c040", "cut")
    w.put(Article("r007", _edit(base[8], 99), day), Article("c060", _random_bodies(1, seed=11)[0], day),
          Article("copy", LIGHT_EDIT, dt.date(2025, 3, 1)))
    s = run_duplicates(w.con)
    assert hashed == [2] and s.n_hashed == 2 and s.n_forgotten == 5
    pairs = w.pairs()
    assert pairs == _full(w.articles.values())
    linked = {p[:2] for p in pairs}
    assert ("copy", "orig") in linked and ("r007", "r008") in linked
    assert not any({"r020", "c040", "cut", "c060"} & set(p[:2]) for p in pairs)
    ids_signed = {r[0] for r in w.table("clean.article_signatures")}
    assert ids_signed == set(w.articles)

    # the stored state equals a fresh build's on the same articles
    fresh = _Warehouse()
    fresh.put(*sorted(w.articles.values(), key=lambda a: a.article_id))
    run_duplicates(fresh.con)
    for t in ("clean.article_duplicates", "clean.article_signatures", "clean.article_lsh_bands"):
        assert w.table(t) == fresh.table(t), t


def test_signature_prefilter_keeps_linked_pairs_and_drops_pairs_sharing_only_phrases():
    long_story = _random_bodies(1, seed=5)[0] + " " + _random_bodies(1, seed=6)[0] + " " + _random_bodies(1, seed=8)[0]
    words = long_story.split()
    quarter = " ".join(words[:len(words) // 4])  # a copy cut after a quarter: Jaccard ~0.25, containment 1
    half_edit = " ".join(w if i % 17 else "changed" for i, w in enumerate(words))  # Jaccard ~0.55
    other = " ".join(_random_bodies(4, seed=9)).split()
    shared = " ".join(words[:40] + other[:len(words) - 40])  # same length, one shared passage: Jaccard < 0.1
    texts = [long_story, quarter, half_edit, shared]
    sets = shingle_sets(texts)
    sigs = dedup.signatures(sets)
    lens = np.array([len(x) for x in sets])
    left, right = np.array([0, 0, 0]), np.array([1, 2, 3])
    assert [dedup.score(sets[0], sets[j]) is not None for j in (1, 2, 3)] == [True, True, False]
    assert jaccard(sets[0], sets[1]) < 0.3 and 0.5 <= jaccard(sets[0], sets[2]) < 0.62
    assert jaccard(sets[0], sets[3]) < 0.1
    assert dedup.plausible(sigs, lens, left, right).tolist() == [True, True, False]
