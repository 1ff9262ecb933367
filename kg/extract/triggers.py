"""Contact predicates: the verbs and nouns that can report a contact, per language.

Triggers are matched on folded surface words with regular expressions that
cover the inflected forms, not on lemmas: the same matcher then runs in the
prefilter (before any parsing) and in extraction, so prefiltering can never
drop a sentence that extraction would have used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.model import Mode
from kg.text import Word


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    name: str                 # canonical predicate, used in rule names
    pos: str                  # "verb" or "noun"
    mode: Mode
    transitive: bool = False  # the partner can be a direct object ("rencontrer X", "met X")
    strength: float = 0.9     # how surely it reports a contact when its slots are leaders
    reciprocal: bool = False  # "se parler", "talks": plural subject = all participants


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str
    spec: TriggerSpec
    words: tuple[int, int]    # word index range in the sentence


def _t(name: str, pos: str, mode: Mode = Mode.UNSPECIFIED, transitive: bool = False, strength: float = 0.9,
       reciprocal: bool = False) -> TriggerSpec:
    return TriggerSpec(name, pos, mode, transitive, strength, reciprocal)


P, M, V, L, U = Mode.PHONE, Mode.MEETING, Mode.VIDEO, Mode.LETTER, Mode.UNSPECIFIED

# (regexes for consecutive folded words, spec). Longest sequences are tried first.
_FR: list[tuple[tuple[str, ...], TriggerSpec]] = [
    ((r"coups?", r"de", r"fil"), _t("coup_de_fil", "noun", P)),
    ((r"tetes?", r"a", r"tetes?"), _t("tete_a_tete", "noun", M, reciprocal=True)),
    ((r"poignees?", r"de", r"mains?"), _t("poignee_de_main", "noun", M, strength=0.7)),
    # Plural only: "ils se sont vus" met; "il s'est vu reprocher" is a passive, not a meeting.
    ((r"(?:se|s)", r"(?:sont|etaient|seront|seraient|soient)", r"(?:vus|vues)"),
     _t("se_voir", "verb", M, reciprocal=True, strength=0.8)),
    ((r"(?:se|s)", r"(?:verront|voient|voyaient|verraient|reverront|revoient)"),
     _t("se_voir", "verb", M, reciprocal=True, strength=0.8)),
    ((r"(?:rend|rends|rendu|rendus|rendue|rendra|rendront|rendait|rendre|rendent|rendant)", r"visite"),
     _t("rendre_visite", "verb", M)),
    ((r"(?:rend|rends|rendu|rendus|rendue|rendra|rendront|rendait|rendre|rendent|rendant)",),
     _t("se_rendre_chez", "verb", M, strength=0.7)),
    ((r"retrouv(?:e|es|ent|er|ait|aient|a|era|eront|erait|ant|ee|ees|ons)",),
     _t("retrouver", "verb", M, transitive=True, reciprocal=True, strength=0.7)),
    ((r"(?:reunit|reuni|reunie|reunir|reunira|reuniront|reunissait|reunissent)",),
     _t("reunir", "verb", M, transitive=True, reciprocal=True, strength=0.7)),
    ((r"(?:rejoint|rejoints|rejointe|rejoindre|rejoindra|rejoignent|rejoignait)",),
     _t("rejoindre", "verb", M, transitive=True, strength=0.6)),
    ((r"consult(?:e|es|ent|er|ait|aient|a|era|eront|ant|ee|ees)",), _t("consulter", "verb", U, transitive=True,
                                                                        strength=0.7)),
    ((r"entretiens?",), _t("entretien", "noun", U, reciprocal=True)),
    ((r"entret(?:enu|enus|enue|enues|enir|enant|iendra|iendrait|iendront|iendraient|iennent|ient|"
      r"int|inrent|enait|enaient|iendrai|iendrons)",), _t("s_entretenir", "verb", U, reciprocal=True)),
    ((r"parl(?:e|es|ent|er|ons|ez|ai|ais|ait|aient|a|ant|era|eront|erait|eraient|erons|erai|ee|ees)",),
     _t("parler", "verb", U, reciprocal=True)),
    ((r"echang(?:e|es|ent|er|eait|eaient|ea|erait|eront|era|erons|ee|ees|eant)",),
     _t("echanger", "verb", U, reciprocal=True, strength=0.8)),
    ((r"appels?",), _t("appel", "noun", P)),
    ((r"appel(?:le|les|lent|er|e|es|ee|ees|ait|aient|a|ant|lera|leront|lerait|leraient)",),
     _t("appeler", "verb", P, transitive=True)),
    ((r"telephon(?:e|es|ent|er|ait|aient|a|era|erait|eront|ant|ee)",), _t("telephoner", "verb", P)),
    ((r"(?:joindre|joint|joints|joignait|joindra|joignent)",), _t("joindre", "verb", P, transitive=True, strength=0.6)),
    ((r"rencontr(?:e|es|ent|er|ait|aient|a|era|eront|erait|eraient|ant|ee|ees|erons)",),
     _t("rencontrer", "verb", M, transitive=True, reciprocal=True)),
    ((r"(?:recoit|recoivent|recu|recus|recue|recues|recevoir|recevra|recevront|recevrait|recevait|recevaient|"
      r"recevant|recevons|recevez)",), _t("recevoir", "verb", M, transitive=True)),
    ((r"accueill(?:e|es|ent|ir|i|ie|is|ies|ait|aient|era|eront|erait|ant|it)",),
     _t("accueillir", "verb", M, transitive=True)),
    ((r"visit(?:e|es|ent|er|ait|aient|a|era|eront|erait|ant|ee|ees)",), _t("visite", "verb", M, transitive=True)),
    # "Xi viendra en France": a visit only when a country follows (kg.extract.visits).
    ((r"(?:venir|viendra|viendront|viendrait|viendraient|vient|viennent|venu|venue|venus)", r"(?:en|a|au|aux)"),
     _t("venir_en", "verb", M, strength=0.7)),
    ((r"(?:ecri\w*|ecrit\w*)",), _t("ecrire", "verb", L)),
    ((r"(?:lettres?|courriers?|missives?)",), _t("lettre", "noun", L)),
    ((r"messages?",), _t("message", "noun", L, strength=0.6)),
    ((r"sommets?",), _t("sommet", "noun", M, strength=0.7, reciprocal=True)),
    ((r"(?:visioconferences?|visio)",), _t("visioconference", "noun", V, reciprocal=True)),
    ((r"conversations?",), _t("conversation", "noun", U, reciprocal=True)),
    ((r"discussions?",), _t("discussion", "noun", U, strength=0.6, reciprocal=True)),
    ((r"discut(?:e|es|ent|er|ait|aient|a|era|eront|erait|ant|ee|ees)",),
     _t("discuter", "verb", U, strength=0.6, reciprocal=True)),
    ((r"dialogu(?:e|es|ent|er|ait|aient|a|era|eront|erait|ant)",), _t("dialogue", "noun", U, strength=0.7,
                                                                         reciprocal=True)),
    ((r"(?:reunion|reunions|reunis|reunies)",), _t("reunion", "noun", M, strength=0.6, reciprocal=True)),
    ((r"(?:concertation|concertations|concerte|concertes|concertent|concerter)",),
     _t("concertation", "noun", U, strength=0.4, reciprocal=True)),
    ((r"pourparlers",), _t("pourparlers", "noun", M, strength=0.6, reciprocal=True)),
    ((r"(?:entrevue|entrevues)",), _t("entrevue", "noun", M)),
    ((r"(?:diner|dejeuner)",), _t("diner", "noun", M, strength=0.5)),
    # "il a dîné avec Obama", "ils ont déjeuné ensemble": a meal together is a meeting
    ((r"(?:dine|dinent|dinait|dinaient|dinera|dineront|dejeune|dejeunent|dejeunait|dejeunera)",),
     _t("diner_avec", "verb", M, strength=0.6, reciprocal=True)),
    ((r"audiences?",), _t("audience", "noun", M, strength=0.6)),
    ((r"contacts?",), _t("contact", "noun", U, strength=0.5, reciprocal=True)),
    ((r"(?:signe|signent|signera|signeront|signait)",), _t("signer", "verb", M, strength=0.5, reciprocal=True)),
]

_EN: list[tuple[tuple[str, ...], TriggerSpec]] = [
    ((r"(?:video|virtual)", r"(?:call|calls|conference|conferences|link|summit|summits|meeting|meetings|talks)"),
     _t("video_call", "noun", V, reciprocal=True)),
    ((r"(?:videoconference|videoconferences|videocall|teleconference)",), _t("videoconference", "noun", V,
                                                                             reciprocal=True)),
    ((r"(?:phone|telephone)", r"(?:call|calls|conversation|conversations|talks)"),
     _t("phone_call", "noun", P, reciprocal=True)),
    ((r"(?:sat|sit|sits|sitting)", r"down"), _t("sit_down", "verb", M, reciprocal=True)),
    ((r"(?:held|hold|holds|holding)", r"talks"), _t("hold_talks", "verb", M, reciprocal=True)),
    ((r"(?:exchanged|exchange|exchanges)", r"letters"), _t("exchange_letters", "verb", L, reciprocal=True)),
    ((r"tete", r"a", r"tete"), _t("tete_a_tete", "noun", M, reciprocal=True)),
    ((r"(?:speak|speaks|spoke|spoken|speaking)",), _t("speak", "verb", U, reciprocal=True)),
    ((r"(?:talk|talked|talking)",), _t("talk", "verb", U, reciprocal=True)),
    ((r"talks",), _t("talks", "noun", M, reciprocal=True, strength=0.8)),
    ((r"(?:call|calls|called|calling)",), _t("call", "verb", P, transitive=True)),
    ((r"(?:phone|phoned|phones|phoning|telephoned|telephones|rang)",), _t("phone", "verb", P, transitive=True)),
    ((r"(?:dial|dialed|dialled|dials|dialing|dialling)",), _t("dial", "verb", P, transitive=True)),
    ((r"(?:conversation|conversations)",), _t("conversation", "noun", U, reciprocal=True)),
    ((r"(?:meet|meets|met|meeting|meetings)",), _t("meet", "verb", M, transitive=True, reciprocal=True)),
    ((r"(?:host|hosts|hosted|hosting)",), _t("host", "verb", M, transitive=True)),
    ((r"(?:receive|receives|received|receiving)",), _t("receive", "verb", M, transitive=True)),
    ((r"(?:welcome|welcomes|welcomed|welcoming)",), _t("welcome", "verb", M, transitive=True, strength=0.7)),
    ((r"(?:greet|greets|greeted|greeting)",), _t("greet", "verb", M, transitive=True, strength=0.6)),
    ((r"(?:visit|visits|visited|visiting)",), _t("visit", "verb", M, transitive=True)),
    # "Xi would come to the United States": a visit only when a country follows (kg.extract.visits).
    ((r"(?:come|comes|came|coming)", r"to"), _t("come_to", "verb", M, strength=0.7)),
    ((r"(?:summit|summits)",), _t("summit", "noun", M, strength=0.7, reciprocal=True)),
    ((r"(?:letter|letters)",), _t("letter", "noun", L)),
    ((r"(?:message|messages)",), _t("message", "noun", L, strength=0.6)),
    ((r"(?:wrote|write|writes|written|writing)",), _t("write", "verb", L)),
    ((r"(?:discuss|discussed|discusses|discussing|discussions)",), _t("discuss", "verb", U, strength=0.6,
                                                                        reciprocal=True)),
    ((r"(?:confer|conferred|confers|conferring|consulted)",), _t("confer", "verb", U, strength=0.7,
                                                                  reciprocal=True)),
    ((r"(?:audience)",), _t("audience", "noun", M, strength=0.6)),
    ((r"(?:dinner|lunch|banquet|breakfast)",), _t("dinner", "noun", M, strength=0.5)),
    ((r"(?:dine|dined|dines|dining|lunched)",), _t("dine", "verb", M, strength=0.6, reciprocal=True)),
    ((r"(?:contact)",), _t("contact", "noun", U, strength=0.5, reciprocal=True)),
    ((r"(?:readout)",), _t("readout", "noun", U, strength=0.4, reciprocal=True)),
    ((r"(?:signed|signs|sign)",), _t("sign", "verb", M, strength=0.5, reciprocal=True)),
]


# English words that are verbs or nouns ("called" / "a call"): the word before decides.
_NOUN_BEFORE = {"a", "an", "the", "their", "his", "her", "its", "this", "that", "s", "phone", "telephone", "video",
                "first", "last", "latest", "previous", "brief", "lengthy", "hour", "long", "rare", "second", "recent",
                # "their first face-to-face meeting", "an in-person meeting", "a bilateral meeting"
                "face", "person", "bilateral", "trilateral", "virtual", "private", "informal", "formal", "official",
                "surprise", "historic", "minute", "closed", "door",
                # "a planned meeting", "the scheduled call": a plan's noun
                "planned", "scheduled", "proposed", "expected", "postponed", "cancelled", "canceled", "promised",
                # "refused to take calls from X", "did not return his calls"
                "take", "takes", "took", "taking", "answer", "answered", "return", "returned"}
_NOUN_FORMS = {"call": {"call", "calls"}, "meet": {"meeting", "meetings"}, "visit": {"visit", "visits"},
               "talk": {"talk"}}


class TriggerFinder:
    """Compiled trigger patterns of one language."""

    def __init__(self, lang: str) -> None:
        table = _FR if lang == "fr" else _EN
        self.patterns = sorted(((tuple(re.compile(rf"^{p}$") for p in seq), spec) for seq, spec in table),
                               key=lambda x: -len(x[0]))
        first = "|".join(seq[0] for seq, _ in table)
        self.first_word = re.compile(rf"^(?:{first})$")
        # Whole patterns over space-separated folded words, for the article-level prefilter:
        # "s" alone (the start of "s'étaient vus") must not let every French text through.
        self.sequences = "|".join(" ".join(seq) for seq, _ in table)

    def find(self, ws: list[Word], text: str = "", offset: int = 0) -> list[Trigger]:
        out: list[Trigger] = []
        i = 0
        while i < len(ws):
            if not self.first_word.match(ws[i].folded):
                i += 1
                continue
            for seq, spec in self.patterns:
                n = len(seq)
                if i + n <= len(ws) and all(rx.match(ws[i + k].folded) for k, rx in enumerate(seq)):
                    s, e = ws[i].start, ws[i + n - 1].end
                    surface = text[s - offset:e - offset] if text else " ".join(w.text for w in ws[i:i + n])
                    if spec.pos == "verb" and ws[i].folded in _NOUN_FORMS.get(spec.name, ()) and \
                            (i == 0 or ws[i - 1].folded in _NOUN_BEFORE or ws[i - 1].capitalised):
                        spec = replace(spec, pos="noun")
                    out.append(Trigger(s, e, surface, spec, (i, i + n)))
                    i += n
                    break
            else:
                i += 1
        return out

    def any_in(self, ws: list[Word]) -> bool:
        return bool(self.find(ws)) if any(self.first_word.match(w.folded) for w in ws) else False
