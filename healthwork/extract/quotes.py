"""Direct quotations in an article body and who said them.

One row per quotation *per speaker*: ``{speaker, text, span_start, span_end}`` where ``text`` is the
quotation without its quote marks and ``body[span_start:span_end] == text``. A quotation running
over several paragraphs gives one row per paragraph (each a contiguous span), all with the same
speaker. A joint quotation (``Stride and Atkins told The Times: "..."``) gives one row per speaker
with the same text and span. ``speaker`` is the full name, resolved with the person rows
(``people.extract``), or None when the quotation is not attributed to a person (``the document
highlighted``, ``the DHSC said``).

Quote marks: curly and straight double quotes, and single curly quotes used as quote marks
(``‘...’``, also closed by a straight ``'``); apostrophes (We’re, people’s, peoples’) are not
quote marks. Scare quotes -- a few words with no speech attribution next to them (‘super
clinics’, "social prescribing") -- are not quotations. A quoted fragment is a quotation of the
named speaker of its sentence when it has three words or more (``X told the Times the scheme was
“all too little and it’s far too late”``), or two or more as the object of a describing verb
(``X described the plan as “long overdue”``, ``X called the scheme “a lifeline for families”``).

Attribution, in order: a speech verb after the quotation (``"...," said Stride``, ``"...," he
added``, ``"...," according to X``); a speech verb before it in the same sentence (``Stride said:
"..."``, ``X, role, said: "..."``, ``Stride and Atkins told The Times: "..."``, ``told the Times
the scheme was "..."``); otherwise a quotation opening a paragraph, or following an attributed one
in the same paragraph, continues the previous speaker; a quotation opening the paragraph after
an introducing line (``Minister for Employment Alison McGovern said:``) is that person's, and so
is one after ``According to X, role,``; a quotation filling its paragraph, signed on the short
paragraph under it (``— Priya Shah, participant``), is a testimonial of the person named there. A
pronoun (``he said``) is the last person named since the previous quotation, else its speaker.

Reported speech (``Sargeant said the investment was an important step``, ``Peter Kyle, the Business
and Trade Secretary, says companies ...``) also makes its subject a quoted speaker (the guidelines'
``quoted_speakers``): such rows have ``kind == "reported"`` and ``text`` the reported clause (to the
end of the sentence); direct quotations have ``kind == "direct"``. A reported row is only added for
a person with no direct quotation in the same sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from healthwork.extract import organisations, people as people_mod
from healthwork.extract.text import find_all, phrase_trie

Row = dict[str, Any]

_SCARE_MAX_WORDS = 4
_OPEN_DOUBLE = "“"
_CLOSE_DOUBLE = "”"
_VERBS = phrase_trie(people_mod.SPEECH_VERBS)  # the verbs longest first, as a trie (the same matches, faster)
_PRONOUN = r"(?:he|she|they|He|She|They)"
_AFTER_VERB_FIRST_RE = re.compile(rf"^[\s,]*(?:{_VERBS})\b ?")
_AFTER_SUBJ_RE = re.compile(
    rf"^[\s,]*(?:(?:the |The )?([A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|and|of|for|the))*?)|({_PRONOUN}))"
    rf"(?:(?:, [^,.;:!?“”\"\n]{{1,80}}){{1,2}},)? (?:(?:also|then|later|further) )?(?:{_VERBS})\b"  # ", leader of the council,", ", 45, from Bolton,"
)
_ACCORDING_RE = re.compile(r"\baccording to\b", re.I)
_BEFORE_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b")
_PRONOUN_SUBJ_RE = re.compile(rf"(?:^|[\s,])({_PRONOUN}) (?:(?:also|then|later|further) )?(?:{_VERBS})\b")
_WORD_RE = re.compile(r"[\w'’-]+")
_WORD_PART_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_ROLE_GAP_RE = re.compile(r"(?:(?:the|a|an|[a-z][a-z'’-]*|[A-Z]{2,6})[ ,]+){0,6}")  # "the council's leader, "
_FALLBACK_NAME_RE = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-zA-Z'’-]+){1,2})")
# a verb of describing whose object is the quoted words: "X described the plan as “…”",
# "X called the scheme “…”", "X branded it “…”" (not "called for", not the passive "was called")
_DESCRIBE_RE = re.compile(
    r"(?<![\w-])(?:(?P<as_verb>describ(?:ed|es|ing)|hail(?:ed|s|ing)|condemn(?:ed|s|ing)|dismiss(?:ed|es|ing))"
    r"|(?P<verb>call(?:ed|s|ing)|brand(?:ed|s|ing)|dubb?(?:ed|s|ing)|label(?:l?ed|s|l?ing)|term(?:ed|s|ing)))"
    r"(?P<obj>(?: [\w'’,&-]+){0,10}?)(?(as_verb) as| (?:as )?)\s*$"
)
_DESCRIBE_NOT_RE = re.compile(r"^ (?:for|on|in|up|off|out|back|to|into|at)\b")
_PRONOUN_BEFORE_RE = re.compile(rf"(?:^|[\s,]){_PRONOUN} (?:(?:also|then|later|has|have|had) )?$")
_AFTER_SENT_END_RE = re.compile(r"\s*(?:[.!?]|$)")
_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|it's|it’s)\s+$")
_SIGNATURE_LEAD = " -–—―~"  # the dash before a testimonial's signature line
_SIGNATURE_MAX = 80  # a signature line is a name and a few words
_FRAGMENT_MIN_WORDS = 3  # a quoted fragment this long, by a named speaker in the sentence, is a quote
_DESCRIBED_MIN_WORDS = 2  # "X described it as “long overdue”"


_PARA_RE = re.compile(r"[^\n]+")
_QUOTE_CHARS = ("“", "\"", "‘", "'")
_APOS_RE = re.compile("[’']")


def _paragraphs(body: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARA_RE.finditer(body)]


def _is_opener(body: str, i: int, ps: int) -> bool:
    prev = body[i - 1] if i > ps else " "
    nxt = body[i + 1] if i + 1 < len(body) else " "
    return (prev.isspace() or prev in "([{—–-:;,/“\"‘") and not nxt.isspace()


_NOT_POSSESSIVE_NEXT = frozenset(
    {"he", "she", "they", "according", "and", "or", "but", "as", "at", "in", "on", "for", "to", "from", "is",
     "are", "was", "were", "which", "that", "with", "lists", "the", "a", "an", "by"}
)


def _single_closer(body: str, i: int, pe: int) -> int:
    """Position of the mark closing the single quote opened at ``i`` (``pe`` when none).

    A ``’`` after an ``s`` and before a lowercase word ("peoples’ health") is taken as a plural
    possessive when the quotation would otherwise be long; a later closing mark is preferred then.
    """
    last_possessive = -1
    for am in _APOS_RE.finditer(body, i + 2, min(pe, i + 5000)):
        j = am.start()
        if body[j - 1].isspace():
            continue
        nxt = body[j + 1] if j + 1 < pe else "\n"
        if nxt.isalnum():
            continue  # apostrophe inside a word: We’re, people’s
        if body[j - 1] in "sS" and nxt == " ":
            m = _WORD_RE.match(body, j + 2)
            w = m.group(0) if m else ""
            if w[:1].islower() and w not in people_mod.SPEECH_VERBS and w not in _NOT_POSSESSIVE_NEXT:
                if len(body[i + 1 : j].split()) <= _SCARE_MAX_WORDS:
                    return j  # 'super clinics’ at ...: a short scare quote ends here
                last_possessive = j
                continue
        return j
    return last_possessive if last_possessive >= 0 else pe


def _find_quotes(body: str) -> list[tuple[int, int, int, int, int]]:
    """(qs, qe, mark_start, mark_end, paragraph_index): text span and the span including marks."""
    out: list[tuple[int, int, int, int, int]] = []
    # every quote mark of the body, found once (a regex search per paragraph and quote cost more; four literal
    # scans cost less than a regex scan)
    marks = find_all(body, _QUOTE_CHARS)
    for pi, (ps, pe) in enumerate(_paragraphs(body)):
        i = ps
        while i < pe:
            k = bisect_left(marks, i)
            if k == len(marks) or marks[k] >= pe:
                break
            i = marks[k]
            c = body[i]
            close = -1
            if c == _OPEN_DOUBLE:
                close = body.find(_CLOSE_DOUBLE, i + 1, pe)
                close = pe if close < 0 else close
            elif c == '"' and _is_opener(body, i, ps):
                close = body.find('"', i + 1, pe)
                close = pe if close < 0 else close
            elif c == "‘" and _is_opener(body, i, ps):
                close = _single_closer(body, i, pe)
            elif c == "'" and (i == ps or body[max(ps, i - 2) : i] in {": ", ", "}) and body[i + 1 : i + 2].isupper():
                close = _single_closer(body, i, pe)
            if close < 0:
                i += 1
                continue
            qs, qe = i + 1, close
            while qs < qe and body[qs].isspace():
                qs += 1
            while qe > qs and body[qe - 1].isspace():
                qe -= 1
            if qe > qs:
                out.append((qs, qe, i, min(close + 1, pe), pi))
            i = close + 1
    return out


def _find_quote_in(quotes: list[tuple[int, int, int, int, int]], pi: int) -> bool:
    return any(q[4] == pi for q in quotes)


def _person_at(people_rows: list[Row], s: int, e: int) -> list[Row]:
    return [p for p in people_rows if s <= p["span_start"] and p["span_end"] <= e]


def _joint(people_rows: list[Row], last: Row, body: str) -> list[str]:
    """The speaker(s) ending at ``last``: "Stride and Atkins" -> both."""
    names = [last["name"]]
    cur = last
    while True:
        prev = [p for p in people_rows if p["span_end"] <= cur["span_start"] and
                re.fullmatch(r"(?:,| and| &|, and) ", body[p["span_end"] : cur["span_start"]])]
        if not prev:
            break
        cur = max(prev, key=lambda p: p["span_end"])
        names.insert(0, cur["name"])
    return list(dict.fromkeys(names))


_SENT_END_RE = re.compile(r"[.!?](?= )|(?<=[.!?])[”\"’']")


def _sentence_prefix_start(body: str, pos: int, ps: int) -> int:
    """Start of the sentence holding ``pos`` (at most 400 characters back, never before ``ps``)."""
    lo = max(ps, pos - 400)
    last = None
    for last in _SENT_END_RE.finditer(body, lo, pos):
        pass
    if last is None:
        return lo
    end = last.end()
    return end + 1 if body[end : end + 1] == " " else end


_REPORT_VERBS = "said|says|told|tells|added|adds|warned|warns|argued|argues|explained|explains|insisted|insists"
# after a person's name: an optional appositive (", the Business and Trade Secretary,", ", 54, from Hull,",
# " - who runs a cafe -") or the comma closing the appositive the name is in ("Its head of policy, Ben Asante, said")
# then the verb
_REPORTED_AFTER_NAME_RE = re.compile(
    r"(?: (?:MBE|OBE|CBE|KBE|DBE|BEM|MP|MSP|MS|MLA|KC|QC))*"  # honours and seats after the name: "Ruth Okoro MBE, ..."
    rf"(?:(?:,(?: [^,.;:!?“”\"‘’\n]{{1,160}})){{1,2}},| [-\u2013\u2014] [^.;:!?“”\"‘’\n\u2013\u2014-]{{1,160}} [-\u2013\u2014]|,)?"
    rf" (?:also |later |previously |has |had )?(?:{_REPORT_VERBS})(?= )(?! by\b)")
# who was told: "MPs", "the BBC", "reporters", "his staff", "the Local Democracy Reporting Service" (then the clause)
_TOLD_OBJECT_RE = re.compile(
    r"(?:(?:the |a )?(?:[A-Z][\w'’&-]*(?: (?:of |for |and )?[A-Z][\w'’&-]*){0,4})|"
    r"(?:the |a |an |his |her |their |its )?[a-z]+) (?:that )?(?=[a-z])")
_REPORTED_CLAUSE_END_RE = re.compile(r"(?<=[.!?])(?=\s|$)|\n")


def _reported_speech(work: str, people_rows: list[Row], direct: list[tuple[int, int, str | None]]
                     ) -> list[Row]:
    """Reported-speech rows: "<person>[, role,] said <clause>" where the clause is not a quotation."""
    rows: list[Row] = []
    for p in people_rows:
        m = _REPORTED_AFTER_NAME_RE.match(work, p["span_end"])
        if not m:
            continue
        cs = m.end() + 1
        told = work[m.end() - 4:m.end()] == "told" or work[m.end() - 5:m.end()] == "tells"
        if told:
            obj = _TOLD_OBJECT_RE.match(work, cs)
            if obj:
                cs = obj.end()  # "told MPs the scheme would expand", "told the BBC that ..."
            if work.startswith("to ", cs):
                continue  # "told staff to leave": an order, not speech
        rest = work[cs : cs + 1]
        if not rest.islower():
            continue  # "said: “...”" (a direct quotation, handled as such), "told The Times", "said Smith"
        em = _REPORTED_CLAUSE_END_RE.search(work, cs)
        ce = em.start() if em else len(work)
        while ce > cs and work[ce - 1] in " .,;":
            ce -= 1
        if ce - cs < 8 or any(qs < ce and cs < qe for qs, qe, _ in direct) or (told and " " not in work[cs:ce]):
            continue  # one word is not a clause: "told the committee.", "told it straight"
        sent_s = _sentence_prefix_start(work, p["span_start"], 0)
        if any(sp == p["name"] and sent_s <= qs <= ce for qs, _, sp in direct):
            continue
        rows.append({"speaker": p["name"], "text": work[cs:ce], "span_start": cs, "span_end": ce, "kind": "reported"})
    return rows


# an interview written as questions and answers: "Q: How much ...?" / "A: We have £4.5 million ..."
_QUESTION_LINE_RE = re.compile(r"^Q[:.] ", re.MULTILINE)
_ANSWER_LINE_RE = re.compile(r"^A[:.] +(\S[^\n]*)", re.MULTILINE)


def _interview_answers(work: str, people_rows: list[Row], rows: list[Row]) -> list[Row]:
    """The answers of a question-and-answer interview (two questions and two answers at least) are the
    words of the person the introduction names last before the first question; one row per answer
    (none when the introduction names nobody or an answer already holds a quotation)."""
    if "Q" not in work or "A" not in work:
        return []
    questions = list(_QUESTION_LINE_RE.finditer(work))
    answers = list(_ANSWER_LINE_RE.finditer(work))
    if len(questions) < 2 or len(answers) < 2:
        return []
    intro = [p for p in people_rows if p["span_end"] <= questions[0].start()]
    if not intro:
        return []
    speaker = max(intro, key=lambda p: p["span_end"])["name"]
    out: list[Row] = []
    for a in answers:
        s, e = a.span(1)
        if any(s <= r["span_start"] < e for r in rows):
            continue
        out.append({"speaker": speaker, "text": work[s:e], "span_start": s, "span_end": e, "kind": "direct"})
    return out


# a line of a transcript: the speaker's name (or surname, or in capitals) and a colon, then the words
_TRANSCRIPT_LINE_RE = re.compile(r"^([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}): +(\S[^\n]*)$", re.MULTILINE)


def _transcript_lines(work: str, people_rows: list[Row], rows: list[Row]) -> list[Row]:
    """Lines of a transcript ("Jane Smith: We need ...", "SMITH: It works") whose label is a person the body
    names (full name, or the first or last word of one, any case): that person's words, one row per line (not a
    line of mostly capitalised words: a caption giving the person's title)."""
    if ": " not in work or not people_rows:
        return []
    by_label: dict[str, str] = {}
    for p in people_rows:
        words = str(p["name"]).split()
        for label in (p["name"], words[-1], words[0]):
            by_label.setdefault(str(label).lower(), str(p["name"]))
    out: list[Row] = []
    for m in _TRANSCRIPT_LINE_RE.finditer(work):
        speaker = by_label.get(m.group(1).lower())
        s, e = m.span(2)
        if speaker is None or any(s <= r["span_start"] < e for r in rows):
            continue
        long_words = [w for w in m.group(2).split() if len(w) > 3]
        if sum(w[0].isupper() for w in long_words) * 2 >= len(long_words):
            continue  # a caption of the person's title ("Jane Smith: World Ambassador for Polo"), not speech
        out.append({"speaker": speaker, "text": work[s:e], "span_start": s, "span_end": e, "kind": "direct"})
    return out


def extract(body: str, *, person_mentions: list[Row]) -> list[Row]:
    """Quotations of ``body`` with their speakers (see the module docstring); ``person_mentions``
    are the rows of ``people.extract`` for the same body."""
    if not body:
        return []
    work = organisations.normalise_spaces(body)
    people_rows = person_mentions
    quotes = _find_quotes(work)
    rows: list[Row] = []
    last_speakers: list[str] = []
    last_quote_para = -2
    last_quote_end = 0
    paras = _paragraphs(work)
    marks = [(q[2], q[3]) for q in quotes]
    for qs, qe, ms, me, pi in quotes:
        ps, pe = paras[pi]

        def pronoun_ref() -> list[str]:
            """Who "he"/"she" is: the last person named since the previous quotation (outside
            quotation marks, this paragraph or the one before), else that quotation's speaker."""
            lo = max(last_quote_end, paras[pi - 1][0] if pi > 0 else ps)
            named = [p for p in people_rows if lo <= p["span_start"] and p["span_end"] <= ms
                     and not any(a <= p["span_start"] < b for a, b in marks)]
            if named:
                return [max(named, key=lambda p: p["span_end"])["name"]]
            return list(last_speakers)

        text = work[qs:qe]
        n_words = len(text.split())
        n_parts = len(_WORD_PART_RE.findall(text))  # "game-changer" is two words for a described fragment
        speakers: list[str] | None = None  # None: no attribution found; []: attributed to a non-person
        # 1. attribution after the closing mark
        tail = work[me : min(pe, me + 120)]
        adjacent = False
        m = _AFTER_VERB_FIRST_RE.match(tail)
        if m:
            adjacent = True
            after = tail[m.end() :]
            pm = re.match(_PRONOUN + r"\b", after)
            cands = _person_at(people_rows, me + m.end(), me + m.end() + 60)
            if pm:
                speakers = pronoun_ref()
            elif cands and _ROLE_GAP_RE.fullmatch(work[me + m.end() : cands[0]["span_start"]]):
                # "said Sarah Jones", "said planetary geologist Rosaly Lopes"
                speakers = [cands[0]["name"]]
            elif m.group(0).strip(" ,").endswith("ing") and not _FALLBACK_NAME_RE.match(after):
                # '... said the settlement was "welcome but tight", adding that ...': the sentence's
                # speaker goes on (attributed before the marks), not a speaker after them
                speakers, adjacent = None, False
            else:
                fm = _FALLBACK_NAME_RE.match(after)
                speakers = [fm.group(1)] if fm and fm.group(1).split()[0] in people_mod._first_names()[0] else []
        else:
            m = _AFTER_SUBJ_RE.match(tail)
            if m and text[-1:] in ".!?" and not _AFTER_SENT_END_RE.match(tail, m.end()):
                # “… proud.” She described the plan as “…”: a new sentence, not an attribution
                m = None
            if m:
                adjacent = True
                if m.group(2):
                    speakers = pronoun_ref()
                else:
                    cands = _person_at(people_rows, me, me + m.end())
                    speakers = [_joint(people_rows, cands[-1], work)[-1]] if cands else []
                    if cands:
                        speakers = _joint(people_rows, cands[-1], work)
            elif _ACCORDING_RE.match(tail.lstrip(" ,")):
                adjacent = True
                cands = _person_at(people_rows, me, me + 80)
                speakers = [cands[0]["name"]] if cands else []
        # 2. attribution before the opening mark, in the same sentence
        described = False
        if speakers is None:
            pre_s = _sentence_prefix_start(work, ms, ps)
            prefix = work[pre_s:ms]
            dm = _DESCRIBE_RE.search(prefix)
            if dm and not _DESCRIBE_NOT_RE.match(dm.group("obj")) \
                    and not _PASSIVE_RE.search(prefix, 0, dm.start()):
                # "Smith, chief executive at X, described the plan as “…”": the describer
                verb_pos = pre_s + dm.start()
                cands = [p for p in people_rows if pre_s <= p["span_start"] and p["span_end"] <= verb_pos]
                if cands:
                    speakers = _joint(people_rows, cands[-1], work)
                    described = True
                elif _PRONOUN_BEFORE_RE.search(prefix, 0, dm.start()):
                    speakers = pronoun_ref()
                    described = bool(speakers)
        if speakers is None:
            vm = None
            for vm in _BEFORE_VERB_RE.finditer(prefix):
                pass
            according = vm is None and _ACCORDING_RE.search(prefix) is not None
            if vm is not None or prefix.rstrip().endswith(":") or according:
                # next to the marks: "said: “", "said “", "Smith said the plan was “" (three words at most);
                # or "According to Jo Bloggs, chief executive of X, “…”"
                near = vm is not None and len(prefix[vm.end() :].split()) <= 3
                adjacent = adjacent or prefix.rstrip().endswith((":", ",")) or near
                verb_pos = pre_s + (vm.start() if vm else len(prefix))
                cands = [p for p in people_rows if pre_s <= p["span_start"] and p["span_end"] <= verb_pos]
                if cands:
                    speakers = _joint(people_rows, cands[-1], work)
                elif _PRONOUN_SUBJ_RE.search(prefix):
                    speakers = pronoun_ref()
                elif _ACCORDING_RE.search(prefix):
                    cands = _person_at(people_rows, pre_s, ms)
                    speakers = [cands[-1]["name"]] if cands else []
                else:
                    speakers = []
            else:
                am = _ACCORDING_RE.search(work, me, min(pe, me + 200))
                if am:
                    cands = _person_at(people_rows, am.end(), am.end() + 60)
                    speakers = [cands[0]["name"]] if cands else []
        # 2b. a quotation opening a paragraph after an introducing one ("Minister for
        # Employment Alison McGovern said:" on its own line)
        if speakers is None and ms == ps and pi > 0:
            pps, ppe = paras[pi - 1]
            intro = work[pps:ppe].rstrip()
            if intro.endswith(":") and not _find_quote_in(quotes, pi - 1):
                i_s = _sentence_prefix_start(work, pps + len(intro), pps)
                vm = None
                for vm in _BEFORE_VERB_RE.finditer(work, i_s, pps + len(intro)):
                    pass
                if vm is not None:
                    cands = [p for p in people_rows if i_s <= p["span_start"] and p["span_end"] <= vm.start()]
                    if cands:
                        speakers = _joint(people_rows, cands[-1], work)
                        adjacent = True
                    elif _PRONOUN_SUBJ_RE.search(work, i_s, pps + len(intro)):
                        speakers = pronoun_ref()
                        adjacent = True
        # 2c. a testimonial: the quotation is the whole paragraph and the next, short one names who said it
        # ("— Priya Shah, participant", "Tom Evans, Wigan")
        if speakers is None and ms == ps and work[me:pe].strip(" .") == "" and pi + 1 < len(paras):
            nps, npe = paras[pi + 1]
            name_at = nps + len(work[nps:npe]) - len(work[nps:npe].lstrip(_SIGNATURE_LEAD))
            if npe - nps <= _SIGNATURE_MAX:
                cands = [p for p in people_rows if p["span_start"] == name_at]
                if cands:
                    speakers = [cands[0]["name"]]
                    adjacent = True
        # scare quotes: a few words, not attributed right next to the marks; but a fragment
        # of several words attributed to a named speaker in its sentence is that person's
        # ("X told the Times the scheme was “all too little”"), and so are two words a named
        # speaker describes something as ("X described the plan as “long overdue”")
        if n_words <= _SCARE_MAX_WORDS and not adjacent:
            named = bool(speakers) and any(speakers)
            if not (named and (n_words >= _FRAGMENT_MIN_WORDS
                               or (described and n_parts >= _DESCRIBED_MIN_WORDS))):
                continue
        # 3. continuation of the previous speaker
        if speakers is None:
            at_para_start = ms == ps
            if last_speakers and (at_para_start or last_quote_para == pi) and last_quote_para >= pi - 1:
                speakers = list(last_speakers)
            else:
                speakers = []
        if speakers:
            last_speakers = speakers
        last_quote_para = pi
        last_quote_end = me
        for sp in speakers or [None]:
            rows.append({"speaker": sp, "text": body[qs:qe], "span_start": qs, "span_end": qe, "kind": "direct"})
    rows += _interview_answers(work, people_rows, rows)
    rows += _transcript_lines(work, people_rows, rows)
    for r in rows:
        r["text"] = body[r["span_start"] : r["span_end"]]
    reported = _reported_speech(work, people_rows, [(r["span_start"], r["span_end"], r["speaker"]) for r in rows])
    for r in reported:
        r["text"] = body[r["span_start"] : r["span_end"]]
    return sorted(rows + reported, key=lambda r: r["span_start"])
