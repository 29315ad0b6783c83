"""Step "verwerkingen": one row per processing activity, the heart of the statement."""

from django import forms
from django.utils.translation import gettext_lazy as _

from generator.answers import choices as c
from generator.wizard.forms.base import (
    AnswersFormSet,
    Declared,
    LinesField,
    TranslatedFields,
    enum_choices,
    merged,
    row_key,
)
from generator.wizard.forms.processing import MSG_REQUIRED, PROVISIONS, SOURCE_NOTICES, SOURCES


class ActivityForm(Declared, TranslatedFields, forms.Form):
    paths = {
        **{f"retention_{key}": f"retention.{key}"
           for key in ("period", "unit", "trigger", "criterion", "per_category", "fiscal")},
        **{f"adm_{key}": f"automated_decision.{key}"
           for key in ("description", "logic", "consequences", "ground", "profiling")},
    }  # fmt: skip
    # "sensitive" and "adm" are gates: whether the details below them are asked (and kept).
    not_answers = ("sensitive", "adm")
    translated = ("name", "purpose", "criminal_data_basis", "bsn_law", "legal_obligation",
                  "legitimate_interest", "consent_withdrawal", "source_name",
                  "provision_consequence", "retention_trigger", "retention_criterion",
                  "retention_per_category", "adm_description", "adm_logic",
                  "adm_consequences")  # fmt: skip
    translated_lines = ("data_subjects_other", "data_categories_other")
    # Only what applies (issue 16): details show after the answer that makes them needed.
    SENSITIVE = ("special_categories", "special_category_exception", "criminal_data",
                 "criminal_data_basis", "bsn", "bsn_law", "adm", "adm_description", "adm_logic",
                 "adm_consequences", "adm_ground", "adm_profiling")  # fmt: skip
    show_when = {
        **{name: ("sensitive", ("yes",)) for name in SENSITIVE},
        "special_category_exception": ("special_categories", ()),
        "criminal_data_basis": ("criminal_data", ("on",)),
        "bsn_law": ("bsn", ("on",)),
        **{f"adm_{name}": ("adm", ("on",))
           for name in ("description", "logic", "consequences", "ground", "profiling")},
        "legal_obligation": ("legal_basis", (c.LegalBasis.LEGAL_OBLIGATION,)),
        "legitimate_interest": ("legal_basis", (c.LegalBasis.LEGITIMATE_INTERESTS,)),
        "consent_withdrawal": ("legal_basis", (c.LegalBasis.CONSENT,)),
        "source_name": ("sources", (c.Source.THIRD_PARTY,)),
        "source_public": ("sources", (c.Source.THIRD_PARTY,)),
        "source_notice": ("sources", (c.Source.THIRD_PARTY,)),
        # Voluntary data has a consequence too ("without it we cannot answer").
        "provision_consequence": ("provision", ()),
        "marketing_channels": ("direct_marketing", ("on",)),
        "marketing_existing_customers_only": ("direct_marketing", ("on",)),
    }  # fmt: skip

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
            "Waarvoor u de gegevens gebruikt, in een korte zin zonder 'u' of 'je': 'Bestellingen leveren en betalingen afhandelen.'"
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
    sensitive = forms.ChoiceField(
        label=_(
            "Gaat het ook om gevoelige zaken: gezondheid of andere bijzondere gegevens, "
            "strafrechtelijke gegevens, het BSN, of besluiten die een computer zelf neemt?"
        ),
        choices=[("no", _("Nee")), ("yes", _("Ja"))],
        initial="no",
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Bij de meeste verwerkingen niet. Zo ja, dan vragen wij de details."),
    )
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
    sources = forms.MultipleChoiceField(
        label=_("Waar komen de gegevens vandaan?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.Source, SOURCES),
        help_text=_("Kies alles wat klopt."),
    )
    source_name = forms.CharField(
        label=_("Van wie krijgt u ze?"),
        max_length=300,
        required=False,
        help_text=_("Zoals midden in een zin: 'de werkgever van de deelnemer'."),
    )
    source_public = forms.BooleanField(label=_("Het is een openbare bron"), required=False)
    source_notice = forms.ChoiceField(
        label=_("Wanneer hoort de persoon dat u gegevens van een ander kreeg?"),
        required=False,
        choices=[("", "—"), *enum_choices(c.SourceNotice, SOURCE_NOTICES)],
        help_text=_(
            "Artikel 14 AVG: uiterlijk binnen een maand, of eerder bij het eerste contact."
        ),
    )
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
    retention_per_category = forms.CharField(
        label=_("Andere termijnen voor sommige gegevens"),
        max_length=5000,
        required=False,
        help_text=_("Alleen als dat zo is, bijvoorbeeld: chatberichten bewaren wij drie maanden."),
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
        if data.get("sensitive") != "yes":
            # "Nee" is the answer: what its details held is not true any more.
            for name in self.SENSITIVE:
                data[name] = self.fields[name].to_python(None)
                self.errors.pop(name, None)
        required_when = [
            (data.get("legal_basis") == c.LegalBasis.LEGITIMATE_INTERESTS, "legitimate_interest"),
            (data.get("legal_basis") == c.LegalBasis.CONSENT, "consent_withdrawal"),
            (data.get("legal_basis") == c.LegalBasis.LEGAL_OBLIGATION, "legal_obligation"),
            (bool(data.get("special_categories")), "special_category_exception"),
            (data.get("criminal_data"), "criminal_data_basis"),
            (data.get("bsn"), "bsn_law"),
            (c.Source.THIRD_PARTY in data.get("sources", []), "source_name"),
            (c.Source.THIRD_PARTY in data.get("sources", []), "source_notice"),
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
    list_path = "activities"

    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        rows = []
        for activity in answers.get("activities", []):
            row = {**ActivityForm.read_declared(activity), "id": activity["id"]}
            row["adm"] = activity.get("automated_decision") is not None
            row["sensitive"] = (
                "yes" if any(row.get(name) for name in ActivityForm.SENSITIVE) else "no"
            )
            rows.append(row)
        return rows

    def apply(self, answers: dict) -> dict:
        result = merged(answers)
        previous = {a["id"]: a for a in answers.get("activities", [])}
        taken: set[str] = set()
        activities = []
        for row in self.rows():
            key = row_key(row["id"], row["name"], taken, "verwerking")
            activity = {**ActivityForm.item_from(row), "id": key}
            if not row["adm"]:
                activity["automated_decision"] = None
            # Which recipients get the data is chosen in the "ontvangers" step; keep it.
            activity["recipients"] = previous.get(key, {}).get("recipients", [])
            activities.append(activity)
        result["activities"] = activities
        known = {activity["id"] for activity in activities}
        for cookie in result.get("cookies", {}).get("items", []):
            if cookie.get("activity") not in known:
                cookie["activity"] = None
        return result


ActivityFormSet = forms.formset_factory(
    ActivityForm, formset=BaseActivityFormSet, extra=0, can_delete=True
)
