"""Steps "diensten", "verwerkingen", "ontvangers" and "doorgifte": the repeatable rows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from generator.answers import choices as c
from generator.lib import countries
from generator.wizard.forms.base import (
    AnswersFormSet,
    LinesField,
    clean_none,
    enum_choices,
    merged,
    row_key,
)
from generator.wizard.forms.organisation import country_validator

SERVICE_KINDS = {
    c.ServiceKind.WEBSITE: _("Website"),
    c.ServiceKind.APP: _("App"),
    c.ServiceKind.PLATFORM: _("Online platform"),
    c.ServiceKind.SHOP: _("Webwinkel"),
    c.ServiceKind.OTHER: _("Andere dienst"),
}
SOURCES = {
    c.Source.DATA_SUBJECT: _("Van de persoon zelf"),
    c.Source.THIRD_PARTY: _("Van iemand anders (bijvoorbeeld een werkgever of een openbare bron)"),
    c.Source.BOTH: _("Deels van de persoon zelf, deels van iemand anders"),
}
PROVISIONS = {
    c.Provision.STATUTORY: _("Verplicht door de wet"),
    c.Provision.CONTRACTUAL: _("Verplicht door een contract"),
    c.Provision.CONTRACT_NECESSARY: _("Nodig om een overeenkomst te sluiten of uit te voeren"),
    c.Provision.VOLUNTARY: _("Niet verplicht"),
}
MSG_REQUIRED = _("Dit veld is verplicht bij uw keuze hierboven.")


class ServiceForm(forms.Form):
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
    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        return [dict(service) for service in answers.get("services", [])]

    def apply(self, answers: dict) -> dict:
        result = merged(answers)
        result["services"] = [
            {key: row[key] or None for key in ("name", "kind", "url", "description")}
            for row in self.rows()
        ]
        return result


class ActivityForm(forms.Form):
    id = forms.CharField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label=_("Naam van de verwerking"),
        max_length=300,
        help_text=_("Bijvoorbeeld: Bestellingen, Nieuwsbrief."),
    )
    purpose = forms.CharField(
        label=_("Doel"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Waarvoor u de gegevens gebruikt, in een korte zin: 'Bestellingen leveren en betalingen afhandelen.'"
        ),
    )
    data_subjects = forms.MultipleChoiceField(
        label=_("Over wie"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.DataSubject),
    )
    data_subjects_other = LinesField(label=_("Andere groepen, één per regel"), required=False)
    data_categories = forms.MultipleChoiceField(
        label=_("Welke gegevens"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.DataCategory),
    )
    data_categories_other = LinesField(label=_("Andere gegevens, één per regel"), required=False)
    special_categories = forms.MultipleChoiceField(
        label=_("Gevoelige gegevens (bijzondere persoonsgegevens)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.SpecialCategory),
        help_text=_("Alleen aanvinken als u deze gegevens echt gebruikt."),
    )
    special_category_exception = forms.ChoiceField(
        label=_("Uitzondering waarop u zich beroept (artikel 9 lid 2 AVG)"),
        required=False,
        choices=[("", "—"), *enum_choices(c.Art9Exception)],
    )
    criminal_data = forms.BooleanField(
        label=_("Wij gebruiken strafrechtelijke gegevens"), required=False
    )
    criminal_data_basis = forms.CharField(
        label=_("Grond in de UAVG"), max_length=300, required=False
    )
    bsn = forms.BooleanField(label=_("Wij gebruiken het burgerservicenummer (BSN)"), required=False)
    bsn_law = forms.CharField(
        label=_("Wet die het BSN-gebruik voorschrijft"),
        max_length=300,
        required=False,
        help_text=_(
            "Het BSN mag alleen als een wet dat toestaat, bijvoorbeeld de Wet op de loonbelasting 1964."
        ),
    )
    legal_basis = forms.ChoiceField(
        label=_("Grondslag"),
        choices=[("", "—"), *enum_choices(c.LegalBasis)],
        help_text=_("De reden in de wet waarom u deze gegevens mag gebruiken (artikel 6 AVG)."),
    )
    legal_obligation = forms.CharField(
        label=_("Welke wet verplicht dit?"), max_length=300, required=False
    )
    legitimate_interest = forms.CharField(
        label=_("Uw gerechtvaardigd belang"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Welk belang u heeft en waarom dat zwaarder weegt dan de privacy van de mensen."
        ),
    )
    consent_withdrawal = forms.CharField(
        label=_("Hoe trekt iemand de toestemming in?"),
        max_length=5000,
        required=False,
        help_text=_("Bijvoorbeeld: met de afmeldlink in elke e-mail."),
    )
    source = forms.ChoiceField(
        label=_("Waar komen de gegevens vandaan?"),
        choices=enum_choices(c.Source, SOURCES),
        initial=c.Source.DATA_SUBJECT.value,
    )
    source_name = forms.CharField(label=_("Van wie?"), max_length=300, required=False)
    source_public = forms.BooleanField(label=_("Het is een openbare bron"), required=False)
    provision = forms.ChoiceField(
        label=_("Moet iemand deze gegevens geven?"),
        required=False,
        choices=[("", "—"), *enum_choices(c.Provision, PROVISIONS)],
    )
    provision_consequence = forms.CharField(
        label=_("Wat gebeurt er als iemand ze niet geeft?"), max_length=5000, required=False
    )
    retention_period = forms.IntegerField(
        label=_("Bewaartermijn"), min_value=1, max_value=100, required=False
    )
    retention_unit = forms.ChoiceField(
        label=_("Eenheid"),
        required=False,
        choices=[
            ("", "—"),
            ("days", _("dagen")),
            ("weeks", _("weken")),
            ("months", _("maanden")),
            ("years", _("jaar")),
        ],
    )
    retention_trigger = forms.CharField(
        label=_("Vanaf wanneer?"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: na het opzeggen van het account."),
    )
    retention_criterion = forms.CharField(
        label=_("Of: hoe bepaalt u de termijn?"), max_length=5000, required=False
    )
    retention_fiscal = forms.BooleanField(
        label=_(
            "Deze gegevens horen bij de administratie (7 jaar bewaren voor de Belastingdienst)"
        ),
        required=False,
    )
    no_recipients = forms.BooleanField(
        label=_("Deze gegevens gaan naar niemand buiten onze organisatie"), required=False
    )
    adm = forms.BooleanField(
        label=_("Een computer neemt hier zelfstandig besluiten met gevolgen voor mensen"),
        required=False,
    )
    adm_description = forms.CharField(label=_("Welk besluit?"), max_length=5000, required=False)
    adm_logic = forms.CharField(
        label=_("Hoe komt het besluit tot stand?"), max_length=5000, required=False
    )
    adm_consequences = forms.CharField(
        label=_("Wat betekent het besluit voor iemand?"), max_length=5000, required=False
    )
    adm_ground = forms.ChoiceField(
        label=_("Waarom mag dat?"),
        required=False,
        choices=[("", "—"), *enum_choices(c.DecisionGround)],
    )
    adm_profiling = forms.BooleanField(label=_("Hierbij maken wij een profiel"), required=False)
    direct_marketing = forms.BooleanField(
        label=_("Wij gebruiken deze gegevens voor reclame"), required=False
    )
    marketing_channels = forms.MultipleChoiceField(
        label=_("Via"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.MarketingChannel),
    )
    marketing_existing_customers_only = forms.BooleanField(
        label=_("Alleen aan bestaande klanten, over vergelijkbare producten"), required=False
    )

    def clean(self) -> dict:
        data = super().clean()
        required_when = [
            (data.get("legal_basis") == c.LegalBasis.LEGITIMATE_INTERESTS, "legitimate_interest"),
            (data.get("legal_basis") == c.LegalBasis.CONSENT, "consent_withdrawal"),
            (data.get("legal_basis") == c.LegalBasis.LEGAL_OBLIGATION, "legal_obligation"),
            (bool(data.get("special_categories")), "special_category_exception"),
            (data.get("criminal_data"), "criminal_data_basis"),
            (data.get("bsn"), "bsn_law"),
            (data.get("source") in (c.Source.THIRD_PARTY, c.Source.BOTH), "source_name"),
            (bool(data.get("retention_period")), "retention_unit"),
            (bool(data.get("retention_unit")), "retention_period"),
        ]
        required_when += [
            (data.get("adm"), f"adm_{f}")
            for f in ("description", "logic", "consequences", "ground")
        ]
        for condition, field in required_when:
            if condition and not data.get(field) and field not in self.errors:
                self.add_error(field, MSG_REQUIRED)
        has_retention = (
            data.get("retention_period")
            or data.get("retention_criterion")
            or data.get("retention_fiscal")
        )
        if not has_retention and "retention_period" not in self.errors:
            # C8: "zo lang als nodig" is not enough; a reader must be able to work out the term.
            self.add_error(
                "retention_period", _("Vul een bewaartermijn in, of beschrijf hoe u die bepaalt.")
            )
        return data


class BaseActivityFormSet(AnswersFormSet):
    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        rows = []
        for activity in answers.get("activities", []):
            row = {
                key: value
                for key, value in activity.items()
                if key not in ("retention", "automated_decision")
            }
            retention = activity.get("retention") or {}
            row |= {f"retention_{key}": value for key, value in retention.items()}
            decision = activity.get("automated_decision")
            if decision:
                row |= {"adm": True, **{f"adm_{key}": value for key, value in decision.items()}}
            rows.append(row)
        return rows

    def apply(self, answers: dict) -> dict:
        result = merged(answers)
        previous = {a["id"]: a for a in answers.get("activities", [])}
        taken: set[str] = set()
        activities = []
        for row in self.rows():
            key = row_key(row["id"], row["name"], taken, "verwerking")
            activity = {
                field: clean_none(row[field])
                if not isinstance(row[field], (bool, list))
                else row[field]
                for field in ActivityForm.base_fields
                if not field.startswith(("retention_", "adm", "id"))
            }
            activity["id"] = key
            activity["legal_basis"] = row["legal_basis"] or None
            activity["provision"] = row["provision"] or None
            activity["special_category_exception"] = row["special_category_exception"] or None
            activity["purpose"] = row["purpose"]
            activity["retention"] = {
                "period": row["retention_period"],
                "unit": row["retention_unit"] or None,
                "trigger": row["retention_trigger"] or None,
                "criterion": row["retention_criterion"] or None,
                "fiscal": row["retention_fiscal"],
            }
            activity["automated_decision"] = (
                {
                    "description": row["adm_description"],
                    "logic": row["adm_logic"],
                    "consequences": row["adm_consequences"],
                    "ground": row["adm_ground"],
                    "profiling": row["adm_profiling"],
                }
                if row["adm"]
                else None
            )
            # Which recipients get the data is chosen in the "ontvangers" step; keep it.
            activity["recipients"] = previous.get(key, {}).get("recipients", [])
            activities.append(activity)
        result["activities"] = activities
        return result


class RecipientForm(forms.Form):
    id = forms.CharField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label=_("Naam"),
        max_length=300,
        help_text=_("Het bedrijf of de instantie, zoals Mollie B.V."),
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
    country = forms.CharField(
        label=_("Land waar de gegevens worden verwerkt"),
        max_length=2,
        initial="NL",
        validators=[country_validator],
        help_text=_("Landcode van twee letters, zoals NL, IE of US."),
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

    def clean_country(self) -> str:
        return self.cleaned_data["country"].strip().upper()


class BaseRecipientFormSet(AnswersFormSet):
    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        rows = []
        for recipient in answers.get("recipients", []):
            used_by = [
                a["id"]
                for a in answers.get("activities", [])
                if recipient["id"] in a.get("recipients", [])
            ]
            rows.append({**recipient, "activities": used_by})
        return rows

    def apply(self, answers: dict) -> dict:
        result = merged(answers)
        previous = {r["id"]: r for r in answers.get("recipients", [])}
        taken: set[str] = set()
        recipients, used_by = [], {}
        for row in self.rows():
            key = row_key(row["id"], row["name"], taken, "ontvanger")
            recipient = {**previous.get(key, {})}
            recipient |= {
                field: clean_none(row[field])
                for field in ("name", "role", "category", "description", "country")
            }
            recipient |= {"id": key, "dpa_signed": row["dpa_signed"]}
            if countries.in_eea(recipient["country"]):
                recipient |= {
                    "transfer_mechanism": None,
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


class TransferForm(forms.Form):
    id = forms.CharField(widget=forms.HiddenInput)
    transfer_mechanism = forms.ChoiceField(
        label=_("Waarborg voor de doorgifte"),
        choices=[("", "—"), *enum_choices(c.TransferMechanism)],
        help_text=_(
            "Voor de VS: het Data Privacy Framework geldt alleen als de ontvanger gecertificeerd is."
        ),
    )
    derogation = forms.CharField(
        label=_("Welke uitzondering van artikel 49?"), max_length=300, required=False
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
        if mechanism == c.TransferMechanism.DEROGATION and not data.get("derogation"):
            self.add_error("derogation", MSG_REQUIRED)
        if mechanism in (c.TransferMechanism.SCC, c.TransferMechanism.BCR) and not data.get(
            "safeguard_copy"
        ):
            self.add_error("safeguard_copy", MSG_REQUIRED)
        return data


class BaseTransferFormSet(AnswersFormSet):
    """One row per recipient outside the EEA; rows are not added or removed here."""

    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        return [
            {
                "id": r["id"],
                "transfer_mechanism": r.get("transfer_mechanism"),
                "derogation": r.get("derogation"),
                "safeguard_copy": r.get("safeguard_copy"),
                "label": f"{r['name']} ({countries.country_name(r['country'], 'nl')})",
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
                recipient |= {
                    "transfer_mechanism": row["transfer_mechanism"],
                    "derogation": row["derogation"] or None,
                    "safeguard_copy": row["safeguard_copy"] or None,
                }
        return result


ServiceFormSet = forms.formset_factory(
    ServiceForm, formset=BaseServiceFormSet, extra=0, can_delete=True
)
ActivityFormSet = forms.formset_factory(
    ActivityForm, formset=BaseActivityFormSet, extra=0, can_delete=True
)
RecipientFormSet = forms.formset_factory(
    RecipientForm, formset=BaseRecipientFormSet, extra=0, can_delete=True
)
TransferFormSet = forms.formset_factory(TransferForm, formset=BaseTransferFormSet, extra=0)
