"""Dutch formats (avg-checklist.md (d)): good values are normalised, bad ones get a Dutch message."""

import pytest

from generator.lib import validators as v


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("84930373", "84930373"), ("8493 0373", "84930373"), ("84.93.03.73", "84930373")],
)
def test_kvk_numbers_are_stored_as_eight_digits(typed, stored):
    assert v.normalise_kvk(typed) == stored


@pytest.mark.parametrize("typed", ["1234567", "123456789", "8493037A", "", "000000001234"])
def test_kvk_numbers_of_another_length_are_refused(typed):
    with pytest.raises(ValueError, match="8 cijfers"):
        v.normalise_kvk(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1111PS", "1111 PS"), ("1111 ps", "1111 PS"), ("3911 JP", "3911 JP"), ("2012kn", "2012 KN")],
)
def test_postcodes_are_stored_with_a_space_and_capitals(typed, stored):
    assert v.normalise_postcode(typed) == stored


@pytest.mark.parametrize("typed", ["0123 AB", "1234 SS", "1234 SA", "1234", "12345 AB", "ABCD 12"])
def test_impossible_postcodes_are_refused(typed):
    with pytest.raises(ValueError, match="postcode"):
        v.normalise_postcode(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("NL004495445B01", "NL004495445B01"),  # 11-proef form
        ("nl 0044.95.445.B01", "NL004495445B01"),
        ("NL000099998B57", "NL000099998B57"),  # mod 97 form (sole traders since 2020)
    ],
)
def test_valid_btw_ids_are_accepted_in_both_checksum_forms(typed, stored):
    assert v.normalise_vat(typed) == stored


@pytest.mark.parametrize(
    "typed", ["NL123456789B01", "NL004495445B00", "DE123456789", "NL00449544B01"]
)
def test_invalid_btw_ids_are_refused(typed):
    with pytest.raises(ValueError, match="btw"):
        v.normalise_vat(typed)


def test_ibans_are_checked_and_compacted():
    assert v.normalise_iban("NL91 ABNA 0417 1643 00") == "NL91ABNA0417164300"
    with pytest.raises(ValueError, match="IBAN"):
        v.normalise_iban("NL92 ABNA 0417 1643 00")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("085 208 79 72", "+31852087972"),
        ("088-1302000", "+31881302000"),
        ("+31882050750", "+31882050750"),
        ("0031 20 123 4567", "+31201234567"),
        ("06-12345678", "+31612345678"),
        ("0800 0123", "+318000123"),
        ("+32 2 555 12 12", "+3225551212"),
    ],
)
def test_phone_numbers_are_stored_in_e164(typed, stored):
    assert v.normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "06-1234", "abc", "+31 6 1234 567890", ""])
def test_impossible_phone_numbers_are_refused(typed):
    with pytest.raises(ValueError, match="telefoonnummer"):
        v.normalise_phone(typed)


def test_phone_numbers_are_shown_in_international_form():
    assert v.format_phone("+31852087972") == "+31 85 208 7972"


@pytest.mark.parametrize("typed", ["info@ipcall.me", " Privacy@Voorbeeld.NL "])
def test_email_addresses_are_accepted_and_the_domain_lowercased(typed):
    assert v.normalise_email(typed).endswith(typed.strip().split("@")[1].lower())


@pytest.mark.parametrize("typed", ["info", "info@", "@voorbeeld.nl", "a b@c.nl", "x@y", "<a>@b.nl"])
def test_malformed_email_addresses_are_refused(typed):
    with pytest.raises(ValueError, match="e-mailadres"):
        v.normalise_email(typed)


@pytest.mark.parametrize(
    "typed", ["javascript:alert(1)", "ftp://x.nl", "www.voorbeeld.nl", "https://"]
)
def test_urls_must_be_web_addresses(typed):
    with pytest.raises(ValueError, match="webadres"):
        v.normalise_url(typed)
