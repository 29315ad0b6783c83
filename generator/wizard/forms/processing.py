"""Steps "diensten", "ontvangers" and "doorgifte": repeatable rows (verwerkingen: activities.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from generator.answers import choices as c
from generator.answers.types import text_of
from generator.lib import countries
from generator.wizard.forms.base import (
    AnswersFormSet,
    CatalogRefField,
    CountryField,
    Declared,
    ShowsHiddenErrors,
    TranslatedFields,
    enum_choices,
    merged,
    row_key,
)

SERVICE_KINDS = {
    c.ServiceKind.WEBSITE: _("Website"),
    c.ServiceKind.APP: _("App"),
    c.ServiceKind.PLATFORM: _("Online platform"),
    c.ServiceKind.SHOP: _("Webwinkel"),
    c.ServiceKind.OTHER: _("Andere dienst"),
}
SOURCES = {
    c.Source.DATA_SUBJECT: _(
        "De persoon geeft ze zelf (een formulier, een bestelling, een e-mail)"
    ),
    c.Source.USAGE: _(
        "Ze ontstaan als iemand onze website, app of dienst gebruikt (IP-adres, apparaat, cookies)"
    ),
    c.Source.THIRD_PARTY: _("Wij krijgen ze van een ander (een werkgever, een openbare bron)"),
}
SOURCE_NOTICES = {
    c.SourceNotice.WITHIN_MONTH: _("Binnen een maand nadat wij de gegevens kregen"),
    c.SourceNotice.FIRST_CONTACT: _("Bij ons eerste contact met die persoon"),
    c.SourceNotice.FIRST_DISCLOSURE: _("Voordat wij de gegevens aan een ander geven"),
    c.SourceNotice.ALREADY_INFORMED: _(
        "Niet apart: de persoon weet het al, bijvoorbeeld van de werkgever (artikel 14 lid 5)"
    ),
}
PROVISIONS = {
    c.Provision.STATUTORY: _(
        "Een wet verplicht ons deze gegevens vast te leggen (zoals de fiscale bewaarplicht)"
    ),
    c.Provision.CONTRACTUAL: _("De overeenkomst verplicht de persoon deze gegevens te geven"),
    c.Provision.CONTRACT_NECESSARY: _("Nodig om een overeenkomst te sluiten of uit te voeren"),
    c.Provision.VOLUNTARY: _("Niet verplicht"),
}
MSG_REQUIRED = _("Dit veld is verplicht bij uw keuze hierboven.")


class ServiceForm(Declared, TranslatedFields, forms.Form):
    translated = ("description",)

    name = forms.CharField(
        label=_("Naam"), max_length=300, help_text=_("Bijvoorbeeld de naam van uw website of app.")
    )
    kind = forms.ChoiceField(label=_("Soort"), choices=enum_choices(c.ServiceKind, SERVICE_KINDS))
    url = forms.URLField(label=_("Webadres"), required=False, assume_scheme="https")
    description = forms.CharField(
        label=_("Korte beschrijving"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BaseServiceFormSet(AnswersFormSet):
    list_path = "services"

    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        return [ServiceForm.read_declared(service) for service in answers.get("services", [])]

    def apply(self, answers: dict) -> dict:
        result = merged(answers)
        result["services"] = [ServiceForm.item_from(row) for row in self.rows()]
        return result


class RecipientForm(ShowsHiddenErrors, Declared, TranslatedFields, forms.Form):
    # Which activities: stored the other way round, as each activity's recipients.
    not_answers = ("activities",)
    translated = ("name", "category", "description")

    id = forms.CharField(widget=forms.HiddenInput, required=False)
    catalog = CatalogRefField()
    name = forms.CharField(
        label=_("Naam"),
        max_length=300,
        help_text=_(
            "Het bedrijf of de instantie, zoals Mollie B.V. Noemt u liever de soort, schrijf die "
            "dan zoals midden in een zin: 'onze boekhouder'."
        ),
    )
    role = forms.ChoiceField(
        label=_("Rol"),
        choices=enum_choices(c.RecipientRole),
        help_text=_(
            "Een verwerker werkt in uw opdracht, zoals uw hostingbedrijf. Anderen bepalen zelf wat zij met de gegevens doen."
        ),
    )
    category = forms.CharField(
        label=_("Soort"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: hostingprovider."),
    )
    description = forms.CharField(
        label=_("Wat doen zij met de gegevens?"), max_length=5000, required=False
    )
    country = CountryField(
        label=_("Land waar de gegevens worden verwerkt"),
        initial="NL",
        help_text=_("Buiten de EER vraagt de stap Doorgifte welke waarborg er is."),
    )
    dpa_signed = forms.BooleanField(
        label=_("Wij hebben een verwerkersovereenkomst gesloten"), required=False
    )
    activities = forms.MultipleChoiceField(
        label=_("Krijgt gegevens van deze verwerkingen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, activity_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].choices = activity_choices


class BaseRecipientFormSet(AnswersFormSet):
    list_path = "recipients"

    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        rows = []
        for recipient in answers.get("recipients", []):
            used_by = [
                a["id"]
                for a in answers.get("activities", [])
                if recipient["id"] in a.get("recipients", [])
            ]
            rows.append(
                {
                    **RecipientForm.read_declared(recipient),
                    "id": recipient["id"],
                    "activities": used_by,
                }
            )
        return rows

    def apply(self, answers: dict) -> dict:
        result = merged(answers)
        previous = {r["id"]: r for r in answers.get("recipients", [])}
        taken: set[str] = set()
        recipients, used_by = [], {}
        for row in self.rows():
            key = row_key(row["id"], row["name"], taken, "ontvanger")
            # The transfer fields are the Doorgifte step's; they stay as they were.
            recipient = {**previous.get(key, {}), **RecipientForm.item_from(row), "id": key}
            facts = (row["catalog"] or {}).get("facts", {})
            if not recipient.get("transfer_mechanism") and facts.get("transfer_mechanism"):
                # Picked from the catalog: its safeguard is the starting point of "doorgifte".
                recipient["transfer_mechanism"] = facts["transfer_mechanism"]
                recipient["safeguard_copy"] = recipient.get("safeguard_copy") or facts.get(
                    "safeguard_copy"
                )
            if countries.in_eea(recipient["country"]):
                recipient |= {
                    "transfer_mechanism": None,
                    "derogation_ground": None,
                    "derogation": None,
                    "safeguard_copy": None,
                }
            recipients.append(recipient)
            used_by[key] = row["activities"]
        result["recipients"] = recipients
        for activity in result.get("activities", []):
            activity["recipients"] = [key for key in used_by if activity["id"] in used_by[key]]
        known = set(used_by)
        for cookie in result.get("cookies", {}).get("items", []):
            if cookie.get("recipient") not in known:
                cookie["recipient"] = None
        return result


class TransferForm(Declared, TranslatedFields, forms.Form):
    translated = ("derogation", "safeguard_copy")
    # Art. 49 only without another mechanism.
    show_when = {
        "derogation_ground": ("transfer_mechanism", (c.TransferMechanism.DEROGATION,)),
        "derogation": ("transfer_mechanism", (c.TransferMechanism.DEROGATION,)),
        # Where to read the safeguard: the copy of the SCCs or BCRs, the DPF list.
        "safeguard_copy": ("transfer_mechanism", (f"!{c.TransferMechanism.DEROGATION}",)),
    }

    id = forms.CharField(widget=forms.HiddenInput)
    transfer_mechanism = forms.ChoiceField(
        label=_("Waarborg voor de doorgifte"),
        choices=[("", "—"), *enum_choices(c.TransferMechanism)],
        help_text=_(
            "Voor de VS: het Data Privacy Framework geldt alleen als de ontvanger gecertificeerd is."
        ),
    )
    derogation_ground = forms.ChoiceField(
        label=_("Welke uitzondering van artikel 49 lid 1?"),
        required=False,
        choices=[("", "—"), *enum_choices(c.Art49Derogation)],
        help_text=_(
            "Alleen als er geen adequaatheidsbesluit en geen passende waarborg is; de verklaring "
            "zegt dan dat de bescherming minder is."
        ),
    )
    derogation = forms.CharField(
        label=_("Toelichting bij de uitzondering"), max_length=300, required=False
    )
    safeguard_copy = forms.CharField(
        label=_("Waar is een kopie van de waarborg te krijgen?"),
        max_length=300,
        required=False,
        help_text=_("Een webadres of e-mailadres."),
    )

    def clean(self) -> dict:
        data = super().clean()
        mechanism = data.get("transfer_mechanism")
        if mechanism == c.TransferMechanism.DEROGATION and not data.get("derogation_ground"):
            self.add_error("derogation_ground", MSG_REQUIRED)
        if mechanism in (c.TransferMechanism.SCC, c.TransferMechanism.BCR) and not data.get(
            "safeguard_copy"
        ):
            self.add_error("safeguard_copy", MSG_REQUIRED)
        return data


class BaseTransferFormSet(AnswersFormSet):
    """One row per recipient outside the EEA; rows are not added or removed here."""

    list_path = "recipients"

    @classmethod
    def row_indexes(cls, answers) -> list[int]:
        return [index for index, r in enumerate(answers.recipients) if r.outside_eea]

    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        return [
            {
                **TransferForm.read_declared(r),
                "id": r["id"],
                "label": f"{text_of(r['name'], 'nl')} ({countries.country_name(r['country'], 'nl')})",
            }
            for r in answers.get("recipients", [])
            if not countries.in_eea(r.get("country", "NL"))
        ]

    def apply(self, answers: dict) -> dict:
        result = merged(answers)
        rows = {row["id"]: row for row in self.rows()}
        for recipient in result.get("recipients", []):
            row = rows.get(recipient["id"])
            if row:
                recipient |= TransferForm.item_from(row)
        return result


ServiceFormSet = forms.formset_factory(
    ServiceForm, formset=BaseServiceFormSet, extra=0, can_delete=True
)
RecipientFormSet = forms.formset_factory(
    RecipientForm, formset=BaseRecipientFormSet, extra=0, can_delete=True
)
TransferFormSet = forms.formset_factory(TransferForm, formset=BaseTransferFormSet, extra=0)
