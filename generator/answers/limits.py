"""How many rows an answers object may have, and how deep its JSON may nest. Far above any real organisation (the largest
example has 8 activities and 9 cookies), and low enough that the largest statement still
renders within the clause output cap and as a PDF in a few seconds (docs/security.md): a
runaway import or a script posting rows gets a message at the field instead of a worker that
lays out a 5,000-row table."""

ACTIVITIES = 60
RECIPIENTS = 100
SERVICES = 30
COOKIES = 200
# Trade names, "other" subjects and categories, security measures, sections, the facts a row
# copied from the catalog (6 now).
SHORT_LIST = 20

# Lists and objects inside each other in an answers file or the wizard's catalog field. The
# schema's deepest place is 6 levels (a cookie's catalog facts: the answers, cookies, items, a
# cookie, catalog, facts); the examples use 5. Python's json parser recurses once per level and
# gave a RecursionError (a server error) at about 1,000 levels, and so would every copy or walk
# of such data afterwards; deeper text is refused before it is parsed (loading.load_json).
NESTING = 20
