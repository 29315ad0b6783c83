"""What every output module takes besides the Document, and the fixed words of the outputs."""

from dataclasses import dataclass

PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3b")


@dataclass(frozen=True)
class OutputOptions:
    # Tagged PDF/UA-1 by default for screen readers; PDF/A-3b on request for archiving.
    pdf_variant: str = "pdf/ua-1"

    def __post_init__(self) -> None:
        if self.pdf_variant not in PDF_VARIANTS:
            raise ValueError(f"pdf_variant must be one of {PDF_VARIANTS}, not {self.pdf_variant!r}")


WORDS = {
    "nl": {
        "contents": "Inhoud",
        "version": "Versie",
        "effective": "Geldig vanaf",
        "page": "pagina",
        "of": "van",
    },
    "en": {
        "contents": "Contents",
        "version": "Version",
        "effective": "Effective from",
        "page": "page",
        "of": "of",
    },
}
