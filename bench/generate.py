"""Synthetic benchmark corpus: N article files in varied site templates, with gold in the scorer's format.

    uv run python -m bench.generate --n 10000 --out /tmp/bench/corpus10k [--seed 7]

writes ``OUT/raw/NNNNN_<sha16>.txt`` (what users save: one line per block element, menus as runs of
``  • `` items, sign-up forms, related lists with dates, bios, appended second articles, captions,
footers) and ``OUT/gold/<same name>.json`` (``../shared/gold`` conventions: title, author,
published_date, url, body_lines/optional_lines as 1-based line numbers of the file, funding,
people, quoted_speakers, organisations, places, programmes, people_counts). Deterministic: the
same seed and N give the same bytes (a file's content depends only on the seed and its index).

Gold honesty: only what the body says is annotated, in canonical form; bylines are not people,
bare "NHS" and "the government" are not organisations, headlines/related lists/second articles
are never annotated. The headline and standfirst are ``optional_lines`` (neither body nor
boilerplate), as are sub-headings inside the body.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from bench import data as D

WORDNUM = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 10: "ten"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# --------------------------------------------------------------------------- numbers as written
def _num(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:g}"


def money_text(rng: random.Random, value: float, currency: str = "GBP") -> str:
    """One of many ways a newspaper writes an amount."""
    sym = {"GBP": "£", "USD": "$", "EUR": "€"}[currency]
    if value >= 1e9:
        x = value / 1e9
        return rng.choice([f"{sym}{x:g}bn", f"{sym}{x:g} billion", f"{sym}{x:g}bn"])
    if value >= 1e6:
        x = value / 1e6
        forms = [f"{sym}{x:g}m", f"{sym}{x:g} million", f"{sym}{x:g}m"]
        if currency == "GBP" and x == int(x) and rng.random() < 0.1:
            forms = [f"{x:g} million pounds", f"£{value:,.0f}"]
        return rng.choice(forms)
    forms = [f"{sym}{value:,.0f}"]
    if value % 1000 == 0:
        forms.append(f"{sym}{value / 1000:g}k")
    return rng.choice(forms)


MONEY_QUAL = {"exact": ["", "", "a total of ", "a further "], "up_to": ["up to ", "as much as "],
              "more_than": ["more than ", "over ", "in excess of "], "about": ["around ", "about ", "roughly ",
                                                                              "an estimated ", "almost ", "nearly "]}
COUNT_QUAL = {"exact": [""], "up_to": ["up to "], "more_than": ["more than ", "over "],
              "about": ["around ", "about ", "almost ", "nearly ", "some "]}
GRANT_M = [1.5, 2, 3.2, 5, 7.5, 10, 12, 15, 20, 25, 40, 45, 57, 64, 75, 100, 125, 150, 240, 259, 300, 350, 500, 800]
GRANT_K = [40_000, 75_000, 120_000, 250_000, 500_000, 750_000]
GRANT_BN = [1.2, 2.5, 3, 6]
COST_BN = [85, 150, 212, 7.8, 23, 68]
COUNTS = [1_200, 2_000, 3_500, 5_000, 8_500, 15_000, 25_000, 40_000, 60_000, 100_000, 250_000, 560_000,
          1_000_000, 2_800_000, 500_000]


def count_text(rng: random.Random, v: int) -> str:
    if v == 500_000 and rng.random() < 0.5:
        return "half a million"
    if v >= 1_000_000:
        x = v / 1e6
        return rng.choice([f"{x:g} million", f"{x:g}m"] + (["a million"] if v == 1_000_000 else []))
    return f"{v:,}"


# --------------------------------------------------------------------------- the story and its gold
@dataclass
class Person:
    first: str
    last: str
    female: bool
    role: str | None
    org: tuple[str, str | None, bool] | None  # an ORGS entry
    named_once: bool = False

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pron(self) -> str:
        return "she" if self.female else "he"


@dataclass
class Story:
    rng: random.Random
    main_prog: str
    second_prog: str | None
    funding: list[dict] = field(default_factory=list)
    people: dict[str, dict] = field(default_factory=dict)
    quoted: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    counts: list[dict] = field(default_factory=list)
    orgs_seen: set[str] = field(default_factory=set)

    # -- mentions (each returns the text and records the gold)
    def prog(self, canon: str, cap: bool = False) -> str:
        if canon not in self.programmes:
            self.programmes.append(canon)
        t = self.rng.choice(D.PROGRAMMES[canon])
        return t[0].upper() + t[1:] if cap else t

    def org(self, entry: tuple[str, str | None, bool], cap: bool = False, subject: bool = False) -> str:
        name, acr, the = entry
        if name not in self.orgs:
            self.orgs.append(name)
        r = self.rng.random()
        if name in self.orgs_seen and acr and r < 0.6:
            t = (f"the {acr}" if the and not subject and r < 0.3 else acr)
        elif name not in self.orgs_seen and acr and r < 0.35:
            t = f"{'the ' if the else ''}{name} ({acr})"
        else:
            t = name
            if the:
                t = "the " + (t[4:] if t.startswith("The ") else t)
        self.orgs_seen.add(name)
        return t[0].upper() + t[1:] if cap else t

    def place(self, entry: tuple[str, str]) -> str:
        if entry[0] not in self.places:
            self.places.append(entry[0])
        return entry[0]

    def person(self, p: Person, role_written: str | None = None) -> None:
        if p.name not in self.people:
            self.people[p.name] = {"name": p.name, "role": role_written if role_written is not None else p.role,
                                   "organisation": p.org[0] if p.org else None}

    def quote_by(self, p: Person) -> None:
        if p.name not in self.quoted:
            self.quoted.append(p.name)

    def money(self, value: float, qualifier: str, period: float | None, programme: str | None, kind: str,
              currency: str = "GBP") -> str:
        self.funding.append({"amount": value, "currency": currency, "qualifier": qualifier,
                             "period_years": period, "programme": programme, "kind": kind})
        return self.rng.choice(MONEY_QUAL[qualifier]) + money_text(self.rng, value, currency)

    def count(self, value: int, qualifier: str) -> str:
        self.counts.append({"value": value, "qualifier": qualifier})
        return self.rng.choice(COUNT_QUAL[qualifier]) + count_text(self.rng, value)


def _period(rng: random.Random) -> tuple[float | None, str]:
    r = rng.random()
    if r < 0.45:
        return None, ""
    if r < 0.85:
        y = rng.choice([2, 3, 3, 4, 5, 10])
        return float(y), rng.choice([f" over {WORDNUM[y]} years", f" over the next {WORDNUM[y]} years",
                                     f" over {y} years"])
    return 1.0, rng.choice([" a year", " per year", " each year"])


def _grant_value(rng: random.Random) -> float:
    r = rng.random()
    if r < 0.72:
        return rng.choice(GRANT_M) * 1e6
    if r < 0.9:
        return float(rng.choice(GRANT_K))
    return rng.choice(GRANT_BN) * 1e9


def _qual(rng: random.Random, weights=(0.55, 0.2, 0.13, 0.12)) -> str:
    return rng.choices(["exact", "up_to", "more_than", "about"], weights)[0]


def _org_named(name: str) -> tuple[str, str | None, bool]:
    return next(o for o in D.ORGS if o[0] == name)


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _quote_comma(q: str) -> str:
    return q[:-1] + "," if q.endswith(".") else q


# --------------------------------------------------------------------------- body paragraphs
def funding_sentence(st: Story, prog: str, place=None) -> str:
    rng = st.rng
    v, q = _grant_value(rng), _qual(rng)
    per, ptxt = _period(rng)
    k = rng.randrange(7)
    if k == 0:
        amt = st.money(v, q, per, prog, "funding")
        return f"{st.prog(prog, cap=True)} will receive {amt}{ptxt}, ministers confirmed."
    if k == 1:
        amt = st.money(v, q, per, prog, "funding")
        p = st.prog(prog)
        tail = f" to expand {p} in {st.place(place)}" if place else f" to {p}"
        return f"The government has committed {amt}{tail}{ptxt}."
    if k == 2:
        o = st.org(D.ORGS[0], cap=True, subject=True)
        amt = st.money(v, q, per, prog, "funding")
        return f"{o} said {amt} would be spent on {st.prog(prog)}{ptxt}, with the first contracts awarded this year."
    if k == 3:
        amt = st.money(v, q, per, prog, "funding")
        where = f" across {st.place(place)}" if place else ""
        return f"Backed by {amt}{ptxt}, {st.prog(prog)} will be rolled out{where} from next spring."
    if k == 4:
        amt = st.money(v, q, per, prog, "funding")
        return f"Under the plans, {amt} will go to {st.prog(prog)}{ptxt}, on top of money already announced."
    if k == 5:
        amt = st.money(v, q, per, prog, "funding")
        return f"Funding for {st.prog(prog)} rises to {amt}{ptxt}, according to figures published alongside the plan."
    amt = st.money(v, q, per, prog, "funding")
    return f"A further round of bids will share {amt} from the {st.prog(prog)} budget{ptxt}."


def other_money_sentence(st: Story) -> str:
    rng = st.rng
    k = rng.randrange(4)
    if k == 0:
        v = rng.choice(COST_BN) * 1e9
        src = _org_named(rng.choice(D.SOURCE_ORGS))
        amt = st.money(v, "about", 1.0, None, "cost")
        return f"Ill-health-related economic inactivity costs the economy {amt} a year, according to {st.org(src)}."
    if k == 1:
        v = float(rng.choice([40_000, 120_000, 250_000, 800_000, 1_500_000]))
        amt = st.money(v, "exact", None, None, "fine")
        return (f"In a separate case this month, a logistics firm was fined {amt} after a worker was injured "
                f"operating machinery.")
    if k == 2:
        v = float(rng.choice([2, 7, 11, 15, 30])) * 1e9
        amt = st.money(v, _qual(rng, (0.6, 0, 0.2, 0.2)), None, None, "cost")
        return f"Spending on health-related benefits is forecast to rise by {amt} by the end of the decade."
    v = float(rng.choice([20, 50, 90])) * 1e6
    cur = rng.choice(["EUR", "USD"])
    amt = st.money(v, "exact", None, None, "funding", currency=cur)
    return f"A comparable scheme run by a Dutch insurer received {amt} in public funding, the report noted."


def count_sentence(st: Story, prog: str | None, place=None) -> str:
    rng = st.rng
    v, q = rng.choice(COUNTS), _qual(rng, (0.4, 0.2, 0.2, 0.2))
    noun = rng.choice(D.COUNT_NOUNS)
    k = rng.randrange(5)
    if k == 0 and prog:
        more = " more" if rng.random() < 0.4 and noun in ("people", "young people", "disabled people") else ""
        return f"The expansion is expected to help {st.count(v, q)}{more} {noun} with health conditions stay in or return to work."
    if k == 1 and prog:
        return f"Since it began, {st.prog(prog)} has supported {st.count(v, q)} {noun}."
    if k == 2:
        return f"Official figures show {st.count(v, q)} {noun} are out of work because of long-term sickness."
    if k == 3 and place:
        return f"In {st.place(place)}, {st.count(v, q)} {noun} have already been referred for support."
    c = st.count(v, q)
    return f"{_cap(c)} {noun} are expected to take part by the end of {rng.choice([2026, 2027, 2028])}."


def place_sentence(st: Story, prog: str, places) -> str:
    rng = st.rng
    names = [st.place(p) for p in places]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    k = rng.randrange(3)
    if k == 0:
        return f"The first sites will open in {joined}, areas with some of the highest rates of economic inactivity."
    if k == 1:
        return f"Trailblazer areas include {joined}, where {st.prog(prog)} will be tested first."
    return f"Local partnerships in {joined} have been asked to set out how they will deliver {st.prog(prog)}."


def make_person(rng: random.Random, used: set[str], minister: bool) -> Person:
    while True:
        female = rng.random() < 0.5
        first = rng.choice(D.FIRST_F if female else D.FIRST_M)
        last = rng.choice(D.SURNAMES)
        if f"{first} {last}" not in used and last not in {u.split()[-1] for u in used}:
            break
    used.add(f"{first} {last}")
    if minister:
        return Person(first, last, female, rng.choice(D.MINISTER_ROLES), None)
    return Person(first, last, female, rng.choice(D.ORG_ROLES), rng.choice(D.SPEAKING_ORGS))


def quote_paragraph(st: Story, p: Person, prog: str) -> list[str]:
    """One or two paragraphs of quotation by p (recorded as person and quoted speaker)."""
    rng = st.rng
    q = rng.choice(D.QUOTES)
    st.quote_by(p)
    paras = []
    if p.org is None:  # a minister: role before the name
        if not p.named_once:
            k = rng.randrange(3)
            st.person(p, role_written=p.role if k == 1 else _cap(p.role))
            if k == 0:
                paras.append(f"{_cap(p.role)} {p.name} said: “{q}”")
            elif k == 1:
                paras.append(f"“{_quote_comma(q)}” said {p.name}, the {p.role}.")
            else:
                paper = rng.choice(D.NEWSPAPERS)
                paras.append(f"{_cap(p.role)} {p.name} told {st.org((paper[0], None, False))}: “{q}”")
        else:
            paras.append(f"{p.last} said: “{q}”")
    else:
        if not p.named_once:
            o = st.org(p.org)
            st.person(p)
            k = rng.randrange(4)
            if k == 0:
                paras.append(f"{p.name}, {p.role} at {o}, said: “{q}”")
            elif k == 1:
                paras.append(f"“{_quote_comma(q)}” said {p.name}, {p.role} of {o}.")
            elif k == 2:
                paras.append(f"{_cap(p.role)} of {o}, {p.name}, said: “{q}”")
            else:
                frag = rng.choice(D.FRAGMENTS)
                paras.append(f"{p.name}, {p.role} at {o}, described {st.prog(prog)} as “{frag}”.")
        else:
            paras.append(f"“{_quote_comma(q)}” {p.last} said.")
    p.named_once = True
    if rng.random() < 0.35:
        q2 = rng.choice([x for x in D.QUOTES if x != q])
        paras.append(f"“{_quote_comma(q2)}” {p.pron} added.")
    return paras


def mention_sentence(st: Story, p: Person, prog: str) -> str:
    """A person named without being quoted."""
    rng = st.rng
    if p.org is None:
        st.person(p, role_written=p.role)
        p.named_once = True
        return f"The plans were set out by the {p.role}, {p.name}, in a speech on {rng.choice(WEEKDAYS)}."
    o = st.org(p.org)
    st.person(p)
    p.named_once = True
    return f"{p.name}, {p.role} at {o}, is among those who have called for {st.prog(prog)} to be made permanent."


def build_story(rng: random.Random) -> tuple[Story, list[tuple[str, str]]]:
    """Body paragraphs [(kind, text)] with kind 'p' (body) or 'h' (sub-heading, optional), and the gold."""
    progs = list(D.PROGRAMMES)
    main = rng.choice(progs)
    second = rng.choice([p for p in progs if p != main]) if rng.random() < 0.4 else None
    st = Story(rng, main, second)
    used: set[str] = set()
    places = rng.sample(D.LOCAL_PLACES, rng.randint(1, 3))
    minister = make_person(rng, used, minister=True)
    others = [make_person(rng, used, minister=False) for _ in range(rng.randint(1, 2))]

    paras: list[tuple[str, str]] = []
    # lead: announcement with money
    lead = funding_sentence(st, main, places[0] if rng.random() < 0.5 else None)
    if rng.random() < 0.5:
        lead += " " + rng.choice(D.FILLERS)
    paras.append(("p", lead))
    # context: counts and fillers
    ctx = [count_sentence(st, main, places[0])]
    ctx += rng.sample(D.FILLERS, rng.randint(0, 2))
    paras.append(("p", " ".join(ctx)))
    middle: list[list[tuple[str, str]]] = []
    middle.append([("p", x) for x in quote_paragraph(st, minister, main)])
    middle.append([("p", place_sentence(st, main, places) + (" " + rng.choice(D.FILLERS) if rng.random() < 0.5 else ""))])
    if second:
        middle.append([("p", funding_sentence(st, second) if rng.random() < 0.6
                        else f"The announcement follows changes to {st.prog(second)} earlier this year. "
                             + rng.choice(D.FILLERS))])
    if rng.random() < 0.5:
        middle.append([("p", other_money_sentence(st))])
    for o in others:
        if rng.random() < 0.8:
            middle.append([("p", x) for x in quote_paragraph(st, o, main)])
        else:
            middle.append([("p", mention_sentence(st, o, main))])
    if rng.random() < 0.4:
        src = _org_named(rng.choice(D.SOURCE_ORGS))
        middle.append([("p", f"Analysis by {st.org(src)} suggests the number of people out of work because of "
                             f"ill health has risen in every region since 2019.")])
    if rng.random() < 0.4:
        middle.append([("p", " ".join(rng.sample(D.FILLERS, 2)))])
    first_block = middle[0]
    rest = middle[1:]
    rng.shuffle(rest)
    for i, block in enumerate([first_block, *rest]):
        if i == 2 and rng.random() < 0.3:
            paras.append(("h", rng.choice(D.SUBHEADS)))
        paras += block
    # a later reference to the minister by surname, sometimes
    if rng.random() < 0.3:
        paras.append(("p", f"{minister.last} is expected to set out further details in the coming weeks."))
    paras.append(("p", " ".join([count_sentence(st, main, places[-1]) if rng.random() < 0.4 else rng.choice(D.FILLERS),
                                 rng.choice(D.FILLERS)])))
    return st, paras


# --------------------------------------------------------------------------- chrome (never annotated)
HEADLINES = [
    "{prog} to get {amt} boost", "{n} people helped back to work by {prog} pilot", "Charities warn over {prog} rollout",
    "{place} chosen for new {prog} trailblazer", "Employers urged to back {prog}", "What {prog} means for HR teams",
    "MPs question value of {prog}", "{prog} expanded to {place}", "Union calls for rethink of {prog}",
    "Sickness absence hits decade high", "Fit note reform: what employers need to know",
    "Long-term sickness figures rise again", "{place} council joins {prog} scheme",
]


def headline(rng: random.Random) -> str:
    h = rng.choice(HEADLINES)
    prog = rng.choice(list(D.PROGRAMMES))
    return h.format(prog=prog, amt=money_text(rng, _grant_value(rng)), n=f"{rng.choice(COUNTS):,}",
                    place=rng.choice(D.LOCAL_PLACES)[0])


def fmt_date(rng: random.Random, d: dt.date, style: int) -> str:
    mon = MONTHS[d.month - 1]
    return [f"{d.day} {mon[:3]} {d.year}", f"{d.day} {mon} {d.year}", f"{WEEKDAYS[d.weekday()]} {d.day} {mon} {d.year}",
            f"{d.day:02d}/{d.month:02d}/{d.year}", d.isoformat(), f"{mon} {d.day}, {d.year}"][style]


def rand_date(rng: random.Random) -> dt.date:
    return dt.date(2023, 6, 1) + dt.timedelta(days=rng.randrange(900))


class Page:
    """Lines of a file with their gold role: 'b' body, 'o' optional, '' boilerplate."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []

    def add(self, text: str = "", role: str = "") -> None:
        self.lines.append((text, role))

    def extend(self, texts, role: str = "") -> None:
        for t in texts:
            self.add(t, role)

    def body(self, paras: list[tuple[str, str]], blank: bool) -> None:
        for kind, text in paras:
            self.add(text, "b" if kind == "p" else "o")
            if blank:
                self.add()


SITES = {
    "trade": ("Workplace Health Weekly", "workplacehealthweekly.co.uk"),
    "gov": ("GOV.UK", "www.gov.uk"),
    "local": ("The Northern Courier", "northerncourier.co.uk"),
    "trust": ("Healthy Work Network", "healthyworknetwork.org.uk"),
    "aggregator": ("Care & Employment Review", "careemploymentreview.com"),
    "magazine": ("HR Insight", "hrinsight.co.uk"),
}
MENU = {
    "trade": ["Home", "News", "Occupational health", ["Mental health", "Musculoskeletal", "Return to work",
              "Sickness absence"], "Employment law", "Webinars", "Jobs", "Events"],
    "local": ["News", ["Local", "Politics", "Health", "Business"], "Sport", "What's On", "Property", "Jobs", "Weather"],
    "trust": ["Home", "About us", "Our work", ["Employment support", "Health and wellbeing", "Research"], "News",
              "Contact"],
    "magazine": ["Topics", ["Wellbeing", "Reward", "Leadership", "HR tech"], "Podcasts", "Awards", "Subscribe"],
}


def menu_lines(items) -> list[str]:
    out = []
    for it in items:
        if isinstance(it, list):
            out += [f"    • {x}" for x in it]
        else:
            out.append(f"  • {it}")
    return out


def related_with_dates(rng: random.Random, k: int) -> list[tuple[str, str]]:
    return [(headline(rng), fmt_date(rng, rand_date(rng), rng.choice([0, 1]))) for _ in range(k)]


def bio(rng: random.Random, author: str, site: str) -> str:
    first = author.split()[0]
    return rng.choice([
        f"{author} is health and employment correspondent at {site}. {first} has reported on welfare reform since {rng.randrange(2008, 2020)}.",
        f"{author} is a freelance journalist who writes about workplace health, benefits and the labour market.",
        f"{author} is senior reporter at {site}, covering occupational health and employment policy.",
    ])


def second_article(rng: random.Random, page: Page) -> None:
    """An appended second story (headline, byline/date, a paragraph): never body."""
    page.add(headline(rng))
    page.add()
    page.add(f"By {rng.choice(D.JOURNALISTS)} {fmt_date(rng, rand_date(rng), 1)}")
    page.add()
    place = rng.choice(D.LOCAL_PLACES)[0]
    page.add(rng.choice([
        f"A hospital trust in {place} has been fined {money_text(rng, rng.choice(GRANT_K))} after failing to protect staff from vibration injuries.",
        f"Councillors in {place} have approved {money_text(rng, rng.choice(GRANT_M) * 1e6)} for a new employment hub aimed at people with long-term conditions.",
        f"A new survey of employers in {place} suggests fewer than half offer any occupational health support to staff.",
    ]))
    page.add()


def render(rng: random.Random, st: Story, paras, meta: dict) -> Page:
    kind = meta["site"]
    site, domain = SITES[kind]
    pg = Page()
    title, author, date, url = meta["title"], meta["author"], meta["date"], meta["url"]
    blank = kind != "aggregator" or rng.random() < 0.5
    dstyle = rng.randrange(6)
    dtext = fmt_date(rng, date, dstyle) if date else None
    if kind == "trade":
        pg.add(site)
        pg.extend(menu_lines(MENU["trade"]))
        pg.add()
        pg.extend(["Register", "Log in"])
        pg.add(site)
        pg.extend(menu_lines(MENU["trade"]))
        pg.add()
        pg.add("Occupational healthReturn to workSickness absence")
        pg.add()
        pg.add(title, "o")
        pg.add()
        pg.add(" ".join(x for x in [f"by {author}" if author else "", dtext or ""] if x) or "Staff reporter")
        pg.add(rng.choice(["Shutterstock", "Image: Shutterstock", "Photo: Getty Images"]))
        pg.add()
        split = rng.randrange(2, max(3, len(paras) - 1))
        pg.body(paras[:split], True)
        if rng.random() < 0.6:
            pg.add(rng.choice(["Sickness absence", "Return to work", "Ill-health worklessness"]))
            pg.add()
            for h, _ in related_with_dates(rng, 3):
                pg.add(h)
                pg.add()
        pg.body(paras[split:], True)
        pg.extend(["Sign up to our weekly round-up of workplace health news", "",
                   f"Receive the {site} newsletter every Thursday", "", "OptOut",
                   "This field is for validation purposes and should be left unchanged.", "", " ", ""])
        if author:
            pg.extend([author, "", bio(rng, author, site), ""])
        pg.extend(["previous post", headline(rng), "next post", headline(rng), "", "You may also like", ""])
        for h, d in related_with_dates(rng, rng.randint(3, 6)):
            pg.extend([h[:40] + "..." if len(h) > 44 else h, "", d, ""])
        pg.extend(["About us", "Contact us", "Cookies policy", "Privacy policy", "Terms and conditions", "",
                   "  • Facebook", "  • LinkedIn", "", f"© 2011 - 2025 {site} Media Ltd"])
    elif kind == "gov":
        pg.extend(["Cookies on GOV.UK",
                   "We use some essential cookies to make this website work.",
                   "Accept additional cookies", "Reject additional cookies", "View cookies", "",
                   "Skip to main content", "GOV.UK", "  • Departments", "  • Guidance and regulation",
                   "  • News and communications", "", "Home", "  • Work", "  • Health and disability", "",
                   "Press release", ""])
        pg.add(title, "o")
        pg.add()
        pg.add(rng.choice(D.STANDFIRSTS), "o")
        pg.add()
        pg.add("From:")
        pg.add("Department for Work and Pensions and Department of Health and Social Care")
        if dtext:
            pg.add(f"Published {dtext}")
        pg.add()
        pg.body(paras, True)
        pg.extend(["Notes to editors", "", "  • The scheme is delivered in partnership with local areas.",
                   "  • Further information is available from the press office.", "",
                   "Share this page", "  • Facebook", "  • Twitter", "",
                   "Is this page useful?", "  • Yes", "  • No", "",
                   "All content is available under the Open Government Licence v3.0, except where otherwise stated",
                   "© Crown copyright"])
    elif kind == "local":
        pg.extend(["Skip to content", site, "Sign in", "Subscribe"])
        pg.extend(menu_lines(MENU["local"]))
        pg.extend(["", "Advertisement", ""])
        pg.add(title, "o")
        if author:
            pg.add(f"By {author}, Local Democracy Reporter" if rng.random() < 0.5 else f"By {author}")
        if dtext:
            pg.add(f"Published: {dtext}")
            if rng.random() < 0.4:
                pg.add(f"Updated: {fmt_date(rng, date + dt.timedelta(days=rng.randint(1, 3)), dstyle)}")
        pg.add()
        pg.add(rng.choice(["Pictured: a work coach meets a jobseeker. Photo: Stock image",
                           "The scheme will be run from community hubs (Image: Getty)",
                           "Image: Shutterstock"]))
        pg.add()
        for i, (k, t) in enumerate(paras):
            pg.add(t, "b" if k == "p" else "o")
            pg.add()
            if i == 2:
                pg.extend([f"Read more: {headline(rng)}", ""])
            if i == 4:
                pg.extend(["Advertisement", ""])
        pg.extend(["Join the conversation", "Comments (12)", "", "Most read", ""])
        for j in range(1, 6):
            pg.add(f"  {j}. {headline(rng)}")
        pg.extend(["", f"© {site} 2025. All rights reserved."])
    elif kind == "trust":
        pg.extend([site, ""])
        pg.extend(menu_lines(MENU["trust"]))
        pg.extend(["", "Home > News > Latest news", ""])
        pg.add(title, "o")
        if dtext:
            pg.add(f"Posted on {dtext}" + (f" by {author}" if author else ""))
        elif author:
            pg.add(f"Posted by {author}")
        pg.add()
        pg.body(paras, rng.random() < 0.7)
        if url:
            pg.add(f"Originally posted on: {url}")
        pg.extend(["", "Tags: employment support, health and work, funding", "", "Share: Facebook Twitter LinkedIn",
                   "", "Related posts", ""])
        for h, d in related_with_dates(rng, 3):
            pg.extend([h, d, ""])
        pg.extend(["Contact us", "Accessibility statement", "Privacy notice",
                   f"Registered charity number {rng.randrange(1_000_000, 1_200_000)}"])
    elif kind == "aggregator":
        pg.add(rng.choice(["healthcare", "employment", "workforce"]))
        pg.add()
        pg.add(title, "o")
        pg.add()
        pg.add(rng.choice(["Stock image / Shutterstock", "U.P. / Shutterstock", "(c) UK Parliament"]))
        pg.add()
        if author or dtext:
            pg.add(" ".join(x for x in [f"By {author}" if author else "", dtext or ""] if x))
            pg.add()
        pg.body(paras, blank)
        for _ in range(rng.randint(1, 3)):
            second_article(rng, pg)
        pg.add(f"Popular articles by {rng.choice(D.JOURNALISTS)}")
    else:  # magazine
        pg.extend([site, "Menu", "Search"])
        pg.extend(menu_lines(MENU["magazine"]))
        pg.add()
        pg.add(title, "o")
        pg.add(rng.choice(D.STANDFIRSTS), "o")
        if author:
            pg.add(f"Words: {author}")
        if dtext:
            pg.add(dtext)
        pg.add(f"{rng.randint(3, 7)} min read")
        pg.add()
        mid = len(paras) // 2
        pg.body(paras[:mid], True)
        pg.extend(["Get the latest HR news delivered to your inbox", "Enter your email address", "Subscribe",
                   "By signing up you agree to our privacy policy. You can unsubscribe at any time.", ""])
        pg.body(paras[mid:], True)
        if url:
            pg.extend([f"Source: {url}", ""])
        if author:
            pg.extend(["About the author", bio(rng, author, site), ""])
        pg.extend(["Comments (3)", "Leave a reply", "", "Most popular", ""])
        for h, d in related_with_dates(rng, 4):
            pg.extend([h, d])
        pg.extend(["", "We use cookies to improve your experience. Manage preferences",
                   f"© {site} Ltd. All rights reserved."])
    return pg


def make_article(seed: int, i: int) -> tuple[str, dict]:
    """File text and gold (without the file name) of article i: depends only on (seed, i)."""
    rng = random.Random(f"{seed}:{i}")
    st, paras = build_story(rng)
    kind = rng.choice(list(SITES))
    author = rng.choice(D.JOURNALISTS) if kind != "gov" and rng.random() < 0.8 else None
    date = rand_date(rng) if rng.random() < 0.85 else None
    _, domain = SITES[kind]
    title = headline(rng)
    slug = "-".join(title.lower().replace("£", "").replace(",", "").split())[:60]
    url = f"https://{domain}/news/{slug}/" if kind in ("trust", "magazine") and rng.random() < 0.5 else None
    pg = render(rng, st, paras, {"site": kind, "title": title, "author": author, "date": date, "url": url})
    crlf = rng.random() < 0.03
    lines = [t for t, _ in pg.lines]
    text = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    gold = {
        "title": title, "published_date": date.isoformat() if date else None, "author": author,
        "source_name": SITES[kind][0], "url": url, "template": kind,
        "body_lines": [n for n, (_, r) in enumerate(pg.lines, 1) if r == "b"],
        "optional_lines": [n for n, (_, r) in enumerate(pg.lines, 1) if r == "o"],
        "funding": [{**f, "amount": int(f["amount"]) if f["amount"] == int(f["amount"]) else f["amount"]}
                    for f in st.funding],
        "people": list(st.people.values()),
        "quoted_speakers": st.quoted,
        "organisations": st.orgs,
        "places": st.places,
        "place_codes": {p: c for p, c in D.PLACES if p in st.places},
        "programmes": st.programmes,
        "people_counts": st.counts,
        "body": [t for t, r in pg.lines if r == "b"],
    }
    return text, gold


def generate(n: int, out: Path, seed: int = 7) -> list[str]:
    """Write n articles to out/raw and their gold to out/gold; returns the file names."""
    raw, gold_dir = out / "raw", out / "gold"
    raw.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        text, gold = make_article(seed, i)
        data = text.encode("utf-8")
        name = f"{i:05d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        (raw / name).write_bytes(data)
        (gold_dir / name.replace(".txt", ".json")).write_text(
            json.dumps({"file": name, **gold}, indent=1, ensure_ascii=False), encoding="utf-8")
        names.append(name)
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    names = generate(a.n, a.out, a.seed)
    print(f"wrote {len(names)} articles to {a.out}/raw and gold to {a.out}/gold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
