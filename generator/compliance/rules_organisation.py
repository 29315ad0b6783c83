"""R1-R3: who the verwerkingsverantwoordelijke is, its EU representative and its FG."""

from generator.answers import choices as c
from generator.answers.schema import Answers
from generator.compliance.findings import E, W, rule

# Organisations that are not in the Handelsregister, so have no KvK number to show.
NOT_REGISTERED = {c.LegalForm.OVERHEID, c.LegalForm.PRIVATE_PERSONS}


@rule(
    "R1",
    article="Art. 13(1)(a) AVG; art. 3:15d BW",
    summary="Naam, adres, postcode en e-mail of telefoon van de verwerkingsverantwoordelijke; KvK-nummer",
)
def controller_identity(answers: Answers):
    org = answers.controller
    required = {
        "legal_name": ("de naam van de organisatie", "the organisation's name"),
        "street": ("straat en huisnummer", "street and number"),
        "postcode": ("de postcode", "the postcode"),
        "city": ("de plaats", "the city"),
    }
    for field, (nl, en) in required.items():
        if not getattr(org, field):
            yield (
                E,
                f"Vul {nl} in: lezers moeten weten wie verantwoordelijk is.",
                f"Fill in {en}: readers must know who is responsible.",
                f"controller.{field}",
            )
    if not (org.email or org.phone):
        yield (
            E,
            "Geef een e-mailadres of telefoonnummer waarop mensen u kunnen bereiken.",
            "Give an e-mail address or phone number people can reach you at.",
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
    summary="Vertegenwoordiger in de EU als de organisatie buiten de EU is gevestigd",
)
def eu_representative(answers: Answers):
    org = answers.controller
    if org.outside_eu:
        rep = org.representative
        if rep is None or not rep.name or not (rep.address.street and rep.address.city):
            yield (
                E,
                "U bent buiten de EU gevestigd: noem naam en adres van uw vertegenwoordiger in de EU.",
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
