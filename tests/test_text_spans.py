"""Range lookups the extractors use so that articles with thousands of mentions stay linear."""
from healthwork.extract.text import Covering, RowsByStart


def _row(s: int, e: int) -> dict[str, int]:
    return {"span_start": s, "span_end": e}


def test_rows_by_start_finds_rows_inside_a_range_in_order():
    rows = RowsByStart([_row(30, 40), _row(0, 5), _row(10, 20), _row(18, 50)])
    assert [r["span_start"] for r in rows] == [0, 10, 18, 30]
    assert rows.within(10, 40) == [_row(10, 20), _row(30, 40)]  # (18, 50) ends past 40
    assert rows.starting_in(5, 18) == [_row(10, 20), _row(18, 50)]
    assert rows.within(41, 100) == []


def test_covering_answers_like_a_scan_of_every_span():
    spans = [(0, 10), (5, 8), (20, 30), (22, 40), (50, 51)]
    cover = Covering(spans)
    for start in range(0, 60):
        for end in range(start, 60):
            assert cover.covers(start, end) == any(s <= start and end <= e for s, e in spans), (start, end)


def test_find_all_gives_every_offset_of_every_needle_including_shared_starts_and_overlaps() -> None:
    from healthwork.extract.text import find_all

    text = "The think tank, a think-tank and thinktanks; thinking contract to contract with eighteen eight eighty."
    needles = ("think tank", "think-tank", "thinktank", "think", "contract with", "contract to", "eight", "eighteen",
               "eighty", "ty", "an", "n")
    expected = sorted({i for needle in needles for i in range(len(text)) if text.startswith(needle, i)})
    assert find_all(text, needles) == expected
    assert find_all(text, ("think tank", "think-tank", "thinktank")) == [4, 18, 33]
    assert find_all(text, ("contract with", "contract to")) == [54, 66]
    assert find_all("aaaa", ("aa",)) == [0, 1, 2]
    assert find_all(text, ()) == []


def test_find_all_finds_needles_that_differ_only_in_their_first_letter() -> None:
    from healthwork.extract.text import find_all

    text = "Million trillion million, billion and Billion; 3 thousand Thousand. Speaking to us, speaking to them"
    needles = ("million", "Million", "billion", "Billion", "thousand", "Thousand", "speaking to", "Speaking to", "ion")
    expected = sorted({i for needle in needles for i in range(len(text)) if text.startswith(needle, i)})
    assert find_all(text, needles) == expected
    assert find_all(text, ("million", "Million", "billion", "Billion")) == [0, 17, 26, 38]  # not "trillion"
    assert find_all("illion", ("million", "Million")) == []


def test_find_word_starts_keeps_only_offsets_that_open_a_word() -> None:
    from healthwork.extract.text import find_all, find_word_starts

    text = "work_well and WorkWell; pre-work, network, (work) 3work works.\nwork-ready ÉWork éwork 'work"
    needles = ("work", "works", "pre", "netw", "ready", "w")
    expected = [i for i in find_all(text, needles) if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")]
    assert find_word_starts(text, needles) == expected
    # not after "-" (pre-work), a letter (network, éwork) or a digit (3work); after "(", a space, a line break, "'"
    assert find_word_starts(text, ("work",)) == [0, 44, 56, 63, 87]
    assert find_word_starts(text, ("work",), joiners="") == [0, 28, 44, 56, 63, 87]
    assert find_word_starts(text, ("r.e", "[w")) == []  # needles are literal text, not patterns
    assert find_word_starts(text, ()) == []


def test_phrase_trie_matches_like_the_alternation_longest_first() -> None:
    import re

    from healthwork.extract.text import phrase_trie

    phrases = ["parent", "parents", "lone parents", "long-term sick", "over 50s", "over-50s", "GPs", "year olds"]
    gap = r"[\s-]"
    trie = re.compile(rf"(?:{phrase_trie({p.lower() for p in phrases}, gap)})(?![\w-])", re.IGNORECASE)
    plain = "|".join(gap.join(re.escape(w) for w in re.split(r"[\s-]", p))
                     for p in sorted(phrases, key=len, reverse=True))
    alternation = re.compile(rf"(?:{plain})(?![\w-])", re.IGNORECASE)
    for text in ("lone parents said", "parents", "parentsx", "parent-led", "long term sick", "long-term\nsick",
                 "Over-50s", "over  50s", "gps and", "year-olds", "lone-parent", "LONE PARENTS", "year olds-"):
        found = trie.match(text)
        assert (found and found.group()) == ((m := alternation.match(text)) and m.group()), text
    assert trie.match("lone parents said").group() == "lone parents"  # the longest phrase that fits
    assert trie.match("parentsx") is None and trie.match("over  50s") is None  # one gap character between words


def test_normalise_spaces_keeps_offsets_and_leaves_plain_text_as_it_is() -> None:
    from healthwork.extract.organisations import normalise_spaces

    assert normalise_spaces("Jobs\u00a0Fund\tin\u2009Leeds\r\nnow") == "Jobs Fund in Leeds \nnow"
    plain = "The Jobs Fund in Leeds opened on 3 May.\nIt helps 40 people."
    assert normalise_spaces(plain) == plain
