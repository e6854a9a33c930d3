"""Articles written for the tests (no seed text): shared by the incremental and sensor tests."""

NEW_NAME = "900_northeast_workwell.txt"
NEW_ARTICLE = """Skip to main content
Occupational Health Weekly
News | Analysis | Jobs | Events
Councils in the North East win £18 million to widen WorkWell support
By Harriet Okafor
12 March 2026
Employers in County Durham and Northumberland will be able to refer staff struggling with back pain, anxiety or long Covid to a new WorkWell service after the region secured £18 million from the Department for Work and Pensions.
The money will fund a network of work and health coaches based in GP surgeries and community hubs over the next two years, with a target of supporting 9,500 people who are either off sick or worried about keeping their job.
Local leaders said the service would focus on small firms, which rarely have access to occupational health advice of their own.
Under the plan, a worker will be offered a first conversation with a coach within ten working days of a referral, followed by a personalised return-to-work plan agreed with their employer.
A spokesperson for the North East Combined Authority said the aim was to stop short absences turning into long spells out of the labour market.
Related stories
Share this article
Cookie settings | Privacy policy | Terms of use
"""
