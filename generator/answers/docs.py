"""docs/answers.schema.json and docs/answers.md, generated from the model so they stay true.

A test compares the committed files with what this module produces; `make docs` rewrites
them after a change to schema.py.
"""

import json
from typing import Any

from generator.answers.schema import Answers

INTRO = """# The answers schema

Everything a statement says comes from one JSON object, the *Answers*
(`generator/answers/schema.py`). The wizard writes it, `render_statement` reads it, consultants
export and import it. This page is generated from the model by `make docs`; do not edit it by
hand. The machine-readable form is [answers.schema.json](answers.schema.json).

Conventions:

- Unknown fields are an error, so a typo is reported instead of silently ignored.
- Empty strings count as "not filled in". Most fields are optional: whether a statement is
  *complete* under the AVG is the checker's job, not the schema's.
- Dutch formats are checked and normalised: postcode (`1234 AB`), KvK-nummer (8 digits),
  btw-id (`NL123456789B01`), phone (stored as `+31201234567`), e-mail, web addresses
  (`https://` only). Countries are ISO 3166 two-letter codes (`NL`, `US`).
- Recipients and activities have an `id`; activities and cookies refer to recipients by it.
- Errors name the field path, for example `activities.2.retention.period`.
- A question that was not answered is `null` (or an empty list), never a default that reads as
  an answer: the statement says only what the answers support (`sells_data`: `null` says
  nothing, `false` says "Wij verkopen uw gegevens niet").
- Free text (purposes, descriptions, retention triggers, consequences, legitimate interests,
  the cookie purposes, ...) is printed inside the statement's sentences, in formal and informal
  statements alike. Write it without "u" or "je": in the wij-form or about "de klant". Text in
  the other register is a finding the checker does not let you publish with (R30). Names of
  recipients are printed mid-sentence as typed: "onze boekhouder", "Mollie B.V.".
- Free text can hold a version per statement language: a plain string is the text in the
  statement's own language; `{"nl": "Bestellingen leveren", "en": "Delivering orders"}` gives
  both. An English version of a Dutch statement uses the `en` texts; publishing it while a text
  it shows has no English version is refused (R31), naming the field. A cookie's duration that
  is only a duration ("13 maanden", "sessie") and a recipient's proper name ("Mollie B.V.")
  need no version: the statement writes the duration in each language, and a name is only
  refused when it is a Dutch phrase in an English statement.
- Older files keep loading: `source` (`data_subject`, `third_party` or `both`) is read as
  `sources`.

Examples: [docs/examples/](examples/).
"""


def schema_json() -> str:
    return json.dumps(Answers.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        return " or ".join(_type(option) for option in prop["anyOf"])
    if prop.get("type") == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if "enum" in prop:
        return " \\| ".join(f"`{value}`" for value in prop["enum"])
    if prop.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if prop.get("type") == "object" and set(prop.get("properties", {})) == {"nl", "en"}:
        return '{"nl": …, "en": …}'

    return prop.get("type", "any")


def _default(prop: dict[str, Any], required: bool) -> str:
    if required:
        return "required"
    if "default" in prop:
        return f"`{json.dumps(prop['default'], ensure_ascii=False)}`"
    return ""


def _table(name: str, schema: dict[str, Any]) -> list[str]:
    lines = [f"## {name}", ""]
    if schema.get("description"):
        lines += [" ".join(schema["description"].split()), ""]
    if "enum" in schema:
        return [*lines, "One of: " + ", ".join(f"`{v}`" for v in schema["enum"]), ""]
    lines += ["| field | type | default | meaning |", "|---|---|---|---|"]
    required = set(schema.get("required", []))
    for field, prop in schema.get("properties", {}).items():
        meaning = " ".join(prop.get("description", "").split()).replace("|", "\\|")
        row = f"| `{field}` | {_type(prop)} | {_default(prop, field in required)} | {meaning} |"
        lines.append(row)
    return [*lines, ""]


def schema_markdown() -> str:
    schema = Answers.model_json_schema()
    lines = [INTRO, *_table("Answers", schema)]
    for name, definition in sorted(schema.get("$defs", {}).items()):
        lines += _table(name, definition)
    return "\n".join(lines).rstrip() + "\n"
