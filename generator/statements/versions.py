"""A readable diff between two published versions: per section, whether it was added, removed
or changed, and for a changed section the words that went out and came in."""

import difflib
import html
import re

from generator.documents.document import Document, plain_text


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def _word_diff(old: str, new: str) -> str:
    a, b = _words(old), _words(new)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)


def compare_documents(old: Document, new: Document) -> list[dict]:
    """Sections in the new order, then removed ones; status is same, changed, added or removed.
    `diff` is escaped HTML with <del> and <ins>."""
    before = {section.key: section for section in old.sections}
    after = {section.key: section for section in new.sections}
    rows = []
    for key, section in after.items():
        if key not in before:
            rows.append(
                {
                    "key": key,
                    "title": section.title,
                    "status": "added",
                    "diff": html.escape(plain_text(section.html)),
                }
            )
            continue
        old_text, new_text = plain_text(before[key].html), plain_text(section.html)
        changed = old_text.split() != new_text.split() or before[key].title != section.title
        rows.append({
            "key": key,
            "title": section.title,
            "status": "changed" if changed else "same",
            "diff": _word_diff(old_text, new_text) if changed else "",
        })  # fmt: skip
    for key, section in before.items():
        if key not in after:
            rows.append(
                {
                    "key": key,
                    "title": section.title,
                    "status": "removed",
                    "diff": html.escape(plain_text(section.html)),
                }
            )
    return rows
