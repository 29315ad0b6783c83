"""Readability of Dutch text: Flesch-Douma and Brouwer's Leesindex A, as avg-checklist.md (d)
defines them, and the sentences that pull a text down.

    Flesch-Douma = 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)
    Brouwer      = 195 - 2 * (words / sentences) - 66.7 * (syllables / words)

Choices (shown in the UI): words are letter tokens after URLs, e-mail addresses and markup are
removed; a sentence ends at . ! or ?; a heading or list item is a sentence of its own.
Syllables are groups of vowels (a e i o u y, "ij" counted as one vowel); a vowel with a
diaeresis (ë, ï, ö, ü) starts a new group, so "ideeën" has three.
"""

import re
from dataclasses import dataclass, field

FD_MINIMUM = 60
BROUWER_MINIMUM = 50
LONG_SENTENCE = 20  # words
TOO_LONG_SENTENCE = 25  # words
LONG_SHARE_MAXIMUM = 0.10

# A web address also without its scheme, as a link's text shows it ("autoriteitpersoonsgegevens.nl").
# An address ends before the punctuation after it: "(zie https://x.nl/a)." still ends a sentence.
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]|\S+@\S+\.\w+"
    r"|\b[\w-]{2,}(?:\.[\w-]{2,})*\.(?:nl|eu|com|org|net|gov|be|de|me|io)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# "ij" is one vowel letter in Dutch; ë ï ö ü (and é è) open a new vowel group.
_VOWEL_GROUP = re.compile(r"ij|[aeiouyáàâäåéèêëíìîïóòôöúùûü]+")
_DIAERESIS = set("ëïöüä")


def syllables(word: str) -> int:
    word = word.lower()
    count = 0
    for match in _VOWEL_GROUP.finditer(word):
        group = match.group()
        # Each diaeresis inside a group marks a hiatus: "ideeën" -> ee|ë.
        count += 1 + sum(
            1 for position, char in enumerate(group) if char in _DIAERESIS and position > 0
        )
    return max(1, count)


def words(sentence: str) -> list[str]:
    return _WORD.findall(_URL.sub(" ", sentence))


def sentences(block: str) -> list[str]:
    """Split one block (a paragraph, list item or heading) into sentences with words."""
    parts = _SENTENCE_END.split(_URL.sub(" ", block))
    return [part.strip() for part in parts if words(part)]


@dataclass
class Score:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    long_sentences: int = 0  # over LONG_SENTENCE words
    lengths: list[tuple[int, str]] = field(default_factory=list)

    def add(self, sentence: str) -> None:
        tokens = words(sentence)
        self.sentences += 1
        self.words += len(tokens)
        self.syllables += sum(syllables(token) for token in tokens)
        if len(tokens) > LONG_SENTENCE:
            self.long_sentences += 1
        self.lengths.append((len(tokens), sentence))

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch_douma(self) -> float:
        return 206.835 - 0.93 * self.words_per_sentence - 77 * self.syllables_per_word

    @property
    def brouwer(self) -> float:
        return 195 - 2 * self.words_per_sentence - 66.7 * self.syllables_per_word

    @property
    def long_share(self) -> float:
        return self.long_sentences / self.sentences if self.sentences else 0.0

    def longest(self, count: int = 5) -> list[tuple[int, str]]:
        return sorted(self.lengths, key=lambda item: -item[0])[:count]

    def as_dict(self) -> dict:
        return {
            "flesch_douma": round(self.flesch_douma, 1),
            "brouwer": round(self.brouwer, 1),
            "sentences": self.sentences,
            "words": self.words,
            "words_per_sentence": round(self.words_per_sentence, 1),
            "long_share": round(self.long_share, 3),
        }


def score_blocks(blocks: list[str]) -> Score:
    score = Score()
    for block in blocks:
        for sentence in sentences(block):
            score.add(sentence)
    return score
