import datetime

import pytest

from generator.lib import dutch
from generator.lib.countries import country_name, in_eea, is_country_code


def test_dates_are_written_out_in_dutch():
    assert dutch.format_date(datetime.date(2022, 6, 29)) == "29 juni 2022"


def test_lists_end_with_en_or_of():
    assert dutch.format_list(["a", "b", "c"]) == "a, b en c"
    assert dutch.format_list(["a", "b"], style="or") == "a of b"
    assert dutch.format_list(["a", ""]) == "a"
    assert dutch.format_list([]) == ""


def test_small_durations_are_words_and_singular_when_one():
    assert dutch.format_duration(6, "months") == "zes maanden"
    assert dutch.format_duration(1, "months") == "één maand"
    assert dutch.format_duration(2, "years") == "twee jaar"
    assert dutch.format_duration(14, "days") == "14 dagen"


def test_countries_know_the_eea_and_their_dutch_names():
    assert in_eea("NO") and in_eea("NL")
    assert not in_eea("US") and not in_eea("GB") and not in_eea("CH")
    assert country_name("US", "nl") == "Verenigde Staten"
    assert is_country_code("DE") and not is_country_code("XX") and not is_country_code("001")


@pytest.mark.parametrize(
    ("text", "en", "nl"),
    [
        ("13 maanden", "13 months", "13 maanden"),
        ("2 jaar", "two years", "twee jaar"),
        ("een jaar", "one year", "één jaar"),
        ("14 months", "14 months", "14 maanden"),
        # Plurals that are no prefix of their singular (a StopIteration and a 500 before).
        ("2 weken", "two weeks", "twee weken"),
        ("3 jaren", "three years", "drie jaar"),
        ("1 dag", "one day", "één dag"),
        ("30 days", "30 days", "30 dagen"),
        ("sessie", "session", "sessie"),
        ("Sessie (tot de browser wordt gesloten)", "session (until the browser is closed)",
         "sessie (tot de browser wordt gesloten)"),
        ("sessie, of 30 dagen als u ingelogd blijft", None, None),
        ("tot u uitlogt", None, None),
    ],
)  # fmt: skip
def test_a_bare_duration_is_written_in_either_language_and_other_text_is_not(text, en, nl):
    assert dutch.duration_in(text, "en") == en
    assert dutch.duration_in(text, "nl") == nl


def test_dutch_sentences_are_found_in_an_english_text_and_english_ones_are_not():
    text = (
        "We keep your data for six months. Wij bewaren de gegevens zes maanden na het laatste "
        "contact. The Autoriteit Persoonsgegevens is the Dutch supervisor. Onze boekhouder "
        "verwerkt de facturen."
    )
    assert dutch.dutch_sentences(text) == [
        "Wij bewaren de gegevens zes maanden na het laatste contact.",
        "Onze boekhouder verwerkt de facturen.",
    ]
