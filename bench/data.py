"""Vocabulary of the synthetic corpus: real UK programmes, organisations and places (with ONS codes),
fictional people and journalists, and hand-written sentence material.

Everything here was written for this benchmark; no sentence is copied from the seeds. People are
invented (real roles, invented names) so no real person is given words they never said.
"""
from __future__ import annotations

# canonical programme -> the ways an article writes it (each form names the programme unambiguously)
PROGRAMMES: dict[str, list[str]] = {
    "WorkWell": ["WorkWell", "the WorkWell service", "the WorkWell programme", "WorkWell"],
    "Connect to Work": ["Connect to Work", "the Connect to Work programme", "Connect to Work"],
    "Health and Growth Accelerators": ["the Health and Growth Accelerators", "health and growth accelerators",
                                       "the NHS accelerators"],
    "Get Britain Working": ["Get Britain Working", "the Get Britain Working plan", "Get Britain Working trailblazers"],
    "Pathways to Work": ["Pathways to Work", "the Pathways to Work reforms"],
    "Youth Guarantee": ["the Youth Guarantee", "the Youth Guarantee"],
    "Access to Work": ["Access to Work", "the Access to Work scheme"],
    "Universal Support": ["Universal Support", "the Universal Support programme"],
    "Individual Placement and Support": ["Individual Placement and Support", "Individual Placement and Support services"],
    "NHS Talking Therapies": ["NHS Talking Therapies", "NHS Talking Therapies services"],
    "Restart Scheme": ["the Restart Scheme"],
    "Work and Health Programme": ["the Work and Health Programme"],
}

# canonical name, acronym (or None), takes "the" in running text
ORGS: list[tuple[str, str | None, bool]] = [
    ("Department for Work and Pensions", "DWP", True),
    ("Department of Health and Social Care", "DHSC", True),
    ("NHS England", None, False),
    ("HM Treasury", None, False),
    ("Office for National Statistics", "ONS", True),
    ("Office for Budget Responsibility", "OBR", True),
    ("Jobcentre Plus", None, False),
    ("Local Government Association", "LGA", True),
    ("Chartered Institute of Personnel and Development", "CIPD", True),
    ("Trades Union Congress", "TUC", True),
    ("Confederation of British Industry", "CBI", True),
    ("Federation of Small Businesses", "FSB", True),
    ("NHS Confederation", None, True),
    ("NHS Providers", None, False),
    ("Resolution Foundation", None, True),
    ("The King's Fund", None, True),
    ("The Health Foundation", None, True),
    ("Institute for Employment Studies", "IES", True),
    ("Learning and Work Institute", None, True),
    ("Institute for Fiscal Studies", "IFS", True),
    ("Citizens Advice", None, False),
    ("Royal College of Occupational Therapists", None, True),
    ("Society of Occupational Medicine", None, True),
    ("Chartered Society of Physiotherapy", None, True),
    ("British Medical Association", "BMA", True),
    ("Royal College of Nursing", "RCN", True),
    ("Macmillan Cancer Support", None, False),
    ("Health and Safety Executive", "HSE", True),
    ("Business in the Community", None, False),
    ("Disability Rights UK", None, False),
    ("Versus Arthritis", None, False),
]
# bodies whose people speak for them (think tanks, charities, unions, professional bodies)
SPEAKING_ORGS = [o for o in ORGS if o[0] not in ("HM Treasury", "Jobcentre Plus", "Office for Budget Responsibility",
                                                   "Office for National Statistics")]
SOURCE_ORGS = ["Office for National Statistics", "Office for Budget Responsibility", "Institute for Fiscal Studies",
               "Resolution Foundation", "The Health Foundation", "Institute for Employment Studies"]
NEWSPAPERS = [("The Times", True), ("The Guardian", True), ("Financial Times", True), ("The Independent", True)]

# canonical place name, ONS (GSS) code
PLACES: list[tuple[str, str]] = [
    ("England", "E92000001"), ("Wales", "W92000004"), ("Scotland", "S92000003"),
    ("North East", "E12000001"), ("North West", "E12000002"), ("East Midlands", "E12000004"),
    ("West Midlands", "E12000005"), ("East of England", "E12000006"), ("London", "E12000007"),
    ("South East", "E12000008"), ("South West", "E12000009"),
    ("Greater Manchester", "E47000001"), ("South Yorkshire", "E47000002"), ("West Yorkshire", "E47000003"),
    ("Liverpool City Region", "E47000004"), ("Tees Valley", "E47000006"),
    ("Leeds", "E08000035"), ("Birmingham", "E08000025"), ("Sheffield", "E08000019"), ("Bradford", "E08000032"),
    ("Newcastle upon Tyne", "E08000021"), ("Sunderland", "E08000024"), ("Barnsley", "E08000016"),
    ("Doncaster", "E08000017"), ("Wigan", "E08000010"), ("Bolton", "E08000001"), ("Oldham", "E08000004"),
    ("Coventry", "E08000026"), ("Wolverhampton", "E08000031"), ("Bristol", "E06000023"),
    ("Cornwall", "E06000052"), ("Leicester", "E06000016"), ("Nottingham", "E06000018"), ("Derby", "E06000015"),
    ("Plymouth", "E06000026"), ("Stoke-on-Trent", "E06000021"), ("Hartlepool", "E06000001"),
    ("Middlesbrough", "E06000002"), ("Blackpool", "E06000009"), ("Kent", "E10000016"), ("Lancashire", "E10000017"),
    ("Norfolk", "E10000020"), ("Cardiff", "W06000015"), ("Swansea", "W06000011"),
]
LOCAL_PLACES = [p for p in PLACES if p[0] not in ("England", "Wales", "Scotland")]

FIRST_F = ["Sarah", "Priya", "Helen", "Aisha", "Claire", "Rachel", "Fiona", "Joanne", "Nadia", "Emma", "Laura",
           "Hannah", "Grace", "Sophie", "Amira", "Catherine", "Deborah", "Lucy", "Natalie", "Ruth", "Zara", "Megan",
           "Gillian", "Harriet", "Rebecca", "Yasmin", "Eleanor", "Alison", "Bethan", "Karen"]
FIRST_M = ["James", "David", "Rahul", "Tom", "Mark", "Daniel", "Andrew", "Owen", "Imran", "Peter", "Simon", "Gareth",
           "Michael", "Richard", "Stephen", "Kwame", "Neil", "Jonathan", "Adam", "Callum", "Hamish", "Patrick", "Oliver",
           "Robert", "Samuel", "Matthew", "Tariq", "Dominic", "Ian", "Christopher"]
SURNAMES = ["Whitfield", "Okafor", "Harrington", "Patel", "Brennan", "Lowther", "Ahmed", "Castellano", "Pritchett",
            "Dunmore", "Fairclough", "Osei", "Kaur", "Llewellyn", "Marsden", "Thornbury", "Begum", "Hollins",
            "Adeyemi", "Crossley", "Rowntree", "Sinclair", "Mahmood", "Templeton", "Greaves", "Kowalski",
            "Ferreira", "Haworth", "Nwosu", "Ashdown", "Bellamy", "Chaudhry", "Ellison", "Fenwick", "Gallagher",
            "Hughes", "Iqbal", "Jarvis", "Kendrick", "Lomax", "McAllister", "Norbury", "O'Donnell", "Pemberton",
            "Quayle", "Radcliffe", "Stainton", "Tolley", "Varma", "Wetherby", "Yardley", "Zielinski", "Achebe",
            "Barraclough", "Cartwright", "Dimmock", "Eastwood", "Fox", "Goddard", "Holroyd"]

MINISTER_ROLES = ["work and pensions secretary", "health secretary", "employment minister", "minister for employment",
                  "minister for social security and disability", "shadow work and pensions secretary",
                  "health minister", "minister for disabled people"]
ORG_ROLES = ["chief executive", "director of policy", "head of policy", "chief economist", "senior policy adviser",
             "director", "head of employment and skills", "policy manager", "chair", "president",
             "head of public affairs", "deputy chief executive"]

# journalists (bylines): a separate pool, never in bodies
JOURNALISTS = ["Martha Quinlan", "Felix Ravenscroft", "Imogen Stroud", "Tobias Wren", "Keira Blackwood",
               "Declan Ashcombe", "Saoirse Holden", "Ravi Chandrasekar", "Beatrice Lund", "Gideon Hale",
               "Ottilie Marsh", "Nathaniel Cobb", "Esme Garland", "Reuben Oakes", "Phoebe Lancaster",
               "Anselm Ward", "Clemency Ross", "Jasper Kilbride", "Wilhelmina Stokes", "Leon Fairbairn"]

# --------------------------------------------------------------------------- sentence material
# quotations (first person, no named entities); each is one or two sentences ending in a full stop
QUOTES = [
    "Too many people are being left to fall out of work when the right help at the right time could keep them in a job.",
    "We know that early support makes the difference between a short spell off sick and years out of the labour market.",
    "This is about giving people the chance to get on in life, not writing them off because of a health condition.",
    "Employers tell us they want to help staff stay in work, but they need practical support to do it.",
    "The evidence from the pilots is encouraging, and we now need to see it delivered at scale.",
    "People should not have to wait months for treatment while their job slips away from them.",
    "We will be watching closely to make sure the money reaches the people who need it most.",
    "Work coaches and clinicians working side by side is exactly the kind of joined-up approach that has been missing.",
    "This funding is welcome, but it will only go so far unless waiting lists come down at the same time.",
    "Good work is good for health, and good health is good for work. That is why this matters.",
    "We cannot keep treating health and employment as separate problems when they are so clearly linked.",
    "For too long the system has waited until people are already out of work before offering any help.",
    "Local partners know their communities best, and this approach puts them in the driving seat.",
    "The scale of the challenge is enormous, and one programme on its own will not solve it.",
    "Small firms want to do the right thing, but they rarely have occupational health support on tap.",
    "We are determined to tackle the rise in economic inactivity and help people back into good jobs.",
    "What matters now is that the support is easy to find and quick to access.",
    "Cutting support without fixing the underlying problems risks pushing people further from work.",
    "Young people with mental health problems need help early, before they become stuck on benefits.",
    "These plans could transform the way health and employment services work together in every area.",
    "The money is a start, but it is a fraction of what is needed to turn the tide.",
    "We have seen people return to work who had been told they never would. That is what this is about.",
    "Staff need a clear route back after a period of illness, and managers need the confidence to offer one.",
    "There is a real risk that the most vulnerable people will be left behind if the rollout is rushed.",
    "Every person helped back into work is good for them, good for their family and good for the economy.",
    "Our members want to see a long-term commitment rather than another short pilot.",
    "We welcome the ambition, and we stand ready to help make it work on the ground.",
    "It is vital that people are not pressured into work that makes their health worse.",
]
# short quoted fragments used inside reported speech
FRAGMENTS = ["a step in the right direction", "long overdue", "nowhere near enough", "a genuine turning point",
             "a missed opportunity", "a welcome first step", "too little, too late", "hugely encouraging"]

# sentences with no named entities: they pad paragraphs the way real reporting does
FILLERS = [
    "Participants are offered a mix of physiotherapy, talking therapy and help from an employment adviser.",
    "Referrals can come from a GP, an employer, a work coach or the person themselves.",
    "The support is voluntary and does not affect anyone's benefit entitlement.",
    "Most of those taking part have musculoskeletal conditions or mental health problems.",
    "An independent evaluation will report on whether the approach should continue.",
    "Ministers have said that tackling ill health is central to their plans for growth.",
    "Economic inactivity because of long-term sickness has risen sharply since the pandemic.",
    "Charities have long argued that support should start before people lose their jobs.",
    "Each area will design its own model, working with local health and employment services.",
    "The first sites are expected to start taking referrals later this year.",
    "Critics say the timetable is ambitious given pressures on the health service.",
    "Employers will be encouraged to refer staff who are off sick or struggling at work.",
    "Officials said the approach would be tested carefully before any wider rollout.",
    "Those taking part will be assigned a named coordinator who stays with them throughout.",
    "Some councils have already combined health and employment teams under one roof.",
    "The plans form part of wider reforms to the way fit notes are issued.",
    "A consultation on the detail of the scheme closes in the spring.",
    "Waiting times for musculoskeletal treatment remain long in many parts of the country.",
    "Providers will be paid partly on the results they achieve.",
    "The scheme is open to people in work as well as those who have recently left a job.",
    "Digital tools will be trialled alongside face-to-face appointments.",
    "Take-up has been highest among people in their forties and fifties.",
    "Previous schemes struggled to reach people who were not already in contact with a jobcentre.",
    "The government has said it wants to see the employment rate rise to 80 per cent.",
    "Unions have called for stronger rights to reasonable adjustments at work.",
    "The next phase will focus on people with more complex needs.",
    "Sickness absence rates are at their highest level for more than a decade, according to recent surveys.",
    "Local leaders say flexible funding lets them join up services that were previously separate.",
]
SUBHEADS = ["What the scheme offers", "How it will work", "Reaction", "What happens next", "Background",
            "The scale of the problem", "Mixed response"]
STANDFIRSTS = [
    "Ministers say the plans will help people with health conditions stay in or return to work.",
    "New support aims to stop people falling out of work because of ill health.",
    "Campaigners welcome the move but warn that more is needed.",
    "The plans are part of a wider push to reduce economic inactivity.",
    "Officials say the approach will be tested before any wider rollout.",
]
COUNT_NOUNS = ["people", "patients", "claimants", "participants", "young people", "jobseekers", "disabled people",
               "workers", "residents"]
