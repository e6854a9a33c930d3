"""Headline, byline and date on made-up page headers of shapes met on real pages of many sites (not copied from any).

Each page is invented; each stands for a general page shape rather than one site: a header pushed far above the
body by a comment form or a wall of video teasers, a byline printed as a list item, a category tag between the
date and the headline, a dated teaser list straight above the story, a headline opening with a capitalised verb.
"""
from __future__ import annotations

import datetime as dt

import pytest

from tests.test_metadata_layouts import _BODY, Layout, _norm, _story
from healthwork.clean import clean_article

_MENU = _story("  • Home", "  • News", "  • Health", "  • Business", "  • Opinion", "  • Contact")

LAYOUTS: list[Layout] = [
    Layout(
        # 'Introducing Amara Okafor, ...' opens like a name but 'Introducing' is no given name: a headline
        "headline_opening_with_a_capitalised_verb_and_a_name",
        _story(
            _MENU,
            "Example Care Partnership",
            "twitter linkedin facebook",
            "Introducing Amara Okafor, new chief executive at Example Care Partnership",
            "chevron_left Browse All Posts",
            _BODY,
        ),
        "Introducing Amara Okafor, new chief executive at Example Care Partnership",
        None,
        None,
    ),
    Layout(
        # the header, then author tools, a comment form, the date and a 'More on' box of teasers above the body
        "header_pushed_far_above_the_body",
        _story(
            _MENU,
            "Share this:",
            "  • Facebook",
            "  • Email",
            "Council opens work and health hub in former library building",
            "By Priya Nandakumar and Tomasz Wrobel",
            "  • View author archive",
            "  • Get author RSS feed",
            "  • email the author",
            "  • follow on twitter",
            "Most Popular Today",
            "1 Bus lane fines double in a year 2 Town hall clock stops again 3 Ferry fares rise",
            "Name(required)",
            "Email(required)",
            "Comment(required)",
            "Submit",
            "March 4, 2025 | 6:20am | Updated March 4, 2025 | 9:12pm",
            "Enlarge Image",
            "The new hub in the old library building on Castle Street",
            "More On:",
            "employment",
            "Jobcentre trial moves advisers into GP surgeries",
            "Charity warns of long waits for back-to-work support",
            "Seaside town bids for a share of regeneration fund",
            "Mayor promises new bus routes to business parks",
            _BODY,
        ),
        "Council opens work and health hub in former library building",
        "Priya Nandakumar and Tomasz Wrobel",
        dt.date(2025, 3, 4),
    ),
    Layout(
        # a video player's list of teaser headlines (no label) fills the lines above the story
        "wall_of_video_teasers_under_the_header",
        _story(
            _MENU,
            "Follow Example Business",
            "Employers struggle to fill vacancies as sickness absence climbs",
            "By Lena Hartmann, Example Business",
            "Updated 0915 GMT (1015 CET) March 11, 2025",
            "JUST WATCHED",
            "Minister: job support reforms are on track",
            "Replay",
            "More Videos ...",
            "MUST WATCH",
            "(16 Videos)",
            "Minister: job support reforms are on track",
            "Why firms are rethinking occupational health",
            "How one factory cut sick days by a third",
            "The hidden cost of long waiting lists",
            "What a four-day week did for staff wellbeing",
            "Inside the clinic that gets people back to work",
            "Why apprenticeships are making a comeback",
            "This is what a good return-to-work plan looks like",
            "How remote work changed the commute for millions",
            "What the budget means for small employers",
            "Why pharmacies are taking on more health checks",
            "The town that rebuilt its high street",
            "How sick pay rules compare across Europe",
            "What carers need from their employers",
            "Inside the push to cut hospital waiting times",
            "Why older workers are returning to jobs",
            _BODY,
        ),
        "Employers struggle to fill vacancies as sickness absence climbs",
        "Lena Hartmann",
        None,  # only an 'Updated' stamp: the page shows no publication date
    ),
    Layout(
        # the byline and the date printed as list items under the headline: 'Name, Outlet'
        "byline_as_a_list_item_with_the_outlet",
        _story(
            "International",
            "  • Trending",
            "  • Tech",
            "  • Strategy",
            "How to plan a phased return to work after long-term sickness",
            "  • Ngozi Adeyemi, Example Insider",
            "  • 13.11.2025, 23:06",
            "  • facebook",
            "  • linkedin",
            "  • email",
            _BODY,
        ),
        "How to plan a phased return to work after long-term sickness",
        "Ngozi Adeyemi",
        dt.date(2025, 11, 13),
    ),
    Layout(
        # two writers and their agency under the headline, then an 'Updated' stamp
        "writers_and_agency_under_the_headline",
        _story(
            _MENU,
            "Governor takes jobs plan to rural counties",
            "Orla Brennan and Kofi Mensah, Example Press",
            "Updated 12:24 am EST, Wednesday, November 20, 2024",
            "Photo: Orla Brennan, EP",
            _BODY,
        ),
        "Governor takes jobs plan to rural counties",
        "Orla Brennan and Kofi Mensah",
        None,
    ),
    Layout(
        # the date, then one category tag as a list item, then the headline and the writer
        "category_tag_between_date_and_headline",
        _story(
            _MENU,
            "Search by Keyword",
            "Search",
            "April 2, 2025",
            "  • Community",
            "Leader spotlight: the nurse who set up a back-to-work clinic",
            "Helen Falkner",
            _BODY,
        ),
        "Leader spotlight: the nurse who set up a back-to-work clinic",
        "Helen Falkner",
        dt.date(2025, 4, 2),
    ),
    Layout(
        # the outlet's dateline, the headline, a row of share buttons, then the video's own title over the story
        "share_buttons_between_dateline_and_story",
        _story(
            _MENU,
            "Example News February 24, 2025, 7:57 AM",
            "Carers in rural areas say support to stay in work is patchy",
            "  • Share",
            "  • Tweet",
            "  • Reddit",
            "  • Email",
            _BODY,
        ),
        "Carers in rural areas say support to stay in work is patchy",
        None,
        dt.date(2025, 2, 24),
    ),
    Layout(
        # no header at all: the story follows a dated 'More stories' list, whose last date is not the story's
        "dated_teaser_list_straight_above_a_headerless_story",
        _story(
            _MENU,
            "MORE STORIES LIKE THIS ONE",
            "LOCAL NEWS",
            "Hospital car park charges to rise in spring",
            "May 15, 2023",
            "HEALTH",
            "Clinic waiting times fall for third month",
            "January 22, 2024",
            "LOCAL NEWS",
            "New cycle lanes open on the ring road",
            "January 12, 2022",
            "FEATURES",
            "A day with the district nurses",
            "October 19, 2023",
            _BODY,
        ),
        None,
        None,
        None,
    ),
    Layout(
        # the writer, the section and the date above the headline (a magazine theme)
        "writer_section_and_date_above_the_headline",
        _story(
            _MENU,
            "Sign In",
            "Search",
            "Sarah Lindqvist",
            "Business",
            "01.21.2025 07:00 AM",
            "Remote work kept thousands of disabled people in jobs, study finds",
            _BODY,
        ),
        "Remote work kept thousands of disabled people in jobs, study finds",
        "Sarah Lindqvist",
        dt.date(2025, 1, 21),
    ),
    Layout(
        # a blog theme's meta row printed as short list items over the headline: date, poster, category
        "meta_row_as_list_items_over_the_headline",
        _story(
            _MENU,
            "Home » Blog »",
            "  • 13 August 2025",
            "  • Posted by Kestrel",
            "  • Wellbeing",
            "A short guide to going back to work after an operation",
            _BODY,
        ),
        "A short guide to going back to work after an operation",
        None,  # a one-word handle is no person's name
        dt.date(2025, 8, 13),
    ),
    Layout(
        # a printed statement's header is a form: labelled title, date and 'BY' fields
        "statement_header_as_labelled_fields",
        _story(
            "Example Regional Assembly",
            "WRITTEN STATEMENT",
            "BY",
            "THE EXAMPLE REGIONAL GOVERNMENT",
            "TITLE    Work and health support: allocations for 2026-27",
            "DATE    3 February 2026",
            "BY    Carys Pritchard MS, Cabinet Secretary for Work",
            "",
            _BODY,
        ),
        "Work and health support: allocations for 2026-27",
        "Carys Pritchard",
        dt.date(2026, 2, 3),
    ),
    Layout(
        "title_field_with_a_colon",
        _story(
            _MENU,
            "Subject: Council extends its back-to-work coaching service",
            "Date: 14 January 2026",
            _BODY,
        ),
        "Council extends its back-to-work coaching service",
        None,
        dt.date(2026, 1, 14),
    ),
    Layout(
        # the header (headline, standfirst, dated byline), then a long dated 'More stories' box
        "header_over_a_long_dated_list_of_more_stories",
        _story(
            _MENU,
            "Health News",
            "Hospital trust opens job clinic for patients on long waiting lists",
            "Patients off work while they wait for treatment will be offered careers advice on site",
            "Ruth Halloran March 20, 2025 12:32",
            "FIND A SERVICE NEAR YOU",
            "MORE STORIES LIKE THIS ONE",
            "HEALTH NEWS",
            "New diagnostic centre opens at retail park",
            "May 15, 2024",
            "FEATURES",
            "A week with the hospital discharge team",
            "January 22, 2025",
            "HEALTH NEWS",
            "Physiotherapy self-referral extended to all GP practices",
            "January 12, 2025",
            "COMMUNITY",
            "Volunteer drivers wanted for patient transport",
            "October 18, 2024",
            "HEALTH NEWS",
            "Mental health crisis café marks first birthday",
            "January 14, 2025",
            "FEATURES",
            "What happens when you call NHS 111",
            "June 18, 2024",
            "HEALTH NEWS",
            "Trust recruits 40 new nursing associates",
            "September 12, 2024",
            "CAREERS",
            "Apprenticeships in the NHS explained",
            "October 19, 2024",
            _BODY,
        ),
        "Hospital trust opens job clinic for patients on long waiting lists",
        "Ruth Halloran",  # the dated byline '<name> <date>'
        dt.date(2025, 3, 20),
    ),
    Layout(
        # an undated header, then a 'Related' box of dated teasers before the story: no date is the article's
        "dated_related_box_between_an_undated_header_and_the_story",
        _story(
            _MENU,
            "Home > Employment support > Local schemes",
            "Working Well Together",
            "How the borough's employment support partnership works",
            "Related pages",
            "Apply for a health and work coach",
            "14 January 2025",
            "Support for employers hiring disabled people",
            "2 February 2025",
            "Volunteer mentors wanted",
            "21 March 2025",
            _BODY,
        ),
        "How the borough's employment support partnership works",
        None,
        None,
    ),
    Layout(
        # both stamps on their own lines over the headline: two dates, but labelled, so not a dated list
        "first_published_and_last_updated_lines_over_the_headline",
        _story(
            "Example Public Sector Wire",
            "Region: North East",
            "First published 23 April 2025",
            "Last updated 28 April 2025",
            "Trailblazer to help people with health conditions back to work opens in coastal towns",
            _BODY,
        ),
        "Trailblazer to help people with health conditions back to work opens in coastal towns",
        None,
        dt.date(2025, 4, 23),
    ),
    Layout(
        # a 'Published' label line over a stamp that gives the update first and the first publication after it
        "published_label_over_updated_then_first_published",
        _story(
            _MENU,
            "Press release",
            "Six more areas to offer joined-up work and health support",
            "Published",
            "Updated 8 September 2026, first published 3 September 2026",
            _BODY,
        ),
        "Six more areas to offer joined-up work and health support",
        None,
        dt.date(2026, 9, 3),
    ),
    Layout(
        # the writer's name, their outlet on the next line, then the date: the outlet is not the writer
        "name_then_outlet_then_date",
        _story(
            _MENU,
            "Hospital discharge delays keep thousands out of work, carers say",
            "Hannah Corrigan",
            "Example Post",
            "14 May 2025",
            _BODY,
        ),
        "Hospital discharge delays keep thousands out of work, carers say",
        "Hannah Corrigan",
        dt.date(2025, 5, 14),
    ),
    Layout(
        # headline, standfirst, the writer's name and outlet, no date
        "standfirst_then_name_and_outlet",
        _story(
            _MENU,
            "Councils to share £4m for job coaches in GP surgeries",
            "The money will pay for employment advisers in surgeries across the county from the spring",
            "Hannah Birkett",
            "Example Post",
            _BODY,
        ),
        "Councils to share £4m for job coaches in GP surgeries",
        "Hannah Birkett",
        None,
    ),
    Layout(
        # the standfirst is kept as the story's first line; the byline and the writer's role follow it
        "name_and_role_after_a_standfirst_kept_as_body",
        _story(
            "Example Policy Review",
            "Explainers | Data | Westminster | Devolution | Health | Work | Newsletter",
            "EXPLAINER",
            "Explained: where the new employment support money is going",
            "Nine more areas will run the programme. Here is what they are getting and why.",
            "Aisha Rahman",
            "Employment Correspondent",
            _BODY,
        ),
        "Explained: where the new employment support money is going",
        "Aisha Rahman",
        None,
    ),
    Layout(
        # a row of share buttons between the headline and its standfirst: the standfirst is not the headline
        "share_row_between_headline_and_standfirst",
        _story(
            _MENU,
            "NewsRegional News",
            "Young people across the county to get £5m push into jobs and training",
            "Share this page",
            "  • Facebook",
            "  • X",
            "  • LinkedIn",
            "The work and pensions secretary joined the county's mayor to launch the scheme at a college in the town",
            "By Example Reporter",
            "14:02, 23 MAY 2025 Updated 15:41, 23 MAY 2025",
            _BODY,
        ),
        "Young people across the county to get £5m push into jobs and training",
        None,
        dt.date(2025, 5, 23),
    ),
    Layout(
        # a reading-time line between the headline and its standfirst
        "reading_time_between_headline_and_standfirst",
        _story(
            "News  Politics  Business  Money  Opinion  Sport",
            "Business › Economy",
            "Sickness absence costs employers billions a year, review warns",
            "3 min read",
            "Former retail boss says the country is sliding into an avoidable crisis as ill health pushes people out of work",
            "By Hannah Corrigan, Employment Correspondent",
            "5 November 2025 • 6:01am GMT",
            _BODY,
        ),
        "Sickness absence costs employers billions a year, review warns",
        "Hannah Corrigan",
        dt.date(2025, 11, 5),
    ),
    Layout(
        # dateline, headline, a comment counter, then the story
        "comment_counter_between_headline_and_story",
        _story(
            "Example Public Sector Wire",
            "Public sector news distribution",
            "Latest releases | By department | By region | Subscribe to alerts",
            "Region: Wales",
            "Distributed by: Office of the Example Minister",
            "Published 23 April 2025 10:05",
            "Trailblazer to tackle economic inactivity launches in two coastal towns",
            "12 comments",
            _BODY,
        ),
        "Trailblazer to tackle economic inactivity launches in two coastal towns",
        None,
        dt.date(2025, 4, 23),
    ),
    Layout(
        # the masthead's name and its tagline straight over the headline: the tagline shares no word with the story
        "site_tagline_straight_over_the_headline",
        _story(
            "Home  News  Sport  What's on  Jobs",
            "Example Evening Chronicle",
            "Your trusted voice for the valleys since 1871",
            "Named work coach and quick physiotherapy offered to people signed off sick",
            "By Gethin Morgan",
            "Tuesday, 14th October 2025, 9:15 am",
            _BODY,
        ),
        "Named work coach and quick physiotherapy offered to people signed off sick",
        "Gethin Morgan",
        dt.date(2025, 10, 14),
    ),
    Layout(
        # headline, a short standfirst without a full stop, then the byline: the first line is still the headline
        "short_standfirst_without_full_stop_under_the_headline",
        _story(
            "News › Health",
            "Fast-track referrals for workers off sick",
            "Partnership of council, care board and charities to run the new service from spring",
            "By Orla Whitcombe",
            "2 June 2025",
            _BODY,
        ),
        "Fast-track referrals for workers off sick",
        "Orla Whitcombe",
        dt.date(2025, 6, 2),
    ),
    Layout(
        # a lead photo's caption and credit between the headline and its standfirst: the standfirst does not take over
        "photo_caption_between_headline_and_standfirst",
        _story(
            "News  Health  Business  Opinion",
            "Health › Employment",
            "Fast-track physiotherapy offered to workers signed off sick",
            "Coaches at the new hub on Mill Lane. Photo: Example Picture Agency",
            "Partnership of council, care board and charities will take referrals from GPs and employers as well as from people themselves",
            "By Tamsin Oyelaran, Health Reporter",
            "18 March 2025",
            _BODY,
        ),
        "Fast-track physiotherapy offered to workers signed off sick",
        "Tamsin Oyelaran",
        dt.date(2025, 3, 18),
    ),
    Layout(
        # a video's notice and its caption between the headline's date and the story: the caption is no headline
        "video_notice_and_caption_over_the_story",
        _story(
            "Home  News  Sport  Weather",
            "Work and health hub opens in former library building",
            "  • 9 May 2025",
            "  • Share",
            "    • Share by email",
            "    • Share on Facebook",
            "    • Share on Messenger",
            "    • Share on X",
            "    • Share on WhatsApp",
            "    • Share on LinkedIn",
            "    • Share on Pinterest",
            "    • Share on Reddit",
            "    • Share on Threads",
            "    • Share on Tumblr",
            "    • Share on Mastodon",
            "Related Topics",
            "  • Employment",
            "Your browser does not support this video player",
            "Video captionNamed work coach and physiotherapy referral for people off work",
            _BODY,
        ),
        "Work and health hub opens in former library building",
        None,
        dt.date(2025, 5, 9),
    ),
    Layout(
        # a two-word headline straight over its byline: both its words are the story's
        "two_word_headline_over_the_byline",
        _story(
            "Home  News  Sport  Jobs",
            "Physiotherapy referrals",
            "By Idris Pemberton",
            "4 March 2025",
            _BODY,
        ),
        "Physiotherapy referrals",
        "Idris Pemberton",
        dt.date(2025, 3, 4),
    ),
    Layout(
        # a two-word section label over the byline is no headline: the story does not repeat 'matters'
        "two_word_section_label_over_the_byline",
        _story(
            "Home  News  Sport  Jobs",
            "Health Matters",
            "By Idris Pemberton",
            "4 March 2025",
            _BODY,
        ),
        None,
        "Idris Pemberton",
        dt.date(2025, 3, 4),
    ),
    Layout(
        # the site's name is one of its own menu entries and is printed again over the story: a site name, not the
        # headline; the page shows no other headline, so none is given
        "site_name_that_is_also_a_menu_entry",
        _story(
            "  • Example Work Guide",
            "  • Explainers",
            "  • Glossary",
            "  • About",
            "Example Work Guide",
            "sick pay",
            "---- by Morwenna Treharne",
            _BODY,
        ),
        None,
        "Morwenna Treharne",
        None,
    ),
    Layout(
        # a box's heading with its one link under it ('<name>' / '• <name>') between the menu and the story
        "box_heading_with_its_own_link_over_the_story",
        _story(
            _MENU,
            "Occupational health services",
            "  • Occupational health services",
            "Related pages",
            "  • Fit notes explained",
            "  • Statutory sick pay",
            _BODY,
        ),
        None,
        None,
        None,
    ),
    Layout(
        # a series' name printed twice between the standfirst and the date is not the writer
        "series_name_printed_twice_over_the_date",
        _story(
            _MENU,
            "Why early physiotherapy keeps people in work",
            "A conversation with a clinic manager about fast-track referrals",
            "Working Lives",
            "Working Lives",
            "Jun 18th 2025",
            _BODY,
        ),
        "Why early physiotherapy keeps people in work",
        None,
        dt.date(2025, 6, 18),
    ),
    Layout(
        # a blog's header: a two-word headline over list items of page facts
        "blog_two_word_headline_over_page_fact_items",
        _story(
            _MENU,
            "Home » Column »",
            "3 Mar",
            "Column",
            "Physiotherapy referrals",
            "  • March 3, 2025",
            "  • Posted by admin",
            "  • Leave a comment",
            _BODY,
        ),
        "Physiotherapy referrals",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        # a two-word section name with a pronoun over the date is no headline, though the story repeats 'health'
        "two_word_section_name_with_a_pronoun_over_the_date",
        _story(
            _MENU,
            "Your health",
            "3 March 2025",
            _BODY,
        ),
        None,
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        # a writer's recent posts (headline / writer / date) above the story's own header, whose date is a weekday
        # and a time: the last headline, over the story, is the page's; the teasers' dates are not its date
        "writer_teasers_over_a_header_dated_by_weekday_and_time",
        _story(
            _MENU,
            "Recent from Helen Vaughan",
            "Councils told to publish waiting times for adult social care assessments",
            "Helen Vaughan",
            "3/11/25 11:00AM",
            "Why the sick note is being renamed in three health boards",
            "Helen Vaughan",
            "3/11/25 9:00AM",
            "A short guide to phased returns after long-term sickness",
            "Helen Vaughan",
            "3/10/25 4:40PM",
            "Health",
            "Named work coaches promised to people signed off for a month",
            "Helen Vaughan",
            "Monday 5:30PM",
            "Filed to:employment",
            _BODY,
        ),
        "Named work coaches promised to people signed off for a month",
        "Helen Vaughan",
        None,
    ),
    Layout(
        # a columnist's name with their public office, then their post and the date: the name without the title
        "councillor_column_name_over_post_and_date",
        _story(
            _MENU,
            "OPINION",
            "Our young people deserve more than a leaflet about job clubs",
            "Councillor Aled Prydderch",
            "Cabinet member for skills and economic growth, Example City Council",
            "Thursday, November 19, 2026",
            _BODY,
        ),
        "Our young people deserve more than a leaflet about job clubs",
        "Aled Prydderch",
        dt.date(2026, 11, 19),
    ),
    Layout(
        # a charity blog's writer and post on the line straight under the headline
        "charity_blog_writer_and_post_under_the_headline",
        _story(
            "Example Minds Trust",
            "Get help | Our work | Research | Blog | About us",
            "Blog",
            "What £2m for employment support in mental health services could mean for our region",
            "Niamh Gallagher, Policy and Campaigns Officer",
            _BODY,
        ),
        "What £2m for employment support in mental health services could mean for our region",
        "Niamh Gallagher",
        None,
    ),
    Layout(
        # a lead photo's caption naming someone with their post, under the standfirst, is not a byline
        "caption_naming_a_chief_executive_under_the_standfirst",
        _story(
            _MENU,
            "Hospital trust opens a work and health clinic for its own staff",
            "Staff off sick with back pain will be seen within a week under the new service",
            "Gwen Aldous, Chief Executive, Example Hospitals Trust",
            _BODY,
        ),
        "Hospital trust opens a work and health clinic for its own staff",
        None,
        None,
    ),
    Layout(
        # a labelled box of teaser headlines runs straight into the page's own headline and its byline
        "related_box_running_into_the_header",
        _story(
            "Example Valley Online",
            "News | Business | Politics | Sport",
            "Wales > Business > Jobs",
            "RELATED STORIES",
            "Job centre opening hours cut in three towns",
            "Careers fair draws record crowds to the leisure centre",
            "County budget: what it means for your bins",
            "Employers praise the physiotherapy referral service for their staff",
            "£2.1m to help people with health conditions back into work across the valleys",
            "By Rhian Edwards",
            "Business Reporter",
            "September 18 2026 06:30 AM",
            _BODY,
        ),
        "£2.1m to help people with health conditions back into work across the valleys",
        "Rhian Edwards",
        dt.date(2026, 9, 18),
    ),
    Layout(
        # an e-mail newsletter: the subject names the issue, the story has its own headline; the date is the
        # e-mail's 'Date:' header
        "newsletter_subject_naming_the_issue",
        _story(
            "From: Example Works <news@example.org.uk>",
            "To: partners@example.org.uk",
            "Date: Thu, 12 Nov 2026 09:02:17 +0000",
            "Subject: Example Works news - November 2026",
            "View this email in your browser",
            "In this issue: funding confirmed - team expands - dates for your diary",
            "£900,000 keeps Example Works open to people with health conditions",
            _BODY,
        ),
        "£900,000 keeps Example Works open to people with health conditions",
        None,
        dt.date(2026, 11, 12),
    ),
    Layout(
        # a wire story's dateline opens the first paragraph; the header shows no date
        "wire_dateline_opening_the_story",
        _story(
            "EXAMPLE NEWSWIRE",
            "Home | Latest releases | Health | Contact",
            "PRESS RELEASE",
            "Work and health support expands to four more areas",
            "LEEDS, 14 October 2026 -- Four more areas will offer one-to-one job support to people with health conditions from April, the department confirmed today.",
            _BODY,
        ),
        "Work and health support expands to four more areas",
        None,
        dt.date(2026, 10, 14),
    ),
    Layout(
        # a 'By' label with its writers one a line (a @handle under the first): both are the byline
        "by_label_over_two_writers_one_a_line",
        _story(
            _MENU,
            "Four more areas added to the fit note pilot",
            "Patients will be able to get a fit note from a physiotherapist under the extension",
            "By",
            "Gareth Lloyd",
            "@garethlloyd",
            "Sarah Okafor",
            "01 October 2025",
            _BODY,
        ),
        "Four more areas added to the fit note pilot",
        "Gareth Lloyd and Sarah Okafor",
        dt.date(2025, 10, 1),
    ),
    Layout(
        # a 'By' label over one writer and their job: the job is not a second writer
        "by_label_over_one_writer_and_a_role",
        _story(
            _MENU,
            "Four more areas added to the fit note pilot",
            "By",
            "Gareth Lloyd",
            "Health Correspondent",
            "01 October 2025",
            _BODY,
        ),
        "Four more areas added to the fit note pilot",
        "Gareth Lloyd",
        dt.date(2025, 10, 1),
    ),
    Layout(
        # the date first, then the writer, on one line: 'date | name'
        "date_then_writer_on_one_line",
        _story(
            _MENU,
            "Four more areas added to the fit note pilot",
            "3 March 2025 | Gareth Lloyd",
            _BODY,
        ),
        "Four more areas added to the fit note pilot",
        "Gareth Lloyd",
        dt.date(2025, 3, 3),
    ),
    Layout(
        # the date first, then a section label: no writer
        "date_then_section_label_on_one_line",
        _story(
            _MENU,
            "Four more areas added to the fit note pilot",
            "3 March 2025 | Health and Care",
            _BODY,
        ),
        "Four more areas added to the fit note pilot",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        # a breadcrumb trail printed under the headline ends with it: still the page's own headline
        "breadcrumb_trail_under_the_headline",
        _story(
            _MENU,
            "Health",
            "Council opens work and health hub",
            "  • Home",
            "  • News",
            "  • Council opens work and health hub",
            "3 March 2025",
            _BODY,
        ),
        "Council opens work and health hub",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        # a headline with a colon ('X: Y') over a labelled date line is no form field: the date is the header's
        "colon_headline_over_a_labelled_date",
        _story(
            "NHS Example Integrated Care Board",
            "Home > Our work > Employment support",
            "Employment support: frequently asked questions",
            "Published: 3 March 2025",
            "What is the service?",
            _BODY,
        ),
        "Employment support: frequently asked questions",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        # a headline in capitals under the site's section strip: its words are the story's, the strip's are not
        "headline_in_capitals_under_a_section_strip",
        _story(
            "Example Gazette",
            "News Sport Business Opinion",
            "WORK COACH AND PHYSIOTHERAPY OFFERED TO PEOPLE OFF WORK WITH A HEALTH CONDITION",
            "By Kate Price",
            "3 March 2025",
            _BODY,
        ),
        "WORK COACH AND PHYSIOTHERAPY OFFERED TO PEOPLE OFF WORK WITH A HEALTH CONDITION",
        "Kate Price",
        dt.date(2025, 3, 3),
    ),
    Layout(
        # a council report: the council's name and the meeting over the date, then the report's own title
        "report_title_under_the_publishers_name",
        _story(
            "Page 1 of 3",
            "Example Borough Council",
            "Report to Cabinet",
            "3 March 2025",
            "Named work coach service: extension of funding",
            "1. Purpose of the report",
            _BODY,
        ),
        "Named work coach service: extension of funding",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        # a briefing note: who prepared it is a field, but the headline under it is not one of a block of fields
        "briefing_note_title_under_a_prepared_by_field",
        _story(
            "Briefing note",
            "For information",
            "Prepared by: Employment Services Team",
            "Work coach service: funding for 2025-27",
            "Summary",
            _BODY,
        ),
        "Work coach service: funding for 2025-27",
        None,
        None,
    ),
    Layout(
        # a social post: the poster's name with their connection to the reader, their job, the post's age, the post
        "social_post_under_the_posters_name",
        _story(
            "Home   My Network   Jobs   Messaging",
            "Amara Okafor • 3rd+",
            "Head of Employment Support | Example Care Partnership",
            "3d • Edited",
            "+ Follow",
            "Proud that our named work coach service now starts taking referrals from GPs",
            _BODY,
        ),
        "Proud that our named work coach service now starts taking referrals from GPs",
        "Amara Okafor",
        None,
    ),    Layout(
        # a dated list of other stories straight over the page's own dated headline: the last item over the story,
        # whose words the story repeats, is the headline; the others are teasers
        "own_dated_headline_under_a_dated_list",
        _story(
            "Example News",
            "Bus fares to rise by ten per cent from April",
            "11 March 2025",
            "New library opens in the town centre",
            "10 March 2025",
            "Named work coach and fast-track physiotherapy for people off work with a health condition",
            "12 March 2025",
            _BODY,
        ),
        "Named work coach and fast-track physiotherapy for people off work with a health condition",
        None,
        dt.date(2025, 3, 12),
    ),    Layout(
        # a parliamentary report's cover: the house, the committee, the title, then the report's number and the
        # printing order (cover lines, never the title)
        "parliamentary_report_cover",
        _story(
            "House of Commons",
            "Health and Social Care Committee",
            "Named work coaches in GP surgeries: first report",
            "Second Report of Session 2024-25",
            "Report, together with formal minutes relating to the report",
            "Ordered by the House of Commons to be printed 3 March 2025",
            "Summary",
            _BODY,
        ),
        "Named work coaches in GP surgeries: first report",
        None,
        dt.date(2025, 3, 3),
    ),
    Layout(
        # a council report: the meeting, its date, whom the report is from, then the title
        "council_report_from_a_director",
        _story(
            "Example County Council",
            "Cabinet",
            "3 March 2025",
            "Report of the Director of Adult Services",
            "Named work coach service: extension of the pilot",
            "Purpose of report",
            _BODY,
        ),
        "Named work coach service: extension of the pilot",
        None,
        dt.date(2025, 3, 3),
    ),
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_unseen_title(layout: Layout) -> None:
    assert clean_article(layout.text).title == layout.title


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_unseen_author(layout: Layout) -> None:
    assert _norm(clean_article(layout.text).author) == _norm(layout.author)


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_unseen_date(layout: Layout) -> None:
    assert clean_article(layout.text).published_date == layout.published


def test_names_without_honorifics() -> None:
    from healthwork.clean.names import without_honorifics

    assert without_honorifics("Councillor Kevin Marsh") == "Kevin Marsh"
    assert without_honorifics("Dr Jane Smith") == "Jane Smith"
    assert without_honorifics("Prof. Sir Tom Jones") == "Tom Jones"
    assert without_honorifics("Lord Smith") == "Lord Smith"  # a title and one name: left whole
    assert without_honorifics("Jane Smith") == "Jane Smith"


def test_button_over_a_weekday_and_time_is_no_writer() -> None:
    # 'Enlarge Image' has a name's shape; over a weekday-and-time date only a name opening with a given name counts
    page = "\n".join(
        [_MENU, "Council opens work and health hub in former library building", "Enlarge Image", "Monday 5:30PM", _BODY]
    )
    result = clean_article(page)
    assert result.title == "Council opens work and health hub in former library building"
    assert result.author is None
    assert result.published_date is None
