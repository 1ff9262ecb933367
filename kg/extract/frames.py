"""Who did what with whom: the participant slots of a contact trigger.

This is the shallow, model-free frame builder used for English and as the
fallback for French. It reads a sentence as words plus mentions: the clause
window around the trigger (bounded by complementizers, speech verbs and strong
punctuation), the agent to the left (skipping prepositional objects and
relative clauses), the partners to the right (after "avec/à/with/to/between",
or as a direct object for transitive verbs), passives, coordinations,
"X-Y" pairs and fronted adjuncts ("Lors de son entretien avec X, Y a ...").
``kg.extract.frames_dep`` refines the same frame from a dependency parse.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from kg.extract.lexicon import ACCUSATIVE_CLITICS, INDEFINITE
from kg.extract.mentions import Kind, Mention
from kg.extract.triggers import Trigger
from kg.model import Mode
from kg.text import Word, folded_words, has_phrase

COMPLEMENTIZERS = {"fr": {"que", "qu"}, "en": {"that", "whether"}}
SPEECH = {
    "fr": {"dit", "declare", "affirme", "indique", "annonce", "estime", "assure", "precise", "explique", "souligne",
           "ajoute", "rapporte", "confirme", "revele", "raconte", "note", "juge", "reconnu", "insiste", "rappele",
           "rappelle", "temoigne"},
    "en": {"said", "says", "announced", "stated", "added", "noted", "explained", "insisted",
           "claimed", "reported", "revealed", "recalled", "wrote", "tweeted", "posted", "according"},
}
# Prepositions before a mention that make it an object, not the subject.
OBJECT_PREPS = {
    "fr": {"de", "du", "des", "d", "a", "au", "aux", "avec", "par", "pour", "selon", "chez", "contre", "sur", "envers",
           "entre", "apres", "avant", "vers", "sans", "dont", "comme", "aupres", "face", "contrairement", "malgre"},
    "en": {"of", "with", "to", "by", "for", "from", "according", "against", "about", "on", "at", "in", "between",
           "after", "before", "toward", "towards", "without", "like", "as", "than", "unlike", "despite", "including"},
}
# English words that are prepositions or conjunctions: "after X hosted Y" opens a clause whose subject is X.
CONJUNCTION_PREPS = {"after", "before", "as", "since", "until"}
PARTNER_PREPS = {"fr": {"avec", "a", "au", "aux", "chez", "aupres", "entre"}, "en": {"with", "to", "between"}}
NOUN_PARTNER_PREPS = {"fr": {"de", "du", "des", "d"}, "en": {"of", "from"}}
PASSIVE_AUX = {"fr": {"ete", "etait", "etaient", "sera", "seront", "fut", "furent", "est", "sont", "etre", "serait",
                      "seraient"},
               "en": {"was", "were", "been", "being", "be", "is", "are", "get", "got"}}
AGENT_PREP = {"fr": {"par"}, "en": {"by"}}
RELATIVES = {"fr": {"qui", "lequel", "laquelle", "dont"}, "en": {"who", "which", "whom"}}
AND = {"fr": {"et"}, "en": {"and"}}
BETWEEN = {"fr": {"entre"}, "en": {"between"}}
FRONTED = {"fr": {"lors", "au", "durant", "pendant", "dans", "apres", "avant", "a", "en"},
           "en": {"in", "during", "after", "before", "at", "on", "following", "ahead"}}
# "sent him a (private, handwritten) letter": verbs that take a recipient before the thing sent.
_SEND = {"sent", "send", "sends", "sending", "handed", "hand", "gave", "give", "gives", "wrote", "writes", "write",
         "delivered", "passed"}
_NOUN_MODIFIERS = {"private", "personal", "handwritten", "brief", "long", "short", "text", "written", "congratulatory",
                   "condolence", "formal", "secret", "new", "second", "third", "warm", "friendly"}
# Words that open a finite verb phrase after "and": "and is due", "and will then travel", "et doit".
_FINITE_STARTS = {"is", "was", "will", "would", "has", "had", "then", "later", "also", "doit", "devait", "va", "est",
                  "a", "sera", "ira", "se", "s", "ensuite", "devrait", "plans", "hopes", "heads"}
_AUXILIARIES = {"had", "has", "have", "would", "will", "avait", "a", "ont", "avaient", "s", "se", "etait"}
# French contact nouns that the trigger table files under their verb ("rencontre" under rencontrer).
_CONTACT_NOUNS_FR = {"rencontre", "entretien", "reunion", "visite", "conversation", "echange", "appel", "sommet"}
# "X joined Y for a summit", "X a rejoint Y pour un sommet": all took part.
JOIN = {"joined", "joins", "join", "joining", "rejoint", "rejoindre", "rejoignent", "rejoignait"}
# Singular nouns of one gathering: its partners listed after "avec"/"with" all met together.
GATHERINGS = {"reunion", "sommet", "summit", "conference", "mini-sommet", "mini-summit"}
MULTILATERAL = {"trilateral", "trilaterale", "tripartite", "three", "four", "quadrilateral", "trois", "quatre"}
# Phrases that add someone to a meeting without making them its subject or object:
# "a reçu X, en présence de Z", "met X alongside Z", "sous l'égide du président angolais".
COMPANION_CUES = {
    "fr": tuple(folded_words(c) for c in (
        "en présence de", "en présence du", "en présence des", "en présence d'", "en compagnie de", "en compagnie du",
        "en compagnie d'", "sous l'égide de", "sous l'égide du", "sous l'égide d'", "aux côtés de", "aux côtés du",
        "accompagné de", "accompagné du", "accompagnée de", "accompagnée du", "accompagné par", "accompagnée par",
        "ainsi que de", "avec la participation de", "avec la participation du")),
    "en": tuple(folded_words(c) for c in (
        "in the presence of", "accompanied by", "alongside", "together with", "along with", "joined by",
        "under the auspices of", "with the participation of", "mediated by", "brokered by")),
}
ADJUNCT_PREPS = {"fr": {"lors", "pendant", "durant", "cours"}, "en": {"during", "in", "over"}}
FRONTING_CLAUSE = {"following", "after", "apres", "suite", "a l issue"}
VP_LINKERS = {"puis", "then", "et", "and", "avant", "before", "apres", "after", "ensuite", "later"}
VP_FILLER = {"s", "se", "est", "etait", "a", "avait", "ont", "avaient", "sont", "etaient", "ete", "etre", "d", "de",
             "being", "been", "had", "has", "have", "was", "were", "is", "he", "she", "il", "elle", "also", "aussi",
             "egalement", "ensuite", "then", "l", "lui", "y", "afterwards", "later", "subsequently", "briefly",
             "separately", "plus", "tard", "brievement", "separement",
             # modals: "et doit se rendre", "and is due to meet", "and will travel"
             "doit", "doivent", "devait", "devaient", "devrait", "devraient", "va", "vont", "will", "would", "due",
             "to", "expected", "set"}
_PLACE_PREPS = {"in", "at", "a", "au", "en"}
_AT_PREPS = {"a", "au", "at", "in"}  # "reçu à la Maison Blanche", "a visit to the Kremlin" adds "to"
HOSTING = {"recevoir", "accueillir", "receive", "welcome", "host"}
VISITS = {"visit", "visite", "rendre_visite"}
# Title words that may stand between a preposition and the name it introduces.
TITLE_WORDS = {"president", "presidente", "premier", "prime", "minister", "ministre", "chancellor", "chancelier",
               "chanceliere", "king", "queen", "roi", "reine", "emir", "sultan", "secretary", "general", "state",
               "foreign", "pope", "pape", "crown", "prince", "sheikh", "cheikh", "taoiseach", "federal", "vice",
               "interim", "acting"}
# Words that may sit between a verb and its direct object.
ADVERBIAL = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "soir", "matin",
             "aujourd", "hui", "demain", "aussi", "egalement", "ensuite", "deja", "alors", "finalement", "enfin",
             "longuement", "brievement", "officiellement", "today", "yesterday", "monday", "tuesday", "wednesday",
             "thursday", "friday", "saturday", "sunday", "also", "then", "later", "briefly", "ce", "cet", "cette",
             "apres", "midi", "nuit", "marge", "sommet", "occasion", "lors", "cours", "visite", "ete"}
PLACE_NOUNS = {"palais", "residence", "elysee", "kremlin", "maison", "blanche", "vatican", "palace", "house", "white",
               "downing", "street", "base", "capitale", "capital", "quirinal", "chigi", "chancellerie"}
def _possessive(m: Mention) -> bool:
    """"with his wife", "chez son voisin": a possessive is the owner of someone, never the partner."""
    return m.kind is Kind.ANAPHOR and m.anaphor is not None and m.anaphor.possessive


# Words that open a phrase about another occasion than the clause's: "the day after talks with X".
OCCASION_WORDS = {"after", "following", "before", "ahead", "apres", "avant", "lendemain", "veille"}
_TITLE_RUN = 20  # words of an official title before the name it introduces
_TITLE_FILLERS = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "l", "d", "et", "pour", "a", "aux"}
_FROM = {"from", "de", "d"}
_TO = {"to", "a", "au", "aux"}
_DEMONSTRATIVES = {"ce", "cet", "cette", "ces", "this", "that", "these", "those"}
POSSESSIVE_DETS = {"son", "sa", "ses", "leur", "his", "her", "their"}
EPITHETS = {"nouveau", "nouvel", "nouvelle", "new", "jeune", "ancien", "puissant", "outgoing", "sortant", "sortante"}
# "avec X, puis avec Y", "with X and then with Y", "ainsi qu'avec Y": one more partner.
LIST_LINKERS = {"et", "and", "puis", "then", "ainsi", "qu", "que", "as", "well", "also", "aussi", "enfin", "finally",
                "or", "ou", "plus", "tard", "later", "ensuite"}
# Words allowed between coordinated leaders besides "and": "Macron, and the Federal Chancellor, Scholz".
COORD_FILLER = {"federal", "federale", "also", "aussi", "then", "puis", "both"}
# Words that can open a noun phrase before the mention's own first word.
NP_START = {"fr": {"le", "la", "l", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "m", "mme", "dr", "mm"},
            "en": {"the", "a", "an", "his", "her", "their", "its", "mr", "mrs", "ms", "dr"}}
# Adjectives allowed between a possessive and the contact noun it owns.
POSSESSED_ADJ = {"precedent", "dernier", "derniere", "premier", "premiere", "prochain", "prochaine", "long", "longue",
                 "bref", "breve", "recent", "recente", "nouvel", "nouveau", "nouvelle", "second", "seconde",
                 "deuxieme", "troisieme", "telephonique", "last", "previous", "first", "latest", "next",
                 "brief", "phone", "telephone", "video", "third", "new", "lengthy", "hour", "rare",
                 "early", "planned", "upcoming", "bilateral", "bilaterale", "virtual", "face", "one"}
# Quotes are left out: inline quotations ("new defence decisions") sit inside clauses.
_STRONG_PUNCT = re.compile(r"[;:!?()\[\]—–]")


# Prepositions that open a sentence with a phrase before its subject: "In his letter to X, Y ...".
_FRONTING = frozenset({"in", "during", "at", "dans", "lors", "pendant", "au", "durant"})
_APART = frozenset({"separately", "separate", "respectively", "then", "later", "successivement", "separement",
                    "puis", "ensuite", "tour"})
_REPORTING = (SPEECH["en"] | SPEECH["fr"] | {"told", "tells"}) - {"according"}
_SUBORDINATORS = frozenset({"after", "before", "while", "since", "when"})
# A multilateral gathering: "the summit hosted by X" says X hosted it, not whom X met.
_GATHERINGS = frozenset({"summit", "summits", "sommet", "sommets", "conference", "conferences", "forum", "gathering"})


@dataclass(frozen=True, slots=True)
class Frame:
    agents: tuple[Mention, ...]
    partners: tuple[Mention, ...]
    together: bool          # all partners share one event ("entre X et Y", a three-way meeting)
    window: tuple[int, int]  # word range of the trigger's clause
    rule: str
    passive: bool = False
    excluded: tuple[tuple[int, int], ...] = ()  # word ranges of other clauses inside the window


class ShallowFrames:
    """Frame builder over one sentence's words and mentions."""

    def __init__(self, lang: str, text: str, offset: int, ws: list[Word], mentions: list[Mention]) -> None:
        self.lang = lang if lang in ("fr", "en") else "en"
        self.text, self.offset, self.ws = text, offset, ws
        self.fw = [w.folded for w in ws]
        self.mentions = sorted(mentions, key=lambda m: m.words[0])
        self._previous: Frame | None = None  # the last frame built, for coordinated verbs

    # -- geometry ------------------------------------------------------------

    def gap(self, k: int) -> str:
        """Text between word k-1 and word k (punctuation and spaces)."""
        if k <= 0 or k >= len(self.ws):
            return ""
        return self.text[self.ws[k - 1].end - self.offset:self.ws[k].start - self.offset]

    def _complementizer(self, k: int) -> bool:
        """Word k opens a subordinate clause ("que", "that"), but not in "ainsi que X" (as well as X)."""
        return self.fw[k] in COMPLEMENTIZERS[self.lang] and not (k > 0 and self.fw[k - 1] == "ainsi")

    def window(self, t: int, te: int, noun: bool = False) -> tuple[int, int]:
        lo = t
        while lo > 0:
            w = self.fw[lo - 1]
            opening = self._dash_aside_start(lo)
            if opening is not None:
                # "The four leaders — Macron, Merkel, Putin and Zelensky — have started talks": a list
                # between dashes is an apposition inside the clause, not its edge.
                lo = opening - 1
                continue
            if _STRONG_PUNCT.search(self.gap(lo)) or self._complementizer(lo - 1):
                break
            if w in SPEECH[self.lang] and not self._is_inside_mention(lo - 1):
                break
            lo -= 1
        hi = te
        while hi < len(self.ws):
            w = self.fw[hi]
            # "la rencontre qu'il devait avoir jeudi avec Lavrov": right after a contact noun, "que"
            # opens the noun's own relative clause, which says who and when.
            relative = noun and hi == te and self.lang == "fr"
            if _STRONG_PUNCT.search(self.gap(hi)) or (self._complementizer(hi) and not relative):
                break
            if w in SPEECH[self.lang] and not self._is_inside_mention(hi):
                break
            hi += 1
        return lo, hi

    def _dash_aside_start(self, k: int) -> int | None:
        """The word after the opening dash, when a dash before word ``k`` closes a short aside."""
        if self.gap(k).strip() not in ("—", "–"):
            return None
        j = next((j for j in range(k - 1, max(0, k - 16), -1) if _STRONG_PUNCT.search(self.gap(j))), None)
        return j if j is not None and j > 0 and self.gap(j).strip() in ("—", "–") else None

    def _pronoun_subject(self, frame: Frame, trig: Trigger) -> bool:
        """Is the frame's agent a lone subject pronoun ("he", "il") with no speech verb before it?"""
        if len(frame.agents) != 1 or frame.passive:
            return False
        m = frame.agents[0]
        if m.kind is not Kind.ANAPHOR or m.anaphor is None or m.anaphor.plural or m.anaphor.possessive \
                or m.anaphor.first_person or m.anaphor.latest or m.words[0] > trig.words[0]:
            return False
        return SPEECH[self.lang].isdisjoint(self.fw[:m.words[0]])

    def _dative_clitic(self, agents: list[Mention]) -> tuple[Mention, Mention] | None:
        """(subject, clitic) when the nearest "agent" is a French clitic ("lui", "leur", "l'") after a subject."""
        if self.lang != "fr" or len(agents) != 1 or agents[0].kind is not Kind.ANAPHOR \
                or self.fw[agents[0].words[0]] not in ("lui", "leur", *ACCUSATIVE_CLITICS):
            return None
        clitic = agents[0]
        subject = next((m for m in self.mentions if m.words[1] == clitic.words[0] and m.kind is not Kind.INSTITUTION
                        and m is not clitic), None)
        return (subject, clitic) if subject is not None else None

    def _double_object(self, t: int, lo: int) -> Mention | None:
        """The recipient in "sent <recipient> a <noun>" / "handed him a letter", if the noun has one."""
        k = t - 1
        while k > lo and self.fw[k] in _NOUN_MODIFIERS:
            k -= 1
        if self.fw[k] not in ("a", "an", "another"):
            return None
        m = next((x for x in self.mentions if x.words[1] == k), None)
        if m is None or m.kind is Kind.INSTITUTION or m.words[0] == 0 or self.fw[m.words[0] - 1] not in _SEND:
            return None
        return m

    def _new_verb_phrase(self, start: int, end: int) -> bool:
        """Between ``start`` and ``end``: "and"/"et" then a finite verb ("and is due", "et doit")."""
        for k in range(start, end - 1):
            if self.fw[k] in ("and", "et", "puis", "then", "but", "mais") and self.fw[k + 1] in _FINITE_STARTS:
                return True
        return False

    def _determiner(self, m: Mention) -> bool:
        """"à fournir des armes à son pays": a possessive before a noun is no one's object."""
        return m.kind is Kind.ANAPHOR and m.anaphor is not None and m.anaphor.possessive and m.words[1] < len(self.fw)

    def _relative_subject(self, m: Mention) -> bool:
        """"la rencontre qu'il devait avoir avec X": the pronoun of a relative clause is not a partner."""
        return m.kind is Kind.ANAPHOR and m.words[0] > 0 and self.fw[m.words[0] - 1] in ("qu", "que")

    def _is_inside_mention(self, k: int) -> bool:
        return any(m.words[0] <= k < m.words[1] for m in self.mentions)

    def _named_next(self, x: Mention) -> bool:
        """"their Japanese counterparts, Foreign Minister Hayashi and ...": a plural role whose
        members are named right after it, in apposition, is those people, not one more."""
        k = x.words[1]
        if not x.plural or k >= len(self.fw) or "," not in self.gap(k):
            return False
        while k < len(self.fw) and self.fw[k] in NP_START[self.lang]:
            k += 1  # ", le ministre des Affaires étrangères Sergueï Lavrov"
        return any(m.words[0] == k and m.kind is Kind.NAME for m in self.mentions)

    def _gerund_after(self, trig: Trigger) -> bool:
        """"after holding talks", "before meeting X", "après avoir rencontré": a subordinate gerund."""
        t = trig.words[0]
        return self.lang == "en" and self.fw[t].endswith("ing") and t > 0 and self.fw[t - 1] in _SUBORDINATORS

    def _without_genitive(self, between: list[str], m: Mention) -> list[str]:
        """"with India's Narendra Modi": the capitalised owner before "'s" is part of the name's phrase."""
        start = m.words[0] - len(between)  # between[i] is word start + i
        if self.lang != "en" or not between or not self._apostrophe_s(m.words[0] - 1):
            return between
        n = len(between) - 1
        while n > 0 and self.ws[start + n - 1].capitalised:
            n -= 1
        return between[:n] if n < len(between) - 1 else between

    def _participle_between(self, a: int, b: int) -> bool:
        """A lower-case past participle among words a..b ("hosted", "organisé"; not "Elysée")."""
        ends = ("ed",) if self.lang == "en" else ("é", "ée", "és", "ées")
        return any(len(w.text) > 3 and w.text[:1].islower() and w.text.endswith(ends) for w in self.ws[a:b])

    def _gathering_before(self, t: int) -> bool:
        """Does a participle at ``t`` describe a summit or conference, whose host meets no one guest?"""
        k = next((k for k in range(t - 1, max(-1, t - 5), -1) if self.fw[k] in _GATHERINGS), None)
        return k is not None and not any(k < m.words[0] < t and not m.plural for m in self.mentions)

    def _prev_word(self, k: int) -> str:
        return self.fw[k - 1] if k > 0 else ""

    def _relative_segments(self) -> list[tuple[int, int]]:
        """Word ranges of ", qui ... ," / ", who ... ," insertions."""
        segs = []
        for k, w in enumerate(self.fw):
            if w in RELATIVES[self.lang] and "," in self.gap(k):
                e = k + 1
                while e < len(self.ws) and "," not in self.gap(e) and not _STRONG_PUNCT.search(self.gap(e)):
                    e += 1
                segs.append((k, e))
        return segs

    # -- slots ---------------------------------------------------------------

    def _chain_left(self, m: Mention, lo: int) -> list[Mention]:
        """m plus the mentions coordinated before it: "Macron, Scholz et Meloni"."""
        chain = [m]
        while True:
            first = chain[0].words[0]
            prev = [x for x in self.mentions if x.words[1] <= first and x.words[0] >= lo]
            if not prev:
                break
            # "Macky Sall, the current chairman of the African Union, and Moussa Faki", "Macron, actuel
            # président du G7, et Scholz": the aside between the last two commas is skipped, with any
            # mention in it.
            commas = [k for k in range(lo, first) if "," in self.gap(k)]
            aside = set(range(commas[-2], commas[-1])) if len(commas) >= 2 and commas[-1] - commas[-2] <= 8 \
                else set()
            outside = [x for x in prev if x.words[0] not in aside]
            p = self._coordinated_before(prev, first, set()) or (
                self._coordinated_before(outside, first, aside) if outside else None)
            if p is None:
                break
            chain.insert(0, p)
        return chain

    def _coordinated_before(self, prev: list[Mention], first: int, aside: set[int]) -> Mention | None:
        """The last of ``prev`` if only a comma or "and" (and words in ``aside``) link it to word ``first``."""
        p = prev[-1]
        # "Senegal's Macky Sall, Zambia's Hakainde Hichilema, Comoros President X": an owner's or
        # country's capitalised name before the next person is part of that person's phrase.
        between = [w for k, w in enumerate(self.fw[p.words[1]:first], p.words[1]) if k not in aside
                   and not self.ws[k].capitalised and not self._apostrophe_s(k)]
        core = [w for w in between if w not in NP_START[self.lang] and w not in COORD_FILLER]
        gap_ok = core in ([], *[[a] for a in AND[self.lang]]) and not _STRONG_PUNCT.search(self.gap(first))
        comma = any("," in self.gap(k) for k in range(p.words[1], first + 1) if k not in aside)
        k = p.words[0]
        while k > 0 and self.fw[k - 1] in NP_START[self.lang]:
            k -= 1
        if self._prev_word(k) in OBJECT_PREPS[self.lang] and self._prev_word(k) not in CONJUNCTION_PREPS:
            return None  # "avant l'arrivée du dirigeant russe, le président français et ...": an object
        return p if gap_ok and (core or comma) and p.kind is not Kind.INSTITUTION and not _possessive(p) else None

    def _apposition_end(self, n: Mention) -> int | None:
        """", their first meeting since 2022, and with Y": the word after a possessive apposition."""
        if not (n.kind is Kind.ANAPHOR and n.anaphor is not None and n.anaphor.possessive
                and "," in self.gap(n.words[0])):
            return None
        return next((k for k in range(n.words[1] + 1, min(len(self.ws), n.words[0] + 10)) if "," in self.gap(k)),
                    None)

    def _chain_right(self, m: Mention, hi: int) -> list[Mention]:
        chain = [m]
        skip_to = 0
        while True:
            last = max(chain[-1].words[1], skip_to)
            # "met X in Kyiv on Wednesday and Y in Moscow": a place after a partner is not a partner.
            places = [x for x in self.mentions if x.kind is Kind.INSTITUTION and x.words[0] >= last
                      and self._prev_word(x.words[0]) in _PLACE_PREPS]
            nxt = [x for x in self.mentions if x.words[0] >= last and x.words[1] <= hi and x not in places]
            if not nxt:
                break
            n = nxt[0]
            if (after := self._apposition_end(n)) is not None and after > skip_to:
                skip_to = after
                continue
            in_place = {k for x in places if x.words[1] <= n.words[0] for k in range(x.words[0] - 1, x.words[1])}
            # "avec X, puis, dans l'après-midi, avec Y": a short aside between commas is no link word.
            commas = [k for k in range(last + 1, n.words[0] + 1) if "," in self.gap(k)]
            aside = set(range(commas[0], commas[-1])) if len(commas) >= 2 and commas[-1] - commas[0] <= 6 else set()
            between = [w for k, w in enumerate(self.fw[last:n.words[0]], last)
                       if w not in NP_START[self.lang] and k not in in_place and k not in aside and w != "on"]
            # "le vice-président JD Vance et le secrétaire d'Etat Marco Rubio": the name of a titled
            # person we do not know, and the next one's title, are no break in the list.
            named = chain[-1].kind is Kind.ROLE and chain[-1].spec is None
            linkers = [w for k, w in enumerate(self.fw[last:n.words[0]], last)
                       if w in between and w not in PARTNER_PREPS[self.lang]
                       and not (named and (self.ws[k].text[:1].isupper() or w in TITLE_WORDS or w in _TITLE_FILLERS
                                           or w in ("secretaire", "etat")))]
            ok = len(between) <= (9 if named else 5) and all(w in LIST_LINKERS or w in ADVERBIAL for w in linkers) and \
                sum(w in PARTNER_PREPS[self.lang] for w in between) <= 1
            # The comma may sit before the next one's article: "le président américain, le roi Abdallah".
            comma = any("," in self.gap(k) for k in range(last, n.words[0] + 1))
            if ok and (between or comma) and n.kind is not Kind.INSTITUTION:
                chain.append(n)
            else:
                break
        return chain

    def agent(self, t: int, lo: int, verb: bool = True) -> list[Mention]:
        """The subject: nearest eligible mention left of the trigger inside the clause."""
        rel = self._relative_segments()
        inside = next(((s, e) for s, e in rel if s <= t < e), None)
        if inside is not None:  # trigger inside ", qui ... ,": the antecedent is the agent
            ante = [m for m in self.mentions if m.words[1] <= inside[0]]
            return [ante[-1]] if ante else []
        for m in reversed([m for m in self.mentions if lo <= m.words[0] and m.words[1] <= t]):
            if any(s <= m.words[0] < e and not (s <= t < e) for s, e in rel):
                continue
            prep = self._prev_word(m.words[0])
            if verb and prep in NP_START[self.lang]:  # "accueilli par le président X, puis s'est entretenu"
                prep = self._prev_word(m.words[0] - 1)
            # "after Boris Johnson was received by Modi": a conjunction, not a preposition, when only
            # auxiliaries stand between the mention and the trigger.
            clause_subject = all(w in PASSIVE_AUX[self.lang] or w in _AUXILIARIES or w in VP_FILLER
                                 or w in ("first", "already", "once", "briefly", "deja", "d", "abord")
                                 for w in self.fw[m.words[1]:t])
            if prep in OBJECT_PREPS[self.lang] and not (prep in CONJUNCTION_PREPS and clause_subject):
                continue
            if self._genitive(m):
                continue  # "Biden's call with Xi" is handled by the noun rule
            if m.kind is Kind.INSTITUTION:
                return [m]  # "le Kremlin a appelé X": a stand-in blocks the slot
            if not verb and not OCCASION_WORDS.isdisjoint(self.fw[m.words[1]:t]):
                # "met Zelenskyy on Tuesday, the day after talks with Putin": the talks are the main
                # subject's, not those of the object met.
                first = next((x for x in self.mentions if lo <= x.words[0] < m.words[0]
                              and x.kind is not Kind.INSTITUTION
                              and self._prev_word(x.words[0]) not in OBJECT_PREPS[self.lang]), m)
                return self._chain_right(first, t)
            return self._chain_left(m, lo)
        return []

    def partners(self, te: int, hi: int, trig: Trigger) -> tuple[list[Mention], bool]:
        """Counterparts right of the trigger, and whether they form one group."""
        preps = PARTNER_PREPS[self.lang] | (NOUN_PARTNER_PREPS[self.lang] if trig.spec.pos == "noun" else set())
        if trig.spec.name == "se_rendre_chez":
            preps = {"chez"}  # "s'est rendu à Kiev chez Zelensky"; "rendu hommage à X" is no visit
        for m in (m for m in self.mentions if m.words[0] >= te and m.words[1] <= hi and not self._relative_subject(m)
                  and not self._determiner(m) and not _possessive(m)):
            between = self.fw[te:m.words[0]]
            if m.kind in (Kind.ROLE, Kind.GROUP) and self._titled_name_after(m, hi, preps, te):
                continue  # "with Crown Prince of Abu Dhabi and Deputy Supreme Commander ... Mohamed bin Zayed"
            apposed = self._apposed_to_possessive(between, m, preps)
            titled = self._title_run_prep(te, m, preps) if not apposed else None
            # A noun's "avec X" may come after its relative clause and a setting: "la réunion qui devait
            # se tenir jeudi à Grenade, en marge du sommet de la CPE, avec X, Y et Z".
            far_with = trig.spec.pos == "noun" and len(between) <= 22 and not {"avec", "with"}.isdisjoint(
                between[-2:]) and {"and", "et", "then", "puis"}.isdisjoint(between)
            if (len(between) > 12 and not far_with and not titled) or any(
                    x.words[0] >= te and x.words[1] <= m.words[0] and x.kind is not Kind.INSTITUTION
                    and not self._relative_subject(x) and not apposed
                    and not (titled and x.kind in (Kind.ROLE, Kind.GROUP) and self._part_of_title(x, m))
                    for x in self.mentions if x is not m):
                break
            # Past another participle ("the summit hosted by X", "a signé ... au sommet organisé par X")
            # the "by" is that verb's; "a conversation initiated by X" still has X on the line.
            agent_prep = set() if (trig.spec.pos == "verb" or self.fw[te - 1] in _GATHERINGS) \
                and self._participle_between(te, m.words[0]) else AGENT_PREP[self.lang]
            prep = apposed or titled or self._introducing_prep(self._without_genitive(between, m), preps | agent_prep)
            # A direct object may follow adverbials: "a reçu lundi à l'Elysée le président X",
            # "doit rencontrer mardi, en marge du sommet, le président Y". It is direct when
            # the word that opens its noun phrase is not a preposition.
            opener = self._introducing_prep(between, OBJECT_PREPS[self.lang])
            direct = trig.spec.transitive and opener is None and (len(between) <= 3 or "," in self.gap(m.words[0])
                                                                   or self._adverbial(between))
            if self._genitive(m):
                continue  # "the US President's envoy": the possessor is not the partner
            if m.words[1] < len(self.fw) and self.fw[m.words[1]] in _REPORTING and "," in self.gap(m.words[0]):
                break  # "... to visit the Maldives, Foreign Secretary Vikram Misri told reporters": who says it
            if m.kind is Kind.INSTITUTION:
                # "avec l'Elysée" or a direct object is a stand-in in the slot; "à Kiev" is a place.
                if prep in ("avec", "with", "entre", "between") or (direct and not prep):
                    return [m], False
                continue
            if prep in BETWEEN[self.lang]:
                # "between Blinken, Austin and their Japanese counterparts": every leader named there.
                rest = [x for x in self.mentions if x.words[0] >= m.words[0] and x.words[1] <= hi
                        and x.kind is not Kind.INSTITUTION and not self._genitive(x) and not self._named_next(x)]
                return rest, True
            if prep or direct:
                chain = self._chain_right(m, hi)
                # "the meeting of X with Y", "la rencontre de X avec Y": the two met each other.
                together = prep in NOUN_PARTNER_PREPS[self.lang] and len(chain) >= 2
                # "la réunion ... avec X, Y et Z", "a summit with X and Y": one gathering of them all.
                together = together or (len(chain) >= 2 and prep in ("avec", "with")
                                        and self.fw[trig.words[1] - 1] in GATHERINGS
                                        and {"and", "et", "then", "puis", "separate"}.isdisjoint(between))
                return chain, together
        return [], False

    def _title_run_prep(self, te: int, m: Mention, preps: set[str]) -> str | None:
        """The preposition before an official title run ending in a name: "with Serbian Member of the
        Presidency of Bosnia and Herzegovina Milorad Dodik", "avec le Premier ministre de la République
        de l'Inde Narendra Modi"."""
        if m.kind is not Kind.NAME:
            return None
        k = m.words[0] - 1
        capitals = 0
        while k >= te and m.words[0] - k <= _TITLE_RUN:
            w = self.ws[k]
            if w.folded in preps and capitals and (k == te or self.fw[k - 1] not in ("of", "de")):
                return w.folded
            if w.text[:1].isupper():
                capitals += 1
            elif w.folded not in _TITLE_FILLERS:
                return None
            k -= 1
        return None

    def _titled_name_after(self, m: Mention, hi: int, preps: set[str], te: int) -> bool:
        nxt = next((x for x in self.mentions if x.words[0] >= m.words[1] and x.words[1] <= hi), None)
        return nxt is not None and self._part_of_title(m, nxt) and self._title_run_prep(te, nxt, preps) is not None

    def _part_of_title(self, role: Mention, name: Mention) -> bool:
        """A title before the name is part of its run, unless it names someone else coordinated with
        it ("with the French President and German Chancellor Olaf Scholz")."""
        return not role.people or AND[self.lang].isdisjoint(self.fw[role.words[1]:name.words[0]])

    def _from_to(self, te: int, hi: int) -> tuple[Mention, Mention] | None:
        """The sender and recipient of "a message from X to Y", "une lettre de X à Y"."""
        people = [m for m in self.mentions if te <= m.words[0] < hi and m.kind is not Kind.INSTITUTION]
        if len(people) < 2:
            return None
        x, y = people[:2]
        if y.words[0] - x.words[1] > 3 or self._introducing_prep(self.fw[te:x.words[0]], _FROM) is None or \
                self._introducing_prep(self.fw[x.words[1]:y.words[0]], _TO) is None:
            return None
        return x, y

    def _apposed_to_possessive(self, between: list[str], m: Mention, preps: set[str]) -> str | None:
        """"chez son voisin béninois, le président Patrice Talon", "with his old ally, Viktor Orban":
        a name in apposition to the possessive phrase the preposition governs."""
        if m.kind is not Kind.NAME:
            return None
        i = next((i for i in range(len(between) - 2)
                  if between[i] in preps and between[i + 1] in POSSESSIVE_DETS), None)
        first = m.words[0] - len(between)
        ok = i is not None and len(between) - i <= 6 and (i == 0 or self._adverbial(between[:i])) \
            and any("," in self.gap(k) for k in range(first + i + 3, m.words[0] + 1))
        return between[i] if ok else None

    def _introducing_prep(self, between: list[str], preps: set[str]) -> str | None:
        """The preposition that governs the next mention: only determiners may follow it.

        "spoke to reporters about Xi" has "to", but not in front of Xi.
        """
        k = len(between)
        while k > 0 and (between[k - 1] in NP_START[self.lang] or between[k - 1] in TITLE_WORDS
                         or between[k - 1] in EPITHETS):
            k -= 1  # "with Premier Li Qiang", "par le nouveau pape"
        return between[k - 1] if k > 0 and between[k - 1] in preps else None

    def _genitive(self, m: Mention) -> bool:
        """English "Biden's": the mention owns the next noun."""
        return self.lang == "en" and self._apostrophe_s(m.words[1])

    def _apostrophe_s(self, k: int) -> bool:
        """Is word ``k`` the "s" of a genitive "'s"?"""
        return k < len(self.fw) and self.fw[k] == "s" and self.gap(k) in ("'", "’")

    def _seat_after(self, te: int, hi: int, preps: set[str] = _AT_PREPS) -> Mention | None:
        for m in self.mentions:
            if m.kind is Kind.INSTITUTION and te <= m.words[0] < min(hi, te + 6) and \
                    self._introducing_prep(self.fw[te:m.words[0]], preps):
                return m
        return None

    def _seat_object(self, te: int, hi: int) -> Mention | None:
        """"Ishiba visited the White House": a seat of power as the visit's direct object."""
        return next((m for m in self.mentions if m.kind is Kind.INSTITUTION and te <= m.words[0] < hi
                     and all(w in NP_START[self.lang] for w in self.fw[te:m.words[0]])), None)

    def _adverbial(self, between: list[str]) -> bool:
        """Only time words and place phrases ("lundi soir à l'Elysée") before the object."""
        return all(w in ADVERBIAL or w in OBJECT_PREPS[self.lang] or w in NP_START[self.lang] or w in PLACE_NOUNS
                   or w in EPITHETS for w in between) or bool(between and between[0] in ADVERBIAL)

    def passive_agent(self, te: int, hi: int) -> Mention | None:
        for m in (m for m in self.mentions if m.words[0] >= te and m.words[1] <= hi):
            k = m.words[0]
            while k > te and (self.fw[k - 1] in NP_START[self.lang] or self.fw[k - 1] in EPITHETS):
                k -= 1  # "par le nouveau pape"
            if self._prev_word(k) in AGENT_PREP[self.lang]:
                return m
        return None

    def dash_pair(self, t: int, te: int, lo: int, hi: int) -> list[Mention]:
        """"l'appel Macron-Poutine", "the Xi-Biden call", a "Macron-Poutine :" headline."""
        ms = [m for m in self.mentions if lo <= m.words[0] and m.words[1] <= hi and m.kind is Kind.NAME]
        for a, b in itertools.pairwise(ms):
            if b.words[0] == a.words[1] and re.fullmatch(r"\s*[-–—/]\s*", self.gap(b.words[0]) or "x"):
                near = abs(a.words[0] - te) <= 3 or abs(t - b.words[1]) <= 3 or ":" in self.gap(b.words[1])
                if near:
                    return [a, b]
        return []

    def fronted_subject(self, te: int, hi_sentence: int, t: int = -1) -> list[Mention]:
        """Trigger in a fronted adjunct or participle ("Meeting X in Davos, Trump said..."):
        the subject comes after the adjunct's comma."""
        if not self.fw or (self.fw[0] not in FRONTED[self.lang] and t != 0):
            return []
        comma = next((k for k in range(te, len(self.ws)) if "," in self.gap(k)), None)
        if comma is None:
            return []
        for m in self.mentions:
            if m.words[0] >= comma and self._prev_word(m.words[0]) not in OBJECT_PREPS[self.lang]:
                return [m]
        return []

    def main_subject_before(self, lo: int) -> list[Mention]:
        """For "X a dit que [le dialogue avec Y]": the speaker of the enclosing clause."""
        if lo == 0 or self.fw[lo - 1] not in COMPLEMENTIZERS[self.lang] | SPEECH[self.lang]:
            return []
        for m in reversed([m for m in self.mentions if m.words[1] <= lo]):
            if self._prev_word(m.words[0]) not in OBJECT_PREPS[self.lang] and m.kind is not Kind.INSTITUTION:
                return [m]
        return []

    def _fronted_clause(self) -> int | None:
        """End (word index) of a leading "Following ..., " / "Après ..., " clause, if any."""
        if not self.fw or self.fw[0] not in FRONTING_CLAUSE:
            return None
        return next((k for k in range(1, len(self.ws)) if "," in self.gap(k)), None)

    def _coordinated_verb(self, trig: Trigger) -> bool:
        """The trigger opens a second verb phrase: "..., puis s'est entretenu", "before being received"."""
        if trig.spec.pos != "verb":
            return False
        k = trig.words[0] - 1
        while k >= 0 and self.fw[k] in VP_FILLER:
            k -= 1
        return k >= 0 and self.fw[k] in VP_LINKERS

    def _adjunct_noun(self, t: int) -> bool:
        """"during a call", "lors d'un entretien", "in a two-hour phone conversation"."""
        before = self.fw[max(0, t - 5):t]
        return any(w in ADJUNCT_PREPS[self.lang] for w in before)

    def speaker_after(self, hi: int) -> list[Mention]:
        """Inverted attribution after the clause: "..., a dit Emmanuel Macron" / "..., said Biden"."""
        if hi >= len(self.ws) or self.fw[hi] not in SPEECH[self.lang]:
            return []
        for m in self.mentions:
            if hi < m.words[0] <= hi + 3 and m.kind is not Kind.INSTITUTION:
                return [m]
        return []

    def possessive_before(self, t: int) -> Mention | None:
        """"leur dernier appel", "his phone call": the possessive must own the trigger itself."""
        for m in self.mentions:
            if m.kind is Kind.ANAPHOR and m.anaphor is not None and m.anaphor.possessive \
                    and m.words[1] <= t and all(w in POSSESSED_ADJ for w in self.fw[m.words[1]:t]) \
                    and t - m.words[1] <= 2:
                return m
        return None

    def _fronted_owner(self, poss: Mention) -> Mention | None:
        """"In his message to Kim, the President of Russia recalled ...": a possessive in a fronted
        phrase points forward, to the subject named right after the phrase's comma."""
        if poss.kind is not Kind.ANAPHOR or poss.plural or not self.fw or self.fw[0] not in _FRONTING:
            return None
        comma = next((k for k in range(poss.words[1], len(self.fw)) if "," in self.gap(k)), None)
        if comma is None:
            return None
        k = comma
        while k < len(self.fw) and self.fw[k] in NP_START[self.lang]:
            k += 1
        return next((m for m in self.mentions if m.words[0] == k and m.kind in (Kind.NAME, Kind.ROLE)), None)

    def genitive_before(self, t: int) -> Mention | None:
        """English "Biden's call with Xi": the possessor of a nominal trigger."""
        for m in self.mentions:
            if self._genitive(m) and t - 4 <= m.words[1] < t:
                return m
        return None

    # -- the frame -----------------------------------------------------------

    def companions(self, frame: Frame) -> list[Mention]:
        """Leaders a companion phrase adds to the contact: "en présence du prince héritier X"."""
        taken = {id(m) for m in (*frame.agents, *frame.partners)}
        lo, hi = frame.window
        out = []
        for m in self.mentions:
            if id(m) in taken or not lo < m.words[0] < hi or m.kind is Kind.INSTITUTION or self._genitive(m):
                continue
            # The cue may sit before a title: "in the presence of Saudi Crown Prince X".
            if has_phrase(self.fw[max(lo, m.words[0] - 5):m.words[0]], COMPANION_CUES[self.lang]):
                out.extend(self._chain_right(m, hi))
        return out

    def _restates(self, t: int) -> bool:
        """"held talks with X on Saturday, their first face-to-face meeting since 2022, and with Y",
        "held a video call with Y on Monday, a call devoted to climate" / "..., un échange consacré au
        climat": an apposition after an earlier contact of the sentence restates it, and takes no partners."""
        if self._previous is None:
            return False
        # After an indefinite article even "échange", which we match as a verb form, is a noun.
        art = next((a for a in (t - 1, t - 2) if a > 0 and self.fw[a] in INDEFINITE), None)
        if art is not None and "," in self.gap(art):
            return True
        for m in self.mentions:
            if m.kind is Kind.ANAPHOR and m.anaphor is not None and m.anaphor.possessive and "," in self.gap(
                    m.words[0]) and 0 <= t - m.words[1] <= 5 and all(
                    w in POSSESSED_ADJ or w in ("to", "in", "person") for w in self.fw[m.words[1]:t]):
                return True
        return False

    def frame(self, trig: Trigger) -> Frame | None:
        if self._restates(trig.words[0]):
            return None
        frame = self._frame(trig)
        fronted = self._fronted_clause()
        if frame is not None and fronted is not None and trig.words[0] >= fronted:
            # "Following talks held in Moscow on February 22, Putin ... in a telephone conversation":
            # the fronted clause's date and mode are its own.
            frame = replace(frame, excluded=(*frame.excluded, (0, fronted)))
        if frame is not None and frame.rule in ("subject", "passive") and self._coordinated_verb(trig):
            prev = self._previous
            # "Z a échangé avec X, puis avec Y" / "accueilli par X, puis s'est entretenu avec Y":
            # the second verb shares the first one's subject, not its object.
            if prev is not None and prev.agents and (frame.passive or set(frame.agents) & set(prev.partners)):
                if frame.passive:
                    frame = replace(frame, partners=prev.agents if not prev.passive else prev.partners,
                                    rule="coordinated-passive")
                else:
                    frame = replace(frame, agents=prev.agents if not prev.passive else prev.partners,
                                    rule="coordinated")
        if frame is not None and self._previous is not None and frame.rule == "subject" and self._gerund_after(trig):
            # "were due to meet Putin on Saturday, a day after holding talks with Zelensky": the
            # gerund's subject is the main clause's, never its object; unnamed there, unnamed here.
            if not self._previous.agents:
                return None
            frame = replace(frame, agents=self._previous.agents, rule="gerund")
        if frame is not None and self._previous is not None and self._previous.agents \
                and self._pronoun_subject(frame, trig):
            # "Hollande met Putin on Thursday, after he first dined with Obama": a subject pronoun
            # later in the sentence is the sentence's subject, not its last-named object.
            prev = self._previous  # a passive's subject is its partner: "X avait été reçu par Y, ... où il"
            frame = replace(frame, agents=prev.partners if prev.passive and prev.partners else prev.agents)
        if frame is not None:
            self._previous = frame
        if frame is None:
            return None
        t = trig.words[0]
        others = tuple((s, e) for s, e in self._relative_segments() if not s <= t < e)
        return replace(frame, excluded=others) if others else frame

    def _frame(self, trig: Trigger) -> Frame | None:
        t, te = trig.words
        noun = trig.spec.pos == "noun" or self.fw[t] in _CONTACT_NOUNS_FR
        lo, hi = self.window(t, te, noun)
        # A passive needs its "par/by" agent; "se sont entretenus" is reflexive, not passive.
        passive = trig.spec.pos == "verb" and self._prev_word(t) in PASSIVE_AUX[self.lang] and \
            (t < 2 or self.fw[t - 2] not in ("se", "s", "nous", "vous"))
        carried = self._from_to(te, hi) if trig.spec.mode is Mode.LETTER and noun else None
        if carried is not None:
            # "Widodo delivered a message from Zelensky to Putin": whoever carries it is no party.
            return Frame((carried[0],), (carried[1],), False, (lo, hi), "from-to")
        pair = self.dash_pair(t, te, lo, hi) if trig.spec.pos == "noun" else []
        if pair:
            return Frame(tuple(pair), (), True, (lo, hi), "dash-pair")
        partners, together = self.partners(te, hi, trig)
        if any(w in MULTILATERAL for w in self.fw[max(0, t - 3):t]):
            together = True  # "a trilateral meeting with X and Y" is one meeting of three
        elif trig.spec.name in HOSTING and len(partners) >= 2 and not any(
                w in _APART for w in self.fw[lo:hi]):
            # "hosted X and Y at Camp David", "has welcomed Macron, Scholz, Draghi and Iohannis at the
            # Mariinsky Palace": one reception of all of them, unless told apart ("separately").
            together = True
        if trig.spec.pos == "verb" and te < len(self.fw) and self.fw[te] in AGENT_PREP[self.lang]:
            if not passive and self._gathering_before(t):
                return None  # "a day before a summit of European leaders hosted by the prime minister"
            passive = True  # "Zelensky, received by X", "reçu par X" without an auxiliary
        if trig.spec.name == "reunir":
            together = True  # "a réuni à l'Elysée X, Y et Z": one meeting of all
        if passive:
            by = self.passive_agent(te, hi)
            subj = self.agent(t, lo) or (self.fronted_subject(te, len(self.ws)) if t == lo else [])
            if by is None and subj and trig.spec.name in HOSTING:
                seat = self._seat_after(te, hi)
                if seat is not None:  # "reçu à la Maison Blanche": by whoever sits there
                    return Frame((seat,), tuple(subj), False, (lo, hi), "passive-seat", passive=True)
            if by is not None and subj:
                return Frame((by,), tuple(subj), len(subj) > 1, (lo, hi), "passive", passive=True)
        recipient = self._double_object(t, lo) if trig.spec.pos == "noun" else None
        if recipient is not None:
            # "Trump sent Lula a letter", "sent him a message": the sender wrote to the recipient.
            sender = self.agent(recipient.words[0] - 1, lo)
            if sender:
                return Frame(tuple(sender), (recipient,), False, (lo, hi), "double-object")
        agents, rule = [], "subject"
        if trig.spec.pos == "noun":
            # "his conversation with X", "Biden's call with Xi": the owner of the noun is the agent,
            # whatever the sentence's subject ("The PM updated the Chancellor on his call with X").
            poss = self.genitive_before(t) or self.possessive_before(t)
            if poss is not None:
                agents, rule = [self._fronted_owner(poss) or poss], "possessive"
        if not agents:
            agents = self.agent(t, lo, trig.spec.pos == "verb")
            if agents and noun and self._previous is not None and self._previous.agents \
                    and self._new_verb_phrase(agents[-1].words[1], t):
                # "met Abbas on Wednesday and is due in Cairo on Thursday for talks with Sisi": the
                # second verb phrase's talks are its subject's, not the first one's object's.
                agents = list(self._previous.agents)
        clitic = self._dative_clitic(agents)
        if clitic is not None:
            # "Donald Trump lui a téléphoné", "Trump lui avait envoyé une lettre": the subject is before
            # "lui", and "lui" is the one called or written to.
            agents = self._chain_left(clitic[0], lo)
            partners = partners or [clitic[1]]
        if not agents:
            agents, rule = self.fronted_subject(te, len(self.ws), t), "fronted"
            if agents and not partners and trig.spec.pos == "noun" and t != 0 \
                    and _DEMONSTRATIVES.isdisjoint(self.fw[max(0, t - 2):t]):  # "A l'issue de cette réunion"
                # "During a telephone conversation, Putin and Macron had an exchange of views" (both);
                # "..., Putin congratulated Nazarbayev" (the main clause's subject and object).
                chain = self._chain_right(agents[0], len(self.ws))
                if len(chain) >= 2:
                    return Frame(tuple(chain), (), True, (lo, len(self.ws)), "fronted-noun")
                obj = next((m for m in self.mentions if m.words[0] >= agents[0].words[1]
                            and m.kind is not Kind.INSTITUTION and not _possessive(m) and not self._genitive(m)
                            and m.kind is not Kind.ANAPHOR), None)
                if obj is not None:
                    return Frame(tuple(agents), (obj,), False, (lo, len(self.ws)), "fronted-noun")
        if not agents and trig.spec.pos == "noun":
            agents, rule = self.main_subject_before(lo) or self.speaker_after(hi), "speaker"
        if not partners and not agents and trig.spec.pos == "noun" and self.fw and self.fw[0] in FRONTED[self.lang]:
            comma = next((k for k in range(te, len(self.ws)) if "," in self.gap(k)), None)
            after = [m for m in self.mentions if comma is not None and m.words[0] >= comma
                     and m.kind is not Kind.INSTITUTION and not self._genitive(m)]
            if len(after) >= 2:  # "During the telephone conversation, Putin congratulated Aliyev"
                return Frame(tuple(after[:1]), tuple(after[1:2]), False, (lo, len(self.ws)), "fronted-noun")
        joined = [k for k in range(lo, t) if self.fw[k] in JOIN]
        if trig.spec.pos == "noun" and joined:
            # "Biden and Lapid joined Modi and bin Zayed for the first virtual summit": all of them.
            people = [m for m in self.mentions if lo <= m.words[0] and m.words[1] <= t
                      and m.kind is not Kind.INSTITUTION and not self._genitive(m)]
            if len(people) >= 2 and any(m.words[0] > joined[0] for m in people):
                return Frame(tuple(people), (), True, (lo, hi), "joined")
        if not partners and trig.spec.pos == "noun" and self._adjunct_noun(t):
            # "X warned Y during a call": the clause's subject and object took part.
            people = [m for m in self.mentions if lo <= m.words[0] and m.words[1] <= t
                      and m.kind is not Kind.INSTITUTION and not self._genitive(m)]
            if len(people) >= 2:
                # "to brief Scholz and Duda over dinner": one dinner of all three.
                objects = [m for m in self._chain_right(people[1], t) if m in people]
                return Frame(tuple(people[:1]), tuple(objects), len(objects) > 1, (lo, hi), "adjunct-noun")
        if together and not agents:
            return Frame(tuple(partners), (), True, (lo, hi), "between")
        if agents and not partners and trig.spec.pos == "noun":
            # "a eu avec Vladimir Poutine un tête-à-tête": the partner sits before the noun.
            first = agents[-1].words[1]
            partners = [m for m in self.mentions if first <= m.words[0] and m.words[1] <= t
                        and self._introducing_prep(self.fw[first:m.words[0]], {"avec", "with"}) is not None
                        and m.kind is not Kind.INSTITUTION][:1]
        if agents and trig.spec.name in VISITS and all(m.kind is Kind.INSTITUTION for m in partners):
            seat = self._seat_after(te, hi, _AT_PREPS | {"to"}) or (
                self._seat_object(te, hi) if trig.spec.pos == "verb" else None)
            if seat is not None:  # "Ramaphosa's visit to the White House": to whoever sits there
                return Frame(tuple(agents), (seat,), False, (lo, hi), "visit-seat")
        if not agents and not partners:
            return None
        return Frame(tuple(agents), tuple(partners), together, (lo, hi), rule)
