"""Steps "organisatie" and "contact & FG": who the verwerkingsverantwoordelijke is."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from generator.answers import choices as c
from generator.answers.types import LocalText, text_of
from generator.lib import countries, validators
from generator.wizard.forms.base import (
    LANGUAGE_NAMES,
    MSG_SAME_LINES,
    AnswersForm,
    CountryField,
    LinesField,
    YesNoField,
    enum_choices,
    lib_validator,
)

MSG_REQUIRED_WHEN_OUTSIDE_EU = _("Verplicht als uw organisatie buiten de EU is gevestigd.")


# Art. 27: a representative only for a controller not established in the Union (the EEA
# states apply the AVG too). The box shows for an address outside it; the representative's
# fields after the box is ticked.
OUTSIDE = tuple(f"!{code}" for code in sorted(countries.EEA))


class OrganisationForm(AnswersForm):
    root = "controller"
    paths = {
        "rep_name": "controller.representative.name",
        "rep_email": "controller.representative.email",
        **{f"rep_{key}": f"controller.representative.address.{key}"
           for key in ("street", "postcode", "city", "country")},
    }  # fmt: skip
    translated = ("about",)
    show_when = {
        "outside_eu": ("country", OUTSIDE),
        **{
            name: ("outside_eu", ("on",))
            for name in ("rep_name", "rep_street", "rep_postcode", "rep_city", "rep_country",
                         "rep_email")
        },
    }  # fmt: skip

    legal_name = forms.CharField(
        label=_("Officiële naam"),
        max_length=300,
        help_text=_("Zoals in het Handelsregister, bijvoorbeeld Bakkerij Jansen B.V."),
    )
    legal_form = forms.ChoiceField(
        label=_("Rechtsvorm"), required=False, choices=[("", "—"), *enum_choices(c.LegalForm)]
    )
    trade_names = LinesField(
        label=_("Handelsnamen en merken"),
        required=False,
        help_text=_("Eén per regel, zoals de naam van uw app. Laat leeg als er geen zijn."),
    )
    street = forms.CharField(label=_("Straat en huisnummer"), max_length=300, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=20, required=False)
    city = forms.CharField(label=_("Plaats"), max_length=300, required=False)
    country = CountryField(label=_("Land"), initial="NL")
    kvk_number = forms.CharField(
        label=_("KvK-nummer"),
        max_length=20,
        required=False,
        validators=[lib_validator(validators.normalise_kvk)],
        help_text=_(
            "8 cijfers. Verplicht op uw website voor ondernemingen in het Handelsregister."
        ),
    )
    kvk_registered = YesNoField(
        label=_("Staat uw organisatie in het Handelsregister van de KvK?"),
        help_text=_(
            "Nee kan bijvoorbeeld voor particulieren die samenwerken, of een kleine vereniging "
            "zonder inschrijving. De verklaring zegt dat dan."
        ),
    )
    vat_id = forms.CharField(
        label=_("Btw-identificatienummer"),
        max_length=20,
        required=False,
        validators=[lib_validator(validators.normalise_vat)],
        help_text=_("Optioneel, bijvoorbeeld NL123456789B01."),
    )
    iban = forms.CharField(
        label=_("IBAN"),
        max_length=40,
        required=False,
        validators=[lib_validator(validators.normalise_iban)],
        help_text=_("Optioneel; alleen als u het in de contactgegevens wilt tonen."),
    )
    about = forms.CharField(
        label=_("Wie u bent, in een paar zinnen"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: Wij zijn een bakkerij in Utrecht met een webwinkel."),
    )
    outside_eu = forms.BooleanField(
        label=_("Onze organisatie is gevestigd buiten de Europese Unie"), required=False
    )
    rep_name = forms.CharField(
        label=_("Naam van de EU-vertegenwoordiger"), max_length=300, required=False
    )
    rep_street = forms.CharField(
        label=_("Straat en huisnummer van de vertegenwoordiger"), max_length=300, required=False
    )
    rep_postcode = forms.CharField(
        label=_("Postcode van de vertegenwoordiger"), max_length=20, required=False
    )
    rep_city = forms.CharField(
        label=_("Plaats van de vertegenwoordiger"), max_length=300, required=False
    )
    rep_country = CountryField(label=_("Land van de vertegenwoordiger"), blank=True, required=False)
    rep_email = forms.EmailField(label=_("E-mailadres van de vertegenwoordiger"), required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("country") == "NL" and data.get("postcode"):
            try:
                data["postcode"] = validators.normalise_postcode(data["postcode"])
            except ValueError as error:
                self.add_error("postcode", str(error))
        if data.get("kvk_number") and data.get("kvk_registered") is False:
            self.add_error(
                "kvk_registered",
                _("U vulde een KvK-nummer in; dan staat u in het Handelsregister."),
            )
        if data.get("outside_eu"):
            for field in ("rep_name", "rep_street", "rep_city", "rep_country"):
                if not data.get(field):
                    self.add_error(field, MSG_REQUIRED_WHEN_OUTSIDE_EU)
        return data

    def apply(self, answers: dict) -> dict:
        result = self.write_declared(answers, self.cleaned_data)
        if not self.cleaned_data["outside_eu"]:
            result["controller"]["representative"] = None
        return result


MSG_CONTACT_LINE = _(
    "Schrijf per regel een onderwerp, een dubbele punt en een e-mailadres of telefoonnummer: "
    "'Klantenservice: service@voorbeeld.nl'. Regel %(number)s klopt niet."
)


class TopicContactsField(LinesField):
    """Contact addresses by topic, one per line: "Facturen: facturen@voorbeeld.nl"."""

    def to_python(self, value) -> list[dict]:
        contacts = []
        for number, line in enumerate(super().to_python(value), start=1):
            topic, colon, rest = line.rpartition(":")
            contact = {"topic": topic.strip(), "email": None, "phone": None}
            try:
                if "@" in rest:
                    contact["email"] = validators.normalise_email(rest)
                else:
                    contact["phone"] = validators.normalise_phone(rest)
            except ValueError:
                colon = ""
            if not (colon and contact["topic"]):
                raise forms.ValidationError(MSG_CONTACT_LINE, params={"number": number})
            contacts.append(contact)
        return contacts

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(
                f"{item['topic']}: {item.get('email') or item.get('phone')}" for item in value
            )
        return value


DPO_FIELDS = ("public_authority", "large_scale_monitoring", "large_scale_special_data",
              "designated", "name", "email", "phone")  # fmt: skip


class ContactForm(AnswersForm):
    root = "controller"
    paths = {f"dpo_{field}": f"dpo.{field}" for field in DPO_FIELDS}
    translated = ("contact_hours",)

    email = forms.EmailField(
        label=_("E-mailadres voor privacyvragen"),
        help_text=_("Hier kunnen mensen terecht met vragen en verzoeken over hun gegevens."),
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=30,
        required=False,
        validators=[lib_validator(validators.normalise_phone)],
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    contact_form_url = forms.URLField(
        label=_("Adres van uw contactformulier"), required=False, assume_scheme="https"
    )
    contact_hours = forms.CharField(
        label=_("Bereikbaar op"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: werkdagen van 9.00 tot 17.00 uur."),
    )
    contacts = TopicContactsField(
        label=_("Andere contactadressen per onderwerp"),
        required=False,
        help_text=_("Eén per regel, zoals 'Facturen: facturen@voorbeeld.nl'."),
    )
    dpo_public_authority = forms.BooleanField(
        label=_("Wij zijn een overheidsinstantie of publieke organisatie"), required=False
    )
    dpo_large_scale_monitoring = forms.BooleanField(
        label=_(
            "Wij volgen op grote schaal het gedrag van mensen, bijvoorbeeld met tracking of camera's"
        ),
        required=False,
    )
    dpo_large_scale_special_data = forms.BooleanField(
        label=_("Wij verwerken op grote schaal gevoelige gegevens, zoals gezondheid of strafrecht"),
        required=False,
    )
    dpo_designated = forms.BooleanField(
        label=_("Wij hebben een Functionaris Gegevensbescherming (FG)"), required=False
    )
    dpo_name = forms.CharField(label=_("Naam van de FG"), max_length=300, required=False)
    dpo_email = forms.EmailField(label=_("E-mailadres van de FG"), required=False)
    dpo_phone = forms.CharField(
        label=_("Telefoonnummer van de FG"),
        max_length=30,
        required=False,
        validators=[lib_validator(validators.normalise_phone)],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The topics of the contact lines are free text too: their versions go one per line,
        # in the order of the lines (a line holds a topic and an address, only one translates).
        stored = self.initial.get("contacts") or []
        self.stored["contacts"] = stored
        self.initial["contacts"] = [
            {**item, "topic": text_of(item.get("topic"), self.main_language)} for item in stored
        ]
        fields = list(self.fields.items())
        at = [key for key, _field in fields].index("contacts") + 1
        for language in self.languages:
            if not stored and not (
                self.is_bound
                and any(
                    self.data.get(self.add_prefix(k)) for k in ("contacts", f"contacts__{language}")
                )
            ):
                continue  # no topics yet: nothing to translate (as TranslatedFields._asks)
            field = LinesField(
                label=format_lazy("{} ({})", _("Onderwerpen"), LANGUAGE_NAMES[language]),
                required=False,
                help_text=format_lazy(
                    _(
                        "De onderwerpen hierboven voor de verklaring in het {language}, één per "
                        "regel, in dezelfde volgorde."
                    ),
                    language=LANGUAGE_NAMES[language],
                ),
            )
            fields.insert(at, (f"contacts__{language}", field))
            self.initial[f"contacts__{language}"] = [
                item["topic"].get(language, "")
                for item in stored
                if isinstance(item.get("topic"), dict)
            ]
        self.fields = dict(fields)

    def clean(self) -> dict:
        data = super().clean()
        versions = {lang: data.pop(f"contacts__{lang}", []) for lang in self.languages}
        contacts = data.get("contacts") or []
        for contact, item in zip(contacts, self.stored["contacts"], strict=False):
            kept = self._kept(item.get("topic"))
            if kept:  # a version in a language not asked now stays
                main = contact["topic"]
                contact["topic"] = LocalText.from_languages({self.main_language: main, **kept})
        for lang, topics in versions.items():
            if topics and len(topics) != len(contacts):
                self.add_error(f"contacts__{lang}", MSG_SAME_LINES % {"expected": len(contacts)})
            elif topics:
                for contact, topic in zip(contacts, topics, strict=True):
                    main = contact["topic"]
                    texts = dict(getattr(main, "by_language", {}) or {self.main_language: main})
                    contact["topic"] = LocalText.from_languages({**texts, lang: topic})
        must_designate = any(
            data.get(field)
            for field in (
                "dpo_public_authority",
                "dpo_large_scale_monitoring",
                "dpo_large_scale_special_data",
            )
        )
        if must_designate and not data.get("dpo_designated"):
            self.add_error(
                "dpo_designated",
                _("Met dit antwoord bent u verplicht een FG aan te wijzen (artikel 37 AVG)."),
            )
        if data.get("dpo_designated") and not data.get("dpo_email"):
            self.add_error(
                "dpo_email", _("Vul het e-mailadres van de FG in; dat moet in de verklaring staan.")
            )
        return data
