"""R31 (our own, beyond avg-checklist.md): a statement in one language. An English version of a
Dutch statement shows the organisation's English text for every free text; one it shows in
Dutch (no English version given) is refused at publication, with its field, and so is any
sentence of an English statement that is Dutch (F1, Art. 12(1) AVG: intelligible to the
reader the statement is written for)."""

from generator.answers.free_text import free_texts, missing_translations
from generator.compliance.findings import E, rule
from generator.compliance.text import full_text
from generator.lib.dutch import dutch_sentences

LANGUAGE_NAMES = {"en": ("Engelse", "English"), "nl": ("Nederlandse", "Dutch")}


def _fold(text: str) -> str:
    return " ".join(str(text).lower().split()).rstrip(".")


def _untranslated(answers, language: str, text: str):
    """Free texts with no version for `language` that the statement in it shows as typed."""
    folded = _fold(text)
    adjective_nl, adjective_en = LANGUAGE_NAMES[language]
    for path, value in missing_translations(answers, language):
        if len(_fold(value)) >= 3 and _fold(value) in folded:
            yield (
                E,
                f"Deze tekst heeft nog geen {adjective_nl} versie, maar de {adjective_nl} verklaring toont hem: vul de {adjective_nl} tekst in.",
                f"This text has no {adjective_en} version yet, but the {adjective_en} statement shows it: fill in the {adjective_en} text.",
                path,
                str(value)[:80],
            )


def _dutch_left(answers, text: str, named: set[str]):
    """Dutch sentences in an English text: at the field whose text it is, else (a clause, a
    label) at no field."""
    texts = [(path, _fold(value)) for path, value in free_texts(answers)] if answers else []
    for sentence in dutch_sentences(text):
        folded = _fold(sentence)
        # The sentence holds the typed text ("Onze boekhouder (facturen)."), or is one of its
        # sentences (a purpose of three sentences).
        path = next(
            (p for p, typed in texts if len(typed) >= 3 and (typed in folded or folded in typed)),
            None,
        )
        if path in named:
            continue
        if path:
            named.add(path)
        yield (
            E,
            f"De Engelse verklaring bevat een Nederlandse zin: '{sentence[:100]}'. Vul bij deze tekst de Engelse versie in."
            if path
            else f"De Engelse verklaring bevat een Nederlandse zin: '{sentence[:100]}'.",
            f"The English statement contains a Dutch sentence: '{sentence[:100]}'.",
            path,
            sentence[:100],
        )


@rule(
    "R31",
    article="Art. 12(1) AVG (één taal)",
    summary="Eén taal: een Engelse verklaring toont elke eigen tekst in het Engels, en geen Nederlandse zin",
    text=True,
    overridable=False,
)
def one_language(subject):
    versions = dict(subject.translations or {})
    if subject.language == "en":
        versions["en"] = subject.blocks
    for language, blocks in versions.items():
        text = full_text(blocks)
        named = set()
        if subject.answers is not None and language != subject.language:
            # A translation: the main language's plain texts have no version in this one.
            for finding in _untranslated(subject.answers, language, text):
                named.add(finding[3])
                yield finding
        if language == "en":
            yield from _dutch_left(subject.answers, text, named)
