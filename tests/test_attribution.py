"""Funding attribution on made-up news in the styles of different outlets.

Each story below was written for this file (no development page's wording) together with the
funding rows ../shared/gold/GUIDELINES.md asks for, before the extractor was run on it. They test
the programme rule the guidelines state: the programme named in the money's own sentence; else,
when the sentence talks about "the scheme/pilot/programme/service/funding", the programme the
paragraph or the article is about; else NULL (a department's budget, a package across several
schemes, an unnamed fund). Periods and kinds are checked on the same rows.
"""
from __future__ import annotations

import pytest

from healthwork.extract import extract_entities

# (amount, currency, qualifier, period_years, programme, kind)
Row = tuple[float, str, str, float | None, str | None, str]

CTW, WW, HGA, IPS = "Connect to Work", "WorkWell", "Health and Growth Accelerators", "Individual Placement and Support"


def funding(body: str) -> list[Row]:
    return [(r["amount"], r["currency"], r["qualifier"], r["period_years"], r["programme"], r["kind"])
            for r in extract_entities(body)["funding"]]


# A council press release: the programme is named in the opening paragraph only once, a local
# scheme once later; "the programme" in the money's sentence is the one the release is about.
COUNCIL = (
    "Rotherham Council has confirmed it will deliver Connect to Work in the borough from April, offering "
    "tailored help to residents whose health makes it hard to find or keep a job.\n"
    "The council will receive £4.2m over three years from the South Yorkshire Mayoral Combined Authority, which "
    "was awarded up to £35m for the programme by the Department for Work and Pensions.\n"
    "Support will be provided by employment specialists based in GP surgeries and community hubs.\n"
    'Councillor Ann Baker, cabinet member for jobs, said: "This is a big step for people who have been left '
    'behind."\n'
    "The new service sits alongside Working Win, which the council backed with £600,000 last year.\n"
)

# A local paper: "the service" in a later paragraph; a second programme with its own sentence.
LOCAL_PAPER = (
    "A pilot helping people in Dorset stay in work while they manage health problems is to be extended.\n"
    "The WorkWell pilot, run by NHS Dorset and Dorset Council, has supported more than 2,000 people since it "
    "launched in October 2024.\n"
    "Ministers have now confirmed a further £2.6m to keep the service running until March 2027.\n"
    "Dorset was one of 15 areas chosen for WorkWell, which shared £57m nationally.\n"
    "The county has also been picked to test a Health and Growth Accelerator, with a separate £3m allocation.\n"
)

# Trade press: "the accelerators" and "IPS" as aliases after the full names; the money of a
# sentence whose subject is a programme's services goes to that programme.
TRADE = (
    "Occupational health providers are being invited to bid for contracts worth up to £20m under the Health and "
    "Growth Accelerator programme.\n"
    "The three accelerators, in the North East, South Yorkshire and West Yorkshire, will each receive around "
    "£6.5m to cut the number of people out of work through ill health.\n"
    "Each accelerator is expected to commission services such as individual placement and support (IPS), "
    "musculoskeletal physiotherapy and mental health support.\n"
    "IPS services in the accelerator areas will get an extra £1.5m, according to NHS England.\n"
)

# GOV.UK: the programme in the first sentence, then "the funding", "the programme" and shares.
GOVUK = (
    "Thousands more disabled people and people with health conditions will be supported into work through a "
    "£115m expansion of Connect to Work, the Work and Pensions Secretary announced today.\n"
    "The funding will allow eight more areas to join the programme from next spring, taking total investment to "
    "over £1bn over five years.\n"
    "West London will get almost £9m of the £115m, while Kent will receive £14.6m.\n"
    "The expansion is part of the Get Britain Working plan, backed by £240m, which also includes the Youth "
    "Guarantee and the new Jobs and Careers Service.\n"
)

# Hansard: one long paragraph naming two programmes; "the pilot" is the one just named.
HANSARD = (
    "The Minister for Employment (Alison McGovern): I thank my hon. Friend for her question. Through WorkWell "
    "we are investing £57 million in 15 pilot areas. In her constituency, the integrated care board has been "
    "allocated £3.2 million to run the pilot. Separately, the Connect to Work programme will receive up to "
    "£1 billion over five years.\n"
    "Mr Peter Bedford (Mid Leicestershire) (Con): The Minister will know that the Department's own budget is "
    "under pressure. Can she confirm that the £2.5 billion for the Back to Work Plan announced by the previous "
    "Government has been spent?\n"
)

# NHS trust news: the programme is named only after the money, in the next paragraph.
NHS_TRUST = (
    "Mental health patients in Lincolnshire will get more help to find and keep jobs after the county's mental "
    "health trust secured £450,000 of new funding.\n"
    "Lincolnshire Partnership NHS Foundation Trust will use the money to expand its Individual Placement and "
    "Support (IPS) service, which places employment specialists in community mental health teams.\n"
    "The IPS service currently supports around 300 people a year, and the new money will pay for six more "
    "employment specialists.\n"
    "The trust also runs NHS Talking Therapies for Lincolnshire, which has its own employment advisers funded "
    "separately.\n"
)

# A live blog: a package across schemes (no programme), programmes in their own entries, a total
# that only includes a programme's money, a department's budget cut.
LIVE_BLOG = (
    "10:42 The Chancellor confirms £1.2bn a year for employment support by the end of the parliament.\n"
    "10:45 WorkWell will be extended to every integrated care board area, backed by £259m over three years.\n"
    "10:51 Connect to Work: a further £300m, taking its total to more than £1bn.\n"
    "10:58 Our economics editor says the £1.2bn figure includes money already announced for the Youth "
    "Guarantee.\n"
    "11:05 The Department for Work and Pensions' own budget will be cut by £1.5bn in real terms.\n"
)

# The Welsh Government: "for a further year" is a one-year span; shares for councils in a
# paragraph naming no programme; another service named once at the end.
WALES = (
    "The Welsh Government has announced £16m to extend Communities for Work Plus for a further year, helping "
    "people furthest from the labour market.\n"
    "The programme, delivered by local authorities across Wales, has helped more than 30,000 people into work "
    "since 2018.\n"
    "Each council will receive a share of the funding based on local need, with Cardiff getting £1.9m and "
    "Swansea £1.3m.\n"
    'Economy Secretary Rebecca Evans said: "These are people who want to work and this support makes that '
    'possible."\n'
    "Working Wales, run by Careers Wales, will continue to provide careers advice alongside the programme.\n"
)

# A Scottish local paper: a share going to another named programme; a council's own budget.
SCOTLAND = (
    "Fife Council has been awarded £2.1m from the Scottish Government's No One Left Behind fund to help "
    "parents and young people into work.\n"
    "Around £800,000 of the money will go to the Young Person's Guarantee, with the rest split between "
    "parental employability support and all-age provision.\n"
    "Council leader David Ross said the funding would make a real difference to families across the region.\n"
    "Separately, the council's own budget for employability services is £5m.\n"
)

# A local democracy reporter: the programme is named in the paragraph after the money ("The cash
# comes from ..."); "spend £1.4m on" a service is money allocated, not a cost; a rate per
# participant keeps the programme its own sentence names.
LDRS = (
    "Councillors in Stoke-on-Trent have approved plans to spend £1.4m on getting long-term sick residents back "
    "into work.\n"
    "The cash comes from the city's share of the Connect to Work programme, which is being rolled out across "
    "Staffordshire.\n"
    "A report to the cabinet said the scheme would support 900 people.\n"
    "Separately, the authority has been given £320,000 from the UK Shared Prosperity Fund for adult numeracy "
    "classes.\n"
    "It follows the closure of the Restart Scheme to new referrals, which the report said had cost £2,000 per "
    "participant.\n"
)

# A regional broadcaster: the programme named once; a cost to the economy; "the scheme" paying for staff.
REGIONAL_TV = (
    "People in Cornwall who are off work with back pain, anxiety or other health conditions are being offered "
    "fast-track support under a new scheme.\n"
    "The WorkWell service, run by the Cornwall and Isles of Scilly Integrated Care Board, has been given £3.1m.\n"
    "Figures show ill health is costing the local economy about £400m a year.\n"
    "The scheme will also pay for 20 new health and work coaches, at a cost of £35,000 each.\n"
)

# A spending watchdog: rates and costs in sentences about "the scheme" take the programme the
# article is about; a programme named inside a "which ..." aside is not the one the money is for.
WATCHDOG = (
    "The Restart Scheme has cost taxpayers £2.9bn since it launched in 2021, according to the National Audit "
    "Office.\n"
    "Auditors found the scheme spent an average of £4,100 for every participant who found a job, and providers "
    "were paid £1,700 per referral.\n"
    "The programme, which replaced the Work and Health Programme, was extended in 2023 at a cost of £1.2bn.\n"
)

# NHS England news: a cost in a sentence about the services of the one programme named.
NHS_ENGLAND = (
    "NHS England has set aside £25m to give people using NHS Talking Therapies access to employment advisers.\n"
    "The money will fund 400 advisers across 90 services, each costing around £62,500 a year.\n"
    "Talking Therapies services treated 1.2 million people last year.\n"
)

# Business press: a grant scheme's spending, its yearly cap per person, a firm's own outlay. (The cap
# first read "Grants are capped at ...": a bare "Grants" does not say "the scheme", so that sentence's
# rate is left without a programme; the sentence now says "under the scheme".)
BUSINESS = (
    "Disabled workers are waiting up to six months for Access to Work grants, leaving some employers to cover "
    "the cost of adjustments themselves.\n"
    "The scheme paid out £247m last year, up from £150m two years earlier.\n"
    "Grants under the scheme are capped at £69,260 a year per person.\n"
    "One small business owner said she had spent £3,000 on specialist software while waiting for a decision.\n"
)

# A council cabinet report: the subject programme, not the local scheme named in its aside.
CABINET = (
    "The Youth Guarantee trailblazer, which builds on the council's Step Forward programme, has been allocated "
    "£2.3m.\n"
    "Ingeus, which delivers the Work and Health Programme in London, has won a £12m contract to run Connect to "
    "Work in Kent.\n"
)

# A ministerial statement: long paragraphs naming many programmes, each sum tied in its sentence.
STATEMENT = (
    "The Secretary of State for Work and Pensions (Liz Kendall): With permission, I will make a statement on the "
    "Government's plans to get more people into work. Today we are publishing the Get Britain Working White "
    "Paper, backed by £240 million of investment. That includes £115 million a year for Connect to Work, which "
    "will support up to 100,000 disabled people and people with health conditions each year. We will also spend "
    "£45 million on the Youth Guarantee trailblazers in eight areas, and £125 million on eight economic "
    "inactivity trailblazers led by mayors and local areas.\n"
    "We are building on the success of WorkWell, the £57 million pilot in 15 areas, and on Individual Placement "
    "and Support. Every area will have a plan, and we will spend £55 million on those plans.\n"
)

# A think tank: a survey of past programmes (the first one named is not what later money is for);
# money for "a new programme" is for no named programme.
THINK_TANK = (
    "Analysis by the Institute for Employment Studies finds that the Work Programme, which ran from 2011 to "
    "2017, cost around £2bn and helped about one in four participants into sustained work.\n"
    "Its successor, the Work and Health Programme, was smaller, with funding of £398m over its lifetime, while "
    "the Restart Scheme has so far been allocated up to £2.9bn.\n"
    "By contrast, spending on incapacity benefits is forecast to reach £70bn a year by the end of the decade.\n"
    "The report argues that a new programme should receive at least £1bn a year for the next five years.\n"
)

# A newswire: a programme's earlier pilot, another programme in its own sentence, a charity's cost figure.
NEWSWIRE = (
    "Around 1,000 people with mental health problems will get help to stay in work under a £6m expansion of NHS "
    "Talking Therapies employment advice, NHS England said.\n"
    "Employment advisers will be placed in every Talking Therapies service in England, building on a pilot that "
    "cost £4m and helped 8,000 people.\n"
    "The scheme is separate from Individual Placement and Support, which received £20m last year.\n"
    'Mind chief executive Sarah Hughes said: "This is welcome, but it is a drop in the ocean compared with the '
    '£300bn cost of poor mental health."\n'
)

# A local paper, one sentence a paragraph: "a further" sum after another programme was mentioned.
ONE_LINERS = (
    "Hull City Council will receive £1.2m to deliver Connect to Work in the city.\n"
    "The programme offers up to a year of support to people with disabilities or long-term health conditions.\n"
    "It is separate from the Restart Scheme, which is due to close to new referrals next year.\n"
    "The council expects the funding to help 300 residents in the first year.\n"
    "A further £400,000 will be spent on extra support for people with learning disabilities.\n"
)

# A council story: a scheme's own budget and total are the scheme's money, a council's budget is
# not; periods stated by "two-year" before the money and by "Over three years," opening the sentence.
BUDGETS = (
    "Salford's WorkWell service has been extended after ministers confirmed new funding.\n"
    "The two-year extension is backed by £2.2m from the Department for Work and Pensions.\n"
    "Over three years, the city council will also put £600,000 of its own money into the service.\n"
    "In total, the programme will receive £2.8m.\n"
    "The scheme's budget is £1.1m, while the council's overall budget is £290m.\n"
)

# Trade press: how long a contract or programme runs, said in the money's sentence; an unnamed
# trial introduced later in the story is not the story's programme.
DURATIONS = (
    "The Connect to Work contract for Derbyshire, which starts in April, is worth £9.6m and will run for four "
    "years.\n"
    "The programme runs for three years in Nottinghamshire and is backed by £12m there.\n"
    "Separately, a year-long trial testing occupational health support for small firms will receive £800,000, "
    "the Department of Health and Social Care said.\n"
)

# A provider's news: contracts in two regions, the provider's other programmes named later.
PROVIDER = (
    "Ingeus has been chosen to deliver Connect to Work in Essex and the West Midlands, in contracts worth a "
    "combined £60m.\n"
    "In Essex, the provider will receive up to £30.7m over five years to support 7,800 people, while the West "
    "Midlands contract is worth £29m.\n"
    "The provider already runs the Restart Scheme in both regions and delivered the Work and Health Programme "
    "until it closed in 2024.\n"
    "Chief executive Jo Smith said the contracts built on the organisation's experience of IPS, which was named "
    "a priority in the Get Britain Working white paper.\n"
)

# An integrated care board: "the accelerators" and another programme in one sentence.
ICB = (
    "NHS North East and North Cumbria Integrated Care Board has been given a further £10m to extend its Health "
    "and Growth Accelerator for another year.\n"
    "The accelerator, one of three in England, received £15m when it launched and has helped 4,000 people with "
    "musculoskeletal and mental health conditions stay in work.\n"
    "Nationally, the accelerators share £45m, alongside £64m for WorkWell.\n"
)

# A combined authority: its trailblazer, a named local service and IPS money inside it.
COMBINED_AUTHORITY = (
    "The York and North Yorkshire Combined Authority has launched its Get Britain Working trailblazer, one of "
    "eight in England.\n"
    "The trailblazer has £10m to spend over two years on new ways to help people with health conditions into "
    "work.\n"
    "It will include a £2m expansion of the authority's Routes to Work service and £1.5m for Individual "
    "Placement and Support in primary care.\n"
    "The mayor said the area's £10m was a fraction of what was needed.\n"
)

# HR press: an extension for another year, a range per area, an incentive per person.
HR_PRESS = (
    "The government has extended the Youth Guarantee trailblazers for another year, with £45m to keep them "
    "running in the eight areas.\n"
    "Each area will receive between £4m and £6.5m, depending on the number of young people not in education, "
    "employment or training.\n"
    "The trailblazers were first announced in the Get Britain Working white paper and have so far supported "
    "12,000 young people.\n"
    "Employers taking part in the scheme can claim £1,500 for each young person they take on.\n"
)

# Welsh councils: allocations in a list sentence; the programme's predecessor in its own sentence.
GWENT = (
    "Councils in Gwent will share £4.8m to expand Communities for Work Plus (CfW+) next year.\n"
    "Newport will receive £1.6m, Caerphilly £1.4m, Torfaen £700,000, Blaenau Gwent £600,000 and Monmouthshire "
    "£500,000.\n"
    "CfW+ replaced Communities for Work, which received £18m a year from the European Social Fund in Gwent.\n"
)

# Programmes named only to compare or to say what something replaced or is modelled on are not the
# ones the money is for.
REFERENCES = (
    "Stockton Council will run the WorkWell pilot in the town from January.\n"
    "Unlike the Restart Scheme, WorkWell will get £2m to offer help before people fall out of work.\n"
    "Modelled on Individual Placement and Support, the pilot will also receive £1m for employment specialists in "
    "GP practices.\n"
    "The programme that replaced the Work Programme, Restart, has cost £2.9bn nationally.\n"
)

# One sentence, several programmes: where the money comes from is not what it is for; "respectively"
# pairs the amounts with the programmes in order; a programme in a ", part of ..." apposition is the
# wider scheme, not the recipient.
SEVERAL_IN_ONE = (
    "Dudley Council will use £250,000 from the UK Shared Prosperity Fund for WorkWell referrals in the borough.\n"
    "Connect to Work, WorkWell and Individual Placement and Support will receive £3.8m, £900,000 and £400,000 "
    "respectively.\n"
    "The Youth Guarantee trailblazer, part of the £240m Get Britain Working package, gets £5m.\n"
)

# Funds and budgets: "the fund" of a story about one programme is that programme's; a new fund for
# something else, or a council's own budget, is not.
FUNDS = (
    "Bradford's WorkWell service is expanding into GP practices.\n"
    "The £100,000 fund will pay for link workers in ten surgeries.\n"
    "The service has an overall budget of £2.4m.\n"
    "Altogether, the programme will get £2.5m.\n"
    "The council has also launched a £50,000 hardship fund for residents struggling with bills.\n"
    "The council's budget for adult social care is £120m.\n"
)

# A charity delivering a programme: its own fundraising and pay are not the programme's money.
CHARITY = (
    "A Sunderland charity has been chosen to deliver Connect to Work in the city.\n"
    "Pathways North, which has 40 staff, raised £120,000 from its annual fun run last year.\n"
    "Its chief executive earns £68,000 a year.\n"
    "The charity will receive £1.1m over three years to run the service.\n"
)

# A council report naming two programmes: the same sum restated later keeps the programme its
# first statement named.
RESTATED = (
    "Councillors in Durham have approved plans to take part in two national employment schemes.\n"
    "The county will receive £14.2m over five years through Connect to Work, which will support 3,600 people.\n"
    "It will also host a Youth Guarantee trailblazer, backed by £4m.\n"
    "Officers said the £14.2m would pay for 45 employment specialists.\n"
)

# A charity's story: a programme named once, as the background ("It comes as ..."), is not what the
# charity's own money is for.
BACKGROUND = (
    "Mental health charity Mind has launched a £2m partnership with Jobcentre Plus to support people back to work.\n"
    "Advisers will be placed in 30 jobcentres.\n"
    "It comes as the government rolls out its £1bn Pathways to Work reforms.\n"
)

# A council news page: a programme named beside the money ("Alongside ...", "In addition to ...",
# "On top of ...") is not what the money is for.
ALONGSIDE = (
    "Sunderland City Council is one of the first areas to deliver Connect to Work, with £9.1m over five years.\n"
    "Alongside Connect to Work, the council is investing £1m of its own money in a skills hub.\n"
    "On top of its Connect to Work allocation, the council will spend £400,000 on a jobs fair.\n"
    "The programme will open to referrals in April, with £1.5m of the money spent in the first year.\n"
)

# A think-tank blog: a cut "to" something that is not the programme is not the programme's money,
# even when the sentence names the programme; "It" opening a sentence is the scheme just named.
BLOG = (
    "Ministers say Restart Scheme is working, but it now sits next to about £3bn of cuts to sickness benefits.\n"
    "Access to Work, which funds equipment and support workers for disabled staff, has a long waiting list. "
    "It paid out £390m last year, and the department expects demand to keep rising. It cost £45m to administer.\n"
    "Meanwhile the city council is consulting on a £900,000 cut to its youth careers service.\n"
)

# Trade press: an acronym in brackets does not end the clause a period is said in; the total value
# of contracts is the programme's money; a fee per outcome is a rate (other).
CONTRACTS = (
    "The Department for Work and Pensions has extended the Restart Scheme, lifting the overall value of the "
    "contracts to £2.6bn.\n"
    "Under the extended contracts, providers will be paid a fee of £2,100 for each job outcome.\n"
    "Separately, Surrey Heartlands Integrated Care Board (ICB) has put £650,000 into Individual Placement and "
    "Support (IPS) in community mental health teams over the next two years.\n"
)

# A council report: periods said as "over a period of" and "over the period 2026-2029".
PERIODS = (
    "Cheshire East Council will run WorkWell with £1.8m over a period of three years.\n"
    "The council expects a further £600,000 from the national fund over the period 2026-2029.\n"
)

# A think-tank note: planned spending on support services is money given; spending on benefits is a cost.
SPENDING = (
    "Under the Youth Guarantee, spending on training places and job support for young people will rise to "
    "£300m a year by 2028.\n"
    "Spending on out-of-work benefits for young people is £9bn.\n"
)


CASES: dict[str, tuple[str, list[Row]]] = {
    "council press release": (COUNCIL, [
        (4.2e6, "GBP", "exact", 3.0, CTW, "funding"),
        (35e6, "GBP", "up_to", None, CTW, "funding"),
        (600000.0, "GBP", "exact", None, "Working Win", "funding"),
    ]),
    "local paper": (LOCAL_PAPER, [
        (2.6e6, "GBP", "exact", None, WW, "funding"),
        (57e6, "GBP", "exact", None, WW, "funding"),
        (3e6, "GBP", "exact", None, HGA, "funding"),
    ]),
    "trade press": (TRADE, [
        (20e6, "GBP", "up_to", None, HGA, "funding"),
        (6.5e6, "GBP", "about", None, HGA, "funding"),
        (1.5e6, "GBP", "exact", None, IPS, "funding"),
    ]),
    "gov.uk": (GOVUK, [
        (115e6, "GBP", "exact", None, CTW, "funding"),
        (1e9, "GBP", "more_than", 5.0, CTW, "funding"),
        (9e6, "GBP", "about", None, CTW, "funding"),
        (115e6, "GBP", "exact", None, CTW, "funding"),
        (14.6e6, "GBP", "exact", None, CTW, "funding"),
        (240e6, "GBP", "exact", None, "Get Britain Working", "funding"),
    ]),
    "hansard": (HANSARD, [
        (57e6, "GBP", "exact", None, WW, "funding"),
        (3.2e6, "GBP", "exact", None, WW, "funding"),
        (1e9, "GBP", "up_to", 5.0, CTW, "funding"),
        (2.5e9, "GBP", "exact", None, "Back to Work Plan", "funding"),
    ]),
    "nhs trust": (NHS_TRUST, [
        (450000.0, "GBP", "exact", None, IPS, "funding"),
    ]),
    "live blog": (LIVE_BLOG, [
        (1.2e9, "GBP", "exact", 1.0, None, "funding"),
        (259e6, "GBP", "exact", 3.0, WW, "funding"),
        (300e6, "GBP", "exact", None, CTW, "funding"),
        (1e9, "GBP", "more_than", None, CTW, "funding"),
        (1.2e9, "GBP", "exact", None, None, "funding"),
        (1.5e9, "GBP", "exact", None, None, "other"),
    ]),
    "wales": (WALES, [
        (16e6, "GBP", "exact", 1.0, "Communities for Work Plus", "funding"),
        (1.9e6, "GBP", "exact", None, "Communities for Work Plus", "funding"),
        (1.3e6, "GBP", "exact", None, "Communities for Work Plus", "funding"),
    ]),
    "scotland": (SCOTLAND, [
        (2.1e6, "GBP", "exact", None, "No One Left Behind", "funding"),
        (800000.0, "GBP", "about", None, "Young Person's Guarantee", "funding"),
        (5e6, "GBP", "exact", None, None, "funding"),
    ]),
    "local democracy reporter": (LDRS, [
        (1.4e6, "GBP", "exact", None, CTW, "funding"),
        (320000.0, "GBP", "exact", None, "UK Shared Prosperity Fund", "funding"),
        (2000.0, "GBP", "exact", None, "Restart Scheme", "other"),
    ]),
    "regional tv": (REGIONAL_TV, [
        (3.1e6, "GBP", "exact", None, WW, "funding"),
        (400e6, "GBP", "about", 1.0, None, "cost"),
        (35000.0, "GBP", "exact", None, WW, "cost"),
    ]),
    "watchdog": (WATCHDOG, [
        (2.9e9, "GBP", "exact", None, "Restart Scheme", "cost"),
        (4100.0, "GBP", "exact", None, "Restart Scheme", "other"),
        (1700.0, "GBP", "exact", None, "Restart Scheme", "other"),
        (1.2e9, "GBP", "exact", None, "Restart Scheme", "cost"),
    ]),
    "nhs england": (NHS_ENGLAND, [
        (25e6, "GBP", "exact", None, "NHS Talking Therapies", "funding"),
        (62500.0, "GBP", "about", 1.0, "NHS Talking Therapies", "cost"),
    ]),
    "business press": (BUSINESS, [
        (247e6, "GBP", "exact", None, "Access to Work", "funding"),
        (150e6, "GBP", "exact", None, "Access to Work", "funding"),
        (69260.0, "GBP", "up_to", 1.0, "Access to Work", "other"),
        (3000.0, "GBP", "exact", None, None, "cost"),
    ]),
    "cabinet report": (CABINET, [
        (2.3e6, "GBP", "exact", None, "Youth Guarantee", "funding"),
        (12e6, "GBP", "exact", None, CTW, "funding"),
    ]),
    "ministerial statement": (STATEMENT, [
        (240e6, "GBP", "exact", None, "Get Britain Working", "funding"),
        (115e6, "GBP", "exact", 1.0, CTW, "funding"),
        (45e6, "GBP", "exact", None, "Youth Guarantee", "funding"),
        (125e6, "GBP", "exact", None, "Get Britain Working", "funding"),
        (57e6, "GBP", "exact", None, WW, "funding"),
        (55e6, "GBP", "exact", None, None, "funding"),
    ]),
    "think tank": (THINK_TANK, [
        (2e9, "GBP", "about", None, "Work Programme", "cost"),
        (398e6, "GBP", "exact", None, "Work and Health Programme", "funding"),
        (2.9e9, "GBP", "up_to", None, "Restart Scheme", "funding"),
        (70e9, "GBP", "exact", 1.0, None, "cost"),
        (1e9, "GBP", "more_than", 1.0, None, "funding"),
    ]),
    "newswire": (NEWSWIRE, [
        (6e6, "GBP", "exact", None, "NHS Talking Therapies", "funding"),
        (4e6, "GBP", "exact", None, "NHS Talking Therapies", "cost"),
        (20e6, "GBP", "exact", None, IPS, "funding"),
        (300e9, "GBP", "exact", None, None, "cost"),
    ]),
    "one sentence a paragraph": (ONE_LINERS, [
        (1.2e6, "GBP", "exact", None, CTW, "funding"),
        (400000.0, "GBP", "exact", None, CTW, "funding"),
    ]),
    "budgets": (BUDGETS, [
        (2.2e6, "GBP", "exact", 2.0, WW, "funding"),
        (600000.0, "GBP", "exact", 3.0, WW, "funding"),
        (2.8e6, "GBP", "exact", None, WW, "funding"),
        (1.1e6, "GBP", "exact", None, WW, "funding"),
        (290e6, "GBP", "exact", None, None, "funding"),
    ]),
    "durations": (DURATIONS, [
        (9.6e6, "GBP", "exact", 4.0, CTW, "funding"),
        (12e6, "GBP", "exact", 3.0, CTW, "funding"),
        (800000.0, "GBP", "exact", 1.0, None, "funding"),
    ]),
    "provider": (PROVIDER, [
        (60e6, "GBP", "exact", None, CTW, "funding"),
        (30.7e6, "GBP", "up_to", 5.0, CTW, "funding"),
        (29e6, "GBP", "exact", None, CTW, "funding"),
    ]),
    "icb": (ICB, [
        (10e6, "GBP", "exact", 1.0, HGA, "funding"),
        (15e6, "GBP", "exact", None, HGA, "funding"),
        (45e6, "GBP", "exact", None, HGA, "funding"),
        (64e6, "GBP", "exact", None, WW, "funding"),
    ]),
    "combined authority": (COMBINED_AUTHORITY, [
        (10e6, "GBP", "exact", 2.0, "Get Britain Working", "funding"),
        (2e6, "GBP", "exact", None, "Routes to Work", "funding"),
        (1.5e6, "GBP", "exact", None, IPS, "funding"),
        (10e6, "GBP", "exact", None, "Get Britain Working", "funding"),
    ]),
    "hr press": (HR_PRESS, [
        (45e6, "GBP", "exact", 1.0, "Youth Guarantee", "funding"),
        (4e6, "GBP", "exact", None, "Youth Guarantee", "funding"),
        (6.5e6, "GBP", "exact", None, "Youth Guarantee", "funding"),
        (1500.0, "GBP", "exact", None, "Youth Guarantee", "other"),
    ]),
    "gwent": (GWENT, [
        (4.8e6, "GBP", "exact", None, "Communities for Work Plus", "funding"),
        (1.6e6, "GBP", "exact", None, "Communities for Work Plus", "funding"),
        (1.4e6, "GBP", "exact", None, "Communities for Work Plus", "funding"),
        (700000.0, "GBP", "exact", None, "Communities for Work Plus", "funding"),
        (600000.0, "GBP", "exact", None, "Communities for Work Plus", "funding"),
        (500000.0, "GBP", "exact", None, "Communities for Work Plus", "funding"),
        (18e6, "GBP", "exact", 1.0, "Communities for Work", "funding"),
    ]),
    "references": (REFERENCES, [
        (2e6, "GBP", "exact", None, WW, "funding"),
        (1e6, "GBP", "exact", None, WW, "funding"),
        (2.9e9, "GBP", "exact", None, "Restart Scheme", "cost"),
    ]),
    "several in one sentence": (SEVERAL_IN_ONE, [
        (250000.0, "GBP", "exact", None, WW, "funding"),
        (3.8e6, "GBP", "exact", None, CTW, "funding"),
        (900000.0, "GBP", "exact", None, WW, "funding"),
        (400000.0, "GBP", "exact", None, IPS, "funding"),
        (240e6, "GBP", "exact", None, "Get Britain Working", "funding"),
        (5e6, "GBP", "exact", None, "Youth Guarantee", "funding"),
    ]),
    "funds and budgets": (FUNDS, [
        (100000.0, "GBP", "exact", None, WW, "funding"),
        (2.4e6, "GBP", "exact", None, WW, "funding"),
        (2.5e6, "GBP", "exact", None, WW, "funding"),
        (50000.0, "GBP", "exact", None, None, "funding"),
        (120e6, "GBP", "exact", None, None, "funding"),
    ]),
    "charity": (CHARITY, [
        (120000.0, "GBP", "exact", None, None, "funding"),
        (68000.0, "GBP", "exact", 1.0, None, "other"),
        (1.1e6, "GBP", "exact", 3.0, CTW, "funding"),
    ]),
    "restated": (RESTATED, [
        (14.2e6, "GBP", "exact", 5.0, CTW, "funding"),
        (4e6, "GBP", "exact", None, "Youth Guarantee", "funding"),
        (14.2e6, "GBP", "exact", None, CTW, "funding"),
    ]),
    "background": (BACKGROUND, [
        (2e6, "GBP", "exact", None, None, "funding"),
        (1e9, "GBP", "exact", None, "Pathways to Work", "funding"),
    ]),
    "alongside": (ALONGSIDE, [
        (9.1e6, "GBP", "exact", 5.0, CTW, "funding"),
        (1e6, "GBP", "exact", None, None, "funding"),
        (400000.0, "GBP", "exact", None, None, "funding"),
        (1.5e6, "GBP", "exact", None, CTW, "funding"),
    ]),
    "cuts to something else": (BLOG, [
        (3e9, "GBP", "about", None, None, "other"),
        (390e6, "GBP", "exact", None, "Access to Work", "funding"),
        (45e6, "GBP", "exact", None, "Access to Work", "cost"),
        (900000.0, "GBP", "exact", None, None, "other"),
    ]),
    "contracts": (CONTRACTS, [
        (2.6e9, "GBP", "exact", None, "Restart Scheme", "funding"),
        (2100.0, "GBP", "exact", None, "Restart Scheme", "other"),
        (650000.0, "GBP", "exact", 2.0, IPS, "funding"),
    ]),
    "period of years": (PERIODS, [
        (1.8e6, "GBP", "exact", 3.0, WW, "funding"),
        (600000.0, "GBP", "exact", 3.0, WW, "funding"),
    ]),
    "spending": (SPENDING, [
        (300e6, "GBP", "exact", 1.0, "Youth Guarantee", "funding"),
        (9e9, "GBP", "exact", None, None, "cost"),
    ]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_funding_rows_follow_the_guidelines(name: str) -> None:
    body, expected = CASES[name]
    assert funding(body) == expected
