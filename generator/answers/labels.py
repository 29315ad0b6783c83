"""How each choice reads inside a statement, per statement language.

These are statement words, not UI words: they must read well mid-sentence ("wij gebruiken je
e-mailadres") and contain no "u" or "je", so that one label serves both registers.
"""

from enum import StrEnum

from generator.answers import choices as c

NL: dict[type[StrEnum], dict[StrEnum, str]] = {
    c.LegalForm: {
        c.LegalForm.BV: "besloten vennootschap (B.V.)",
        c.LegalForm.NV: "naamloze vennootschap (N.V.)",
        c.LegalForm.VOF: "vennootschap onder firma (v.o.f.)",
        c.LegalForm.CV: "commanditaire vennootschap (C.V.)",
        c.LegalForm.EENMANSZAAK: "eenmanszaak",
        c.LegalForm.MAATSCHAP: "maatschap",
        c.LegalForm.STICHTING: "stichting",
        c.LegalForm.VERENIGING: "vereniging",
        c.LegalForm.COOPERATIE: "coöperatie",
        c.LegalForm.OVERHEID: "overheidsorganisatie",
        c.LegalForm.OTHER: "organisatie",
    },
    c.ServiceKind: {
        c.ServiceKind.WEBSITE: "de website",
        c.ServiceKind.APP: "de app",
        c.ServiceKind.PLATFORM: "het online platform",
        c.ServiceKind.SHOP: "de webwinkel",
        c.ServiceKind.OTHER: "de dienst",
    },
    c.DataSubject: {
        c.DataSubject.CUSTOMERS: "klanten",
        c.DataSubject.PROSPECTS: "mensen die interesse tonen in onze diensten",
        c.DataSubject.USERS: "gebruikers van onze diensten",
        c.DataSubject.WEBSITE_VISITORS: "bezoekers van onze website",
        c.DataSubject.APP_USERS: "gebruikers van onze app",
        c.DataSubject.NEWSLETTER_SUBSCRIBERS: "abonnees van onze nieuwsbrief",
        c.DataSubject.EMPLOYEES: "medewerkers",
        c.DataSubject.JOB_APPLICANTS: "sollicitanten",
        c.DataSubject.SUPPLIERS: "leveranciers",
        c.DataSubject.BUSINESS_CONTACTS: "contactpersonen bij zakelijke relaties",
        c.DataSubject.CHILDREN: "kinderen",
    },
    c.DataCategory: {
        c.DataCategory.NAME: "voor- en achternaam",
        c.DataCategory.ADDRESS: "adres",
        c.DataCategory.POSTCODE_CITY: "postcode en woonplaats",
        c.DataCategory.EMAIL: "e-mailadres",
        c.DataCategory.PHONE: "telefoonnummer",
        c.DataCategory.MOBILE: "mobiele telefoonnummer",
        c.DataCategory.BIRTH_DATE: "geboortedatum",
        c.DataCategory.GENDER: "geslacht",
        c.DataCategory.PHOTO: "foto",
        c.DataCategory.ACCOUNT: "inloggegevens (gebruikersnaam en wachtwoord)",
        c.DataCategory.BILLING_ADDRESS: "factuuradres",
        c.DataCategory.PAYMENT: "betaalgegevens",
        c.DataCategory.BANK_ACCOUNT: "bankrekeningnummer (IBAN)",
        c.DataCategory.ORDER_HISTORY: "bestelgeschiedenis",
        c.DataCategory.COMMUNICATION: "de inhoud van berichten en vragen",
        c.DataCategory.IP_ADDRESS: "IP-adres",
        c.DataCategory.DEVICE: "type browser en apparaat",
        c.DataCategory.USAGE: "gegevens over het gebruik van onze diensten",
        c.DataCategory.TRAFFIC: "verkeersgegevens (wanneer en hoe lang een verbinding duurde, zonder inhoud)",
        c.DataCategory.LOCATION: "locatiegegevens",
        c.DataCategory.ONLINE_IDENTIFIERS: "online kenmerken, zoals cookie-ID's",
        c.DataCategory.COMPANY: "bedrijfsnaam",
        c.DataCategory.JOB_TITLE: "functie",
        c.DataCategory.EMPLOYER: "werkgever",
        c.DataCategory.CV: "cv, motivatie en opleidingsgegevens",
    },
    c.SpecialCategory: {
        c.SpecialCategory.HEALTH: "gegevens over gezondheid",
        c.SpecialCategory.RACIAL_ETHNIC: "gegevens over ras of etnische afkomst",
        c.SpecialCategory.POLITICAL: "politieke opvattingen",
        c.SpecialCategory.RELIGIOUS: "godsdienst of levensovertuiging",
        c.SpecialCategory.TRADE_UNION: "lidmaatschap van een vakbond",
        c.SpecialCategory.GENETIC: "genetische gegevens",
        c.SpecialCategory.BIOMETRIC: "biometrische gegevens om iemand te herkennen",
        c.SpecialCategory.SEX_LIFE: "gegevens over seksueel gedrag of seksuele gerichtheid",
    },
    c.Art9Exception: {
        c.Art9Exception.EXPLICIT_CONSENT: "uitdrukkelijke toestemming (artikel 9 lid 2 sub a AVG)",
        c.Art9Exception.EMPLOYMENT: "verplichtingen op het gebied van arbeidsrecht en sociale zekerheid (artikel 9 lid 2 sub b AVG)",
        c.Art9Exception.VITAL_INTERESTS: "de bescherming van vitale belangen (artikel 9 lid 2 sub c AVG)",
        c.Art9Exception.NOT_FOR_PROFIT: "de activiteiten van een stichting of vereniging zonder winstoogmerk (artikel 9 lid 2 sub d AVG)",
        c.Art9Exception.MADE_PUBLIC: "gegevens die de betrokkene zelf openbaar heeft gemaakt (artikel 9 lid 2 sub e AVG)",
        c.Art9Exception.LEGAL_CLAIMS: "het instellen of verdedigen van een rechtsvordering (artikel 9 lid 2 sub f AVG)",
        c.Art9Exception.SUBSTANTIAL_PUBLIC_INTEREST: "een zwaarwegend algemeen belang (artikel 9 lid 2 sub g AVG)",
        c.Art9Exception.HEALTH_CARE: "het verlenen van zorg (artikel 9 lid 2 sub h AVG)",
        c.Art9Exception.PUBLIC_HEALTH: "de volksgezondheid (artikel 9 lid 2 sub i AVG)",
        c.Art9Exception.ARCHIVING_RESEARCH: "archivering, wetenschappelijk onderzoek of statistiek (artikel 9 lid 2 sub j AVG)",
    },
    c.LegalBasis: {
        c.LegalBasis.CONSENT: "toestemming",
        c.LegalBasis.CONTRACT: "de uitvoering van een overeenkomst",
        c.LegalBasis.LEGAL_OBLIGATION: "een wettelijke verplichting",
        c.LegalBasis.VITAL_INTERESTS: "de bescherming van vitale belangen",
        c.LegalBasis.PUBLIC_TASK: "een taak van algemeen belang of openbaar gezag",
        c.LegalBasis.LEGITIMATE_INTERESTS: "een gerechtvaardigd belang",
    },
    c.RetentionUnit: {
        c.RetentionUnit.DAYS: "dagen",
        c.RetentionUnit.WEEKS: "weken",
        c.RetentionUnit.MONTHS: "maanden",
        c.RetentionUnit.YEARS: "jaar",
    },
    c.TermUnit: {
        c.TermUnit.WEEKS: "weken",
        c.TermUnit.MONTHS: "maanden",
    },
    c.DecisionGround: {
        c.DecisionGround.CONTRACT: "het besluit is nodig om een overeenkomst te sluiten of uit te voeren",
        c.DecisionGround.LAW: "een wet staat het besluit toe",
        c.DecisionGround.EXPLICIT_CONSENT: "uitdrukkelijke toestemming",
    },
    c.MarketingChannel: {
        c.MarketingChannel.EMAIL: "e-mail",
        c.MarketingChannel.SMS: "sms",
        c.MarketingChannel.PHONE: "telefoon",
        c.MarketingChannel.POST: "post",
        c.MarketingChannel.ONLINE: "online advertenties",
    },
    c.RecipientRole: {
        c.RecipientRole.PROCESSOR: "verwerker",
        c.RecipientRole.CONTROLLER: "zelfstandig verwerkingsverantwoordelijke",
        c.RecipientRole.JOINT_CONTROLLER: "gezamenlijk verwerkingsverantwoordelijke",
        c.RecipientRole.AUTHORITY: "overheidsinstantie",
    },
    c.TransferMechanism: {
        c.TransferMechanism.ADEQUACY: "een adequaatheidsbesluit van de Europese Commissie",
        c.TransferMechanism.DPF: "het Data Privacy Framework tussen de EU en de VS",
        c.TransferMechanism.SCC: "de standaardcontracten van de Europese Commissie",
        c.TransferMechanism.BCR: "bindende regels binnen het concern (binding corporate rules)",
        c.TransferMechanism.DEROGATION: "een uitzondering van artikel 49 AVG",
    },
    c.CookieParty: {
        c.CookieParty.FIRST: "eigen cookie",
        c.CookieParty.THIRD: "cookie van een derde",
    },
    c.CookieCategory: {
        c.CookieCategory.FUNCTIONAL: "functioneel",
        c.CookieCategory.PREFERENCES: "voorkeuren",
        c.CookieCategory.ANALYTICS: "analytisch",
        c.CookieCategory.MARKETING: "marketing",
        c.CookieCategory.TRACKING: "tracking",
        c.CookieCategory.ADVERTISING: "advertenties",
        c.CookieCategory.SOCIAL: "social media",
    },
    c.RequestChannel: {
        c.RequestChannel.EMAIL: "e-mail",
        c.RequestChannel.FORM: "het formulier op onze website",
        c.RequestChannel.ACCOUNT: "de instellingen van het account",
        c.RequestChannel.POST: "een brief",
        c.RequestChannel.PHONE: "telefoon",
    },
    c.SecurityMeasure: {
        c.SecurityMeasure.TLS: "alle verbindingen zijn versleuteld (https/TLS)",
        c.SecurityMeasure.ENCRYPTION_AT_REST: "opgeslagen gegevens zijn versleuteld",
        c.SecurityMeasure.ACCESS_CONTROL: "alleen medewerkers die de gegevens voor hun werk nodig hebben, kunnen erbij",
        c.SecurityMeasure.TWO_FACTOR: "medewerkers loggen in met tweestapsverificatie",
        c.SecurityMeasure.LOGGING: "wij leggen vast wie gegevens inziet of wijzigt",
        c.SecurityMeasure.BACKUPS: "wij maken regelmatig back-ups",
        c.SecurityMeasure.UPDATES: "wij installeren updates voor de beveiliging meteen",
        c.SecurityMeasure.CONFIDENTIALITY: "medewerkers moeten alles geheimhouden",
        c.SecurityMeasure.POLICY: "wij werken volgens een vastgelegd informatiebeveiligingsbeleid",
        c.SecurityMeasure.PSEUDONYMISATION: "waar het kan, vervangen wij namen door codes (pseudonimisering)",
        c.SecurityMeasure.TESTING: "wij laten onze beveiliging regelmatig testen",
        c.SecurityMeasure.ISO27001: "onze informatiebeveiliging is gecertificeerd volgens ISO 27001",
        c.SecurityMeasure.PHYSICAL: "servers en kantoren zijn fysiek beveiligd",
    },
    c.ChangeNotice: {
        c.ChangeNotice.EMAIL: "een e-mail",
        c.ChangeNotice.BANNER: "een melding op onze website",
        c.ChangeNotice.IN_APP: "een melding in de app",
        c.ChangeNotice.ACCOUNT: "een bericht in het account",
    },
}

# Keyed by enum class first: members of different enums share values ("phone", "contract")
# and a StrEnum hashes like its value, so one flat dict would let them overwrite each other.
LABELS: dict[str, dict[type[StrEnum], dict[StrEnum, str]]] = {"nl": NL}


def label(value: StrEnum, language: str = "nl") -> str:
    return LABELS[language][type(value)][value]
