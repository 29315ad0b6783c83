"""docs/clauses.md, the clause authoring guide, generated from the code so it stays true:
the variables come from the real template context, the helpers from the renderer, the limits
from its constants. A test fails when a variable has no description or the file is stale."""

from typing import Any

from generator.answers.loading import parse_answers
from generator.clauses import rendering
from generator.clauses.claims import CLAIMS, LEGAL_STATEMENTS
from generator.clauses.context import build_context
from generator.documents.document import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

# What each variable means, by shape. Lists of the same kind share one shape.
SHAPES: dict[str, dict[str, str]] = {
    "": {
        "language": "`nl` or `en`: the statement's language.",
        "register": "`formal` (u) or `informal` (je).",
        "document": "The statement's own details (shape `document`).",
        "org": "The verwerkingsverantwoordelijke (shape `org`).",
        "dpo": "The Functionaris Gegevensbescherming (shape `dpo`).",
        "services": "List of `service`: the websites, apps and services covered.",
        "activities": "List of `activity`: the processing activities, in the order given.",
        "recipients": "List of `recipient`: everyone who receives data.",
        "processors": "List of `recipient` whose role is `processor`.",
        "transfers": "List of `recipient` outside the EEA.",
        "special_activities": "List of `activity` with special categories, criminal data or the BSN.",
        "automated_activities": "List of `activity` with automated decision-making.",
        "nobody_receives": "True when every activity says nobody outside the organisation gets its data.",
        "any_indirect": "True when some data comes from someone else (Art. 14).",
        "administration": "True when an activity on another basis than a legal obligation keeps data for the 7-year fiscal duty.",
        "summary": "What the first layer lists (shape `summary`).",
        "dpf_list_url": "Address of the Data Privacy Framework's list of certified organisations.",
        "cookies": "The cookies (shape `cookies`).",
        "rights": "How people use their rights, and which rights apply (shape `rights`).",
        "security": "Security measures (shape `security`).",
        "other": "Children, changes, sale of the business (shape `other`).",
        "changes": "What changed since the previous published version (shape `changes`), or empty.",
    },
    "changes": {
        "since": 'The previous version, in words: "versie 2 van 1 maart 2026".',
        "note": "The publisher's own note on this version, or empty.",
        "lines": "List of sentences, one per change.",
    },
    "summary": {
        "data": "Every kind of data of every activity, once each.",
        "special": "Every special category used, once each.",
        "by_basis": "List of `basis_group`: the activities grouped by legal basis.",
    },
    "basis_group": {
        "basis": "The basis, as in `activity.basis`.",
        "label": 'The basis in a few words ("een overeenkomst").',
        "activities": "Names of the activities on it.",
    },
    "document": {
        "title": "Title given in the answers, or empty.",
        "version": "Version label, or empty.",
        "date": 'Effective date, written out: "29 juni 2022".',
    },
    "org": {
        "name": "Legal name.",
        "legal_form": "Legal form in words, or empty.",
        "legal_form_shown": 'Legal form in words, unless the name says it already ("B.V.").',
        "trade_names": "List of trade names and brands.",
        "street": "Street and number.",
        "postcode": 'Postcode ("1234 AB" for the Netherlands).',
        "city": "City.",
        "country": "Country code (NL).",
        "country_name": "Country in the statement's language.",
        "abroad": "True when the country is not NL.",
        "kvk": "KvK-nummer, or empty.",
        "kvk_registered": "True with a KvK number; false when answered not registered; empty when not answered.",
        "vat": "Btw-identificatienummer, or empty.",
        "iban": "IBAN, or empty.",
        "email": "E-mail address.",
        "phone": "Phone number, written +31 20 123 4567.",
        "website": "Website address.",
        "contact_form_url": "Address of the contact form.",
        "contact_hours": "When the organisation can be reached.",
        "about": "A few sentences about the organisation.",
        "contacts": "List of `contact`: addresses by topic.",
        "outside_eu": "True when established outside the EU: answered so, or an address outside the EEA.",
        "representative": "The EU representative (shape `representative`), or empty.",
    },
    "contact": {
        "topic": 'What for, such as "facturen".',
        "email": "E-mail address, or empty.",
        "phone": "Phone number, or empty.",
    },
    "representative": {
        "name": "Name.",
        "email": "E-mail address.",
        "street": "Street and number.",
        "postcode": "Postcode.",
        "city": "City.",
        "country": "Country code.",
        "country_name": "Country in words.",
        "abroad": "True when not in NL.",
    },
    "dpo": {
        "designated": "True when there is an FG.",
        "name": "The FG's name.",
        "email": "The FG's e-mail address.",
        "phone": "The FG's phone number.",
    },
    "service": {
        "name": "Name.",
        "kind": "`website`, `app`, `platform`, `shop` or `other`.",
        "kind_label": 'Kind with its article: "de app", "het online platform".',
        "called": 'The service as a sentence names it: "het online platform FaceTalk", '
        '"the FaceTalk online platform".',
        "url": "Address.",
        "description": "Description.",
    },
    "activity": {
        "id": "Stable key.",
        "name": 'Name, such as "Nieuwsbrief".',
        "purpose": "Purpose, as a short sentence.",
        "subjects": "Whom it is about: labels plus free additions.",
        "data": "Which data: labels plus free additions.",
        "observed_data": "The data among them that arises from using the service (IP address, device, ...).",
        "special": "Special categories (Art. 9), as labels.",
        "special_exception": "The Art. 9(2) exception in words.",
        "criminal": "True when criminal data is used.",
        "criminal_basis": "The UAVG basis for it.",
        "bsn": "True when the BSN is used.",
        "bsn_law": "The law that requires it.",
        "basis": "`consent`, `contract`, `legal_obligation`, `vital_interests`, `public_task` or `legitimate_interests`.",
        "basis_label": "The basis in words.",
        "basis_article": '"artikel 6 lid 1 sub b AVG".',
        "legal_obligation": "The law behind a legal obligation.",
        "legitimate_interest": "The legitimate interest.",
        "consent_withdrawal": "How consent is withdrawn.",
        "objection": "True when its basis gives the right to object (e or f).",
        "sources": "List of `data_subject`, `usage` and `third_party`; empty when not answered.",
        "from_person": "True when the person gives the data.",
        "from_usage": "True when data arises from using the service.",
        "from_others": "True when data comes from someone else (Art. 14).",
        "source_name": "Where the data comes from otherwise.",
        "source_public": "True when that source is public.",
        "source_notice": "When the person is told (Art. 14(3)): `within_month`, `first_contact`, `first_disclosure`, `already_informed`.",
        "source_notice_label": "The same in words.",
        "provision": "`statutory`, `contractual`, `contract_necessary` or `voluntary`.",
        "provision_consequence": "What happens when the data is not given.",
        "retention": "Retention (shape `retention`).",
        "recipients": "Names of the recipients.",
        "no_recipients": "True when nobody outside the organisation gets the data.",
        "automated": "The automated decision (shape `automated`), or empty.",
        "direct_marketing": "True when used for advertising.",
        "marketing_channels": "Channels in words.",
        "existing_customers_only": "True when only existing customers receive it.",
    },
    "retention": {
        "duration": '"zes maanden", or empty.',
        "trigger": 'From when: "na het opzeggen van het account".',
        "criterion": "How the term is set, when there is no fixed one.",
        "fiscal": "True when the 7-year fiscal duty applies.",
        "fiscal_duration": '"zeven jaar".',
        "per_category": "Other terms for some kinds of data, as typed.",
        "short": "The term in a few words, for tables and the summary.",
    },
    "automated": {
        "description": "Which decision.",
        "logic": "How it is made.",
        "consequences": "What it means for the person.",
        "ground": "Why it is allowed (Art. 22(2)), in words.",
        "profiling": "True when a profile is made.",
    },
    "recipient": {
        "id": "Stable key.",
        "name": "Name, as typed (written as it stands mid-sentence).",
        "display": "Name with its kind, unless the name says it already.",
        "role": "`processor`, `controller`, `joint_controller` or `authority`.",
        "role_label": "The role in words.",
        "category": 'Kind of recipient, such as "hostingprovider".',
        "description": "What they do with the data.",
        "country": "Country code.",
        "country_name": "Country in words.",
        "outside_eea": "True when outside the EEA.",
        "mechanism": "`adequacy`, `dpf`, `scc`, `bcr` or `derogation`.",
        "mechanism_label": "The safeguard in words.",
        "derogation_ground": "The Art. 49(1) derogation in words.",
        "derogation": "An explanation of the derogation.",
        "safeguard_copy": "Where a copy of the safeguard can be obtained, as typed.",
        "safeguard_copy_link": "The same as a link (https: or mailto:) when it is an address.",
        "dpa_signed": "True when a verwerkersovereenkomst is signed.",
        "activities": "Names of the activities it serves.",
    },
    "cookies": {
        "all": "List of `cookie`.",
        "settings_url": "Where visitors change their cookie choice.",
        "any_consent": "True when some cookie needs consent.",
        "categories": "The categories in use: `functional`, `analytics`, …",
    },
    "cookie": {
        "name": "Name.",
        "provider": "Who sets it (the organisation for its own cookies).",
        "party": "`first` or `third`.",
        "party_label": "Party in words.",
        "category": "`functional`, `preferences`, `analytics`, `marketing`, `tracking`, `advertising` or `social`.",
        "category_label": "Category in words.",
        "purpose": "What it is for.",
        "duration": "How long it stays.",
        "requires_consent": "True when consent is needed (derived, rule R21).",
        "privacy_friendly_analytics": "True for analytics set up the AP's way (no consent needed).",
        "self_hosted": "True when the organisation's own software sets it and nobody else gets the data.",
        "conditions": "The AP's conditions it meets: `dpa`, `ip_anonymised`, `sharing_off`, `no_ads_features`, `no_user_id`.",
    },
    "rights": {
        "channels": "`email`, `form`, `account`, `post`, `phone`.",
        "channel_labels": "The channels in words.",
        "ways": "List of `way`: how requests are made, one per channel chosen.",
        "email": "Address for requests (the general one if none).",
        "form_url": "Address of the request form (or of the contact form).",
        "term": 'Response term in words: "één maand".',
        "id_check": "True when an ID may be asked for; empty when not answered.",
        "complaint_email": "Address for complaints.",
        "objection": "True when the right to object applies (bases e/f, direct marketing, or offered).",
        "objection_offered": "True when the organisation offers objection beyond the AVG.",
        "objection_activities": "Names of the activities on basis e or f, advertising left out (its objection is unconditional).",
        "objection_bases": "Those bases in words.",
        "portability": "True when portability applies (bases a/b, or offered).",
        "portability_offered": "True when portability is offered where the AVG does not require it.",
        "erasure_limited": "True when a legal duty limits erasure (bases c/e, or the fiscal duty).",
        "consent": "True when some processing rests on consent.",
        "no_consent": "True when every activity has a basis and none is consent.",
        "consent_activities": "Names of those activities.",
        "marketing": "True when there is direct marketing.",
        "marketing_activities": "Names of those activities.",
        "marketing_channels": "`email`, `sms`, `phone`, `post`, `online`: every channel used for advertising.",
    },
    "way": {
        "kind": "`email`, `form`, `post`, `phone` or `account`.",
        "email": "For e-mail: the address.",
        "url": "For the form: its address.",
        "address": "For post: the postal address in one line.",
        "phone": "For phone: the number.",
        "hours": "For phone: when.",
    },
    "security": {
        "measures": "The measures, as sentences without a capital.",
        "other": "Other measures, as typed.",
        "report_email": "Where to report a security problem.",
    },
    "other": {
        "children": "`not_directed`, `directed` or empty.",
        "parental_consent": "How parental consent is obtained.",
        "change_notice": "How changes are announced, in words.",
        "sells_data": "True when personal data is sold, false when answered not; empty when not answered.",
        "automated_decisions": "False when answered that there are none; empty when not answered.",
        "business_transfer": "True when data goes along with a sale of the business.",
    },
}
LIST_SHAPES = {
    "services": "service",
    "activities": "activity",
    "special_activities": "activity",
    "automated_activities": "activity",
    "recipients": "recipient",
    "processors": "recipient",
    "transfers": "recipient",
    "all": "cookie",
    "contacts": "contact",
    "ways": "way",
    "by_basis": "basis_group",
}
NESTED_SHAPES = {
    "representative": "representative",
    "retention": "retention",
    "automated": "automated",
    "summary": "summary",
}

# A small organisation with one of everything, so every nested shape appears in the context.
SAMPLE = {
    "controller": {"legal_name": "X", "outside_eu": True, "representative": {"name": "R", "address": {"street": "S"}},
                   "contacts": [{"topic": "t", "email": "t@x.nl"}]},
    "rights": {"channels": ["email"]},
    "recipients": [{"id": "r", "name": "R", "country": "US"}],
    "services": [{"name": "S"}],
    "activities": [{"id": "a", "name": "A", "recipients": ["r"], "special_categories": ["health"],
                    "automated_decision": {"description": "d", "logic": "l", "consequences": "c", "ground": "law"}}],
    "cookies": {"items": [{"name": "c", "category": "functional"}]},
}  # fmt: skip
SAMPLE_CHANGES = {"since": "versie 1", "note": "n", "lines": ["i"]}


def sample_context() -> dict[str, Any]:
    return build_context(parse_answers(SAMPLE), changes=SAMPLE_CHANGES)


def undocumented() -> list[str]:
    """Context keys without a description: the test makes this list empty."""
    missing: list[str] = []

    def walk(value: dict, shape: str, path: str) -> None:
        for key, item in value.items():
            if key not in SHAPES[shape]:
                missing.append(f"{path}{key}")
            if isinstance(item, dict):
                child = key if shape == "" else NESTED_SHAPES.get(key)
                if child:
                    walk(item, child, f"{path}{key}.")
            elif isinstance(item, list) and item and isinstance(item[0], dict):
                walk(item[0], LIST_SHAPES[key], f"{path}{key}[].")

    walk(sample_context(), "", "")
    return missing


def _shape_table(name: str) -> list[str]:
    title = "Top level" if name == "" else f"`{name}`"
    lines = [f"### {title}", "", "| variable | meaning |", "|---|---|"]
    lines += [f"| `{key}` | {text} |" for key, text in SHAPES[name].items()]
    return [*lines, ""]


HELPERS = [
    ("`w.je` / `w.Je`", "u / U", "je / Je"),
    ("`w.jij` / `w.Jij`", "u / U", "jij / Jij"),
    ("`w.jou` / `w.Jou`", "u / U", "jou / Jou"),
    ("`w.jouw` / `w.Jouw`", "uw / Uw", "jouw / Jouw"),
    ("`w.u` / `w.U`", "u / U", "je / Je (unstressed: “Dit kost je niets”)"),
    ("`w.uw` / `w.Uw`", "uw / Uw", "je / Je (unstressed: “Zo gebruik je je rechten”)"),
    ('`r("Heeft u", "Heb je")`', "the first text", "the second text"),
    ("`formal`", "true", "false"),
]

GUIDE = """# Clause authoring guide

A statement is built from *clauses*: one Jinja2 template per section per language. The
defaults are files in `generator/clauses/defaults/<language>/`; on first run (`make run`,
`manage.py load_clauses`) they become revision 1 of each clause in the clause library, where
editors change them in the admin (**Clausules**). This page is generated from the code by
`make docs`; a test fails when it is out of date or a variable is undocumented.

## Editing in the admin

- You need staff status and the group **Clausebeheerders**; no superuser.
- Saving never overwrites: it makes a new revision, with your name, the time and your note.
  Untick *Meteen in gebruik nemen* to keep it as a draft that someone approves later.
- Before saving, the text is compiled in the sandbox and rendered for every example
  organisation (`docs/examples/`) in both registers. Anything that fails is refused, with the
  reason and the line.
- *Voorbeeld* renders the whole statement for a chosen example and register with your unsaved
  text. Each revision has a preview and a diff with the one before; *terugzetten* makes a new
  revision with an old text.
- Published statements never change: they keep their HTML and the revisions they used. The
  clause page counts, per older revision, the published statements whose latest version still
  uses it ("revisie 3: 4 gepubliceerde verklaringen"), so their owners can publish again. It
  names an organisation (with its version) only if it is in a workspace you are a member of:
  editors work for every workspace and do not see one workspace's clients from another.
- `manage.py validate_clause FILE --key KEY --language nl` runs the same check on a file;
  `export_clauses DIR` and `import_clauses DIR` move the whole set as files (review it in git).

## A clause file

```
key: rechten
title: {{ r("Uw rechten", "Jouw rechten") }}
order: 110
condition: true
---
<p>De AVG geeft {{ w.jou }} rechten over {{ w.jouw }} persoonsgegevens.</p>
```

| header | meaning |
|---|---|
| `key` | stable name, `a-z 0-9 -`; also the section's anchor (`#rechten`) |
| `title` | the section heading; a template itself, so it can follow the register |
| `order` | position in the statement (extra sections from the answers sit at 900, contact at 950); below 10 the section opens the document before its table of contents, in every output, as the summary ("In het kort", 5) does |
| `condition` | a Jinja2 expression; the section appears only when it is true (`true` = always) |

A section whose body renders to no text does not appear: no empty headings. Examples of
conditions: `dpo.designated`, `transfers`, `cookies.all`, `other.children == "directed"`.
"""


def clauses_markdown() -> str:
    tags = " ".join(f"`{tag}`" for tag in sorted(ALLOWED_TAGS))
    attributes = ", ".join(
        f"`{attr}` on `{tag}`"
        for tag, attrs in sorted(ALLOWED_ATTRIBUTES.items())
        for attr in sorted(attrs)
    )
    lines = [
        GUIDE,
        "## What a body may produce",
        "",
        f"Only these tags survive: {tags}; attributes: {attributes}; links only to `http:`, "
        "`https:`, `mailto:` and `tel:`. Everything else (scripts, styles, images, classes, `h2`) is "
        "removed. The section heading is the `title`; use `h3` for sub-headings. Everything printed "
        "with `{{ }}` is escaped, and there is no `|safe`: answers are typed by users.",
        "",
        '## Register: one template for "u" and "je"',
        "",
        "| helper | formal | informal |",
        "|---|---|---|",
        *[f"| {helper} | {formal} | {informal} |" for helper, formal, informal in HELPERS],
        "",
        'Verbs differ between the registers ("u heeft", "je hebt"; "kunt u", "kun je"): use `r()`. '
        'Informal Dutch uses the unstressed "je" unless a contrast is meant: write `w.u` and `w.uw` '
        '("Dit kost {{ w.u }} niets", "Zo gebruik je {{ w.uw }} rechten"); `w.jou` and `w.jouw` are '
        'for stress ("of een verzoek echt van {{ w.jou }} komt"). The organisation\'s own texts are '
        "printed as typed, so they are written without u or je; the checker refuses one in the "
        "other register (R30). The tests render every example in both registers and every format "
        "and fail on a single word of the other register.",
        "",
        "## Helpers",
        "",
        "| helper | example | result |",
        "|---|---|---|",
        '| `list_and(items)` | `list_and(["a", "b", "c"])` | a, b en c |',
        '| `list_or(items)` | `list_or(["e-mail", "post"])` | e-mail of post |',
        "| `number(n)` | `number(6)` | zes |",
        '| `capfirst(text)` | `capfirst("onze boekhouder")` | Onze boekhouder (names such as "ipcall.me" stay) |',
        '| `sentence(text)` | `sentence("wij sturen een factuur")` | Wij sturen een factuur. |',
        '| `full_stop(text)` | `full_stop("Spango Internet B.V.")` | Spango Internet B.V. (no second full stop) |',
        '| `inline(text)` | `inline("Met de afmeldlink.")` | met de afmeldlink (a typed phrase inside a sentence) |',
        '| `quoted(items)` | `quoted(["Nieuwsbrief"])` | [‘Nieuwsbrief’] (activity names inside a sentence) |',
        f"| `range(n)` | `range(3)` | at most {rendering.MAX_RANGE:,} steps |",
        "",
        "## Variables",
        "",
        "All data is plain: dicts, lists, text, numbers, true/false; labels are already in the "
        "statement's language. A name that does not exist is an error with its line number, never a "
        "silent blank. Empty values are `none` (test them with `{% if … %}`).",
        "",
    ]
    for shape in SHAPES:
        lines += _shape_table(shape)
    lines += [
        "## What the statement claims, and the answer behind each",
        "",
        "A clause says something about the organisation only when an answer supports it. These "
        "are the claims of the default clauses (`generator/clauses/claims.py`); a test renders "
        "each clause with the field removed from the answers and fails if the claim is still "
        "there. A new claim in a clause belongs in this list, with its answer.",
        "",
        "| clause | claim | answers field |",
        "|---|---|---|",
        *[
            f"| `{claim.clause}` | {claim.says} | {', '.join(f'`{f}`' for f in claim.fields)} |"
            for claim in CLAIMS
        ],
        "",
        "What the law requires of every organisation is said without an answer:",
        "",
        "| clause | statement | rests on |",
        "|---|---|---|",
        *[f"| {clause} | {text} | {source} |" for clause, text, source in LEGAL_STATEMENTS],
        "",
        "## Limits",
        "",
        "Clause templates are untrusted code. They run in Jinja2's immutable sandbox: no access to "
        "Python internals, no changing the data, no `include`, `import` or `extends`, no `lipsum`. "
        f"Refused: `**`; `*` producing more than {rendering.MAX_REPEAT_CHARS:,} characters; "
        f"templates over {rendering.MAX_TEMPLATE_CHARS:,} characters; output over "
        f"{rendering.MAX_CLAUSE_OUTPUT_CHARS:,} characters per clause; more than "
        f"{rendering.TIME_BUDGET_SECONDS:g} seconds per clause; printing a Python object (such as a "
        "helper without calling it); a join, `%`, `format`, `translate`, `~` or `+` whose result "
        f"would pass {rendering.MAX_REPEAT_CHARS:,} characters; `sum` with anything but numbers; "
        "nesting so deep that the compiler gives up (thousands of parentheses, hundreds of `if` "
        "blocks, about twenty `for` blocks inside each other). Validation and the preview run in a "
        "child process with a memory limit and a CPU-time limit, so what slips past these checks "
        "is stopped there. The error names the clause and, where known, the line.",
        "",
        "## Writing well",
        "",
        'Short sentences, active voice, "wij" for the organisation. Say what happens, not what '
        '"may" happen. Use the AVG\'s current terms: verwerkingsverantwoordelijke, verwerker, '
        "verwerkersovereenkomst, Functionaris Gegevensbescherming, Autoriteit Persoonsgegevens; never "
        '"bewerker", "CBP" or "Wbp". The checker scores the result (Flesch-Douma at least 60).',
    ]
    return "\n".join(lines).rstrip() + "\n"
