"""The closed lists the wizard offers. Their words in statements live in labels.py."""

from enum import StrEnum


class Language(StrEnum):
    NL = "nl"
    EN = "en"


class Register(StrEnum):
    FORMAL = "formal"  # "u"
    INFORMAL = "informal"  # "je"


class LegalForm(StrEnum):
    BV = "bv"
    NV = "nv"
    VOF = "vof"
    CV = "cv"
    EENMANSZAAK = "eenmanszaak"
    MAATSCHAP = "maatschap"
    STICHTING = "stichting"
    VERENIGING = "vereniging"
    COOPERATIE = "cooperatie"
    OVERHEID = "overheid"
    # Not registered with the KvK: people who work together without a legal person.
    PRIVATE_PERSONS = "private_persons"
    OTHER = "other"


class ServiceKind(StrEnum):
    WEBSITE = "website"
    APP = "app"
    PLATFORM = "platform"
    SHOP = "shop"
    OTHER = "other"


# The kinds of service that can set cookies or read a device (Tw 11.7a).
SITE_KINDS = frozenset(
    [ServiceKind.WEBSITE, ServiceKind.APP, ServiceKind.PLATFORM, ServiceKind.SHOP]
)


class DataSubject(StrEnum):
    CUSTOMERS = "customers"
    PROSPECTS = "prospects"
    USERS = "users"
    WEBSITE_VISITORS = "website_visitors"
    APP_USERS = "app_users"
    NEWSLETTER_SUBSCRIBERS = "newsletter_subscribers"
    EMPLOYEES = "employees"
    JOB_APPLICANTS = "job_applicants"
    SUPPLIERS = "suppliers"
    BUSINESS_CONTACTS = "business_contacts"
    CHILDREN = "children"


class DataCategory(StrEnum):
    NAME = "name"
    ADDRESS = "address"
    POSTCODE_CITY = "postcode_city"
    EMAIL = "email"
    PHONE = "phone"
    MOBILE = "mobile"
    BIRTH_DATE = "birth_date"
    GENDER = "gender"
    PHOTO = "photo"
    ACCOUNT = "account"
    BILLING_ADDRESS = "billing_address"
    PAYMENT = "payment"
    BANK_ACCOUNT = "bank_account"
    ORDER_HISTORY = "order_history"
    COMMUNICATION = "communication"
    IP_ADDRESS = "ip_address"
    DEVICE = "device"
    USAGE = "usage"
    TRAFFIC = "traffic"
    LOCATION = "location"
    ONLINE_IDENTIFIERS = "online_identifiers"
    COMPANY = "company"
    JOB_TITLE = "job_title"
    EMPLOYER = "employer"
    CV = "cv"


class SpecialCategory(StrEnum):
    """Art. 9(1) AVG."""

    HEALTH = "health"
    RACIAL_ETHNIC = "racial_ethnic"
    POLITICAL = "political"
    RELIGIOUS = "religious"
    TRADE_UNION = "trade_union"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    SEX_LIFE = "sex_life"


class Art9Exception(StrEnum):
    """The Art. 9(2) AVG exceptions, by their letter."""

    EXPLICIT_CONSENT = "a"
    EMPLOYMENT = "b"
    VITAL_INTERESTS = "c"
    NOT_FOR_PROFIT = "d"
    MADE_PUBLIC = "e"
    LEGAL_CLAIMS = "f"
    SUBSTANTIAL_PUBLIC_INTEREST = "g"
    HEALTH_CARE = "h"
    PUBLIC_HEALTH = "i"
    ARCHIVING_RESEARCH = "j"


class LegalBasis(StrEnum):
    """Art. 6(1) AVG; the value names the ground, article_letter() the letter."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"

    def article_letter(self) -> str:
        return "abcdef"[list(LegalBasis).index(self)]


class Source(StrEnum):
    DATA_SUBJECT = "data_subject"  # the person gives it
    USAGE = "usage"  # it arises from using the service: IP address, logs, cookie ids, device
    THIRD_PARTY = "third_party"  # someone else gives it (Art. 14)


class SourceNotice(StrEnum):
    """Art. 14(3) and (5)(a): when someone whose data comes from elsewhere is told."""

    WITHIN_MONTH = "within_month"
    FIRST_CONTACT = "first_contact"
    FIRST_DISCLOSURE = "first_disclosure"
    ALREADY_INFORMED = "already_informed"


class Provision(StrEnum):
    """Art. 13(2)(e): why the person has to give the data, or that they need not."""

    STATUTORY = "statutory"
    CONTRACTUAL = "contractual"
    CONTRACT_NECESSARY = "contract_necessary"
    VOLUNTARY = "voluntary"


class RetentionUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


class DecisionGround(StrEnum):
    """Art. 22(2) AVG."""

    CONTRACT = "contract"
    LAW = "law"
    EXPLICIT_CONSENT = "explicit_consent"


class MarketingChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    PHONE = "phone"
    POST = "post"
    ONLINE = "online"


class RecipientRole(StrEnum):
    PROCESSOR = "processor"
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"
    AUTHORITY = "authority"


class TransferMechanism(StrEnum):
    """Art. 45-49 AVG."""

    ADEQUACY = "adequacy"
    DPF = "dpf"
    SCC = "scc"
    BCR = "bcr"
    DEROGATION = "derogation"


class Art49Derogation(StrEnum):
    """Art. 49(1) AVG, by its letter: the derogations for a transfer without safeguards."""

    EXPLICIT_CONSENT = "a"
    CONTRACT_WITH_PERSON = "b"
    CONTRACT_FOR_PERSON = "c"
    PUBLIC_INTEREST = "d"
    LEGAL_CLAIMS = "e"
    VITAL_INTERESTS = "f"
    PUBLIC_REGISTER = "g"


class CookieParty(StrEnum):
    FIRST = "first"
    THIRD = "third"


class CookieCategory(StrEnum):
    FUNCTIONAL = "functional"
    PREFERENCES = "preferences"
    ANALYTICS = "analytics"
    MARKETING = "marketing"
    TRACKING = "tracking"
    ADVERTISING = "advertising"
    SOCIAL = "social"


# R21: these always need prior consent; analytics only when not set up the AP's way (K3).
CONSENT_COOKIE_CATEGORIES = frozenset(
    {
        CookieCategory.MARKETING,
        CookieCategory.TRACKING,
        CookieCategory.ADVERTISING,
        CookieCategory.SOCIAL,
    }
)


class RequestChannel(StrEnum):
    EMAIL = "email"
    FORM = "form"
    ACCOUNT = "account"
    POST = "post"
    PHONE = "phone"


class OptionalRight(StrEnum):
    """Rights the AVG gives only for some bases, which an organisation may offer for all."""

    OBJECTION = "objection"
    PORTABILITY = "portability"


class TermUnit(StrEnum):
    WEEKS = "weeks"
    MONTHS = "months"


class SecurityMeasure(StrEnum):
    TLS = "tls"
    ENCRYPTION_AT_REST = "encryption_at_rest"
    ACCESS_CONTROL = "access_control"
    TWO_FACTOR = "two_factor"
    LOGGING = "logging"
    BACKUPS = "backups"
    UPDATES = "updates"
    CONFIDENTIALITY = "confidentiality"
    POLICY = "policy"
    PSEUDONYMISATION = "pseudonymisation"
    TESTING = "testing"
    ISO27001 = "iso27001"
    PHYSICAL = "physical"


class ChildrenPolicy(StrEnum):
    NOT_DIRECTED = "not_directed"
    DIRECTED = "directed"


class ChangeNotice(StrEnum):
    EMAIL = "email"
    BANNER = "banner"
    IN_APP = "in_app"
    ACCOUNT = "account"
