"""The wizard's steps: explicit names, the form for each, why the law asks, and when a step
applies (conditions read the saved answers, never the session)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.forms import BaseFormSet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from generator.answers.loading import parse_answers
from generator.answers.schema import Answers
from generator.answers.types import text_of
from generator.wizard.forms.activities import ActivityFormSet
from generator.wizard.forms.organisation import ContactForm, OrganisationForm
from generator.wizard.forms.processing import RecipientFormSet, ServiceFormSet, TransferFormSet
from generator.wizard.forms.statement import (
    CookieFormSet,
    DocumentForm,
    OtherFormSet,
    ReviewForm,
    RightsSecurityForm,
)


@dataclass(frozen=True)
class Step:
    name: str
    title: Promise
    why: Promise
    form: type


STEPS = [
    Step(
        "organisatie",
        _("Organisatie"),
        _(
            "De AVG verplicht u te vertellen wie verantwoordelijk is voor de gegevens: naam, adres en KvK-nummer (artikel 13 lid 1 sub a AVG)."
        ),
        OrganisationForm,
    ),
    Step(
        "contact",
        _("Contact & FG"),
        _(
            "Mensen moeten u kunnen bereiken over hun gegevens, en ook uw Functionaris Gegevensbescherming als u die heeft (artikel 13 lid 1 sub a en b, artikel 37 AVG)."
        ),
        ContactForm,
    ),
    Step(
        "diensten",
        _("Diensten"),
        _(
            "Over welke websites, apps of diensten gaat de verklaring? Zo weten lezers of de verklaring op hen van toepassing is."
        ),
        ServiceFormSet,
    ),
    Step(
        "verwerkingen",
        _("Verwerkingen"),
        _(
            "Per verwerking moet u zeggen waarvoor u gegevens gebruikt, op welke grondslag en hoe lang u ze bewaart (artikel 13 lid 1 sub c en d, lid 2 sub a en e AVG)."
        ),
        ActivityFormSet,
    ),
    Step(
        "ontvangers",
        _("Ontvangers"),
        _(
            "Wie krijgt de gegevens van u? Noem ook uw verwerkers, zoals uw hostingbedrijf (artikel 13 lid 1 sub e AVG)."
        ),
        RecipientFormSet,
    ),
    Step(
        "doorgifte",
        _("Doorgifte"),
        _(
            "Gaan gegevens naar een land buiten de EER, dan moet u zeggen met welke waarborg (artikel 13 lid 1 sub f, artikelen 44-49 AVG)."
        ),
        TransferFormSet,
    ),
    Step(
        "cookies",
        _("Cookies"),
        _(
            "Voor cookies moet u bezoekers vooraf informeren, en voor de meeste ook toestemming vragen (artikel 11.7a Telecommunicatiewet)."
        ),
        CookieFormSet,
    ),
    Step(
        "rechten",
        _("Rechten & beveiliging"),
        _(
            "Mensen moeten weten hoe zij hun rechten gebruiken en hoe snel u reageert (artikelen 12-21 AVG). Beveiliging is verplicht (artikel 32 AVG)."
        ),
        RightsSecurityForm,
    ),
    Step(
        "overig",
        _("Overig"),
        _(
            "Kinderen, wijzigingen en de verkoop van uw bedrijf: onderwerpen die lezers moeten kennen als ze voor u gelden."
        ),
        OtherFormSet,
    ),
    Step(
        "document",
        _("Document"),
        _("Een datum en versienummer laten lezers zien of de verklaring actueel is."),
        DocumentForm,
    ),
    Step(
        "controle",
        _("Controle"),
        _(
            "Lees de verklaring zoals die gepubliceerd wordt. Wijzig een stap, download de verklaring of publiceer een versie."
        ),
        ReviewForm,
    ),
]
STEPS_BY_NAME = {step.name: step for step in STEPS}

# When a step applies: rules of the answers themselves (schema.py), the same ones the checker
# and the clauses read.
CONDITIONS: dict[str, Callable[[Answers], bool]] = {
    "doorgifte": lambda answers: bool(answers.recipients_abroad),
    "cookies": lambda answers: answers.has_site,
}


def applicable_steps(answers: Answers | dict) -> list[str]:
    model = answers if isinstance(answers, Answers) else parse_answers(answers)
    return [s.name for s in STEPS if CONDITIONS.get(s.name, lambda _: True)(model)]


def required_steps(answers: Answers | dict) -> list[str]:
    """The steps to complete before a statement counts as complete (the review is not one)."""
    return [name for name in applicable_steps(answers) if name != "controle"]


def form_kwargs(step: str | None, answers: dict) -> dict:
    """What a step's form needs besides its initial values: choices that come from other
    steps' answers, and the initial values of a formset's main form."""
    form = STEPS_BY_NAME[step].form if step in STEPS_BY_NAME else None
    document = answers.get("document", {})
    main = document.get("language") or "nl"
    # Every form offers a field per other statement language below each free text.
    languages = {
        "languages": [lang for lang in document.get("extra_languages", []) if lang != main],
        "main_language": main,
    }
    activities = [(a["id"], text_of(a["name"], main)) for a in answers.get("activities", [])]
    recipients = [(r["id"], text_of(r["name"], main)) for r in answers.get("recipients", [])]
    row_kwargs: dict = {}
    if step == "ontvangers":
        row_kwargs = {"activity_choices": activities}
    if step == "cookies":
        row_kwargs = {"recipient_choices": recipients, "activity_choices": activities}
    if getattr(form, "main_form_class", None) is not None:
        kwargs = {"main_initial": form.main_initial_from(answers)}
    else:
        kwargs = {}
    if form is not None and issubclass(form, BaseFormSet):
        kwargs["form_kwargs"] = row_kwargs | languages
    elif form is not None:
        kwargs |= languages
    return kwargs
