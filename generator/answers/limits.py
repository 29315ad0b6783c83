"""How many rows an answers object may have. Far above any real organisation (the largest
example has 8 activities and 9 cookies), and low enough that the largest statement still
renders within the clause output cap and as a PDF in a few seconds (docs/security.md): a
runaway import or a script posting rows gets a message at the field instead of a worker that
lays out a 5,000-row table."""

ACTIVITIES = 60
RECIPIENTS = 100
SERVICES = 30
COOKIES = 200
SHORT_LIST = 20  # trade names, "other" subjects and categories, security measures, sections
