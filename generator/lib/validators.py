"""Dutch format validators and normalisers (avg-checklist.md (d), "Validation formats").

Each function takes what a person typed and returns the stored form, or raises ValueError
with a Dutch message that can be shown at the field. The checks come from python-stdnum and
phonenumbers; this module only chooses the stored form and the wording.
"""

import re

import phonenumbers
from django.utils.translation import gettext_noop
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError
from stdnum.nl import btw as stdnum_btw
from stdnum.nl import postcode as stdnum_postcode

# Marked (not translated) here: the files and the command line stay Dutch; the wizard translates
# the message for an English UI (wizard/forms/base.py, lib_validator).
MSG_KVK = gettext_noop("Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678.")
MSG_POSTCODE = gettext_noop("Vul een Nederlandse postcode in, bijvoorbeeld 1234 AB.")
MSG_VAT = gettext_noop("Vul een geldig btw-identificatienummer in, bijvoorbeeld NL123456789B01.")
MSG_IBAN = gettext_noop("Vul een geldig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.")
MSG_PHONE = gettext_noop(
    "Vul een geldig telefoonnummer in, bijvoorbeeld 020 123 4567 of +31 20 123 4567."
)
MSG_EMAIL = gettext_noop("Vul een geldig e-mailadres in, bijvoorbeeld info@voorbeeld.nl.")
MSG_URL = gettext_noop("Vul een volledig webadres in dat begint met https:// of http://.")
MSG_PLAIN_LINE = gettext_noop(
    "Gebruik één regel met zichtbare tekens, zonder regeleinden of onzichtbare tekens."
)

_KVK_RE = re.compile(r"^\d{8}$")
_VAT_RE = re.compile(r"^NL\d{9}B\d{2}$")
# Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not our concern.
# No "?", "&" or "%" in the local part and only letters, digits, dots and hyphens in the domain:
# an address is written into mailto: links, where "info@x.nl?bcc=…" would add recipients.
_EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$"
)
_URL_RE = re.compile(r"^https?://[^\s<>\"']+\.[^\s<>\"']+$", re.IGNORECASE)


def normalise_kvk(value: str) -> str:
    """8 digits after removing spaces and dots; no checksum exists (kvk.nl)."""
    compact = re.sub(r"[\s.]", "", value)
    if not _KVK_RE.match(compact):
        raise ValueError(MSG_KVK)
    return compact


def normalise_postcode(value: str) -> str:
    """Stored as "1234 AB"."""
    try:
        compact = stdnum_postcode.compact(stdnum_postcode.validate(value))
    except ValidationError:
        raise ValueError(MSG_POSTCODE) from None
    return f"{compact[:4]} {compact[4:]}"


def normalise_vat(value: str) -> str:
    """A Dutch btw-id, stored as NL123456789B01 (both the 11-proef and the mod-97 forms)."""
    # python-stdnum pads short numbers with zeros; the real format has exactly nine digits.
    if not _VAT_RE.match(re.sub(r"[\s.\-]", "", value).upper()):
        raise ValueError(MSG_VAT)
    try:
        return "NL" + stdnum_btw.validate(value)
    except ValidationError:
        raise ValueError(MSG_VAT) from None


def normalise_iban(value: str) -> str:
    try:
        return stdnum_iban.validate(value)
    except ValidationError:
        raise ValueError(MSG_IBAN) from None


def normalise_phone(value: str) -> str:
    """Stored in E.164 (+31201234567); numbers without a country code are read as Dutch."""
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        raise ValueError(MSG_PHONE) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(MSG_PHONE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(value: str) -> str:
    """For display: +31 20 123 4567. The international form works for callers from abroad
    and for the statement's readers in the Netherlands alike."""
    number = phonenumbers.parse(value, "NL")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_email(value: str) -> str:
    value = value.strip()
    if not _EMAIL_RE.match(value):
        raise ValueError(MSG_EMAIL)
    local, domain = value.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def normalise_url(value: str) -> str:
    value = value.strip()
    if not _URL_RE.match(value):
        raise ValueError(MSG_URL)
    return value


# Characters that are not seen but change how a text reads: control characters, and the
# zero-width and bidirectional formatting characters ("\u202e" shows "Bank" as "knaB").
HIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def has_hidden_chars(value: str) -> bool:
    return bool(HIDDEN_CHARS.search(value))


def plain_line(value: str) -> str:
    """A name shown as one line: no line breaks or tabs, and none of the hidden characters
    every text refuses (has_hidden_chars)."""
    if any(char in value for char in "\n\r\t") or has_hidden_chars(value):
        raise ValueError(MSG_PLAIN_LINE)
    return value
