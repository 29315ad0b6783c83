"""R1-R3: who the verwerkingsverantwoordelijke is, its EU representative and its FG."""

from generator.answers import choices as c
from generator.answers.schema import Answers
from generator.compliance.findings import E, W, rule

# Organisations that are not in the Handelsregister, so have no KvK number to show.
NOT_REGISTERED = {c.LegalForm.OVERHEID, c.LegalForm.PRIVATE_PERSONS}


@rule(
    "R1",
    article="Art. 13(1)(a) AVG; art. 3:15d BW",
    summary="Naam, adres en e-mail, telefoon of contactformulier van de verwerkingsverantwoordelijke; KvK-nummer",
)
def controller_identity(answers: Answers):
    org = answers.controller
    if not org.legal_name:
        yield (
            E,
            "Vul de naam van de organisatie in: lezers moeten weten wie verantwoordelijk is.",
            "Fill in the organisation's name: readers must know who is responsible.",
            "controller.legal_name",
        )
    # One address, one finding: a missing street, postcode and city are one gap to fix.
    missing = [field for field in ("street", "postcode", "city") if not getattr(org, field)]
    if missing:
        yield (
            E,
            "Vul het adres in (straat en huisnummer, postcode en plaats): lezers moeten weten wie verantwoordelijk is.",
            "Fill in the address (street and number, postcode and city): readers must know who is responsible.",
            f"controller.{missing[0]}",
        )
    # A contact form is a way to reach the organisation too.
    if not (org.email or org.phone or org.contact_form_url):
        yield (
            E,
            "Geef een e-mailadres, telefoonnummer of contactformulier waarop mensen u kunnen bereiken.",
            "Give an e-mail address, phone number or contact form people can reach you at.",
            "controller.email",
        )
    registered = org.kvk_registered is not False and org.legal_form not in NOT_REGISTERED
    if not org.kvk_number and org.country == "NL" and registered:
        yield (
            W,
            "Vermeld uw KvK-nummer; dat is verplicht op de website van een onderneming.",
            "State your KvK number; Dutch businesses must show it on their website.",
            "controller.kvk_number",
        )


@rule(
    "R2",
    article="Art. 13(1)(a), 27 AVG",
    summary="Vertegenwoordiger in de EU als de organisatie buiten de EU is gevestigd (ook afgeleid uit het land van het adres)",
)
def eu_representative(answers: Answers):
    org = answers.controller
    if org.established_outside_eu:
        rep = org.representative
        if rep is None or not rep.name or not (rep.address.street and rep.address.city):
            yield (
                E,
                "U bent buiten de EU gevestigd (zo staat het in uw antwoorden of uw adres): noem naam en adres van uw vertegenwoordiger in de EU.",
                "You are established outside the EU: name your EU representative and their address.",
                "controller.representative",
            )


@rule(
    "R3",
    article="Art. 13(1)(b), 37 AVG",
    summary="Een FG waar die verplicht is, met contactgegevens",
)
def data_protection_officer(answers: Answers):
    dpo = answers.dpo
    if (
        dpo.public_authority or dpo.large_scale_monitoring or dpo.large_scale_special_data
    ) and not dpo.designated:
        yield (
            E,
            "Met uw antwoorden bent u verplicht een Functionaris Gegevensbescherming (FG) aan te wijzen.",
            "Your answers make a data protection officer (FG) mandatory.",
            "dpo.designated",
        )
    if dpo.designated and not dpo.email:
        yield (
            E,
            "Vermeld het e-mailadres van uw FG.",
            "State your data protection officer's e-mail address.",
            "dpo.email",
        )
