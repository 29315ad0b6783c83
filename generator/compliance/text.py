"""The statement as text blocks for the text rules and the readability score.

A block is a heading, a paragraph, a list item or a table cell, with the section it belongs to.
Built from a Document (our own output) or from plain text (any statement, such as the
originals of the examples), so the text rules run on both.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from generator.documents.document import Document

_BLOCK_TAGS = {"p", "li", "h3", "h4", "td", "th"}


@dataclass(frozen=True)
class Block:
    section: str  # the section key, or "" for plain text
    kind: str  # "heading", "text" or "cell"
    text: str


class _BlockParser(HTMLParser):
    def __init__(self, section: str):
        super().__init__(convert_charrefs=True)
        self.section = section
        self.blocks: list[Block] = []
        self._stack: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self._stack.append((tag, []))
        elif tag == "br" and self._stack:
            self._stack[-1][1].append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS and self._stack:
            opened, parts = self._stack.pop()
            text = re.sub(r"[ \t]+", " ", "".join(parts)).strip()
            if text:
                kind = (
                    "heading"
                    if opened in ("h3", "h4")
                    else "cell"
                    if opened in ("td", "th")
                    else "text"
                )
                self.blocks.append(Block(self.section, kind, text))

    def handle_data(self, data):
        if self._stack:
            self._stack[-1][1].append(data)


def document_blocks(document: Document) -> list[Block]:
    blocks = []
    for section in document.sections:
        blocks.append(Block(section.key, "heading", section.title))
        parser = _BlockParser(section.key)
        parser.feed(section.html)
        parser.close()
        blocks.extend(parser.blocks)
    return blocks


def plain_blocks(text: str) -> list[Block]:
    """Plain text or Markdown: every non-empty line is a block; markup is dropped."""
    blocks = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(#+|[-*•]|\d+\.)\s+", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line).replace("**", "").strip()
        if line:
            blocks.append(Block("", "text", line))
    return blocks


def full_text(blocks: list[Block]) -> str:
    return " ".join(block.text for block in blocks)
