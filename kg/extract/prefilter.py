"""Can this article hold a contact at all? A cheap test before any real work.

Most of a day's news mentions no contact between leaders. An article can only
yield one if it has a contact word (the same trigger patterns extraction uses)
and something naming a leader (a gazetteer name or short form, a role or title
word). Both are looked for in one pass each over the folded text: a compiled
regular expression for the triggers, an Aho-Corasick automaton for the names.
The test is a strict superset of what extraction needs, so it never loses a
contact (tests/test_prefilter.py checks this on the corpora).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

from kg.extract import lexicon as lx
from kg.extract.mentions import FUNCTION_WORDS
from kg.extract.triggers import TriggerFinder
from kg.gazetteer.load import Gazetteer
from kg.text import fold

_NON_WORD = re.compile(r"[\W_]+")


def _trie_keys(node: dict, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for word, child in node.items():
        if word is None:
            yield prefix
        else:
            yield from _trie_keys(child, (*prefix, word))


def normalise(text: str) -> str:
    """Folded words separated by single spaces, padded: " le president russe "."""
    return f" {_NON_WORD.sub(' ', fold(text)).strip()} "


class Prefilter:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.automaton = ahocorasick.Automaton()
        keys: set[tuple[str, ...]] = set(_trie_keys(gazetteer.names.root))
        for lang in ("fr", "en"):
            keys |= set(lx.ROLE_WORDS[lang]) | set(lx.FIXED_ROLES[lang]) | lx.TITLES[lang]
        for key in keys:
            # A function word alone ("Le" for Lê Minh Hưng) needs a title to count, and titles are keys.
            if key and not (len(key) == 1 and key[0] in FUNCTION_WORDS):
                phrase = f" {' '.join(key)} "
                self.automaton.add_word(phrase, phrase)
        self.automaton.make_automaton()
        self.triggers = {}
        for lang in ("fr", "en"):
            self.triggers[lang] = re.compile(rf"(?<= )(?:{TriggerFinder(lang).sequences})(?= )")

    def names_a_leader(self, norm: str) -> bool:
        return next(self.automaton.iter(norm), None) is not None

    def has_trigger(self, norm: str, lang: str) -> bool:
        return self.triggers.get(lang, self.triggers["en"]).search(norm) is not None

    def may_hold_contact(self, text: str, lang: str) -> bool:
        norm = normalise(text)
        return self.has_trigger(norm, lang) and self.names_a_leader(norm)
