"""R11-R13, R20-R23, R29, R32: recipients, transfers outside the EEA and cookies."""

import re

from generator.answers import choices as c
from generator.answers.schema import AnalyticsSettings, Answers, Recipient
from generator.compliance import config
from generator.compliance.findings import E, W, in_english, rule
from generator.lib.countries import country_name
from generator.lib.dutch import duration_days, period_days

BARE_CATEGORY = re.compile(
    r"^\s*(derden|derde partijen|partners|leveranciers|dienstverleners|bedrijven)\s*$",
    re.IGNORECASE,
)
ANALYTICS_CONDITIONS = {
    "dpa": "verwerkersovereenkomst",
    "ip_anonymised": "IP-adres ingekort",
    "sharing_off": "delen van gegevens uit",
    "no_ads_features": "advertentiefuncties uit",
    "no_user_id": "geen gebruikers-ID",
}


@rule("R11", article="Art. 13(1)(e) AVG", summary="Ontvangers per verwerking, met naam")
def recipients_per_activity(answers: Answers):
    for index, activity in enumerate(answers.activities):
        if not activity.recipients and not activity.no_recipients:
            yield (
                E,
                f"Zeg wie de gegevens van '{activity.name}' krijgt, of dat niemand ze krijgt.",
                f"Say who receives the data of '{in_english(activity.name)}', or that nobody does.",
                f"activities.{index}.recipients",
            )
    for index, recipient in enumerate(answers.recipients):
        if BARE_CATEGORY.match(recipient.name):
            yield (
                W,
                f"'{recipient.name}' is geen naam: noem de ontvanger, of ten minste soort, sector en land.",
                f"'{in_english(recipient.name)}' is not a name: name the recipient, or at least its kind, sector and country.",
                f"recipients.{index}.name",
            )


@rule("R12", article="Art. 28(3) AVG", summary="Een verwerkersovereenkomst met elke verwerker")
def processor_agreements(answers: Answers):
    for index, recipient in enumerate(answers.recipients):
        if recipient.role == c.RecipientRole.PROCESSOR and not recipient.dpa_signed:
            yield (
                E,
                f"Sluit een verwerkersovereenkomst met {recipient.name}.",
                f"Sign a data processing agreement with {in_english(recipient.name)}.",
                f"recipients.{index}.dpa_signed",
            )


def transfer_problems(recipient: Recipient):
    """R13 for one recipient: (message_nl, message_en, field) for each problem."""
    if not recipient.outside_eea:
        return
    where = f"{recipient.name} ({country_name(recipient.country, 'nl')})"
    mechanism = recipient.transfer_mechanism
    if mechanism is None:
        yield (
            f"{where} zit buiten de EER: kies de waarborg voor de doorgifte.",
            f"{in_english(recipient.name)} is outside the EEA: choose the transfer safeguard.",
            "transfer_mechanism",
        )
    elif (
        mechanism == c.TransferMechanism.ADEQUACY
        and recipient.country not in config.adequacy_countries()
    ):
        yield (
            f"Voor {where} bestaat geen adequaatheidsbesluit (stand {config.adequacy()['as_of']}).",
            f"There is no adequacy decision for {recipient.country}.",
            "transfer_mechanism",
        )
    elif mechanism == c.TransferMechanism.DPF and (
        recipient.country != config.dpf()["country"] or not config.dpf()["valid"]
    ):
        yield (
            f"Het Data Privacy Framework geldt alleen voor gecertificeerde ontvangers in de VS, niet voor {where}.",
            "The Data Privacy Framework only covers certified recipients in the US.",
            "transfer_mechanism",
        )
    elif (
        mechanism in (c.TransferMechanism.SCC, c.TransferMechanism.BCR)
        and not recipient.safeguard_copy
    ):
        yield (
            f"Zeg waar een kopie van de waarborg voor {where} te krijgen is.",
            f"Say where a copy of the safeguard for {in_english(recipient.name)} can be obtained.",
            "safeguard_copy",
        )
    elif mechanism == c.TransferMechanism.DEROGATION and not recipient.derogation_ground:
        yield (
            f"Noem welke uitzondering van artikel 49 AVG geldt voor {where}.",
            f"Name the Art. 49 GDPR derogation used for {in_english(recipient.name)}.",
            "derogation_ground",
        )


@rule(
    "R13", article="Art. 13(1)(f), 44-49 AVG", summary="Doorgifte buiten de EER: land en waarborg"
)
def transfers(answers: Answers):
    for index, recipient in enumerate(answers.recipients):
        for nl, en, field in transfer_problems(recipient):
            yield E, nl, en, f"recipients.{index}.{field}"


@rule(
    "R20",
    article="Art. 11.7a Telecommunicatiewet",
    summary="Per cookie: naam, aanbieder, soort, doel en duur",
)
def cookie_details(answers: Answers):
    for index, cookie in enumerate(answers.cookies.items):
        missing = [
            labels
            for field, labels in (
                ("purpose", ("het doel", "the purpose")),
                ("duration", ("de bewaartermijn", "how long it is kept")),
            )
            if not getattr(cookie, field)
        ]
        if cookie.party is None:
            missing.append(
                ("van wie de cookie is (eigen cookie of van een derde)", "whose cookie it is")
            )
        elif cookie.party == c.CookieParty.THIRD and not (cookie.recipient or cookie.provider):
            missing.append(("de aanbieder", "the provider"))
        for nl, en in missing:
            yield (
                E,
                f"Vul bij cookie '{cookie.name}' {nl} in.",
                f"Fill in {en} of cookie '{cookie.name}'.",
                f"cookies.items.{index}",
            )


# Signs that a cookie is for advertising, whatever category it was given: the usual names,
# the advertising companies, and what its purpose says.
MARKETING_NAMES = re.compile(
    r"^(_fbp|_fbc|fr|_gcl_\w*|ide|dsid|test_cookie|_uet\w*|muid|_ttp|_tt_\w*|_pin_unauth|_scid|"
    r"_rdt_uuid|personalization_id|bcookie|li_sugr|_gads|__gads|__gpi|anid|nid)$",
    re.IGNORECASE,
)
MARKETING_PROVIDERS = re.compile(
    r"\b(meta|facebook|instagram|tiktok|pinterest|snap(chat)?|doubleclick|google ads|criteo|"
    r"taboola|outbrain|microsoft advertising|bing ads|reddit|twitter)\b",
    re.IGNORECASE,
)
MARKETING_PURPOSE = re.compile(
    r"advertenti|reclame|conversie|remarketing|retargeting|doelgroep|advertis|\bads?\b|"
    r"marketing|tracking",
    re.IGNORECASE,
)


def _marketing_signal(answers: Answers, cookie) -> str | None:
    """Why a cookie looks like an advertising cookie, or None."""
    name = cookie.name.split(" ", 1)[0].strip("()")
    if MARKETING_NAMES.match(name):
        return f"de naam {cookie.name}"
    provider = answers.recipient(cookie.recipient).name if cookie.recipient else cookie.provider
    if provider and MARKETING_PROVIDERS.search(provider):
        return f"de aanbieder {provider}"
    found = MARKETING_PURPOSE.search(cookie.purpose or "")
    return f"het doel ('{found.group()}')" if found else None


@rule(
    "R21",
    article="Art. 11.7a Telecommunicatiewet; AP",
    summary="Reclamecookies als reclamecookie, met toestemming; analytische cookies zonder toestemming alleen volgens de AP-voorwaarden",
)
def analytics_conditions(answers: Answers):
    for index, cookie in enumerate(answers.cookies.items):
        signal = _marketing_signal(answers, cookie)
        if signal and cookie.category not in c.CONSENT_COOKIE_CATEGORIES:
            yield (
                E,
                f"Cookie '{cookie.name}' lijkt voor reclame ({signal}), maar staat als '{cookie.category.value}'. Reclamecookies mogen alleen met toestemming (artikel 11.7a Telecommunicatiewet): kies 'marketing' of 'advertenties'.",
                f"Cookie '{cookie.name}' looks like an advertising cookie, but its category is '{cookie.category.value}'. Advertising cookies need consent (Dutch Telecommunications Act, Art. 11.7a): choose marketing or advertising.",
                f"cookies.items.{index}.category",
            )
            continue
        if cookie.category != c.CookieCategory.ANALYTICS or not cookie.requires_consent:
            continue
        settings = cookie.analytics or AnalyticsSettings()
        missing = [
            ANALYTICS_CONDITIONS[key]
            for key, met in settings.conditions(cookie.self_hosted).items()
            if not met
        ]
        served = _cookie_activities(answers, cookie)
        claimed = [a for a in served if a.legal_basis not in (None, c.LegalBasis.CONSENT)]
        if served and not claimed:
            continue  # asked for with consent, as the activity says: nothing to report
        if claimed:
            # Consent is needed, yet the statement says the analytics rest on another basis.
            yield (
                E,
                f"Cookie '{cookie.name}' mag alleen met toestemming ({', '.join(missing)} ontbreekt), maar '{claimed[0].name}' rust niet op toestemming. Stel de cookie in volgens de AP-voorwaarden, of maak toestemming de grondslag.",
                f"Cookie '{cookie.name}' needs consent (not all the Dutch DPA's conditions are met), but '{claimed[0].name}' does not rest on consent. Set the cookie up as the DPA requires, or make consent the basis.",
                f"cookies.items.{index}.analytics",
            )
            continue
        yield (
            W,
            f"Cookie '{cookie.name}' vraagt toestemming, omdat niet aan alle AP-voorwaarden is voldaan: {', '.join(missing)}.",
            f"Cookie '{cookie.name}' needs consent because not all conditions of the Dutch DPA are met.",
            f"cookies.items.{index}.analytics",
        )


@rule(
    "R22",
    article="Art. 11.7a Telecommunicatiewet; art. 7(3) AVG",
    summary="Cookies met toestemming: waar bezoekers die wijzigen of intrekken",
)
def cookie_consent(answers: Answers):
    if (
        any(cookie.requires_consent for cookie in answers.cookies.items)
        and not answers.cookies.settings_url
    ):
        yield (
            E,
            "Geef het adres van de cookie-instellingen, waar bezoekers hun toestemming intrekken.",
            "Give the address of the cookie settings, where visitors withdraw consent.",
            "cookies.settings_url",
        )


@rule(
    "R32",
    article="Art. 11.7a Telecommunicatiewet",
    summary="De cookiescan zag een cookie die toestemming vraagt al vóór de toestemming",
)
def cookie_before_consent(answers: Answers):
    """Ours, beyond avg-checklist.md: the statement can be right and the site still wrong.
    A warning, since the fix is in the site (its consent banner), not in the statement."""
    for index, cookie in enumerate(answers.cookies.items):
        scan = cookie.scan
        if scan and scan.set_before_consent and cookie.requires_consent:
            where = f" op {scan.page}" if scan.page else ""
            on = f" on {scan.page}" if scan.page else ""
            yield (
                W,
                f"De cookiescan van {scan.scanned_at:%d-%m-%Y} zag cookie '{cookie.name}'{where} al vóórdat de bezoeker toestemming gaf. Deze cookie mag pas na toestemming worden geplaatst (artikel 11.7a Telecommunicatiewet): stel uw cookiebanner zo in dat hij wacht, en scan opnieuw.",
                f"The cookie scan of {scan.scanned_at:%Y-%m-%d} saw cookie '{cookie.name}'{on} before the visitor consented. It may only be set after consent (Dutch Telecommunications Act, Art. 11.7a): make the cookie banner wait, and scan again.",
                f"cookies.items.{index}.name",
            )


@rule(
    "R23",
    article="Art. 44-49 AVG",
    summary="Cookies van aanbieders buiten de EER: de doorgifte klopt",
)
def cookie_transfers(answers: Answers):
    for index, cookie in enumerate(answers.cookies.items):
        if cookie.recipient:
            recipient = answers.recipient(cookie.recipient)
            for nl, en, _field in transfer_problems(recipient):
                yield (
                    E,
                    f"Cookie '{cookie.name}': {nl}",
                    f"Cookie '{cookie.name}': {en}",
                    f"cookies.items.{index}.recipient",
                )
        elif cookie.party == c.CookieParty.THIRD:
            yield (
                W,
                f"Koppel cookie '{cookie.name}' aan een ontvanger, zodat het land en de doorgifte worden gecontroleerd.",
                f"Link cookie '{cookie.name}' to a recipient so its country and transfer are checked.",
                f"cookies.items.{index}.recipient",
            )


def _cookie_activities(answers: Answers, cookie) -> list:
    """The activities a cookie serves: the one it names, or those of its recipient."""
    if cookie.activity:
        return [a for a in answers.activities if a.id == cookie.activity]
    if cookie.recipient:
        return [a for a in answers.activities if cookie.recipient in a.recipients]
    return []


@rule(
    "R29",
    article="Art. 12(1), 5(1)(e) AVG",
    summary="Samenhang: elke ontvanger hoort bij een verwerking; een cookie blijft niet langer dan de bewaartermijn",
)
def consistency(answers: Answers):
    for index, cookie in enumerate(answers.cookies.items):
        lifetime = duration_days(cookie.duration)
        kept = [
            period_days(a.retention.period, a.retention.unit.value)
            for a in _cookie_activities(answers, cookie)
            if a.retention.period and a.retention.unit and not a.retention.fiscal
        ]
        if lifetime and kept and lifetime > max(kept) + 1:
            yield (
                W,
                f"Cookie '{cookie.name}' blijft {cookie.duration}, langer dan de bewaartermijn van de verwerking waar hij bij hoort. Stel de cookie korter in of pas de termijn aan.",
                f"Cookie '{cookie.name}' lasts {cookie.duration}, longer than the retention period of its processing activity. Shorten the cookie or change the period.",
                f"cookies.items.{index}.duration",
            )
    used = {key for activity in answers.activities for key in activity.recipients}
    used |= {cookie.recipient for cookie in answers.cookies.items if cookie.recipient}
    for index, recipient in enumerate(answers.recipients):
        if recipient.id not in used:
            yield (
                W,
                f"{recipient.name} staat bij de ontvangers, maar bij geen enkele verwerking.",
                f"{in_english(recipient.name)} is listed as a recipient but not linked to any processing activity.",
                f"recipients.{index}",
            )
