"""Headline, byline and date on made-up page headers in the styles of outlets the dev sets do not have.

Every page below is invented (names, places, numbers); its expected title, author and date were written
down from the page as an analyst would read it (GUIDELINES.md: the headline as written, the byline's
person name only, the article's own publication date, never an 'updated' date) before the code was run.
Each page is cleaned on its own (no corpus of template lines), as a lone new file would be.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from healthwork.clean import clean_article
from healthwork.clean.names import byline_name
from healthwork.dates import find_dates, find_short_year_dates


@dataclass(frozen=True)
class Layout:
    name: str
    text: str
    title: str | None
    author: str | None
    published: dt.date | None


def _story(*paragraphs: str) -> str:
    return "\n".join(paragraphs)


# three body paragraphs shared by the pages that only test their header (invented text)
_BODY = _story(
    "People who have been off work with a health condition for more than four weeks will be offered a named work coach and a fast-track referral to physiotherapy or talking therapy under the scheme.",
    "The service is being run by a partnership of the local council, the integrated care board and two voluntary sector providers, and will take referrals from GPs, employers and people themselves.",
    "Organisers said they expected about 1,200 people to use the service in its first year and would publish figures on how many returned to work every quarter.",
    "A spokesperson for the partnership said: \"Too many people fall out of work because help comes too late. We want to reach them in the first few weeks.\"",
)

LAYOUTS: list[Layout] = [
    Layout(
        "gov_uk_press_release",
        _story(
            "Cookies on GOV.UK",
            "We use some essential cookies to make this website work.",
            "Accept additional cookies",
            "Reject additional cookies",
            "Skip to main content",
            "GOV.UK",
            "Menu",
            "Home",
            "Work",
            "Employment support",
            "Press release",
            "Thousands more to get help staying in work through expanded health support",
            "A further 14 areas will offer joined-up work and health support from April, the government has announced.",
            "From:",
            "Department for Work and Pensions and The Rt Hon Alex Doyle MP",
            "Published",
            "12 March 2025",
            "Last updated",
            "14 March 2025 — See all updates",
            "Get emails about this page",
            "Print this page",
            _BODY,
            "Share this page",
            "Facebook",
            "Twitter",
        ),
        "Thousands more to get help staying in work through expanded health support",
        None,
        dt.date(2025, 3, 12),
    ),
    Layout(
        "hansard_debate",
        _story(
            "Hansard - UK Parliament",
            "Search Hansard",
            "Commons Chamber",
            "Employment Support: Long-term Health Conditions",
            "Volume 761: debated on Tuesday 4 February 2025",
            "Share",
            "Link to this debate",
            "Watch Parliament TV",
            "1. What steps her Department is taking to help people with long-term health conditions into work.",
            "Minister for Employment (Ruth Calder): We are investing in joined-up work and health support in every part of England, so that people get help early and close to home.",
            "Mr Gareth Pryce (Eastmoor) (Con): In my constituency, waiting lists for occupational health are months long. What will the Minister do to shorten them?",
            "Ruth Calder: The hon. Member is right that waits are too long. The new service will take referrals directly from GPs and employers.",
        ),
        "Employment Support: Long-term Health Conditions",
        None,
        dt.date(2025, 2, 4),
    ),
    Layout(
        "nhs_trust_news_posted_on",
        _story(
            "Kestrel Valley NHS Foundation Trust",
            "Search",
            "A-Z of services",
            "Home > News > Latest news",
            "Staff wellbeing hub helps nurses return after long-term sickness",
            "Posted on: 7 January 2026",
            "Category: Trust news",
            "The trust's staff wellbeing hub has helped more than 90 nurses and healthcare assistants come back to work after long spells of sickness absence in its first year.",
            "The hub offers physiotherapy, counselling and phased return plans agreed with line managers, and can be contacted directly by staff without a referral.",
            "Director of workforce Simone Achebe said: \"Every colleague who comes back is someone who can care for our patients. The hub has paid for itself many times over.\"",
            "Share this page",
            "Back to news",
        ),
        "Staff wellbeing hub helps nurses return after long-term sickness",
        None,
        dt.date(2026, 1, 7),
    ),
    Layout(
        "council_press_release_issued",
        _story(
            "Marston Vale Borough Council",
            "Report it",
            "Pay for it",
            "Apply for it",
            "Press release",
            "Issued: 21/10/2025",
            "Reference: PR25-114",
            "Council backs new employment hub for residents with health conditions",
            "Cabinet members have agreed to open an employment hub in the town centre for residents with long-term health conditions or disabilities.",
            "The hub will bring together work coaches, debt advisers and NHS mental health practitioners in one building, and will open in the spring.",
            "Councillor Meera Lakhani, cabinet member for economy, said: \"This is about making it easy to get help in one place, without being passed from pillar to post.\"",
            "Ends",
            "Notes to editors",
            "For media enquiries contact the press office on 01234 567890.",
        ),
        "Council backs new employment hub for residents with health conditions",
        None,
        dt.date(2025, 10, 21),
    ),
    Layout(
        "scottish_paper_correspondent_handle",
        _story(
            "The Highland Courier",
            "News",
            "Politics",
            "Sport",
            "Opinion",
            "Subscribe",
            "Health",
            "Fife pilot gets sick workers back to their jobs faster, report finds",
            "By Kirsty Macleod, Health Correspondent",
            "@kmacleodnews",
            "Published: 3rd November 2025",
            "Share",
            _BODY,
        ),
        "Fife pilot gets sick workers back to their jobs faster, report finds",
        "Kirsty Macleod",
        dt.date(2025, 11, 3),
    ),
    Layout(
        "welsh_outlet_reporter_role_line",
        _story(
            "Cymru Daily",
            "Newyddion",
            "News",
            "Politics",
            "Culture",
            "Support us",
            "Valleys scheme to help disabled people into work gets two more years",
            "02 Dec 2025 3 minute read",
            "Ifan Rhys",
            "Local Democracy Reporter",
            _BODY,
            "Support our Nation today",
        ),
        "Valleys scheme to help disabled people into work gets two more years",
        "Ifan Rhys",
        dt.date(2025, 12, 2),
    ),
    Layout(
        "linkedin_article",
        _story(
            "LinkedIn",
            "Skip to main content",
            "Articles",
            "People",
            "Learning",
            "Jobs",
            "Join now",
            "Sign in",
            "What two years of running a work and health service taught us",
            "Priya Mehta",
            "Head of Employability at Brightpath Partnership",
            "Published Nov 12, 2025",
            "+ Follow",
            "Two years ago we took our first referral. Since then more than 3,000 people have come through our doors, most of them out of work because of a mental health condition or a musculoskeletal problem.",
            "The biggest lesson is that speed matters. People we saw within a month of going off sick were twice as likely to be back at work six months later.",
            "The second lesson is that employers want to help but rarely know how. A single phone call from a work coach often unlocks a phased return.",
            "Like",
            "Comment",
            "Share",
        ),
        "What two years of running a work and health service taught us",
        "Priya Mehta",
        dt.date(2025, 11, 12),
    ),
    Layout(
        "medium_post",
        _story(
            "Open in app",
            "Sign up",
            "Sign in",
            "Write",
            "Why fit notes are the wrong place to start",
            "Tom Fenwick",
            "Follow",
            "6 min read",
            "·",
            "Sep 4, 2025",
            "Listen",
            "Share",
            "Every year millions of fit notes are issued, and the vast majority say the same thing: not fit for work. That single box does more to shape what happens next than any employment programme.",
            "When I worked as a GP I issued hundreds of them. I rarely had time to talk about what work the patient could still do, or what their employer might change.",
            "If we want people to stay in work, the conversation has to start before the fit note, not after it.",
            "Written by Tom Fenwick",
            "GP turned health policy writer.",
        ),
        "Why fit notes are the wrong place to start",
        "Tom Fenwick",
        dt.date(2025, 9, 4),
    ),
    Layout(
        "pdf_briefing_dump",
        _story(
            "Research briefing",
            "Number 10234, 14 May 2025",
            "Health and disability employment support in England",
            "Authors: Ruth Okafor and James Bell",
            "Contents",
            "1. Background",
            "2. Current programmes",
            "3. Funding",
            "1. Background",
            "Around 2.8 million people of working age are economically inactive because of long-term sickness, up from about 2 million before the pandemic.",
            "Successive governments have funded employment support for disabled people and people with health conditions through a mix of national programmes and local pilots.",
            "This briefing sets out the main programmes in England, how they are funded, and what evaluations have found so far.",
            "commonslibrary.parliament.uk Page 1 of 24",
        ),
        "Health and disability employment support in England",
        "Ruth Okafor and James Bell",
        dt.date(2025, 5, 14),
    ),
    Layout(
        "relative_time_only",
        _story(
            "Northern Evening Star",
            "News",
            "Sport",
            "What's On",
            "Jobs",
            "Jobcentre and hospital team up to get patients back to work",
            "Published 3 hours ago",
            "By Gemma Hollis",
            "Senior Reporter",
            _BODY,
            "Most read",
            "Man charged after town centre disorder",
            "14 May 2025",
        ),
        "Jobcentre and hospital team up to get patients back to work",
        "Gemma Hollis",
        None,
    ),
    Layout(
        "national_two_authors_kicker_caption",
        _story(
            "The Morning Standard",
            "Home | News | Politics",
            "EXCLUSIVE",
            "Ministers to hand employers new duty to help sick staff back to work",
            "Firms will have to offer a return-to-work plan to any employee off sick for more than six weeks under plans being drawn up by ministers",
            "By Daniel Morgan and Aisha Khan",
            "Political Correspondents",
            "14:02, 6 Oct 2025 | Updated 16:40, 6 Oct 2025",
            "The Work and Pensions Secretary is expected to set out the plans next month (Image: Getty)",
            "Firms will have to offer a return-to-work plan to staff who have been off sick for more than six weeks, under proposals being drawn up by ministers.",
            "The plans, seen by this newspaper, would also give small businesses free access to occupational health advice for the first time.",
            "A government source said the aim was to stop people drifting out of work and onto benefits.",
        ),
        "Ministers to hand employers new duty to help sick staff back to work",
        "Daniel Morgan and Aisha Khan",
        dt.date(2025, 10, 6),
    ),
    Layout(
        "agency_copy_pa_reporter",
        _story(
            "Midland Herald",
            "News",
            "UK News",
            "Jobless figures fall as more long-term sick return to work",
            "By PA Reporter",
            "Thursday 9 October 2025 12:14 BST",
            "The number of people out of work because of long-term sickness has fallen for the first time in three years, official figures show.",
            "The Office for National Statistics said the number of economically inactive people fell by 60,000 in the three months to August.",
            "Economists said it was too early to say whether the fall marked a lasting change.",
        ),
        "Jobless figures fall as more long-term sick return to work",
        None,
        dt.date(2025, 10, 9),
    ),
    Layout(
        "radio_newsroom_author",
        _story(
            "Coast FM",
            "Listen live",
            "News",
            "Travel",
            "Weather",
            "Share this article",
            "Facebook",
            "Twitter",
            "WhatsApp",
            "Hospital's back-to-work clinic to stay open after funding boost",
            "Author: Coast FM Newsroom",
            "5th March 2025, 7:40 am",
            _BODY,
        ),
        "Hospital's back-to-work clinic to stay open after funding boost",
        None,
        dt.date(2025, 3, 5),
    ),
    Layout(
        "trade_magazine_written_by_pipe",
        _story(
            "Occupational Health Today",
            "Subscribe",
            "Login",
            "News",
            "Features",
            "Jobs",
            "Events",
            "Return to work",
            "Employers urged to act early as musculoskeletal absence climbs",
            "Written by Claire O'Neill | Posted 18/02/2025",
            "Musculoskeletal problems now account for almost a quarter of long-term sickness absence, according to a survey of more than 800 employers.",
            "The survey found that only a third of firms offered physiotherapy, and fewer than one in five had trained managers to talk about health with their staff.",
            "The report's authors said early access to treatment could halve the length of many absences.",
        ),
        "Employers urged to act early as musculoskeletal absence climbs",
        "Claire O'Neill",
        dt.date(2025, 2, 18),
    ),
    Layout(
        "think_tank_author_pipe_role",
        _story(
            "Institute for Work Futures",
            "Research",
            "Blog",
            "Events",
            "About",
            "Blog post",
            "Is the disability employment gap finally closing?",
            "Author: Dr Femi Adeyemi | Senior Research Fellow",
            "Date: 27 August 2025",
            "The gap between the employment rates of disabled and non-disabled people narrowed slightly last year, but the headline figure hides big differences between regions and conditions.",
            "People with mental health conditions saw the smallest gains, while those with physical impairments saw the largest.",
            "If the gap is to close for good, support needs to reach people before they leave work, not years afterwards.",
            "Related posts",
            "Sickness absence: what the new data tell us",
        ),
        "Is the disability employment gap finally closing?",
        "Femi Adeyemi",
        dt.date(2025, 8, 27),
    ),
    Layout(
        "northern_ireland_reporter_label",
        _story(
            "Ulster Morning News",
            "Home",
            "News",
            "Northern Ireland",
            "Belfast employability scheme extended to people on sick leave",
            "Reporter: Conor McKenna",
            "Monday, 16 June 2025 at 6:00 am",
            _BODY,
        ),
        "Belfast employability scheme extended to people on sick leave",
        "Conor McKenna",
        dt.date(2025, 6, 16),
    ),
    Layout(
        "community_magazine_teasers_then_story",
        _story(
            "Eastbridge Community Voice",
            "Latest news",
            "Library opening hours change for summer",
            "2 June 2025",
            "Litter pick volunteers wanted for park clean-up",
            "28 May 2025",
            "Allotment society open day returns",
            "21 May 2025",
            "News",
            "Free health and work advice sessions come to the community centre",
            "By Maureen Platt",
            "10 June 2025",
            "Volunteers at the community centre. Photo: Alan Reed/Eastbridge Voice",
            "Residents who are struggling to stay in work because of a health problem can get free advice at the community centre every Tuesday from next week.",
            "The drop-in sessions are run by a local charity with funding from the council, and no appointment is needed.",
            "Organiser Beth Lowry said: \"We want people to come and talk to us before things reach crisis point.\"",
        ),
        "Free health and work advice sessions come to the community centre",
        "Maureen Platt",
        dt.date(2025, 6, 10),
    ),
    Layout(
        "charity_press_release_date_above",
        _story(
            "Working Minds UK",
            "Get support",
            "Get involved",
            "Donate",
            "News",
            "Press release",
            "18 September 2025",
            "Charity calls for mental health support in every jobcentre",
            "A mental health charity has called for trained advisers to be based in every jobcentre after a survey found most claimants with depression had never been asked about their health.",
            "The charity surveyed more than 1,500 people claiming out-of-work benefits and found two in three said their mental health made looking for work harder.",
            "Chief executive Nadia Rowe said the findings showed support was arriving far too late for many people.",
            "Media contact",
            "press@workingminds.example.org",
        ),
        "Charity calls for mental health support in every jobcentre",
        None,
        dt.date(2025, 9, 18),
    ),
    Layout(
        "updated_date_only",
        _story(
            "Dalesway District Council",
            "Home",
            "Business",
            "Employment and skills",
            "Help to find work if you have a health condition",
            "Last modified: 10 June 2025",
            "If you have a health condition or disability and want to find work, our employment support team can help.",
            "You can get one-to-one support from an adviser, help with applications and interviews, and advice on talking to employers about adjustments.",
            "The service is free and open to anyone aged 16 or over who lives in the district.",
        ),
        "Help to find work if you have a health condition",
        None,
        None,
    ),
    Layout(
        "us_style_caps_byline",
        _story(
            "Civic Health Wire",
            "Top stories",
            "Health",
            "Work",
            "Study finds early therapy cuts time off work for back pain",
            "By JONAH REYES",
            "March 3, 2025 at 9:15 a.m. EST",
            "Workers with back pain who saw a physical therapist within two weeks returned to work sooner than those who waited, a new study has found.",
            "The researchers followed more than 4,000 workers over two years and found that early treatment cut the average absence by nine days.",
            "The authors said employers who paid for early therapy were likely to save money.",
        ),
        "Study finds early therapy cuts time off work for back pain",
        "JONAH REYES",
        dt.date(2025, 3, 3),
    ),
]


# a second batch, written after the first ran: bylines and dates in the places the first batch did not try
LAYOUTS += [
    Layout(
        "three_authors_comma_and",
        _story(
            "The Policy Review",
            "Analysis",
            "What the new sickness benefit rules mean for claimants",
            "By Hannah Price, Josh Amadi and Lucy Tran",
            "4 April 2025",
            _BODY,
        ),
        "What the new sickness benefit rules mean for claimants",
        "Hannah Price, Josh Amadi and Lucy Tran",
        dt.date(2025, 4, 4),
    ),
    Layout(
        "guest_post_by",
        _story(
            "Northern Health Network",
            "Blog",
            "Why we put employment advisers in our mental health teams",
            "Guest post by Dr Amira Hassan",
            "Posted on 22 January 2026",
            _BODY,
        ),
        "Why we put employment advisers in our mental health teams",
        "Amira Hassan",
        dt.date(2026, 1, 22),
    ),
    Layout(
        "posted_in_category_by",
        _story(
            "Riverside Community Trust",
            "About",
            "Services",
            "News",
            "Contact",
            "New job club opens for people recovering from illness",
            "Posted in News by Sam Whitaker on 8 July 2025",
            _BODY,
            "Leave a comment",
        ),
        "New job club opens for people recovering from illness",
        "Sam Whitaker",
        dt.date(2025, 7, 8),
    ),
    Layout(
        "byline_at_the_foot",
        _story(
            "Hillside Borough Council",
            "Council news",
            "Supported internships open for young people with learning disabilities",
            "Published: 03/04/2025",
            "Young people aged 16 to 24 with a learning disability or autism can now apply for a supported internship with the council or one of its partners.",
            "Interns spend most of the week at a workplace with a job coach and the rest studying for a qualification.",
            "Last year nine in ten interns went on to paid work or further training.",
            "Written by Olivia Brennan, communications officer",
            "Share this page",
        ),
        "Supported internships open for young people with learning disabilities",
        "Olivia Brennan",
        dt.date(2025, 4, 3),
    ),
    Layout(
        "page_title_line_then_menus",
        _story(
            "GP practices to host work coaches in pilot | Westshire Gazette",
            "Skip to content",
            "Westshire Gazette",
            "News",
            "Sport",
            "Business",
            "Health",
            "GP practices to host work coaches in pilot",
            "Listen to this article",
            "4 min read",
            "Grace Adeyemi",
            "Health reporter",
            "Tue 4 Mar 2025 09.00 GMT",
            _BODY,
        ),
        "GP practices to host work coaches in pilot",
        "Grace Adeyemi",
        dt.date(2025, 3, 4),
    ),
    Layout(
        "updated_then_first_published",
        _story(
            "The Northern Ledger",
            "Politics",
            "Disability groups warn over plans to cut health top-up",
            "Updated 6 March 2025 / First published 4 March 2025",
            "By Ellis Jordan",
            _BODY,
        ),
        "Disability groups warn over plans to cut health top-up",
        "Ellis Jordan",
        dt.date(2025, 3, 4),
    ),
    Layout(
        "iso_timestamp_and_staff_byline",
        _story(
            "HealthPolicy Insider",
            "News",
            "Occupational health",
            "Small firms to get subsidised occupational health in trial",
            "By Staff Reporter",
            "2025-05-19T08:30:00+01:00",
            _BODY,
        ),
        "Small firms to get subsidised occupational health in trial",
        None,
        dt.date(2025, 5, 19),
    ),
    Layout(
        "headline_with_colon_quote",
        _story(
            "Eastshire Live",
            "News",
            "Health",
            "Council leader: \"Nobody should be written off because they are ill\"",
            "By Rachel Osborne, Local Democracy Reporter",
            "11:00, 14 November 2025",
            "Image caption: Councillor Dev Sharma at the meeting (Photo: Eastshire Council)",
            _BODY,
        ),
        "Council leader: \"Nobody should be written off because they are ill\"",
        "Rachel Osborne",
        dt.date(2025, 11, 14),
    ),
    Layout(
        "short_headline",
        _story(
            "Midvale NHS Trust",
            "News",
            "WorkWell comes to Midvale",
            "Posted: 12 February 2025",
            _BODY,
        ),
        "WorkWell comes to Midvale",
        None,
        dt.date(2025, 2, 12),
    ),
    Layout(
        "standfirst_then_byline_date_line",
        _story(
            "Work and Health Weekly",
            "Subscribe",
            "News",
            "Features",
            "Employers back plan for statutory sick pay from day one",
            "More than 60 business leaders have written to ministers backing the change, which would cost firms an estimated £15m a year",
            "Mark Ellison | 27 June 2025",
            "Photograph: Alamy",
            _BODY,
            "Related articles",
            "Sick pay reform delayed again",
            "1 May 2025",
        ),
        "Employers back plan for statutory sick pay from day one",
        "Mark Ellison",
        dt.date(2025, 6, 27),
    ),
    Layout(
        "press_office_organisation_byline",
        _story(
            "Greenford Borough Council",
            "Newsroom",
            "Health and work champions recognised at awards",
            "By Greenford Council Press Office",
            "Friday 21 November 2025",
            _BODY,
        ),
        "Health and work champions recognised at awards",
        None,
        dt.date(2025, 11, 21),
    ),
    Layout(
        "date_published_label_line",
        _story(
            "Coastal Integrated Care Board",
            "Home",
            "About us",
            "News",
            "Talking therapies team helps hundreds back to work",
            "Date published:",
            "9 October 2025",
            "Author:",
            "Naomi Fletcher",
            _BODY,
        ),
        "Talking therapies team helps hundreds back to work",
        "Naomi Fletcher",
        dt.date(2025, 10, 9),
    ),
]


LAYOUTS.append(
    Layout(
        "byline_at_the_foot_of_a_long_story",
        _story(
            "Lakeside Voluntary Action",
            "News",
            "Volunteers help long-term sick into work through peer mentoring",
            "16 May 2025",
            _BODY,
            "Mentors meet their mentee once a week for up to six months, usually in a café or library rather than an office.",
            "Many of the mentors have been out of work because of illness themselves and say that shared experience helps build trust.",
            "The scheme is looking for more volunteers, particularly in rural parts of the county.",
            "By Leah Donnelly",
            "Tags: volunteering, employment",
            "Share",
        ),
        "Volunteers help long-term sick into work through peer mentoring",
        "Leah Donnelly",
        dt.date(2025, 5, 16),
    )
)


# a third batch, on headlines: capitals, undated teasers, widgets and captions between headline and body
LAYOUTS += [
    Layout(
        "capitals_headline",
        _story(
            "Borough Bulletin",
            "NEWS",
            "COUNCIL LAUNCHES FREE WORK COACHING FOR UNPAID CARERS",
            "Published 2 September 2025",
            _BODY,
        ),
        "COUNCIL LAUNCHES FREE WORK COACHING FOR UNPAID CARERS",
        None,
        dt.date(2025, 9, 2),
    ),
    Layout(
        "undated_teasers_above",
        _story(
            "Fenland Today",
            "Latest news",
            "Road closures planned for bridge repairs",
            "Primary school celebrates outstanding report",
            "Market traders call for more parking",
            "Lifeboat crew rescues two walkers cut off by tide",
            "News",
            "Hospital opens drop-in hub to help patients stay in work",
            "By Owen Barclay",
            "13 August 2025",
            _BODY,
        ),
        "Hospital opens drop-in hub to help patients stay in work",
        "Owen Barclay",
        dt.date(2025, 8, 13),
    ),
    Layout(
        "caption_and_credit_before_byline",
        _story(
            "The County Echo",
            "News",
            "Health",
            "Mental health charity to run new employment service across the county",
            "Staff at the charity's head office",
            "The charity already supports around 400 people a year. Picture: County Echo",
            "Image: Tim Holt Photography",
            "By Freya Collins",
            "Wednesday, 5 November 2025 4:12pm",
            _BODY,
        ),
        "Mental health charity to run new employment service across the county",
        "Freya Collins",
        dt.date(2025, 11, 5),
    ),
    Layout(
        "exclusive_prefix",
        _story(
            "The Sunday Courier",
            "Politics",
            "Exclusive: Jobcentres to get mental health advisers in every district",
            "By Rosa Delaney, Whitehall Editor",
            "Sunday 19 October 2025",
            _BODY,
        ),
        "Exclusive: Jobcentres to get mental health advisers in every district",
        "Rosa Delaney",
        dt.date(2025, 10, 19),
    ),
    Layout(
        "widgets_between_headline_and_byline",
        _story(
            "The National Tribune",
            "News",
            "UK",
            "Sickness absence at highest level for a decade, survey finds",
            "Save article",
            "Listen",
            "Gift this article",
            "Comments (12)",
            "Marcus Webb",
            "Social Affairs Editor",
            "Thursday October 23 2025, 12.01am BST",
            _BODY,
        ),
        "Sickness absence at highest level for a decade, survey finds",
        "Marcus Webb",
        dt.date(2025, 10, 23),
    ),
    Layout(
        "question_headline_long_standfirst",
        _story(
            "Work Matters Magazine",
            "Opinion",
            "Can employers really fix the sickness crisis?",
            "The government wants firms to do more to keep ill staff in work. But without help for small businesses, the plan risks falling flat.",
            "Words: Helen Carver",
            "30.06.2025",
            _BODY,
        ),
        "Can employers really fix the sickness crisis?",
        "Helen Carver",
        dt.date(2025, 6, 30),
    ),
    Layout(
        "breadcrumb_truncated_headline",
        _story(
            "Southmoor City Council",
            "Home > News > Council backs new fund for employers who…",
            "Council backs new fund for employers who hire people with health conditions",
            "Issued on 11 April 2025",
            _BODY,
            "Was this page useful?",
        ),
        "Council backs new fund for employers who hire people with health conditions",
        None,
        dt.date(2025, 4, 11),
    ),
    Layout(
        "press_release_label_date_and_summary",
        _story(
            "Northern Combined Authority",
            "Media centre",
            "Press release",
            "24 February 2025",
            "Mayor announces £8m to help residents with health conditions find work",
            "Summary",
            "The programme will support up to 3,000 people across the region over three years.",
            _BODY,
            "Notes to editors",
        ),
        "Mayor announces £8m to help residents with health conditions find work",
        None,
        dt.date(2025, 2, 24),
    ),
    Layout(
        "news_site_live_reading_time_line",
        _story(
            "Metro Health News",
            "Menu",
            "Search",
            "Young people out of work due to ill health hits record high",
            "By Imogen Clarke and Samir Patel",
            "7 min read · 12 January 2026",
            _BODY,
        ),
        "Young people out of work due to ill health hits record high",
        "Imogen Clarke and Samir Patel",
        dt.date(2026, 1, 12),
    ),
]


# a fourth batch: regional groups' layouts (glued section and byline, broadcaster pages, label lines)
LAYOUTS += [
    Layout(
        "regional_group_glued_section_byline",
        _story(
            "Mersey Evening Post",
            "Sign in",
            "News",
            "Liverpool News",
            "Hundreds of jobseekers with health conditions helped by new hub",
            "The centre has been open for six months and has already helped hundreds of people",
            "Comments",
            "NewsBy Callum Farrell, Senior Reporter",
            "10:15, 3 Mar 2025",
            _BODY,
        ),
        "Hundreds of jobseekers with health conditions helped by new hub",
        "Callum Farrell",
        dt.date(2025, 3, 3),
    ),
    Layout(
        "broadcaster_name_then_outlet_line",
        _story(
            "Skip to content",
            "National Broadcast News",
            "Home",
            "News",
            "Sport",
            "Weather",
            "Share",
            "Save",
            "Back-to-work plan for over-50s to be trialled in three towns",
            "Alys Pennant",
            "National Broadcast News, North Wales",
            "Published",
            "3 March 2025",
            _BODY,
        ),
        "Back-to-work plan for over-50s to be trialled in three towns",
        "Alys Pennant",
        dt.date(2025, 3, 3),
    ),
    Layout(
        "broadcaster_regional_label_no_byline",
        _story(
            "Channel Four Regions News",
            "Wales",
            "Regional news",
            "Long Covid clinic helps patients return to work",
            "Monday 3 March 2025 at 6:07pm",
            "Share",
            _BODY,
        ),
        "Long Covid clinic helps patients return to work",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        "reporter_label_on_its_own_line",
        _story(
            "Borders Weekly",
            "News",
            "Employability fund reopens for small charities",
            "Reporter",
            "Fiona Laing",
            "Friday 14 February 2025",
            _BODY,
        ),
        "Employability fund reopens for small charities",
        "Fiona Laing",
        dt.date(2025, 2, 14),
    ),
    Layout(
        "kicker_and_standfirst_no_byline",
        _story(
            "Healthy Workplaces Network",
            "Members",
            "Resources",
            "Health & Care",
            "Employers' guide to phased returns published",
            "A new guide sets out how employers can plan a gradual return to work after illness or injury",
            "06/11/2025",
            _BODY,
        ),
        "Employers' guide to phased returns published",
        None,
        dt.date(2025, 11, 6),
    ),
]


# a fifth batch: publication pages and a page whose only headline is the saved page's title line
LAYOUTS += [
    Layout(
        "page_title_line_only",
        _story(
            "Winter support fund opens for households hit by illness | Northshire County Council",
            "Skip to main content",
            "Northshire County Council",
            "Home",
            "Council and democracy",
            "News",
            _BODY,
        ),
        "Winter support fund opens for households hit by illness",
        None,
        None,
    ),
    Layout(
        "nhs_publication_reference",
        _story(
            "NHS Region North",
            "Publications",
            "Publication",
            "Guidance on supporting staff with long-term conditions to stay in work",
            "Publication reference: PRN01234",
            "Publication date: 3 March 2025",
            "Last updated: 5 March 2025",
            "Document first published: 3 March 2025",
            _BODY,
        ),
        "Guidance on supporting staff with long-term conditions to stay in work",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        "name_comma_role_without_by",
        _story(
            "The Western Star",
            "News",
            "Physio waits leave thousands off work, figures show",
            "Kate Ward, Health Correspondent",
            "Posted: 03 Mar 2025 | 10:41",
            _BODY,
        ),
        "Physio waits leave thousands off work, figures show",
        "Kate Ward",
        dt.date(2025, 3, 3),
    ),
]


# a sixth batch: speeches, newsletters, topic lines and related links between headline and body
LAYOUTS += [
    Layout(
        "gov_speech_delivered_on",
        _story(
            "GOV.UK",
            "Home",
            "Speech",
            "Minister's speech to the employment support conference",
            "The minister set out plans to bring work and health support closer together.",
            "From:",
            "Department for Work and Pensions",
            "Published",
            "3 March 2025",
            "Delivered on:",
            "28 February 2025 (Original script, may differ from delivered version)",
            "Location:",
            "Manchester",
            "Thank you for inviting me to speak today. It is good to be among so many people who help others into work every day.",
            "We know that too many people are falling out of work because of ill health, and that the longer someone is out of work the harder it is to return.",
            "That is why we are joining up employment support with the health service in every part of the country.",
        ),
        "Minister's speech to the employment support conference",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        "trade_site_topics_and_author_card",
        _story(
            "Absence Management Weekly",
            "News",
            "Features",
            "Webinars",
            "Half of employers now offer mental health first aid, survey finds",
            "Topics: Occupational health, Absence management",
            "Share on LinkedIn",
            "Share on X",
            "Ruth Jameson",
            "Editor, Absence Management Weekly",
            "12th March 2025",
            _BODY,
        ),
        "Half of employers now offer mental health first aid, survey finds",
        "Ruth Jameson",
        dt.date(2025, 3, 12),
    ),
    Layout(
        "newsletter_post",
        _story(
            "The Work Letter",
            "Subscribe",
            "Sign in",
            "Three things the sickness figures don't tell you",
            "Inactivity is falling, but not for the people who most need help",
            "Tom Lee",
            "Mar 03, 2025",
            "Share",
            _BODY,
        ),
        "Three things the sickness figures don't tell you",
        "Tom Lee",
        dt.date(2025, 3, 3),
    ),
    Layout(
        "related_link_with_date_before_byline",
        _story(
            "Hampton Chronicle",
            "News",
            "Health",
            "Town's first occupational health clinic for small firms opens",
            "Read more: Sick pay reform delayed again (12 January 2025)",
            "By Priya Kaur",
            "Monday 17 March 2025, 8:00 am",
            _BODY,
        ),
        "Town's first occupational health clinic for small firms opens",
        "Priya Kaur",
        dt.date(2025, 3, 17),
    ),
]


# a seventh batch: parliament committee news, a statistics bulletin, an academic's article
LAYOUTS += [
    Layout(
        "committee_news",
        _story(
            "UK Parliament",
            "Committees",
            "Work and Pensions Committee",
            "Committee news",
            "MPs launch inquiry into support for disabled people looking for work",
            "3 March 2025",
            _BODY,
        ),
        "MPs launch inquiry into support for disabled people looking for work",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        "statistics_bulletin",
        _story(
            "Office for Statistics Example",
            "Employment and labour market",
            "Statistical bulletin",
            "Labour market overview, UK: March 2025",
            "Estimates of employment, unemployment and economic inactivity for the UK.",
            "Release date: 11 March 2025",
            "Next release: 10 April 2025",
            "Contact: Labour Market team",
            "The UK employment rate was estimated at 75.0% in November 2024 to January 2025, largely unchanged on the quarter.",
            "The economic inactivity rate was estimated at 21.6%, and the number of people inactive because of long-term sickness was estimated at 2.8 million.",
            "Payrolled employees fell slightly on the month, according to early estimates.",
        ),
        "Labour market overview, UK: March 2025",
        None,
        dt.date(2025, 3, 11),
    ),
    Layout(
        "academic_article_name_comma_role",
        _story(
            "The Discussion",
            "Academic rigour, journalistic flair",
            "Health",
            "Fit notes were meant to help people stay in work. Here's why they rarely do",
            "Published: March 3, 2025 2.15pm GMT",
            "Helen Ashworth, Professor of Occupational Health, University of Northbridge",
            "Disclosure statement",
            "Helen Ashworth receives funding from a research council.",
            _BODY,
        ),
        "Fit notes were meant to help people stay in work. Here's why they rarely do",
        "Helen Ashworth",
        dt.date(2025, 3, 3),
    ),
]


# an eighth batch: public broadcaster and council styles with credits and captions under the byline
LAYOUTS += [
    Layout(
        "broadcaster_credit_caption_after_outlet",
        _story(
            "Skip to content",
            "Example Broadcasting Corporation",
            "Home",
            "News",
            "Sport",
            "Weather",
            "England",
            "Local News",
            "£12m scheme to help people with health conditions into jobs",
            "10 March 2025",
            "Share",
            "Save",
            "Martin Goodall",
            "Example News, Lancashire",
            "Getty Images",
            "The scheme will be run by councils across the county",
            _BODY,
        ),
        "£12m scheme to help people with health conditions into jobs",
        "Martin Goodall",
        dt.date(2025, 3, 10),
    ),
    Layout(
        "broadcaster_ldrs_two_lines",
        _story(
            "Example Broadcasting Corporation",
            "News",
            "Council agrees to run new employment support service",
            "2 days ago",
            "Share",
            "Save",
            "Chloe Barnes",
            "Local Democracy Reporting Service",
            _BODY,
        ),
        "Council agrees to run new employment support service",
        "Chloe Barnes",
        None,
    ),
    Layout(
        "council_published_weekday_ordinal",
        _story(
            "Wrekinside Council",
            "Home",
            "Council news",
            "Published: Wednesday, 5th March 2025",
            "Council's job service to help more residents with health conditions",
            "Share this",
            _BODY,
            "Related news",
            "New skills centre opens",
            "Published: Monday, 3rd March 2025",
        ),
        "Council's job service to help more residents with health conditions",
        None,
        dt.date(2025, 3, 5),
    ),
    Layout(
        "local_paper_ldrs_one_line",
        _story(
            "Humber Daily Post",
            "News",
            "Hull News",
            "City's employment support programme to help 1,200 people",
            "The council says the scheme will focus on people with long-term health conditions",
            "By Aaron Fielding Local Democracy Reporter",
            "06:00, 14 March 2025",
            _BODY,
        ),
        "City's employment support programme to help 1,200 people",
        "Aaron Fielding",
        dt.date(2025, 3, 14),
    ),
]


# a ninth batch: names under the headline that are not the writer's
LAYOUTS += [
    Layout(
        "lead_caption_name_and_role",
        _story(
            "Southvale Chronicle",
            "News",
            "Charity wins contract to run county's work and health service",
            "Published 9 May 2025",
            "Pat Morgan, chief executive of Example Trust",
            _BODY,
        ),
        "Charity wins contract to run county's work and health service",
        None,
        dt.date(2025, 5, 9),
    ),
    Layout(
        "lead_caption_bare_name_after_byline_date",
        _story(
            "Southvale Chronicle",
            "News",
            "Minister visits jobcentre pilot in Southvale",
            "By Laura Finch",
            "9 May 2025",
            "Dan Whitby MP",
            _BODY,
        ),
        "Minister visits jobcentre pilot in Southvale",
        "Laura Finch",
        dt.date(2025, 5, 9),
    ),
]


# a tenth batch: a PDF whose headline wraps onto a second line
LAYOUTS += [
    Layout(
        "pdf_headline_wrapped",
        _story(
            "Northfield Integrated Care Board",
            "Board paper",
            "Employment support for people with long-term",
            "conditions: progress report",
            "Date of meeting: 14 May 2025",
            "Author: Simon Clarke, Director of Strategy",
            "1. Purpose",
            "This paper updates the board on the employment support service commissioned last year for people with long-term conditions.",
            "The service has taken 640 referrals since it opened, most of them from GP practices and musculoskeletal clinics.",
            "The board is asked to note the progress made and the plans for the second year.",
        ),
        "Employment support for people with long-term conditions: progress report",
        "Simon Clarke",
        dt.date(2025, 5, 14),
    ),
]


# an eleventh batch: a "Most read" box of undated teasers between the byline and the story
LAYOUTS += [
    Layout(
        "most_read_box_between_byline_and_body",
        _story(
            "The Valley Herald",
            "News",
            "Long-term sick to get fast-track physio under county pilot",
            "By Hugh Bannister",
            "Tuesday 22 April 2025 7:00 am",
            "Share",
            "Facebook",
            "Twitter",
            "Email",
            "Most read",
            "Man dies after crash on bypass",
            "Plans for 300 homes on former factory site approved",
            "Popular café to close after 40 years",
            "Football club appoints new manager",
            "Advertisement",
            _BODY,
        ),
        "Long-term sick to get fast-track physio under county pilot",
        "Hugh Bannister",
        dt.date(2025, 4, 22),
    ),
]


# a twelfth batch: a bare name between headline and story, nothing else
LAYOUTS += [
    Layout(
        "charity_blog_bare_name_only",
        _story(
            "Carers Together",
            "Blog",
            "Juggling care and a job: what helped me stay in work",
            "Rebecca Hollins",
            "When my mum was diagnosed with dementia I was working full time, and for the first year I tried to keep everything going on my own.",
            "It was my line manager who suggested I ask for flexible hours. I had not known that carers could make that request from their first day in a job.",
            "Two years on I work four days a week and my mum has support at home on the days I am at work.",
        ),
        "Juggling care and a job: what helped me stay in work",
        "Rebecca Hollins",
        None,
    ),
]


# a thirteenth batch: a blog theme printing date and writer above the headline
LAYOUTS += [
    Layout(
        "blog_theme_meta_above_headline",
        _story(
            "Pathways Employment Blog",
            "Home",
            "About",
            "Contact",
            "March 3, 2025",
            "Sarah Green",
            "Five questions to ask before a phased return to work",
            "A phased return can make the difference between staying in work and going off sick again, but only if it is planned properly.",
            "Start by asking how many hours you can realistically manage in the first week, and how quickly those hours should build up.",
            "Ask who will review the plan and when, and what happens if your symptoms flare up along the way.",
        ),
        "Five questions to ask before a phased return to work",
        "Sarah Green",
        dt.date(2025, 3, 3),
    ),
]


# a fourteenth batch: devolved government news pages
LAYOUTS += [
    Layout(
        "devolved_government_part_of_from",
        _story(
            "Example Government Scotland",
            "Topics",
            "Publications",
            "News",
            "Fair work support extended to people with long-term health conditions",
            "Published",
            "3 March 2025",
            "Part of",
            "Economy, Work and skills",
            "From",
            "First Minister",
            _BODY,
            "Media enquiries",
        ),
        "Fair work support extended to people with long-term health conditions",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        "devolved_government_first_published_last_updated",
        _story(
            "Example Government Wales",
            "Cymraeg",
            "Home",
            "News",
            "Extra support to help disabled people into work across Wales",
            "A new fund will help employers make adjustments for disabled staff.",
            "First published:",
            "3 March 2025",
            "Last updated:",
            "4 March 2025",
            _BODY,
        ),
        "Extra support to help disabled people into work across Wales",
        None,
        dt.date(2025, 3, 3),
    ),
]


# written after the change they test (regression pages for label lines, comma lists and glued dates)
LAYOUTS += [
    Layout(
        "published_two_digit_year_month_name",
        _story(
            "Dockside Community News",
            "News",
            "Drop-in employment advice returns to the library",
            "Published: 03 Mar 25",
            _BODY,
        ),
        "Drop-in employment advice returns to the library",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        "regional_group_glued_updated_date",
        _story(
            "Riverside Evening News",
            "News",
            "Jobcentre advisers to work from hospital outpatient clinics",
            "By Tom Acheson, Health Reporter",
            "09:00, 04 Mar 2025Updated 10:00, 05 Mar 2025",
            _BODY,
        ),
        "Jobcentre advisers to work from hospital outpatient clinics",
        "Tom Acheson",
        dt.date(2025, 3, 4),
    ),
    Layout(
        "contributor_label_line",
        _story(
            "Care Sector Review",
            "Opinion",
            "What social care can teach the NHS about keeping staff well",
            "Contributor",
            "Nadia Osei",
            "4 June 2025",
            _BODY,
        ),
        "What social care can teach the NHS about keeping staff well",
        "Nadia Osei",
        dt.date(2025, 6, 4),
    ),
    Layout(
        "two_authors_comma_no_and",
        _story(
            "Westgate Observer",
            "News",
            "Council and NHS agree joint plan to tackle economic inactivity",
            "By Sarah Mills, Daniel Hughes | 29 April 2025",
            _BODY,
        ),
        "Council and NHS agree joint plan to tackle economic inactivity",
        "Sarah Mills, Daniel Hughes",
        dt.date(2025, 4, 29),
    ),
]


def _norm(text: str | None) -> str:
    """As the scorer compares: case and spacing do not matter."""
    return " ".join((text or "").split()).lower()


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_layout_title(layout: Layout) -> None:
    assert clean_article(layout.text).title == layout.title


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_layout_author(layout: Layout) -> None:
    assert _norm(clean_article(layout.text).author) == _norm(layout.author)


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_layout_date(layout: Layout) -> None:
    assert clean_article(layout.text).published_date == layout.published


@pytest.mark.parametrize(
    "line, name",
    [
        ("By Hannah Price, Josh Amadi and Lucy Tran", "Hannah Price, Josh Amadi and Lucy Tran"),
        ("By Jane Smith, Leeds and Bradford", "Jane Smith"),  # places after the name are not more authors
        ("By Jane Smith, Tom Jones | 3 May 2025", "Jane Smith, Tom Jones"),  # a list without 'and', of given names
        ("By Jane Smith, Tom Jones, Political Reporters", "Jane Smith, Tom Jones"),
        ("By Jane Smith, Chief Reporter", "Jane Smith"),
        ("By Jane Smith BBC News", "Jane Smith"),  # the outlet's initials end the name
        ("By Eleri Griffiths ITV Wales", "Eleri Griffiths"),
        ("By Yorkshire Post Reporter", None),  # an outlet's desk, no person
        ("By Echo Reporter", None),
        ("By Jane Smith Political Editor", "Jane Smith"),
        ("By Nathanael Johnson Staff Writer", "Nathanael Johnson"),
        ("Guest author: Jane Smith", "Jane Smith"),
        ("Guest post by Dr Amira Hassan", "Amira Hassan"),
        ("Posted in News by Sam Whitaker on 8 July 2025", "Sam Whitaker"),
        ("By Al Root", "Al Root"),  # a particle-like given name
        ("By PA Reporter", None),
        ("By the Newsroom", None),
        ("By Greenford Council Press Office", None),
        ("By Example Cancer Support", None),  # an organisation is not the author
        ("Author: Westfield Foundation", None),
        ("By Learning and Earning Institute", None),
        ("By Northshire County Council", None),
        ("By Jane Smith and Agencies", "Jane Smith"),  # the agencies' copy is no second writer
        ("By JANE SMITH and TOM JONES", "JANE SMITH and TOM JONES"),  # names in capitals are not an outlet's initials
        ("By Local Democracy Reporter Jane Smith", "Jane Smith"),  # the role before the name
        ("By Health Correspondent Tom Jones", "Tom Jones"),
        ("By Local Democracy Reporter", None),
    ],
)
def test_byline_names(line: str, name: str | None) -> None:
    assert byline_name(line) == name


def test_a_date_glued_to_the_name_before_it() -> None:
    assert [d for _s, _e, d in find_dates("Shana Nys DambrotNovember 6, 2023")] == [dt.date(2023, 11, 6)]
    assert find_dates("remarch 6, 2023") == []  # only a capital after a small letter starts a glued month


@pytest.mark.parametrize(
    "text, day",
    [
        ("01.21.2020 07:00 AM", dt.date(2020, 1, 21)),  # month first: the second slot cannot be a month
        ("10/30/25", dt.date(2025, 10, 30)),
        ("30/10/25", dt.date(2025, 10, 30)),
        ("21/01/2020", dt.date(2020, 1, 21)),  # day first (UK) otherwise
    ],
)
def test_month_first_numeric_dates_with_days_past_19(text: str, day: dt.date) -> None:
    assert [d for _s, _e, d in find_dates(text)] == [day]


def test_two_digit_year_after_a_month_name_only_on_labelled_lines() -> None:
    assert [d for _s, _e, d in find_short_year_dates("Published: 03 Mar 25")] == [dt.date(2025, 3, 3)]
    assert [d for _s, _e, d in find_short_year_dates("Updated 4th March '25, 10:15")] == [dt.date(2025, 3, 4)]
    assert find_dates("On 3 March 25 people were helped") == []  # not a date without a label
    assert find_short_year_dates("3 March 25.5") == []
