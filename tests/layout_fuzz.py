"""A layout fuzzer for the cleaner: made-up UK health-and-work stories laid out as many different news pages.

Every page is assembled from the building blocks a real news page has (menus, breadcrumbs, headline, standfirst,
byline and date, lead-image caption and credit, story paragraphs of every length, subheadings, bullet and numbered
lists, a table of figures, Q&A lines, pull quotes, an inline 'Read more' link, a mid-story advert or sign-up box, an
in-story caption, related links, a second article, comments, an author bio, share rows, a cookie banner, a footer),
in different orders and positions, from a fixed seed. Each page comes with the line numbers the annotation
guidelines call body (the story's paragraphs, subheadings, lists, table and quotations), optional (the standfirst, a
caption or pull quote inside the story) and everything else not body.

All text here is invented for the tests (towns, people and schemes are made up or generic).
"""
from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field

BODY, OPTIONAL, CHROME = "body", "optional", "chrome"

# a block is a list of (line, role); blocks are separated by a blank line on the page
Block = list[tuple[str, str]]


@dataclass(frozen=True)
class Story:
    headline: str
    standfirst: str
    author: str
    # the story's own parts, in order: ("p", text), ("sub", text), ("bullets", intro, items), ("numbered", intro,
    # items), ("table", intro, rows), ("qa", lines)
    parts: tuple[tuple, ...]
    pull_quote: str


@dataclass
class FuzzPage:
    name: str
    text: str
    body: set[int] = field(default_factory=set)  # 1-based line numbers the cleaner must keep
    optional: set[int] = field(default_factory=set)  # lines that may go either way
    kinds: tuple[str, ...] = ()  # the building blocks used, in page order (for classifying failures)


STORIES: tuple[Story, ...] = (
    Story(
        headline="Hollinsby pilot helps hundreds of sick workers stay in their jobs",
        standfirst="A health-and-work service run from GP surgeries has reached more than 900 people in its first year.",
        author="Priya Castleton",
        parts=(
            ("p", "A pilot that gives people with health conditions quick support to stay in work has helped more than "
                  "900 residents of Hollinsby in its first twelve months, according to figures published by the council."),
            ("p", "The service places work and health coaches in six GP surgeries across the town, so that a patient "
                  "who is signed off sick can be referred on the same day rather than waiting for a letter."),
            ("p", "It is not."),
            ("p", "That was the answer given by one coach when asked whether the job was easy, and the evaluation "
                  "suggests the work is intensive, with an average of seven contacts per person."),
            ("sub", "How the referrals work"),
            ("bullets", "Patients can be referred in three ways:", (
                "by their GP or practice nurse",
                "through the local jobcentre",
                "by contacting the service themselves",
            )),
            ("p", "Coaches then agree a plan with each person, which can include talking therapies, physiotherapy or a "
                  "conversation with an employer about a phased return."),
            ("p", "Numbers are still small."),
            ("p", "Councillor Maya Ridgeway, who chairs the health board, said: \u201cNobody should have to choose "
                  "between their health and their job, and this pilot shows what early help can do.\u201d"),
            ("numbered", "The £3.6m budget for the second year has been split between the town's three districts:", (
                "1. Hollinsby Central \u2013 £1.5m",
                "2. Upper Marrowfield \u2013 £1.2m",
                "3. Caddon Vale \u2013 £0.9m",
            )),
            ("p", "The council said it would publish a full evaluation next spring, once a second cohort of patients "
                  "has completed the programme."),
        ),
        pull_quote="\u201cNobody should have to choose between their health and their job\u201d",
    ),
    Story(
        headline="Employers in Garnet Bay offered free occupational health checks",
        standfirst="Small firms can now get advice on sickness absence without paying for a private provider.",
        author="Tom Abernethy",
        parts=(
            ("p", "Small and medium-sized employers in Garnet Bay will be able to book free occupational health "
                  "assessments for their staff under a scheme launched by the combined authority this week."),
            ("p", "The offer is aimed at firms with fewer than 250 employees, which rarely have access to an "
                  "occupational health service and often lose experienced staff to long-term sickness."),
            ("sub", "What firms get"),
            ("p", "Each firm can book up to ten assessments a year."),
            ("p", "An adviser will also visit to help managers write a return-to-work policy and to explain the "
                  "adjustments that are available through existing national schemes."),
            ("table", "The combined authority published the take-up so far by sector:", (
                "Sector\tFirms\tAssessments",
                "Retail\t42\t118",
                "Manufacturing\t27\t96",
                "Care\t35\t140",
            )),
            ("p", "Care providers have made the most use of the offer, which officials put down to high rates of "
                  "musculoskeletal injury among care workers."),
            ("qa", (
                "Q: Who can apply?",
                "A: Any business with a site in the Garnet Bay area and fewer than 250 staff.",
                "Q: Is there a cost?",
                "A: No. The assessments are paid for from the skills budget.",
            )),
            ("p", "Local business groups welcomed the scheme but warned that demand could outstrip the number of "
                  "advisers, who are being recruited over the summer."),
            ("p", "It starts in June."),
        ),
        pull_quote="\u201cWe lose good people because nobody asks what would help them stay\u201d",
    ),
    Story(
        headline="Mental health employment service to double in size after strong results",
        standfirst="Funding for another 40 employment specialists was confirmed on Tuesday.",
        author="Eleanor Fitch",
        parts=(
            ("p", "An employment service that works alongside talking therapy teams is to double in size after an "
                  "evaluation found that two in three participants were in work six months after joining."),
            ("p", "The service pairs each patient with an employment specialist who helps them look for work, prepare "
                  "for interviews or speak to their current employer while they receive treatment."),
            ("p", "Demand has risen every quarter since it opened."),
            ("sub", "Waiting lists"),
            ("p", "Managers said the extra specialists would cut the wait for a first appointment from eight weeks to "
                  "two, and allow the service to reach people in rural areas who currently travel long distances."),
            ("bullets", "The evaluation found that participants:", (
                "were more likely to be in work after six months than a comparison group",
                "reported better sleep and lower anxiety scores",
                "took fewer days of sickness absence once back at work",
            )),
            ("p", "Dr Samuel Okafor, who led the evaluation, said the results were \u201cencouraging but not a reason "
                  "for complacency\u201d."),
            ("p", "Why does it work?"),
            ("p", "He said the key was that employment support started at the same time as treatment, rather than "
                  "waiting until someone was judged well enough to look for a job."),
            ("p", "The trust will recruit the new specialists in two rounds, in the autumn and next spring."),
        ),
        pull_quote="\u201cEmployment support should start on day one, not at the end of treatment\u201d",
    ),
    Story(
        headline="Council sets out plan to get 2,000 residents back to work",
        standfirst="The strategy focuses on people who have left work because of ill health.",
        author="Daniel Moreau",
        parts=(
            ("p", "Wexbridge council has published a three-year plan to help 2,000 residents who are out of work "
                  "because of ill health or disability to find and keep a job."),
            ("p", "The plan brings together the council's own employment team, the local NHS trust and voluntary "
                  "groups, which until now have run separate services with separate referral forms."),
            ("sub", "Three priorities"),
            ("numbered", "The plan has three priorities:", (
                "1. A single front door for anyone who wants help.",
                "2. Faster access to physiotherapy and mental health support.",
                "3. Work with large employers to offer supported placements.",
            )),
            ("p", "Officers estimate that the plan will cost £4.5m over three years, most of it from national funding "
                  "that the council expects to receive in April."),
            ("p", "Not everyone is convinced."),
            ("p", "Opposition councillors said the targets were too modest given the number of residents claiming "
                  "sickness-related benefits, and asked for progress reports every six months."),
            ("sub", "What happens next"),
            ("p", "The cabinet will vote on the plan next month."),
            ("p", "If approved, the first services under the new approach would open in the autumn, starting in the "
                  "two wards with the highest rates of economic inactivity."),
        ),
        pull_quote="\u201cWe want one front door, not six different forms\u201d",
    ),
)

# a second, unrelated story appended below the first (not body)
SECOND_STORIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Bus station redevelopment approved after lengthy consultation", "By Lucy Granger", (
        "Plans to rebuild the town's bus station have been approved by the planning committee after a consultation "
        "that drew more than 1,500 responses from residents and traders.",
        "The new station will have twelve stands, a waiting room and secure cycle parking, and is due to open in two years.",
    )),
    ("Library opening hours to be extended over the winter", "By Martin Haverford", (
        "Libraries across the district will open later on weekday evenings from November, the council has announced, "
        "after a survey found strong demand for quiet study space.",
        "The extra hours will be staffed by volunteers and funded from an existing community budget.",
    )),
)

# story sentences that open with or name a word chrome also uses (body)
CUE_WORD_SENTENCES = (
    "Latest figures show that 1,200 people have now used the service.",
    "Share of residents in work rose to 74% in the pilot areas last year.",
    "Email and text reminders are sent before each appointment.",
    "Popular demand led to an evening clinic opening in May.",
    "Related costs, such as travel to appointments, are also covered.",
    "Print and large-type copies of the guide are available in libraries.",
)

MENU_ITEMS = ("Home", "News", "Sport", "Business", "Health", "Opinion", "Lifestyle", "Jobs", "Contact us")
RELATED = (
    "Hospital car parking charges to rise next year",
    "New walk-in centre opens on the high street",
    "Care home staff to get pay rise from April",
    "Survey finds rise in long-term sickness among young people",
)
COMMENTS = (
    "3 comments",
    "JanetP",
    "About time somebody did something about this.",
    "Reply",
    "Marcus_W",
    "My sister used this service and it made a real difference to her.",
    "Reply",
)


def _menu(rng: random.Random) -> Block:
    items = rng.sample(MENU_ITEMS, rng.randint(5, 8))
    if rng.random() < 0.5:
        return [("\u2022 " + item, CHROME) for item in items]
    return [(item, CHROME) for item in items]


def _cookie_banner() -> Block:
    return [
        ("We use cookies to give you the best experience on our website. By continuing you agree to our use of cookies.", CHROME),
        ("Accept all", CHROME),
        ("Manage preferences", CHROME),
    ]


def _breadcrumbs(rng: random.Random) -> Block:
    return [(rng.choice(("Home > News > Health", "Home / Local News / Health", "News \u203a Health \u203a Work")), CHROME)]


def _byline_block(rng: random.Random, story: Story) -> Block:
    byline = rng.choice((f"By {story.author}", story.author, f"By {story.author}, Health Reporter"))
    date = rng.choice(("14 March 2025", "Published: 14 March 2025", "Friday 14 March 2025 6:00 am", "14/03/2025"))
    block: Block = [(byline, CHROME), (date, CHROME)]
    if rng.random() < 0.3:
        block.reverse()
    if rng.random() < 0.3:
        block.append(("5 min read", CHROME))
    return block


def _share_row(rng: random.Random) -> Block:
    if rng.random() < 0.5:
        return [("Share this article", CHROME), ("Facebook", CHROME), ("Twitter", CHROME), ("Email", CHROME)]
    return [("Share", CHROME), ("Copy link", CHROME)]


def _lead_caption(rng: random.Random) -> Block:
    caption = rng.choice((
        "A work coach meets a patient at a surgery in the town centre",
        "Staff at the new health hub",
        "The service is run from GP surgeries (Image: Hollinsby Council)",
    ))
    if caption.endswith(")"):
        return [(caption, CHROME)]
    return [(caption, CHROME), (rng.choice(("Image: Getty Images", "(Image: Supplied)", "Photo: Jane Doe/PA")), CHROME)]


def _in_story_caption(rng: random.Random) -> Block:
    # a caption inside the story is optional; its photo credit is not body
    return [
        (rng.choice(("Coaches work from six surgeries", "The scheme is open to all local firms")), OPTIONAL),
        (rng.choice(("Image: Getty Images", "Photo: PA")), CHROME),
    ]


def _read_more(rng: random.Random) -> Block:
    return [(f"{rng.choice(('Read more', 'READ MORE', 'Related'))}: {rng.choice(RELATED)}", CHROME)]


def _advert(rng: random.Random) -> Block:
    if rng.random() < 0.5:
        return [("Advertisement", CHROME)]
    return [
        ("Get the latest local news delivered straight to your inbox", CHROME),
        ("Enter your email address", CHROME),
        ("Sign up", CHROME),
    ]


def _related(rng: random.Random) -> Block:
    block: Block = [(rng.choice(("Related articles", "More from Health", "You may also like")), CHROME)]
    for title in rng.sample(RELATED, 3):
        block.append((title, CHROME))
        if rng.random() < 0.6:
            block.append((rng.choice(("12 March 2025", "3 days ago", "10 March 2025")), CHROME))
    return block


def _second_article(rng: random.Random) -> Block:
    title, byline, paragraphs = rng.choice(SECOND_STORIES)
    block: Block = [(title, CHROME), (byline, CHROME), ("13 March 2025", CHROME)]
    return block + [(p, CHROME) for p in paragraphs]


def _comments() -> Block:
    return [(c, CHROME) for c in COMMENTS]


def _author_bio(story: Story) -> Block:
    return [(f"{story.author} is a health reporter covering the NHS and social care across the region.", CHROME)]


def _footer() -> Block:
    return [
        ("About us", CHROME),
        ("Contact", CHROME),
        ("Privacy policy", CHROME),
        ("\u00a9 2025 Northern Local News Ltd. All rights reserved.", CHROME),
    ]


def _intro(rng: random.Random, text: str) -> str:
    """A list's introducing sentence, ending in a colon or (unannounced list) a full stop."""
    return text[:-1] + "." if rng.random() < 0.3 else text


def _story_blocks(rng: random.Random, story: Story) -> list[tuple[str, Block]]:
    """The story's own blocks, each part's lines body; sometimes the story stops early, on a list, a table, Q&A
    lines or a short paragraph (never on a subheading or a list's introduction)."""
    blocks: list[tuple[str, Block]] = []
    for part in story.parts:
        kind = part[0]
        if kind in ("p", "sub"):
            blocks.append((kind, [(part[1], BODY)]))
        elif kind == "bullets":
            mark = rng.choice(("\u2022 ", "- ", "* "))
            blocks.append(("intro", [(_intro(rng, part[1]), BODY)]))
            blocks.append((kind, [(mark + item, BODY) for item in part[2]]))
        elif kind in ("numbered", "table"):
            blocks.append(("intro", [(_intro(rng, part[1]), BODY)]))
            blocks.append((kind, [(row, BODY) for row in part[2]]))
        elif kind == "qa":
            blocks.append((kind, [(row, BODY) for row in part[1]]))
    if rng.random() < 0.3:
        ends = [k for k in range(5, len(blocks)) if blocks[k - 1][0] not in ("sub", "intro")]
        if ends:
            del blocks[rng.choice(ends):]
    return blocks


def _inline_related(rng: random.Random) -> Block:
    """A 'Related' box of two headlines dropped between the story's paragraphs."""
    return [(rng.choice(("Related articles", "Related", "More on this story")), CHROME)] + [
        (title, CHROME) for title in rng.sample(RELATED, 2)
    ]


def make_page(seed: int) -> FuzzPage:
    """One page variant, deterministic for its seed."""
    rng = random.Random(seed)
    story = STORIES[seed % len(STORIES)]
    head: list[tuple[str, Block]] = []
    if rng.random() < 0.4:
        head.append(("cookie_top", _cookie_banner()))
    if rng.random() < 0.8:
        head.append(("menu", _menu(rng)))
    if rng.random() < 0.5:
        head.append(("breadcrumbs", _breadcrumbs(rng)))
    meta: list[tuple[str, Block]] = [("headline", [(story.headline, CHROME)])]
    if rng.random() < 0.6:
        meta.append(("standfirst", [(story.standfirst, OPTIONAL)]))
    byline = ("byline", _byline_block(rng, story))
    caption = ("lead_caption", _lead_caption(rng)) if rng.random() < 0.5 else None
    share = ("share_top", _share_row(rng)) if rng.random() < 0.4 else None
    order = rng.random()
    for extra in ([byline, caption, share] if order < 0.5 else [caption, byline, share]):
        if extra is not None:
            meta.append(extra)
    body = _story_blocks(rng, story)
    # things dropped into the story between its blocks (never before the first paragraph)
    inserts: list[tuple[str, Block]] = []
    if rng.random() < 0.4:
        inserts.append(("read_more", _read_more(rng)))
    if rng.random() < 0.4:
        inserts.append(("advert", _advert(rng)))
    if rng.random() < 0.3:
        inserts.append(("in_caption", _in_story_caption(rng)))
    if rng.random() < 0.3:
        inserts.append(("pull_quote", [(story.pull_quote, OPTIONAL)]))
    if rng.random() < 0.2:
        inserts.append(("inline_related", _inline_related(rng)))
    if rng.random() < 0.3:
        body.insert(rng.randint(1, len(body) - 1), ("p", [(rng.choice(CUE_WORD_SENTENCES), BODY)]))
    for insert in inserts:
        body.insert(rng.randint(2, max(2, len(body) - 1)), insert)
    tail: list[tuple[str, Block]] = []
    if rng.random() < 0.4:
        tail.append(("share_bottom", _share_row(rng)))
    if rng.random() < 0.4:
        tail.append(("author_bio", _author_bio(story)))
    if rng.random() < 0.5:
        tail.append(("related", _related(rng)))
    if rng.random() < 0.3:
        tail.append(("second_article", _second_article(rng)))
    if rng.random() < 0.4:
        tail.append(("comments", _comments()))
    rng.shuffle(tail)
    if rng.random() < 0.6:
        tail.append(("footer", _footer()))
    if rng.random() < 0.2 and not any(kind == "cookie_top" for kind, _ in head):
        tail.append(("cookie_bottom", _cookie_banner()))
    return _assemble(f"fuzz{seed:04d}", head + meta + body + tail)


# story sentences shaped like an author bio ('<name> is a <trade> ...'), one per story, inside the story (body)
BIO_SHAPED_SENTENCES = (
    "Helen Marsh is a former newspaper reporter turned work coach who joined the pilot at one of the six surgeries.",
    "Owen Pryce was a freelance writer before his back injury and is now one of the employees whose firm booked an assessment.",
    "Amira Kent is a journalist who used the service after treatment for anxiety and found work at a local paper.",
    "Rob Tulley is a former reporter who now leads the council's employment team and drew up the plan's targets.",
)

# each story told in one-sentence paragraphs of a few words (a story made only of short lines)
SHORT_LINE_STORIES = (
    ("The pilot has helped 900 people.", "It runs in six surgeries.", "Coaches see patients quickly.",
     "Most stay in work.", "The council is pleased.", "A second year is funded."),
    ("Small firms get free checks.", "Up to ten a year are offered.", "Advisers visit each firm.",
     "Care homes use it most.", "Demand is rising fast.", "It starts in June."),
    ("The service will double.", "Two in three found work.", "Waits will fall to two weeks.",
     "Rural areas will be reached.", "Recruitment starts soon.", "It opened three years ago."),
    ("The council has a new plan.", "It aims to help 2,000 people.", "Services will be joined up.",
     "Not everyone is convinced.", "The cabinet votes next month.", "Work begins in the autumn."),
)

VARIANTS = ("bio_sentence", "short_lines", "hard_wrapped")


def _hard_wrap(blocks: list[tuple[str, Block]], width: int) -> list[tuple[str, Block]]:
    """The story's paragraphs broken into lines of at most ``width`` characters (an e-mail or a PDF dump): every
    line of a wrapped paragraph is body."""
    wrapped: list[tuple[str, Block]] = []
    for kind, block in blocks:
        if kind == "p" and len(block[0][0]) > width:
            wrapped.append((kind, [(part, block[0][1]) for part in textwrap.wrap(block[0][0], width)]))
        else:
            wrapped.append((kind, block))
    return wrapped


def make_variant_page(seed: int, variant: str) -> FuzzPage:
    """A page with one of the harder story shapes, laid out like make_page's pages (head, byline, tail chrome):
    a story sentence shaped like an author bio in the story ('bio_sentence'), a story of short one-sentence
    paragraphs ('short_lines'), or paragraphs hard-wrapped at 60-78 characters ('hard_wrapped')."""
    rng = random.Random(f"{variant}-{seed}")
    index = seed % len(STORIES)
    story = STORIES[index]
    head: list[tuple[str, Block]] = []
    if rng.random() < 0.7:
        head.append(("menu", _menu(rng)))
    if rng.random() < 0.4:
        head.append(("breadcrumbs", _breadcrumbs(rng)))
    head.append(("headline", [(story.headline, CHROME)]))
    if rng.random() < 0.5:
        head.append(("standfirst", [(story.standfirst, OPTIONAL)]))
    head.append(("byline", _byline_block(rng, story)))
    if variant == "short_lines":
        body: list[tuple[str, Block]] = [("p", [(sentence, BODY)]) for sentence in SHORT_LINE_STORIES[index]]
    else:
        body = _story_blocks(rng, story)
        if variant == "bio_sentence":
            body.insert(1, ("p", [(BIO_SHAPED_SENTENCES[index], BODY)]))
        elif variant == "hard_wrapped":
            body = _hard_wrap(body, rng.randint(60, 78))
        else:
            raise ValueError(f"unknown variant: {variant}")
    tail: list[tuple[str, Block]] = []
    if rng.random() < 0.5:
        tail.append(("author_bio", _author_bio(story)))
    if rng.random() < 0.5:
        tail.append(("related", _related(rng)))
    if rng.random() < 0.3:
        tail.append(("comments", _comments()))
    rng.shuffle(tail)
    if rng.random() < 0.6:
        tail.append(("footer", _footer()))
    return _assemble(f"fuzz-{variant}-{seed:03d}", head + body + tail)


def _assemble(name: str, blocks: list[tuple[str, Block]]) -> FuzzPage:
    lines: list[str] = []
    page = FuzzPage(name=name, text="")
    for _kind, block in blocks:
        for text, role in block:
            lines.append(text)
            if role == BODY:
                page.body.add(len(lines))
            elif role == OPTIONAL:
                page.optional.add(len(lines))
        lines.append("")
    page.text = "\n".join(lines)
    page.kinds = tuple(kind for kind, _ in blocks)
    return page


def make_pages(count: int = 320, first_seed: int = 0) -> list[FuzzPage]:
    return [make_page(seed) for seed in range(first_seed, first_seed + count)]


@dataclass(frozen=True)
class Verdict:
    lost: tuple[int, ...]  # body lines the cleaner dropped
    kept_chrome: tuple[int, ...]  # not-body lines it kept

    @property
    def passed(self) -> bool:
        return not self.lost and not self.kept_chrome


def judge(page: FuzzPage, kept_line_nos: tuple[int, ...] | list[int]) -> Verdict:
    kept = set(kept_line_nos)
    return Verdict(
        lost=tuple(sorted(page.body - kept)),
        kept_chrome=tuple(sorted(kept - page.body - page.optional)),
    )
