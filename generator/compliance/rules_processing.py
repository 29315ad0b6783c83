"""R4-R10, R14-R19, R24: what each processing activity must say."""

import re

from generator.answers import choices as c
from generator.answers.schema import Answers
from generator.compliance.findings import E, W, in_english, rule

VAGUE_INTEREST = re.compile(r"^\s*(gerechtvaardigd|commercieel) belang\.?\s*$", re.IGNORECASE)
AS_LONG_AS_NEEDED = re.compile(
    r"(zo ?lang( als)? (wettelijk )?(nodig|noodzakelijk)|niet langer dan (strikt )?(nodig|noodzakelijk)"
    r"|zo ?lang .{0,20}relevant"
    # "zolang de wet dat voorschrijft", "de wettelijke termijn": which law, how long?
    r"|zo ?lang( als)? (de wet|wettelijk)( dat| het)? (voorschrijft|vereist|verplicht|eist)"
    r"|(de )?wettelijke (bewaar)?termijn|een redelijke termijn|zo kort mogelijk|enige tijd)",
    re.IGNORECASE,
)
NUMBER = re.compile(
    r"\d|\b(één|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\s+"
    r"(dag|dagen|week|weken|maand|maanden|jaar|jaren)\b",
    re.IGNORECASE,
)
FISCAL_WITHOUT_NUMBER = re.compile(r"fiscale bewaarplicht", re.IGNORECASE)
BOOKKEEPING_DATA = {
    c.DataCategory.BILLING_ADDRESS,
    c.DataCategory.PAYMENT,
    c.DataCategory.BANK_ACCOUNT,
}
UNIT_YEARS = {"days": 1 / 365, "weeks": 1 / 52, "months": 1 / 12, "years": 1}


def _where(index: int, field: str) -> str:
    return f"activities.{index}.{field}"


@rule("R4", article="Art. 13(1)(c) AVG", summary="Elke verwerking heeft een doel en een grondslag")
def purpose_and_basis(answers: Answers):
    for index, activity in enumerate(answers.activities):
        if not activity.purpose.strip():
            yield (
                E,
                f"Beschrijf het doel van '{activity.name}'.",
                f"Describe the purpose of '{in_english(activity.name)}'.",
                _where(index, "purpose"),
            )
        if activity.legal_basis is None:
            yield (
                E,
                f"Kies de grondslag van '{activity.name}' (artikel 6 AVG).",
                f"Choose the legal basis of '{in_english(activity.name)}' (Art. 6 GDPR).",
                _where(index, "legal_basis"),
            )


@rule(
    "R5", article="Art. 13(1)(d) AVG", summary="Bij gerechtvaardigd belang: welk belang, concreet"
)
def legitimate_interest(answers: Answers):
    for index, activity in enumerate(answers.activities):
        if activity.legal_basis != c.LegalBasis.LEGITIMATE_INTERESTS:
            continue
        text = activity.legitimate_interest or ""
        if len(text.strip()) < 40 or VAGUE_INTEREST.match(text):
            yield (
                E,
                f"Beschrijf concreet welk belang u heeft bij '{activity.name}' (minstens een zin).",
                f"Describe concretely which interest you have in '{in_english(activity.name)}' (at least a sentence).",
                _where(index, "legitimate_interest"),
            )


@rule("R6", article="Art. 13(2)(c), 7(3) AVG", summary="Bij toestemming: hoe die wordt ingetrokken")
def consent_withdrawal(answers: Answers):
    for index, activity in enumerate(answers.activities):
        consent = activity.legal_basis == c.LegalBasis.CONSENT or (
            activity.special_category_exception == c.Art9Exception.EXPLICIT_CONSENT
        )
        if consent and not activity.consent_withdrawal:
            yield (
                E,
                f"Leg uit hoe iemand de toestemming voor '{activity.name}' intrekt.",
                f"Explain how someone withdraws consent for '{in_english(activity.name)}'.",
                _where(index, "consent_withdrawal"),
            )


@rule(
    "R9",
    article="Art. 13(2)(a) AVG",
    summary="Een bewaartermijn met beginpunt, of de criteria ervoor; niet 'zo lang als nodig' of 'de wettelijke termijn'",
)
def retention(answers: Answers):
    for index, activity in enumerate(answers.activities):
        kept = activity.retention
        has_period = kept.period is not None and kept.unit is not None
        if not (has_period or kept.criterion or kept.fiscal):
            yield (
                E,
                f"Vul een bewaartermijn in voor '{activity.name}', of hoe u die bepaalt.",
                f"Give a retention period for '{in_english(activity.name)}', or how you determine it.",
                _where(index, "retention.period"),
            )
        if has_period and not (kept.trigger or kept.criterion):
            # C8: "6 maanden" from when? A reader must be able to work out the end.
            yield (
                E,
                f"Zeg vanaf wanneer de bewaartermijn van '{activity.name}' loopt, zoals 'na het laatste contact'.",
                f"Say from when the retention period of '{in_english(activity.name)}' runs, such as 'after the last contact'.",
                _where(index, "retention.trigger"),
            )
        for field in ("criterion", "trigger"):
            text = getattr(kept, field) or ""
            if AS_LONG_AS_NEEDED.search(text) and not has_period and not NUMBER.search(text):
                yield (
                    E,
                    f"'{AS_LONG_AS_NEEDED.search(text).group()}' is geen bewaartermijn ('{activity.name}'): noem een termijn met een getal, of waarmee die vastligt.",
                    f"'{AS_LONG_AS_NEEDED.search(text).group()}' is not a retention period ('{in_english(activity.name)}'): give a period with a number, or what fixes it.",
                    _where(index, f"retention.{field}"),
                    text,
                )


@rule(
    "R10",
    article="Art. 52 AWR; art. 2:10 BW",
    summary="Administratie 7 jaar; 'fiscale bewaarplicht' met een getal",
)
def fiscal_retention(answers: Answers):
    for index, activity in enumerate(answers.activities):
        kept = activity.retention
        bookkeeping = kept.fiscal or bool(BOOKKEEPING_DATA & set(activity.data_categories))
        years = (kept.period or 0) * UNIT_YEARS.get(kept.unit.value if kept.unit else "", 0)
        if bookkeeping and not kept.fiscal and years < 7:
            yield (
                W,
                f"'{activity.name}' gebruikt administratieve gegevens: die moet u 7 jaar bewaren (fiscale bewaarplicht).",
                f"'{in_english(activity.name)}' uses bookkeeping data: keep it 7 years (Dutch tax law).",
                _where(index, "retention.fiscal"),
            )
        for field in ("criterion", "trigger"):
            text = getattr(kept, field) or ""
            if FISCAL_WITHOUT_NUMBER.search(text) and not re.search(r"\d|zeven", text):
                yield (
                    E,
                    "Noem bij de fiscale bewaarplicht het aantal jaren (7).",
                    "State the number of years (7) with the fiscal retention duty.",
                    _where(index, f"retention.{field}"),
                    text,
                )


@rule(
    "R14",
    article="Art. 9, 10 AVG; UAVG art. 22-33",
    summary="Bijzondere en strafrechtelijke gegevens: de uitzondering of grondslag",
)
def special_categories(answers: Answers):
    for index, activity in enumerate(answers.activities):
        if activity.special_categories:
            if activity.special_category_exception is None:
                yield (
                    E,
                    f"'{activity.name}' gebruikt bijzondere persoonsgegevens: kies de uitzondering van artikel 9 lid 2.",
                    f"'{in_english(activity.name)}' uses special categories of data: choose the Art. 9(2) exception.",
                    _where(index, "special_category_exception"),
                )
            yield (
                W,
                f"Voor bijzondere persoonsgegevens in '{activity.name}' is vaak een DPIA nodig; overleg met uw FG of een adviseur.",
                f"Special categories in '{in_english(activity.name)}' often require a DPIA; consult your DPO or an adviser.",
                _where(index, "special_categories"),
            )
        if activity.criminal_data and not activity.criminal_data_basis:
            yield (
                E,
                f"Noem de grond in de UAVG voor strafrechtelijke gegevens in '{activity.name}'.",
                f"Name the UAVG basis for criminal data in '{in_english(activity.name)}'.",
                _where(index, "criminal_data_basis"),
            )


@rule(
    "R15",
    article="UAVG art. 46",
    summary="BSN alleen als een wet dat toestaat, nooit op toestemming",
)
def bsn(answers: Answers):
    for index, activity in enumerate(answers.activities):
        if activity.bsn and not activity.bsn_law:
            yield (
                E,
                "BSN alleen als een wet dat toestaat (UAVG art. 46): noem die wet.",
                "Use the BSN only where a law allows it (UAVG art. 46): name that law.",
                _where(index, "bsn_law"),
            )
        if activity.bsn and activity.legal_basis == c.LegalBasis.CONSENT:
            yield (
                E,
                f"Toestemming is nooit een grond voor het BSN ('{activity.name}'): alleen een wet die het voorschrijft (UAVG art. 46).",
                f"Consent is never a ground for the BSN ('{in_english(activity.name)}'): only a law that requires it (UAVG art. 46).",
                _where(index, "legal_basis"),
            )


@rule(
    "R16",
    article="Art. 8 AVG; UAVG art. 5",
    summary="Kinderen onder 16 en toestemming: toestemming van ouders",
)
def children(answers: Answers):
    directed = answers.other.children == c.ChildrenPolicy.DIRECTED or any(
        c.DataSubject.CHILDREN in a.data_subjects for a in answers.activities
    )
    consent = any(a.legal_basis == c.LegalBasis.CONSENT for a in answers.activities)
    if directed and consent and not answers.other.parental_consent:
        yield (
            E,
            "Leg uit hoe u toestemming van ouders of voogd vraagt voor kinderen onder 16.",
            "Explain how you obtain consent from a parent or guardian for children under 16.",
            "other.parental_consent",
        )


@rule(
    "R17",
    article="Art. 13(2)(e) AVG",
    summary="Verplicht of niet, en wat er gebeurt zonder de gegevens",
)
def provision(answers: Answers):
    for index, activity in enumerate(answers.activities):
        if activity.sources == [c.Source.THIRD_PARTY]:
            continue  # nobody is asked for these data, so nobody can refuse them
        if activity.provision is None:
            yield (
                E,
                f"Zeg of iemand de gegevens voor '{activity.name}' moet geven.",
                f"Say whether people must provide the data for '{in_english(activity.name)}'.",
                _where(index, "provision"),
            )
        elif activity.provision != c.Provision.VOLUNTARY and not activity.provision_consequence:
            # The clause words a default consequence for a contract, not for a legal duty or a
            # contractual requirement: those need the organisation's own words (C12).
            necessary = activity.provision == c.Provision.CONTRACT_NECESSARY
            yield (
                W if necessary else E,
                f"Zeg wat er gebeurt als iemand de gegevens voor '{activity.name}' niet geeft.",
                f"Say what happens if someone does not provide the data for '{in_english(activity.name)}'.",
                _where(index, "provision_consequence"),
            )
        consent = activity.legal_basis == c.LegalBasis.CONSENT or (
            activity.special_category_exception == c.Art9Exception.EXPLICIT_CONSENT
        )
        if consent and activity.provision not in (None, c.Provision.VOLUNTARY):
            yield (
                E,
                f"'{activity.name}' rust op toestemming: dan kan het geven van de gegevens geen verplichting zijn (artikel 7 lid 4 AVG). Kies 'Niet verplicht'.",
                f"'{in_english(activity.name)}' rests on consent, so providing the data cannot be required (Art. 7(4) GDPR). Choose 'not required'.",
                _where(index, "provision"),
            )
        elif (
            activity.provision in (c.Provision.CONTRACTUAL, c.Provision.CONTRACT_NECESSARY)
            and activity.legal_basis
            and activity.legal_basis != c.LegalBasis.CONTRACT
        ):
            yield (
                W,
                f"'{activity.name}' zegt dat de gegevens nodig zijn voor een overeenkomst, maar de grondslag is geen overeenkomst. Kies 'Niet verplicht' met het gevolg, of de grondslag overeenkomst.",
                f"'{in_english(activity.name)}' says the data is needed for a contract, but its legal basis is not the contract.",
                _where(index, "provision"),
            )


@rule(
    "R18",
    article="Art. 13, 14 AVG",
    summary="Waar de gegevens vandaan komen; bij gegevens van anderen: de bron, de soorten en wanneer de persoon het hoort",
)
def indirect_collection(answers: Answers):
    for index, activity in enumerate(answers.activities):
        if not activity.sources:
            yield (
                W,
                f"Zeg waar de gegevens van '{activity.name}' vandaan komen: van de persoon zelf, uit het gebruik van uw dienst of van een ander.",
                f"Say where the data of '{in_english(activity.name)}' comes from: the person, the use of your service, or someone else.",
                _where(index, "sources"),
            )
        if c.Source.THIRD_PARTY not in activity.sources:
            continue
        if activity.source_notice is None:
            yield (
                E,
                f"Zeg wanneer mensen horen dat u hun gegevens voor '{activity.name}' van een ander kreeg (artikel 14 lid 3).",
                f"Say when people are told that you received their data for '{in_english(activity.name)}' from someone else (Art. 14(3)).",
                _where(index, "source_notice"),
            )
        if not activity.source_name:
            yield (
                E,
                f"Noem van wie u de gegevens voor '{activity.name}' krijgt.",
                f"Name where the data for '{in_english(activity.name)}' comes from.",
                _where(index, "source_name"),
            )
        if not (activity.data_categories or activity.data_categories_other):
            yield (
                E,
                f"Noem welke gegevens u voor '{activity.name}' van anderen krijgt.",
                f"List which data you receive from others for '{in_english(activity.name)}'.",
                _where(index, "data_categories"),
            )


@rule(
    "R19",
    article="Art. 13(2)(f), 22 AVG",
    summary="Geautomatiseerde besluiten: logica, betekenis en gevolgen",
)
def automated_decisions(answers: Answers):
    described = [a for a in answers.activities if a.automated_decision]
    said = answers.other.automated_decisions
    if said and not described:
        yield (
            E,
            "U neemt geautomatiseerde besluiten: beschrijf ze bij de verwerking waar ze bij horen.",
            "You take automated decisions: describe them with the processing activity they belong to.",
            "other.automated_decisions",
        )
    if said is False and described:
        yield (
            E,
            "U zegt dat u geen geautomatiseerde besluiten neemt, maar beschrijft er wel een.",
            "You say you take no automated decisions, but describe one.",
            "other.automated_decisions",
        )
    for index, activity in enumerate(answers.activities):
        decision = activity.automated_decision
        if decision and not (decision.logic and decision.consequences and decision.description):
            yield (
                E,
                f"Beschrijf het geautomatiseerde besluit in '{activity.name}': hoe het werkt en wat het betekent.",
                f"Describe the automated decision in '{in_english(activity.name)}': its logic and consequences.",
                _where(index, "automated_decision"),
            )


@rule(
    "R24",
    article="Art. 11.7 Telecommunicatiewet; art. 21 AVG",
    summary="E-mailreclame aan niet-klanten alleen met toestemming; 'alleen bestaande klanten' niet bij prospects",
)
def electronic_marketing(answers: Answers):
    electronic = {c.MarketingChannel.EMAIL, c.MarketingChannel.SMS}
    for index, activity in enumerate(answers.activities):
        if (
            activity.direct_marketing
            and activity.marketing_existing_customers_only
            and c.DataSubject.PROSPECTS in activity.data_subjects
        ):
            yield (
                E,
                f"'{activity.name}' is 'alleen aan bestaande klanten', maar gaat ook over mensen die nog geen klant zijn. Voor hen is toestemming nodig (artikel 11.7 Telecommunicatiewet).",
                f"'{in_english(activity.name)}' is for existing customers only, but also concerns people who are not customers yet. They must give consent (Dutch Telecommunications Act, Art. 11.7).",
                _where(index, "marketing_existing_customers_only"),
            )
        if (
            activity.direct_marketing
            and electronic & set(activity.marketing_channels)
            and not activity.marketing_existing_customers_only
            and activity.legal_basis != c.LegalBasis.CONSENT
        ):
            yield (
                W,
                f"Reclame per e-mail of sms aan mensen die geen klant zijn, mag alleen met toestemming ('{activity.name}').",
                f"E-mail or SMS marketing to non-customers needs consent ('{in_english(activity.name)}').",
                _where(index, "legal_basis"),
            )


@rule(
    "R7",
    article="Art. 21(2)-(4) AVG",
    summary="Reclamekanalen horen bij een verwerking die als reclame is aangemerkt",
)
def marketing_marked(answers: Answers):
    for index, activity in enumerate(answers.activities):
        if activity.marketing_channels and not activity.direct_marketing:
            # Without the tick the statement leaves out the unconditional objection to it.
            yield (
                E,
                f"'{activity.name}' heeft reclamekanalen, maar staat niet als reclame aangevinkt. Dan ontbreekt het recht om altijd bezwaar te maken tegen die reclame.",
                f"'{in_english(activity.name)}' has advertising channels but is not marked as direct marketing, so the unconditional right to object to it is missing.",
                _where(index, "direct_marketing"),
            )
