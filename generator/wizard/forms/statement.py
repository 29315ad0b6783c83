"""Steps "cookies", "rechten & beveiliging", "overig", "document" and "controle"."""

from django import forms
from django.utils.translation import gettext_lazy as _

from generator.answers import choices as c
from generator.wizard.forms.base import (
    AnswersForm,
    AnswersFormSet,
    CatalogRefField,
    Declared,
    LinesField,
    ScanSightingField,
    ShowsHiddenErrors,
    TranslatedFields,
    YesNoField,
    enum_choices,
    merged,
)
from generator.wizard.forms.processing import MSG_REQUIRED

ANALYTICS_CONDITIONS = {
    "dpa": _("Verwerkersovereenkomst met de aanbieder"),
    "ip_anonymised": _("IP-adressen worden ingekort"),
    "sharing_off": _("Gegevens delen met de aanbieder staat uit"),
    "no_ads_features": _("Advertentiefuncties staan uit"),
    "no_user_id": _("Geen gebruikers-ID"),
}
OPTIONAL_RIGHTS = {
    c.OptionalRight.OBJECTION: _("Bezwaar maken tegen elk gebruik van gegevens"),
    c.OptionalRight.PORTABILITY: _("Gegevens meenemen naar een ander (overdraagbaarheid)"),
}
CHILDREN = [
    ("", _("Zeg hier niets over")),
    (
        c.ChildrenPolicy.NOT_DIRECTED.value,
        _("Onze diensten zijn niet bedoeld voor kinderen onder de 16"),
    ),
    (
        c.ChildrenPolicy.DIRECTED.value,
        _("Onze diensten zijn ook bedoeld voor kinderen onder de 16"),
    ),
]


class CookieForm(ShowsHiddenErrors, Declared, TranslatedFields, forms.Form):
    translated = ("purpose", "duration")
    show_when = {
        "recipient": ("party", ("third",)),
        "provider": ("party", ("third",)),
        "analytics": ("category", (c.CookieCategory.ANALYTICS,)),
    }
    translation_help = {
        "duration": _(
            "Leeg laten bij alleen een duur, zoals 'sessie' of '13 maanden': die schrijft de "
            "verklaring zelf in elke taal."
        )
    }

    catalog = CatalogRefField()
    scan = ScanSightingField()
    name = forms.CharField(
        label=_("Naam van de cookie"), max_length=300, help_text=_("Bijvoorbeeld _ga of sessionid.")
    )
    party = forms.ChoiceField(
        label=_("Van wie"),
        choices=[("first", _("Van ons zelf")), ("third", _("Van een ander bedrijf"))],
    )
    recipient = forms.ChoiceField(
        label=_("Welk bedrijf (uit de ontvangers)"),
        required=False,
        help_text=_(
            "Staat het bedrijf er niet bij? Voeg het toe bij Ontvangers, of vul hieronder de naam in."
        ),
    )
    provider = forms.CharField(label=_("Of: naam van het bedrijf"), max_length=300, required=False)
    category = forms.ChoiceField(label=_("Soort cookie"), choices=enum_choices(c.CookieCategory))
    purpose = forms.CharField(label=_("Waarvoor"), max_length=5000)
    duration = forms.CharField(
        label=_("Hoe lang"), max_length=300, help_text=_("Bijvoorbeeld: sessie, 13 maanden.")
    )
    analytics = forms.MultipleChoiceField(
        label=_("Bij analytische cookies: zo hebben wij ze ingesteld"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=list(ANALYTICS_CONDITIONS.items()),
        help_text=_(
            "Alleen als alles klopt, is geen toestemming nodig (Autoriteit Persoonsgegevens). Draait "
            "u het meetprogramma zelf, zoals Matomo op uw eigen server, dan tellen de "
            "verwerkersovereenkomst en de advertentiefuncties niet mee."
        ),
    )
    activity = forms.ChoiceField(
        label=_("Bij welke verwerking hoort deze cookie?"),
        required=False,
        help_text=_("Dan controleren wij dat de cookie niet langer blijft dan de bewaartermijn."),
    )

    def __init__(self, *args, recipient_choices=(), activity_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [("", "—"), *recipient_choices]
        self.fields["activity"].choices = [("", "—"), *activity_choices]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("party") == "third" and not (data.get("recipient") or data.get("provider")):
            self.add_error("provider", _("Kies het bedrijf of vul de naam in."))
        return data


class CookieSettingsForm(Declared, TranslatedFields, forms.Form):
    root = "cookies"

    settings_url = forms.URLField(
        label=_("Adres van de cookie-instellingen"),
        required=False,
        assume_scheme="https",
        help_text=_(
            "Waar bezoekers hun keuze wijzigen. Nodig als er cookies zijn waarvoor u toestemming vraagt."
        ),
    )


class BaseCookieFormSet(AnswersFormSet):
    list_path = "cookies.items"
    main_form_class = CookieSettingsForm

    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        rows = []
        for cookie in answers.get("cookies", {}).get("items", []):
            analytics = cookie.get("analytics") or {}
            # The settings are ticked as a list of the conditions that hold.
            chosen = [key for key, on in analytics.items() if on]
            rows.append({**CookieForm.read_declared(cookie), "analytics": chosen})
        return rows

    @classmethod
    def main_initial_from(cls, answers: dict) -> dict:
        return {"settings_url": answers.get("cookies", {}).get("settings_url")}

    def apply(self, answers: dict) -> dict:
        result = merged(answers)
        items = []
        for row in self.rows():
            item = CookieForm.item_from(row)
            item["analytics"] = (
                {key: key in row["analytics"] for key in ANALYTICS_CONDITIONS}
                if row["category"] == c.CookieCategory.ANALYTICS
                else None
            )
            items.append(item)
        result["cookies"] = {
            "items": items,
            "settings_url": self.main.cleaned_data["settings_url"] or None,
        }
        return result


class RightsSecurityForm(AnswersForm):
    root = "rights"
    paths = {
        "measures": "security.measures",
        "other_measures": "security.other",
        "report_email": "security.report_email",
    }
    translated_lines = ("other_measures",)
    show_when = {
        "email": ("channels", (c.RequestChannel.EMAIL,)),
        "form_url": ("channels", (c.RequestChannel.FORM,)),
    }

    channels = forms.MultipleChoiceField(
        label=_("Hoe kunnen mensen hun rechten gebruiken?"),
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.RequestChannel),
    )
    email = forms.EmailField(
        label=_("E-mailadres voor verzoeken"),
        required=False,
        help_text=_("Leeg: uw algemene e-mailadres."),
    )
    form_url = forms.URLField(
        label=_("Adres van het formulier"), required=False, assume_scheme="https"
    )
    response_term = forms.IntegerField(
        label=_("Binnen hoeveel tijd reageert u?"),
        min_value=1,
        max_value=4,
        initial=1,
        help_text=_("De AVG geeft ten hoogste één maand."),
    )
    response_term_unit = forms.ChoiceField(
        label=_("Eenheid"), choices=[("months", _("maand")), ("weeks", _("weken"))]
    )
    id_check = forms.BooleanField(
        label=_(
            "Wij vragen bij twijfel om een identiteitsbewijs (met uitleg hoe je dat afschermt)"
        ),
        required=False,
    )
    offered_rights = forms.MultipleChoiceField(
        label=_("Rechten die u ook geeft waar de AVG ze niet voorschrijft"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.OptionalRight, OPTIONAL_RIGHTS),
        help_text=_(
            "Bezwaar geldt volgens de AVG alleen bij een gerechtvaardigd belang of een publieke "
            "taak, overdraagbaarheid alleen bij toestemming of een overeenkomst."
        ),
    )
    complaint_email = forms.EmailField(label=_("E-mailadres voor klachten"), required=False)
    measures = forms.MultipleChoiceField(
        label=_("Beveiligingsmaatregelen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.SecurityMeasure),
    )
    other_measures = LinesField(label=_("Andere maatregelen, één per regel"), required=False)
    report_email = forms.EmailField(
        label=_("E-mailadres om beveiligingsproblemen te melden"), required=False
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("response_term_unit") == "months" and (data.get("response_term") or 0) > 1:
            self.add_error(
                "response_term", _("De AVG geeft een maand om te reageren, niet langer.")
            )
        if c.RequestChannel.FORM in data.get("channels", []) and not data.get("form_url"):
            self.add_error("form_url", MSG_REQUIRED)
        return data

    def apply(self, answers: dict) -> dict:
        data = dict(self.cleaned_data)
        # Not ticked reads as not answered: the statement then says nothing about an ID.
        data["id_check"] = data["id_check"] or None
        return self.write_declared(answers, data)


class ExtraSectionForm(Declared, TranslatedFields, forms.Form):
    translated = ("title", "body")

    title = forms.CharField(label=_("Titel"), max_length=300)
    body = forms.CharField(
        label=_("Tekst"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Gewone tekst; **vet** en lijstjes met - mogen. HTML wordt weggelaten."),
    )


class OtherForm(Declared, TranslatedFields, forms.Form):
    root = "other"
    translated = ("parental_consent",)
    show_when = {"parental_consent": ("children", (c.ChildrenPolicy.DIRECTED,))}

    children = forms.ChoiceField(label=_("Kinderen"), choices=CHILDREN, required=False)
    parental_consent = forms.CharField(
        label=_("Hoe vraagt u toestemming van ouders?"), max_length=5000, required=False
    )
    change_notice = forms.MultipleChoiceField(
        label=_("Hoe meldt u belangrijke wijzigingen in deze verklaring?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=enum_choices(c.ChangeNotice),
        help_text=_("'Kijk regelmatig op deze pagina' is niet genoeg: meld wijzigingen actief."),
    )
    sells_data = YesNoField(label=_("Verkoopt u persoonsgegevens?"))
    automated_decisions = YesNoField(
        label=_(
            "Neemt een computer bij u zelfstandig besluiten over mensen, met rechtsgevolgen of "
            "andere grote gevolgen (zoals een automatische afwijzing)?"
        ),
        help_text=_("Zo ja: beschrijf het besluit bij de verwerking waar het bij hoort."),
    )
    business_transfer = forms.BooleanField(
        label=_("Bij verkoop of fusie van ons bedrijf gaan gegevens mee naar de koper"),
        required=False,
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("children") == c.ChildrenPolicy.DIRECTED and not data.get("parental_consent"):
            self.add_error("parental_consent", MSG_REQUIRED)
        return data


class BaseOtherFormSet(AnswersFormSet):
    list_path = "other.extra_sections"
    """The "overig" step: its questions (main form) and any extra sections (rows)."""

    main_form_class = OtherForm

    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        sections = answers.get("other", {}).get("extra_sections", [])
        return [ExtraSectionForm.read_declared(section) for section in sections]

    @classmethod
    def main_initial_from(cls, answers: dict) -> dict:
        return cls.main_form_class.read_declared(answers)

    def apply(self, answers: dict) -> dict:
        result = self.main.write_declared(answers, self.main.cleaned_data)
        result["other"]["extra_sections"] = [ExtraSectionForm.item_from(row) for row in self.rows()]
        return result


class DocumentForm(AnswersForm):
    root = "document"
    translated = ("title",)

    title = forms.CharField(
        label=_("Titel"), max_length=300, required=False, help_text=_("Leeg: 'Privacyverklaring'.")
    )
    version_label = forms.CharField(
        label=_("Versie"), max_length=300, required=False, help_text=_("Bijvoorbeeld 1.0.")
    )
    effective_date = forms.DateField(
        label=_("Geldig vanaf"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    register = forms.ChoiceField(
        label=_("Aanspreekvorm"),
        widget=forms.RadioSelect,
        choices=[("formal", _("Formeel: u")), ("informal", _("Informeel: je"))],
    )
    language = forms.ChoiceField(
        label=_("Taal"),
        choices=[("nl", _("Nederlands")), ("en", _("Engels"))],
        help_text=_(
            "De vaste teksten komen in deze taal; uw eigen antwoorden blijven zoals u ze typte."
        ),
    )

    extra_languages = forms.MultipleChoiceField(
        label=_("Ook publiceren in"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[("nl", _("Nederlands")), ("en", _("Engels"))],
        help_text=_("Eén versie in meer talen; de openbare pagina krijgt een taalkeuze."),
    )

    def apply(self, answers: dict) -> dict:
        data = dict(self.cleaned_data)
        data["extra_languages"] = [
            lang for lang in data["extra_languages"] if lang != data["language"]
        ]
        return self.write_declared(answers, data)


class ReviewForm(AnswersForm):
    """The last step saves nothing new; the page shows the statement and the actions."""

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        return {}

    def apply(self, answers: dict) -> dict:
        return merged(answers)


CookieFormSet = forms.formset_factory(
    CookieForm, formset=BaseCookieFormSet, extra=0, can_delete=True
)
OtherFormSet = forms.formset_factory(
    ExtraSectionForm, formset=BaseOtherFormSet, extra=0, can_delete=True
)
