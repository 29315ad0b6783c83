import datetime

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
