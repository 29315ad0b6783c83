"""The Document: what every output format is derived from.

Plain, immutable data: ordered sections of restricted HTML plus metadata. It knows nothing of
answers, clauses or Django models, so an output module can be tested on a hand-made Document.
"""

import datetime
import html as html_lib
import re
from dataclasses import asdict, dataclass

import nh3

# The HTML vocabulary a section body may use (design.md, "Clauses"). The clause renderer
# sanitises to it; the output formats may assume nothing else appears.
ALLOWED_TAGS = frozenset(
    {"h3", "h4", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
     "strong", "em", "a", "br"}
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}, "td": {"colspan"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# A link goes to one of those, written out in full, or to a section of the statement itself
# ("#rechten", as a clause may refer to another; in the PDF an internal link). nh3 passes any
# address without a scheme, and "/etc/passwd", "../x", "\\host\share", "//evil.example" or
# "http:/x" point somewhere else on every site, viewer or disk that shows the statement
# (issue 17): such a link keeps its text, without the address.
_LINK = re.compile(r"(?:https?://[^/\\\s]|mailto:|tel:|#)", re.IGNORECASE)


def _link_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href" and not _LINK.match(value):
        return None
    return value


def clean_html(html: str) -> str:
    """Reduce any HTML to the section vocabulary. Whatever a clause or an answer smuggles in
    (scripts, styles, images, <link rel=attachment>, relative links) is gone before an output
    sees it."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_link_filter,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=None,
    )


_BLOCK_END = re.compile(r"<(br|/p|/li|/td|/th|/tr|/h\d|/ul|/ol|/table)\b[^>]*>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """The text of a piece of HTML: tags removed (block ends become spaces), entities decoded."""
    return html_lib.unescape(nh3.clean(_BLOCK_END.sub(" ", html), tags=set()))


@dataclass(frozen=True)
class Section:
    key: str  # the clause key; also the anchor id, so links to a section stay stable
    title: str
    html: str
    revision: str = ""  # which clause revision produced it (design.md, invariant 2)
    # A lead section (the summary, "In het kort") opens the document, before the table of
    # contents, in every output (WP260 §35-36: the first layer comes first).
    lead: bool = False

    @property
    def anchor(self) -> str:
        return self.key

    @property
    def page_html(self) -> str:
        """The HTML for a page: a wide table scrolls sideways in its own box on a phone
        (statement.css), so it takes keyboard focus to be scrolled without a mouse (WCAG
        2.1.1). `html` is sanitised clause output: every "<table" in it is a tag."""
        return self.html.replace("<table", '<table tabindex="0"')


@dataclass(frozen=True)
class Metadata:
    organisation: str
    title: str
    language: str
    register: str
    version_label: str | None = None
    effective_date: datetime.date | None = None
    effective_date_text: str | None = None  # already in the statement's language


@dataclass(frozen=True)
class Document:
    metadata: Metadata
    sections: tuple[Section, ...]

    @property
    def lead_sections(self) -> tuple[Section, ...]:
        return tuple(section for section in self.sections if section.lead)

    @property
    def body_sections(self) -> tuple[Section, ...]:
        return tuple(section for section in self.sections if not section.lead)

    @property
    def toc(self) -> list[tuple[str, str]]:
        """The body's sections; the lead sections come before the table of contents."""
        return [(section.anchor, section.title) for section in self.body_sections]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def keys(self) -> list[str]:
        return [section.key for section in self.sections]

    def as_dict(self) -> dict:
        """Plain data for storage (a published version keeps its Document this way)."""
        metadata = asdict(self.metadata)
        if self.metadata.effective_date:
            metadata["effective_date"] = self.metadata.effective_date.isoformat()
        return {"metadata": metadata, "sections": [asdict(section) for section in self.sections]}

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        metadata = dict(data["metadata"])
        if metadata.get("effective_date"):
            metadata["effective_date"] = datetime.date.fromisoformat(metadata["effective_date"])
        return cls(Metadata(**metadata), tuple(Section(**section) for section in data["sections"]))
