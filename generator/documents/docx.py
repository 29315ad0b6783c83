"""DOCX through python-docx: real headings, bulleted and numbered lists, tables, bold and
italic, the same content as the PDF. Links keep their text, with the address after it."""

import io
from html.parser import HTMLParser

from docx import Document as WordDocument
from docx.shared import Pt

from generator.documents.document import Document
from generator.documents.options import WORDS, OutputOptions

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSION = "docx"


class _SectionWriter(HTMLParser):
    """Walks one section's restricted HTML (documents.document.ALLOWED_TAGS) into Word."""

    def __init__(self, word):
        super().__init__(convert_charrefs=True)
        self.word = word
        self.paragraph = None
        self.lists: list[str] = []
        self.bold = self.italic = 0
        self.table = None
        self.row = None
        self.cell = None
        self.href: str | None = None
        self.link_text = ""

    def _start_paragraph(self, style: str | None = None):
        container = self.cell if self.cell is not None else self.word
        if (
            self.cell is not None
            and not self.cell.paragraphs[-1].text
            and len(self.cell.paragraphs) == 1
        ):
            self.paragraph = self.cell.paragraphs[0]
        else:
            self.paragraph = container.add_paragraph(style=style)

    def handle_starttag(self, tag, attrs):
        if tag in ("h3", "h4"):
            self.paragraph = self.word.add_heading(level=2 if tag == "h3" else 3)
        elif tag == "p":
            self._start_paragraph()
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            kind = self.lists[-1] if self.lists else "ul"
            self._start_paragraph("List Number" if kind == "ol" else "List Bullet")
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.link_text = ""
        elif tag == "table":
            self.table = self.word.add_table(rows=0, cols=0)
            self.table.style = "Table Grid"
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.row.append((tag, []))

    def handle_endtag(self, tag):
        if tag in ("p", "li", "h3", "h4"):
            self.paragraph = None
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in ("strong", "b"):
            self.bold -= 1
        elif tag in ("em", "i"):
            self.italic -= 1
        elif tag == "a":
            if self.href and self.href.removeprefix("mailto:") != self.link_text.strip():
                self._write(f" ({self.href.removeprefix('mailto:')})")
            self.href = None
        elif tag == "tr" and self.table is not None and self.row is not None:
            self._add_row(self.row)
            self.row = None
        elif tag == "table":
            self.table = None

    def _add_row(self, cells):
        table = self.table
        while len(table.columns) < len(cells):
            table.add_column(Pt(60))
        row = table.add_row()
        for index, (tag, parts) in enumerate(cells):
            run = row.cells[index].paragraphs[0].add_run("".join(parts).strip())
            run.bold = tag == "th"

    def handle_data(self, data):
        if self.row is not None and self.row:
            self.row[-1][1].append(data)
            return
        if not data.strip() and self.paragraph is None:
            return
        if self.href is not None:
            self.link_text += data
        self._write(data)

    def _write(self, text: str):
        if self.paragraph is None:
            self._start_paragraph()
        run = self.paragraph.add_run(text)
        run.bold = self.bold > 0 or None
        run.italic = self.italic > 0 or None


def render(document: Document, options: OutputOptions) -> bytes:
    meta = document.metadata
    words = WORDS[meta.language]
    word = WordDocument()
    word.core_properties.title = meta.title
    word.core_properties.author = meta.organisation
    word.core_properties.language = meta.language
    word.add_heading(meta.title, level=0)
    facts = [meta.organisation]
    if meta.version_label:
        facts.append(f"{words['version']} {meta.version_label}")
    if meta.effective_date_text:
        facts.append(f"{words['effective']} {meta.effective_date_text}")
    word.add_paragraph(" · ".join(facts))
    for section in document.sections:
        word.add_heading(section.title, level=1)
        writer = _SectionWriter(word)
        writer.feed(section.html)
        writer.close()
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
