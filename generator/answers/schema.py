"""The Answers: everything a statement says, as one validated object.

This is the contract every other part reads (design.md, "The answers"). It checks formats,
types and references; whether the answers are *complete* under the AVG is the compliance
checker's job, so most content fields are optional here and a half-filled draft is still a
valid Answers.
"""

import datetime
import warnings
from typing import Annotated

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.answers import choices as c
from generator.answers import limits
from generator.answers.types import (
    Country,
    Duration,
    Facts,
    Key,
    LongProse,
    Name,
    OptEmail,
    OptIban,
    OptKvk,
    OptLongProse,
    OptPhone,
    OptProse,
    OptText,
    OptUrl,
    OptVat,
    Prose,
    Text,
    wrap,
)
from generator.lib import countries, validators

SCHEMA_VERSION = 1


class Model(BaseModel):
    # Unknown keys are an error, so a typo in an imported file is reported, not ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)


# "register" is the design's word for u/je; it shadows ABCMeta.register, which nobody calls here.
warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)


class DocumentInfo(Model):
    title: OptProse = Field(None, description="Titel; leeg: 'Privacyverklaring'.")
    version_label: OptText = Field(None, description="Versienummer of -naam, zoals 2.1.")
    effective_date: datetime.date | None = Field(
        None, description="Datum waarop deze versie geldt."
    )
    language: c.Language = c.Language.NL
    extra_languages: list[c.Language] = Field(
        default_factory=list, description="Ook publiceren in deze talen (één versie, meer talen)."
    )
    register: c.Register = Field(
        c.Register.FORMAL, description="Aanspreekvorm: formal (u) of informal (je)."
    )


class Address(Model):
    country: Country = "NL"
    street: OptText = Field(None, description="Straat en huisnummer.")
    postcode: OptText = None
    city: OptText = None

    @field_validator("postcode")
    @classmethod
    def _dutch_postcode(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or info.data.get("country", "NL") != "NL":
            return value
        return wrap(validators.normalise_postcode)(value)


class Representative(Model):
    """Art. 27 AVG: the EU representative of a controller established outside the EU."""

    name: Text
    address: Address
    email: OptEmail = None


class TopicContact(Model):
    """A contact address for one topic, such as the customer service or the finance team."""

    topic: Prose = Field(description="Waarvoor, zoals 'klantenservice' of 'facturen'.")
    email: OptEmail = None
    phone: OptPhone = None

    @model_validator(mode="after")
    def _reachable(self) -> "TopicContact":
        if not (self.email or self.phone):
            raise PydanticCustomError(
                "contact", "Vul bij dit contact een e-mailadres of telefoonnummer in."
            )
        return self


class Controller(Address):
    legal_name: Text = Field("", description="Statutaire naam, zoals Voorbeeld B.V.")
    legal_form: c.LegalForm | None = None
    trade_names: list[Text] = Field(
        default_factory=list, max_length=limits.SHORT_LIST, description="Handelsnamen en merken."
    )
    kvk_number: OptKvk = None
    kvk_registered: bool | None = Field(
        None,
        description="Ingeschreven bij de KvK; false voor wie dat niet hoeft, zoals particulieren die samenwerken.",
    )
    vat_id: OptVat = Field(None, description="Btw-identificatienummer.")
    iban: OptIban = Field(
        None, description="Rekeningnummer, voor wie het in de contactgegevens wil tonen."
    )
    email: OptEmail = None
    phone: OptPhone = None
    website: OptUrl = None
    contact_form_url: OptUrl = None
    contact_hours: OptProse = Field(
        None,
        description="Bijvoorbeeld: maandag tot en met vrijdag van 9.00 tot 17.00 uur.",
    )
    about: OptLongProse = Field(None, description="Wie wij zijn, in een paar zinnen.")
    contacts: list[TopicContact] = Field(
        default_factory=list,
        max_length=limits.SHORT_LIST,
        description="Andere contactadressen per onderwerp (klantenservice, facturen, ...).",
    )
    outside_eu: bool = Field(
        False,
        description="Gevestigd buiten de EU (dan is een EU-vertegenwoordiger nodig).",
    )
    representative: Representative | None = None

    @property
    def established_outside_eu(self) -> bool:
        """Art. 27 AVG: answered so, or the address is outside the EU/EEA (a reader of the
        address needs no tick box to know it)."""
        return self.outside_eu or not countries.in_eea(self.country)


class Dpo(Model):
    """Functionaris Gegevensbescherming (Art. 37-39 AVG)."""

    public_authority: bool = False
    large_scale_monitoring: bool = False
    large_scale_special_data: bool = False
    designated: bool = False
    name: OptText = None
    email: OptEmail = None
    phone: OptPhone = None


class Service(Model):
    name: Text
    kind: c.ServiceKind = c.ServiceKind.WEBSITE
    url: OptUrl = None
    description: OptLongProse = None


class Retention(Model):
    period: int | None = Field(None, ge=1, le=100)
    unit: c.RetentionUnit | None = None
    trigger: OptProse = Field(
        None,
        description="Vanaf wanneer de termijn loopt, zoals 'na het opzeggen van het abonnement'.",
    )
    criterion: OptLongProse = Field(
        None,
        description="Als er geen vaste termijn is: waarmee de termijn wordt bepaald.",
    )
    fiscal: bool = Field(
        False,
        description="Gegevens voor de administratie: 7 jaar fiscale bewaarplicht.",
    )
    per_category: OptLongProse = Field(
        None,
        description="Andere termijnen per soort gegevens, als die verschillen (artikel 30 lid 1 sub f).",
    )

    @model_validator(mode="after")
    def _period_has_unit(self) -> "Retention":
        if (self.period is None) != (self.unit is None):
            raise PydanticCustomError(
                "retention",
                "Vul bij een bewaartermijn zowel het getal als de eenheid in.",
            )
        return self


class AutomatedDecision(Model):
    """Art. 22 AVG: a decision without human involvement with legal or similar effects."""

    description: LongProse = Field(description="Welk besluit de computer neemt.")
    logic: LongProse = Field(description="Hoe het besluit tot stand komt.")
    consequences: LongProse = Field(description="Wat het besluit voor iemand betekent.")
    ground: c.DecisionGround
    profiling: bool = False


def _sources(value):
    # Files from before sources were a list say "source": "data_subject", "third_party" or
    # "both"; they keep loading.
    if isinstance(value, str):
        return ["data_subject", "third_party"] if value == "both" else [value]
    return value


class Activity(Model):
    id: Key
    name: Prose
    purpose: LongProse = Field(
        "",
        description="Waarvoor, in een korte zin in de wij-vorm: 'Bestellingen leveren en de betaling afhandelen.'",
    )
    data_subjects: list[c.DataSubject] = Field(default_factory=list)
    data_subjects_other: list[Prose] = Field(default_factory=list, max_length=limits.SHORT_LIST)
    data_categories: list[c.DataCategory] = Field(default_factory=list)
    data_categories_other: list[Prose] = Field(default_factory=list, max_length=limits.SHORT_LIST)
    special_categories: list[c.SpecialCategory] = Field(default_factory=list)
    special_category_exception: c.Art9Exception | None = None
    criminal_data: bool = False
    criminal_data_basis: OptProse = Field(None, description="Grond in de UAVG (art. 31-33).")
    bsn: bool = False
    bsn_law: OptProse = Field(None, description="De wet die het gebruik van het BSN toestaat.")
    legal_basis: c.LegalBasis | None = None
    legal_obligation: OptProse = Field(
        None, description="Bij een wettelijke verplichting: welke wet."
    )
    legitimate_interest: OptLongProse = Field(
        None, description="Bij een gerechtvaardigd belang: welk belang."
    )
    consent_withdrawal: OptLongProse = Field(
        None, description="Bij toestemming: hoe die wordt ingetrokken."
    )
    sources: Annotated[list[c.Source], BeforeValidator(_sources)] = Field(
        default_factory=list,
        validation_alias=AliasChoices("sources", "source"),
        description="Waar de gegevens vandaan komen: van de persoon zelf, uit het gebruik van de dienst, van een ander.",
    )
    source_name: OptProse = Field(
        None, description="Van wie de gegevens komen als het niet de persoon zelf is."
    )
    source_public: bool = False
    source_notice: c.SourceNotice | None = Field(
        None,
        description="Wanneer iemand hoort dat wij gegevens van een ander kregen (artikel 14 lid 3).",
    )
    provision: c.Provision | None = None
    provision_consequence: OptLongProse = Field(
        None, description="Wat er gebeurt als iemand de gegevens niet geeft."
    )
    retention: Retention = Field(default_factory=Retention)
    recipients: list[Key] = Field(
        default_factory=list, description="Kenmerken (id) van ontvangers."
    )
    no_recipients: bool = Field(
        False, description="Deze gegevens gaan naar niemand buiten de organisatie."
    )
    automated_decision: AutomatedDecision | None = None
    direct_marketing: bool = False
    marketing_channels: list[c.MarketingChannel] = Field(default_factory=list)
    marketing_existing_customers_only: bool = False


class CatalogRef(Model):
    """Where a row came from in the catalog, and the facts it copied then (to flag changes)."""

    key: Key
    facts: Facts = Field(
        default_factory=dict,
        max_length=limits.SHORT_LIST,
        description="Wat de rij toen overnam, per veld van de rij (name, country, ...).",
    )


class Recipient(Model):
    id: Key
    name: Name = Field(
        description="Naam, of een omschrijving zoals 'onze boekhouder'; een omschrijving krijgt "
        "een tekst per taal van de verklaring."
    )
    role: c.RecipientRole = c.RecipientRole.PROCESSOR
    category: OptProse = Field(None, description="Soort ontvanger, zoals 'hostingprovider'.")
    description: OptLongProse = Field(None, description="Wat de ontvanger met de gegevens doet.")
    country: Country = "NL"
    transfer_mechanism: c.TransferMechanism | None = None
    derogation_ground: c.Art49Derogation | None = Field(
        None, description="Bij artikel 49: welke uitzondering (lid 1, sub a-g)."
    )
    derogation: OptProse = Field(None, description="Bij artikel 49: toelichting.")
    safeguard_copy: OptProse = Field(
        None, description="Waar een kopie van de waarborg te krijgen is: een webadres of hoe."
    )
    dpa_signed: bool = Field(False, description="Verwerkersovereenkomst gesloten.")
    catalog: CatalogRef | None = Field(None, description="Overgenomen uit de catalogus.")

    @property
    def outside_eea(self) -> bool:
        """Art. 44-49 AVG: a transfer that needs a mechanism (the wizard's Doorgifte step,
        R13, the transfer text)."""
        return not countries.in_eea(self.country)


class AnalyticsSettings(Model):
    """The AP's conditions for consent-free analytics (K3)."""

    dpa: bool = False
    ip_anonymised: bool = False
    sharing_off: bool = False
    no_ads_features: bool = False
    no_user_id: bool = False

    def conditions(self, self_hosted: bool) -> dict[str, bool]:
        """The AP's conditions that apply, and whether each is met. Analytics that the
        organisation runs itself (such as Matomo on its own server) has no provider to sign a
        verwerkersovereenkomst with and no advertising features to switch off."""
        met = self.model_dump()
        if self_hosted:
            return {key: met[key] for key in ("ip_anonymised", "sharing_off", "no_user_id")}
        return met


class ScanSighting(Model):
    """What the cookie scan saw of a cookie (issue 18): taken over with the cookie, so the
    checker can say the site sets it before consent (R32) without the scan's database."""

    scanned_at: datetime.date
    # Text, not Url: the address the browser reported, which need not have a public form
    # (a scan of a test site on localhost); it is only ever quoted in the checker's message.
    page: OptText = Field(None, description="De pagina waar de scan de cookie het eerst zag.")
    set_before_consent: bool = Field(
        False, description="Gezet voordat de bezoeker toestemming gaf."
    )


class Cookie(Model):
    name: Text
    party: c.CookieParty | None = Field(
        None, description="first: van de organisatie zelf; third: van een ander bedrijf."
    )
    recipient: Key | None = Field(
        None, description="Bij een cookie van een derde: de ontvanger (id)."
    )
    provider: OptText = Field(None, description="Aanbieder, als die geen ontvanger in de lijst is.")
    category: c.CookieCategory
    purpose: LongProse = ""
    duration: Duration = Field(
        "",
        description="Hoe lang de cookie blijft, zoals 'sessie' of '13 maanden'; zo'n duur "
        "schrijft de verklaring zelf in elke taal.",
    )
    activity: Key | None = Field(
        None, description="De verwerking waar de cookie bij hoort (id), voor de bewaartermijn."
    )
    analytics: AnalyticsSettings | None = None
    catalog: CatalogRef | None = Field(None, description="Overgenomen uit de catalogus.")
    scan: ScanSighting | None = Field(None, description="Wat de cookiescan van de site zag.")

    @property
    def self_hosted(self) -> bool:
        """Set by the organisation's own software, with nobody else receiving the data."""
        return self.party == c.CookieParty.FIRST and not (self.recipient or self.provider)

    @property
    def requires_consent(self) -> bool:
        """R21: derived, never asked."""
        if self.category in c.CONSENT_COOKIE_CATEGORIES:
            return True
        if self.category == c.CookieCategory.ANALYTICS:
            settings = self.analytics or AnalyticsSettings()
            return not all(settings.conditions(self.self_hosted).values())
        return False


class Cookies(Model):
    items: list[Cookie] = Field(default_factory=list, max_length=limits.COOKIES)
    settings_url: OptUrl = Field(None, description="Waar bezoekers hun cookiekeuze wijzigen.")


class Rights(Model):
    channels: list[c.RequestChannel] = Field(default_factory=list)
    email: OptEmail = Field(
        None, description="Adres voor verzoeken; leeg: het algemene e-mailadres."
    )
    form_url: OptUrl = None
    response_term: int = Field(1, ge=1, le=4)
    response_term_unit: c.TermUnit = c.TermUnit.MONTHS
    id_check: bool | None = Field(
        None, description="Om een kopie van een identiteitsbewijs vragen bij twijfel."
    )
    offered_rights: list[c.OptionalRight] = Field(
        default_factory=list,
        description="Rechten die u ook geeft waar de AVG ze niet voorschrijft.",
    )
    complaint_email: OptEmail = Field(None, description="Interne klachtenafhandeling.")

    @model_validator(mode="after")
    def _within_one_month(self) -> "Rights":
        # Art. 12(3) AVG: one month at most; a longer term would be unlawful, not a choice.
        if self.response_term_unit == c.TermUnit.MONTHS and self.response_term > 1:
            raise PydanticCustomError("term", "De AVG geeft een maand om te reageren, niet langer.")
        return self


class Security(Model):
    measures: list[c.SecurityMeasure] = Field(default_factory=list)
    other: list[Prose] = Field(
        default_factory=list, max_length=limits.SHORT_LIST, description="Andere maatregelen."
    )
    report_email: OptEmail = Field(None, description="Waar iemand een beveiligingsprobleem meldt.")


class ExtraSection(Model):
    title: Prose
    body: LongProse = Field(description="Markdown; HTML wordt weggefilterd.")


class Other(Model):
    children: c.ChildrenPolicy | None = None
    parental_consent: OptLongProse = Field(
        None, description="Hoe toestemming van ouders wordt gevraagd en gecontroleerd."
    )
    change_notice: list[c.ChangeNotice] = Field(default_factory=list)
    sells_data: bool | None = Field(None, description="Verkoopt u persoonsgegevens?")
    automated_decisions: bool | None = Field(
        None,
        description="Neemt een computer besluiten over mensen zonder dat een mens meekijkt (artikel 22)?",
    )
    business_transfer: bool = Field(
        False, description="Bij verkoop of fusie gaan gegevens mee naar de koper."
    )
    extra_sections: list[ExtraSection] = Field(default_factory=list, max_length=limits.SHORT_LIST)


class Answers(Model):
    schema_version: int = SCHEMA_VERSION
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    controller: Controller = Field(default_factory=Controller)
    dpo: Dpo = Field(default_factory=Dpo)
    services: list[Service] = Field(default_factory=list, max_length=limits.SERVICES)
    recipients: list[Recipient] = Field(default_factory=list, max_length=limits.RECIPIENTS)
    activities: list[Activity] = Field(default_factory=list, max_length=limits.ACTIVITIES)
    cookies: Cookies = Field(default_factory=Cookies)
    rights: Rights = Field(default_factory=Rights)
    security: Security = Field(default_factory=Security)
    other: Other = Field(default_factory=Other)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise PydanticCustomError(
                "version",
                "Onbekende schemaversie {found}; verwacht {expected}.",
                {"found": value, "expected": SCHEMA_VERSION},
            )
        return value

    @model_validator(mode="after")
    def _references(self) -> "Answers":
        problems = reference_problems(self)
        if problems:
            # One error carries every broken reference with its own path; loading.py unfolds it.
            raise PydanticCustomError(
                "references",
                "Verwijzingen kloppen niet: {summary}",
                {
                    "summary": "; ".join(f"{p}: {m}" for p, m in problems),
                    "problems": problems,
                },
            )
        return self

    def recipient(self, key: str) -> Recipient:
        return next(r for r in self.recipients if r.id == key)

    @property
    def recipients_abroad(self) -> list[Recipient]:
        """The recipients outside the EEA, in the order of the answers."""
        return [recipient for recipient in self.recipients if recipient.outside_eea]

    @property
    def has_site(self) -> bool:
        """A website or app that can set cookies (Tw 11.7a): the wizard asks for them."""
        return any(service.kind in c.SITE_KINDS for service in self.services)


def reference_problems(answers: Answers) -> list[tuple[str, str]]:
    """Duplicate ids, and activities or cookies that name a recipient that does not exist."""
    problems: list[tuple[str, str]] = []
    for name, items in (
        ("recipients", answers.recipients),
        ("activities", answers.activities),
    ):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id in seen:
                problems.append(
                    (
                        f"{name}.{index}.id",
                        f"Het kenmerk '{item.id}' komt twee keer voor.",
                    )
                )
            seen.add(item.id)
    known = {r.id for r in answers.recipients}
    for index, activity in enumerate(answers.activities):
        for position, key in enumerate(activity.recipients):
            if key not in known:
                problems.append(
                    (
                        f"activities.{index}.recipients.{position}",
                        f"Er is geen ontvanger met kenmerk '{key}'.",
                    )
                )
    activities = {a.id for a in answers.activities}
    for index, cookie in enumerate(answers.cookies.items):
        if cookie.activity is not None and cookie.activity not in activities:
            problems.append(
                (
                    f"cookies.items.{index}.activity",
                    f"Er is geen verwerking met kenmerk '{cookie.activity}'.",
                )
            )
        if cookie.recipient is not None and cookie.recipient not in known:
            problems.append(
                (
                    f"cookies.items.{index}.recipient",
                    f"Er is geen ontvanger met kenmerk '{cookie.recipient}'.",
                )
            )
    return problems
