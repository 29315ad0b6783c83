"""R30 (our own, beyond avg-checklist.md): one voice. A statement addresses its reader as "u"
or as "je" throughout (F1: clear and intelligible, Art. 12(1) AVG). The organisation's free
text is printed inside the statement's sentences, so a "je" typed into a purpose turns a
formal statement into a mixed one. Such a text is refused at publication, not acknowledged
away (design.md, "One voice"), and its field is named so the wizard can mark it."""

from generator.answers.free_text import free_texts
from generator.answers.schema import Answers
from generator.answers.types import text_of
from generator.compliance.findings import E, rule
from generator.lib.dutch import register_slips

PRONOUN = {"formal": "u", "informal": "je"}
ARTICLE = "Art. 12(1) AVG (één aanspreekvorm)"
SUMMARY = "Eén aanspreekvorm: geen 'je' in een verklaring met 'u', geen 'u' in een met 'je'"


def _messages(phrase: str, register: str) -> tuple[str, str]:
    own, other = PRONOUN[register], PRONOUN["informal" if register == "formal" else "formal"]
    return (
        f"'{phrase}' past niet in een verklaring die de lezer met '{own}' aanspreekt. "
        f"Schrijf deze tekst zonder '{other}' en '{own}': in de wij-vorm of over 'de klant'.",
        f"'{phrase}' does not fit a statement that addresses the reader as '{own}'. "
        f"Rewrite this text without '{other}' or '{own}': in the we-form or about 'the customer'.",
    )


def _excerpt(text: str, start: int) -> str:
    return text[max(0, start - 40) : start + 40].strip()


@rule("R30", article=ARTICLE, summary=SUMMARY, overridable=False)
def free_text_register(answers: Answers):
    document = answers.document
    if "nl" not in {document.language.value, *(lang.value for lang in document.extra_languages)}:
        return
    register = document.register.value
    for path, value in free_texts(answers):
        text = text_of(value, "nl")
        slips = register_slips(text, register)
        if slips:
            nl, en = _messages(slips[0].phrase, register)
            yield E, nl, en, path, _excerpt(text, slips[0].start)


@rule("R30", article=ARTICLE, summary=SUMMARY, text=True, overridable=False)
def statement_register(subject):
    """The whole text: a clause that an editor wrote in the wrong register, or a statement
    given as plain text that mixes both (its register is then the one it uses most)."""
    if subject.language not in (None, "nl"):
        return
    if subject.answers is not None and any(free_text_register(subject.answers)):
        return  # the answers part names the fields already
    text = subject.text
    register = subject.register
    if register is None:
        formal, informal = (len(register_slips(text, r)) for r in ("informal", "formal"))
        register = "formal" if formal >= informal else "informal"
    slips = register_slips(text, register)
    if slips:
        nl, en = _messages(slips[0].phrase, register)
        yield (
            E,
            f"{nl} De verklaring heeft {len(slips)} zulke woorden.",
            f"{en} The statement has {len(slips)} such words.",
            None,
            _excerpt(text, slips[0].start),
        )
