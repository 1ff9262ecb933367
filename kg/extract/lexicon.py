"""Words that name leaders without naming them, in French and English.

Everything is written as it reads in the press and folded at import time (see
``kg.text.fold``), so "Première ministre" and "premiere ministre" are one entry.
Role words map to the gazetteer's controlled role vocabulary or office kinds;
fixed phrases ("le chef du Kremlin") map to a country and a kind directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.text import folded_words

RUSSIA, FRANCE, USA, UK, UN, NATO, EU, AU, HOLY_SEE = ("Q159", "Q142", "Q30", "Q145", "Q1065", "Q7184",
                                                     "Q458", "Q7159", "Q237")


@dataclass(frozen=True, slots=True)
class RoleWord:
    """A role noun: which offices it names, and whether it is plural."""

    roles: frozenset[str] = frozenset()   # gazetteer role words; empty means "kind" decides
    kind: str | None = None               # an office kind, or "primary" (the country's leader)
    plural: bool = False
    counterpart: bool = False             # "homologue", "counterpart"
    title: bool = True                    # can stand before a name ("le président X")


def _r(*roles: str, kind: str | None = None, plural: bool = False, title: bool = True) -> RoleWord:
    return RoleWord(frozenset(roles), kind, plural, False, title)


_PRESIDENT = _r("president")
_PM = _r("prime_minister", "premier")
_FM = _r("foreign_minister", kind="foreign_minister")
_LEADER = _r(kind="primary", title=False)
_COUNTERPART = RoleWord(counterpart=True, title=False)

ROLE_WORDS: dict[str, dict[tuple[str, ...], RoleWord]] = {
    "fr": {
        **{folded_words(w): _PRESIDENT for w in ("président", "présidente")},
        **{folded_words(w): _r("president", plural=True) for w in ("présidents", "présidentes")},
        **{folded_words(w): _PM for w in ("Premier ministre", "Première ministre", "chef du gouvernement",
                                          "cheffe du gouvernement", "président du Conseil", "présidente du Conseil",
                                          "président du gouvernement")},
        **{folded_words(w): _r("prime_minister", "premier", plural=True)
           for w in ("Premiers ministres", "chefs de gouvernement", "chefs du gouvernement")},
        **{folded_words(w): _r("chancellor") for w in ("chancelier", "chancelière", "chancelier fédéral",
                                                       "chancelière fédérale")},
        **{folded_words(w): _r(kind="head_of_state") for w in ("chef de l'Etat", "chef d'Etat", "cheffe de l'Etat",
                                                               "cheffe d'Etat")},
        **{folded_words(w): _r(kind="head_of_state", plural=True) for w in ("chefs d'Etat", "chefs de l'Etat")},
        **{folded_words(w): _r("king", "monarch") for w in ("roi", "souverain", "monarque")},
        **{folded_words(w): _r("queen", "monarch") for w in ("reine", "souveraine")},
        folded_words("émir"): _r("emir", "monarch"),
        folded_words("sultan"): _r("sultan", "monarch"),
        folded_words("prince héritier"): _r("crown_prince"),
        folded_words("guide suprême"): _r("supreme_leader"),
        **{folded_words(w): _FM for w in ("ministre des Affaires étrangères", "chef de la diplomatie",
                                          "cheffe de la diplomatie",
                                          "ministre de l'Europe et des Affaires étrangères")},
        **{folded_words(w): _LEADER for w in ("dirigeant", "dirigeante", "numéro un", "homme fort", "leader")},
        **{folded_words(w): _r(kind="primary", plural=True, title=False) for w in ("dirigeants", "leaders")},
        **{folded_words(w): _COUNTERPART for w in ("homologue",)},
        folded_words("homologues"): RoleWord(counterpart=True, plural=True, title=False),
    },
    "en": {
        **{folded_words(w): _PRESIDENT for w in ("president", "head of state")},
        **{folded_words(w): _r("president", plural=True) for w in ("presidents",)},
        **{folded_words(w): _PM for w in ("prime minister", "premier", "PM", "head of government")},
        **{folded_words(w): _r("prime_minister", "premier", plural=True) for w in ("prime ministers", "premiers")},
        folded_words("chancellor"): _r("chancellor"),
        folded_words("federal chancellor"): _r("chancellor"),
        folded_words("king"): _r("king", "monarch"),
        folded_words("queen"): _r("queen", "monarch"),
        folded_words("monarch"): _r("monarch"),
        folded_words("emir"): _r("emir", "monarch"),
        folded_words("amir"): _r("emir", "monarch"),
        folded_words("sultan"): _r("sultan", "monarch"),
        folded_words("crown prince"): _r("crown_prince"),
        folded_words("supreme leader"): _r("supreme_leader"),
        **{folded_words(w): _FM for w in ("foreign minister", "foreign secretary", "secretary of state",
                                          "top diplomat", "minister of foreign affairs")},
        **{folded_words(w): _LEADER for w in ("leader",)},
        **{folded_words(w): _r(kind="primary", plural=True, title=False) for w in ("leaders", "heads of state")},
        folded_words("counterpart"): _COUNTERPART,
        folded_words("counterparts"): RoleWord(counterpart=True, plural=True, title=False),
    },
}


@dataclass(frozen=True, slots=True)
class FixedRole:
    """A phrase that names one office outright ("the Kremlin leader")."""

    country: str | None
    roles: frozenset[str] = frozenset()
    kind: str | None = None


def _f(country: str | None, *roles: str, kind: str | None = None) -> FixedRole:
    return FixedRole(country, frozenset(roles), kind)


_KREMLIN = _f(RUSSIA, kind="head_of_state")
_ELYSEE = _f(FRANCE, kind="head_of_state")
_WHITE_HOUSE = _f(USA, kind="head_of_state")
_DOWNING = _f(UK, kind="head_of_government")
_POPE = _f(None, "pope")
_UN_SG = _f(UN, "secretary_general")
_NATO_SG = _f(NATO, "secretary_general")
_EC = _f(EU, "commission_president")
_ECO = _f(EU, "council_president")
_AUC = _f(AU, "commission_chair")
_US_FM = _f(USA, "foreign_minister", kind="foreign_minister")

FIXED_ROLES: dict[str, dict[tuple[str, ...], FixedRole]] = {
    "fr": {
        **{folded_words(w): _KREMLIN for w in (
            "chef du Kremlin", "maître du Kremlin", "locataire du Kremlin", "homme du Kremlin",
            "patron du Kremlin", "numéro un du Kremlin", "hôte du Kremlin", "dirigeant du Kremlin")},
        **{folded_words(w): _ELYSEE for w in ("locataire de l'Elysée", "hôte de l'Elysée", "chef de l'Elysée",
                                              "président de la République française")},
        **{folded_words(w): _WHITE_HOUSE for w in ("locataire de la Maison Blanche", "hôte de la Maison Blanche",
                                                   "locataire de la Maison-Blanche", "hôte de la Maison-Blanche",
                                                   "chef de la Maison Blanche", "chef de la Maison-Blanche")},
        **{folded_words(w): _DOWNING for w in ("locataire de Downing Street", "locataire du 10 Downing Street",
                                               "hôte de Downing Street")},
        **{folded_words(w): _POPE for w in ("pape", "souverain pontife", "saint-père", "saint père")},
        **{folded_words(w): _UN_SG for w in ("secrétaire général de l'ONU", "secrétaire général des Nations unies",
                                             "patron de l'ONU", "chef de l'ONU",
                                             "secrétaire général de l'Organisation des Nations unies")},
        **{folded_words(w): _NATO_SG for w in ("secrétaire général de l'Otan", "patron de l'Otan",
                                               "chef de l'Otan", "secrétaire général de l'Alliance atlantique")},
        **{folded_words(w): _EC for w in ("président de la Commission européenne",
                                          "présidente de la Commission européenne",
                                          "cheffe de la Commission européenne", "chef de la Commission européenne",
                                          "patronne de la Commission européenne",
                                          # "la présidente de la Commission", the EU being clear from context
                                          "présidente de la Commission", "président de la Commission",
                                          "cheffe de la Commission", "présidente de la Commission de Bruxelles")},
        **{folded_words(w): _ECO for w in ("président du Conseil européen", "présidente du Conseil européen")},
        # "secrétaire d'Etat" alone is a French junior minister; with "américain" it is the US one.
        **{folded_words(w): _US_FM for w in ("secrétaire d'Etat américain", "secrétaire d'État américain",
                                             "secrétaire d'Etat américaine", "secrétaire d'État américaine",
                                             "chef de la diplomatie américaine", "secrétaire d'Etat des Etats-Unis",
                                             "secrétaire d'État des États-Unis")},
        **{folded_words(w): _AUC for w in ("président de la Commission de l'Union africaine",
                                           "président de la Commission de l'UA")},
    },
    "en": {
        **{folded_words(w): _KREMLIN for w in ("Kremlin leader", "Kremlin chief", "Kremlin boss", "Kremlin head")},
        **{folded_words(w): _POPE for w in ("pope", "pontiff", "Holy Father", "Supreme Pontiff")},
        **{folded_words(w): _UN_SG for w in ("UN chief", "U.N. chief", "UN secretary-general", "UN secretary general",
                                             "U.N. secretary-general", "UN Secretary General",
                                             "secretary-general of the United Nations",
                                             "secretary general of the United Nations",
                                             "United Nations secretary-general",
                                             "United Nations chief")},
        **{folded_words(w): _NATO_SG for w in ("NATO chief", "NATO secretary-general", "NATO secretary general",
                                               "secretary general of NATO", "secretary-general of NATO", "NATO boss")},
        **{folded_words(w): _EC for w in ("European Commission president", "Commission president",
                                          "president of the European Commission", "EU Commission president",
                                          "European Commission chief", "EU chief executive",
                                          "president of the Commission", "Commission chief")},
        **{folded_words(w): _ECO for w in ("European Council president", "president of the European Council",
                                           "EU Council president")},
        **{folded_words(w): _AUC for w in ("African Union Commission chairperson", "AU Commission chairperson",
                                           "chairperson of the African Union Commission", "AU Commission chair",
                                           "chairperson of the AU Commission", "chairman of the AU Commission",
                                           "chairman of the African Union Commission")},
    },
}

# Places and institutions that stand for a government in the press: they are
# never leaders ("l'Elysée a appelé le Kremlin" stays unlinked), but they take a
# subject slot, so a rule must not skip over them to a leader further away.
INSTITUTIONS: dict[str, set[tuple[str, ...]]] = {
    "fr": {folded_words(w) for w in (
        "Elysée", "Kremlin", "Maison Blanche", "Maison-Blanche", "Downing Street", "Matignon", "Quai d'Orsay",
        "Moscou", "Washington", "Paris", "Kiev", "Kyiv", "Pékin", "Berlin", "Londres", "Ankara", "Téhéran",
        "Jérusalem", "Bruxelles", "Vatican", "Saint-Siège", "chancellerie", "présidence", "gouvernement",
        "porte-parole", "diplomatie", "ministère", "conseiller", "conseillère", "ambassadeur", "ambassadrice",
        "émissaire", "envoyé", "envoyée", "délégation", "entourage", "cabinet", "Etat-major")},
    "en": {folded_words(w) for w in (
        "White House", "Kremlin", "Elysee", "Elysée", "Downing Street", "State Department", "Pentagon",
        "Moscow", "Washington", "Paris", "Kyiv", "Kiev", "Beijing", "Berlin", "London", "Ankara", "Tehran",
        "Jerusalem", "Brussels", "Vatican", "Holy See", "spokesman", "spokeswoman", "spokesperson",
        "adviser", "advisor", "ambassador", "envoy", "delegation", "aides", "aide", "office", "ministry",
        "government", "administration", "presidency", "chancellery")},
}

# Words that introduce a person as a leader, to mint one the gazetteer does not
# know ("le Premier ministre Kwame Mensah").
TITLES: dict[str, set[tuple[str, ...]]] = {
    "fr": {folded_words(w) for w in ("président", "présidente", "Premier ministre", "Première ministre",
                                     "chancelier", "chancelière", "roi", "reine", "émir", "sultan", "cheikh",
                                     "prince héritier", "chef de l'Etat", "chef du gouvernement")},
    "en": {folded_words(w) for w in ("President", "Prime Minister", "Premier", "Chancellor", "King", "Queen",
                                     "Emir", "Amir", "Sultan", "Sheikh", "Crown Prince", "PM", "Pope")},
}

# Honorifics between a title and a name ("le président turc, M. Erdogan").
HONORIFICS = {folded_words(w) for w in ("M.", "MM.", "Mme", "Mr", "Mrs", "Ms", "Dr", "Sheikh", "cheikh", "Sir",
                                        "Dame", "Lord", "His Majesty", "Sa Majesté", "Mr.", "Mrs.",
                                        # Indian readouts: "Prime Minister Shri Narendra Modi"
                                        "Shri", "Sri", "Smt", "Shrimati", "His Excellency", "H.E.")}

DETERMINERS = {
    "fr": {"le", "la", "l", "les", "son", "sa", "ses", "leur", "leurs", "un", "une", "ce", "cet", "cette", "du", "au",
           "aux", "des"},
    "en": {"the", "his", "her", "their", "its", "a", "an", "this", "that", "our", "whose"},
}
POSSESSIVES = {"fr": {"son", "sa", "ses", "leur", "leurs"}, "en": {"his", "her", "their", "its"}}
OF = {"fr": {"de", "du", "des", "d"}, "en": {"of"}}
ARTICLES = {"fr": {"la", "l", "le", "les"}, "en": {"the"}}
AND = {"fr": {"et"}, "en": {"and"}}


@dataclass(frozen=True, slots=True)
class Anaphor:
    plural: bool
    strength: float  # how surely it names a leader: "les deux dirigeants" > "ils"
    possessive: bool = False
    latest: bool = False  # "ce dernier": the most recent, not the subject
    first_person: bool = False  # "I had a call with X": the author of a readout
    count: int | None = None  # "les trois dirigeants": how many people it names
    each: bool = False  # "avec chacun des deux dirigeants": one contact with each, not one of all
    office: str | None = None  # "les deux chefs de la diplomatie": a role all of them held
    protagonist: bool = False  # "le milliardaire": the article's main figure, not the latest person


# "Macron l'a reçu", "Poutine le recevra": an object pronoun is the article "le"/"la" unless a verb
# follows it, so only auxiliaries and contact verbs (never their nouns, "l'appel", "la rencontre") do.
ACCUSATIVE_CLITICS = {"l", "le", "la"}
# "la présidente de la Chambre des représentants", "the President of the Senate": a parliament's or a
# court's president, not a leader.
NOT_A_LEADERS_BODY = [folded_words(p) for p in (
    "de la chambre", "du sénat", "de l'assemblée", "du parlement", "de la cour", "du conseil constitutionnel",
    "de la Douma", "du Bundestag", "de la Knesset", "du Congrès", "de la fédération", "du club", "du comité olympique",
    "of the house", "of the senate", "of the national assembly", "of the parliament", "of the court",
    "of the Duma", "of the Bundestag", "of the Knesset", "of Congress", "of the federation", "of the club",
    "of the olympic committee")]
# Words after "the leaders" that make it a group of its own, not the pair just read about.
NOT_AFTER_LEADERS = {"of", "from", "in", "at", "who", "attending", "gathered", "meeting"}
CLITIC_VERBS = {"a", "avait", "avaient", "ont", "aura", "auront", "aurait", "auraient",
                *(f"{stem}{end}" for stem, ends in (
                    ("rencontr", ("er", "era", "eront", "ait", "aient", "erait")),
                    ("recev", ("oir", "ra", "ront", "ait", "aient", "rait")), ("recoi", ("t", "vent")),
                    ("accueill", ("e", "ent", "ir", "era", "eront", "ait", "aient")),
                    ("appel", ("er", "ait", "aient")), ("appell", ("e", "ent", "era", "eront", "erait")),
                    ("retrouv", ("e", "ent", "er", "era", "eront", "ait")),
                    ("join", ("t", "dre", "dra", "dront", "gnait")))
                  for end in ends)}
_COUNT_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "the two": 2, "both": 2, "the three": 3,
                "all three": 3, "the four": 4, "all four": 4, "the five": 5}


_EPITHETS_FR = ("le milliardaire", "la milliardaire", "le magnat", "le dirigeant", "la dirigeante", "le tribun",
                "le diplomate", "la diplomate", "l'ex-général", "l'ancien général", "le septuagénaire",
                "l'octogénaire", "le quinquagénaire", "le sexagénaire")
_EPITHETS_EN = ("the billionaire", "the tycoon", "the mogul", "the former general", "the septuagenarian",
                "the octogenarian")
# "les deux chefs de la diplomatie", "the two presidents": the pair must have held that role.
_OFFICE_WORDS = {"chefs de la diplomatie": "foreign_minister", "ministres des Affaires étrangères": "foreign_minister",
                 "foreign ministers": "foreign_minister", "top diplomats": "foreign_minister",
                 "présidents": "president", "presidents": "president", "Premiers ministres": "prime_minister",
                 "prime ministers": "prime_minister"}


ANAPHORS: dict[str, dict[tuple[str, ...], Anaphor]] = {
    "fr": {
        **{folded_words(w): Anaphor(False, 0.6) for w in ("il", "elle", "lui")},
        # Epithets for the leader being told about: "le milliardaire", "le dirigeant de gauche".
        **{folded_words(w): Anaphor(False, 0.5, protagonist=True) for w in _EPITHETS_FR},
        **{folded_words(w): Anaphor(False, 0.8, latest=True) for w in ("ce dernier", "cette dernière", "celui-ci",
                                                                       "celle-ci")},
        **{folded_words(w): Anaphor(True, 0.6) for w in ("ils", "elles", "eux")},
        **{folded_words(f"les {n} {w}"): Anaphor(True, 0.9, count=_COUNT_WORDS[n], office=_OFFICE_WORDS.get(w))
           for n in ("deux", "trois", "quatre", "cinq", "six")
           for w in ("dirigeants", "hommes", "chefs d'Etat", "présidents", "responsables", "femmes", "leaders",
                     "Premiers ministres", "chefs de gouvernement", "ministres", "chefs de la diplomatie",
                     "ministres des Affaires étrangères", "dirigeantes", "chefs d'Etat et de gouvernement")},
        **{folded_words(f"{c} des {n} {w}"): Anaphor(True, 0.9, count=_COUNT_WORDS[n], each=True)
           for c in ("chacun", "chacune") for n in ("deux", "trois", "quatre")
           for w in ("dirigeants", "hommes", "chefs d'Etat", "présidents", "responsables", "leaders", "invités")},
        **{folded_words(w): Anaphor(True, 0.7, possessive=True) for w in ("leur", "leurs")},
        folded_words("nous"): Anaphor(True, 0.6, first_person=True),  # "Nous sommes convenus de nous revoir"
        **{folded_words(w): Anaphor(False, 0.6, possessive=True) for w in ("son", "sa", "ses")},
    },
    "en": {
        **{folded_words(w): Anaphor(False, 0.6) for w in ("he", "she", "him")},
        **{folded_words(w): Anaphor(False, 0.5, protagonist=True) for w in _EPITHETS_EN},
        **{folded_words(w): Anaphor(False, 0.8, latest=True) for w in ("the latter",)},
        **{folded_words(w): Anaphor(True, 0.6) for w in ("they", "them")},
        **{folded_words(f"{d} {w}"): Anaphor(True, 0.9, count=_COUNT_WORDS[d], office=_OFFICE_WORDS.get(w))
           for d in ("the two", "both", "the three", "all three", "the four", "all four", "the five")
           for w in ("leaders", "men", "presidents", "heads of state", "women", "prime ministers", "ministers",
                     "foreign ministers", "top diplomats", "heads of government", "heads of state and government")},
        folded_words("the pair"): Anaphor(True, 0.8, count=2),
        # "The leaders agreed to meet soon": a readout's pair; "the leaders of the G7" is no anaphor.
        folded_words("the leaders"): Anaphor(True, 0.7, count=2),
        **{folded_words(f"each of the {n} {w}"): Anaphor(True, 0.9, count=_COUNT_WORDS[f"the {n}"], each=True)
           for n in ("two", "three", "four") for w in ("leaders", "men", "presidents", "guests")},
        # Readouts in the first person ("I had a phone conversation with X today. - Volodymyr Zelenskyy").
        folded_words("I"): Anaphor(False, 0.7, first_person=True),
        folded_words("we"): Anaphor(True, 0.6, first_person=True),  # "We agreed to meet in September"
        **{folded_words(w): Anaphor(True, 0.7, possessive=True) for w in ("their",)},
        **{folded_words(w): Anaphor(False, 0.6, possessive=True) for w in ("his", "her")},
    },
}


# "The two had first met in May", "Les deux se sont parlé": a bare count names the last pair only
# when a verb follows it ("the two countries", "les deux pays" name no people).
BARE_COUNTS: dict[str, dict[tuple[str, ...], set[str]]] = {
    "fr": {("les", "deux"): {"se", "s", "avaient", "avait", "ont", "sont", "etaient", "doivent", "devraient",
                             "devaient", "vont", "ne", "n", "deja", "ensuite", "aussi"}},
    "en": {("the", "two"): {"had", "have", "has", "met", "spoke", "talked", "held", "discussed", "agreed", "last",
                            "first", "also", "then", "later", "previously", "were", "are", "will", "would",
                            "shook", "exchanged", "did", "never", "again", "already", "recently"}},
}


# Official state names built from the short ones ("Republic of Poland", "République française").
_QUALIFIERS_EN = ("", "Federal ", "People's ", "Islamic ", "Arab ", "Democratic ", "People's Democratic ",
                  "Bolivarian ", "Federative ", "Socialist ", "Plurinational ", "Oriental ", "United ",
                  "Federal Democratic ", "Democratic Socialist ", "Cooperative ", "Hellenic ", "Argentine ")
_FORMS_EN_NAME = tuple(f"{q}Republic of {{}}" for q in _QUALIFIERS_EN) + tuple(
    f"{q}Republic of the {{}}" for q in ("", "Democratic ")) + (
    "State of {}", "Kingdom of {}", "Hashemite Kingdom of {}", "Grand Duchy of {}", "Commonwealth of {}",
    "Principality of {}", "Sultanate of {}", "State of the {}", "Federation of {}", "Union of {}", "Emirate of {}")
_FORMS_EN_ADJ = ("{} Republic", "{} Arab Republic", "{} Federation", "{} Confederation", "{} Kingdom",
                 "{} Socialist Republic")
_FORMS_FR_NAME = ("République de {}", "République d'{}", "République du {}", "Etat de {}", "Etat d'{}", "Royaume de {}",
                  "Royaume du {}", "Royaume d'{}", "République fédérale d'{}", "République fédérale de {}",
                  "République populaire de {}", "République islamique d'{}", "République islamique de {}",
                  "Fédération de {}", "Principauté de {}", "Grand-Duché de {}", "Grand-Duché du {}",
                  "République bolivarienne du {}", "République fédérative du {}", "Royaume hachémite de {}",
                  "République démocratique du {}", "République démocratique de {}", "Sultanat d'{}",
                  "République arabe d'{}", "République arabe de {}", "Emirat du {}")
_FORMS_FR_ADJ = ("République {}", "Fédération {}", "Confédération {}", "République arabe {}",
                 "République {} démocratique et populaire")
BARE_STATE = {"fr": ("République", "Etat", "Royaume", "Confédération"),
              "en": ("Republic", "State", "Kingdom", "Federation", "Confederation")}


def official_names(lang: str, names: tuple[str, ...], adjs: tuple[str, ...]) -> list[str]:
    """Long forms of a state's name, so "le président de la République de Pologne" finds Poland."""
    by_name, by_adj = (_FORMS_FR_NAME, _FORMS_FR_ADJ) if lang == "fr" else (_FORMS_EN_NAME, _FORMS_EN_ADJ)
    out = [f.format(n) for n in names for f in by_name]
    # French adjectives agree with "République" (feminine): keep every form, the matcher folds them.
    out += [f.format(a) for a in adjs for f in by_adj]
    return out


# Seats of power: an article that speaks from exactly one of them has a home
# country, and its bare "the Prime Minister" is that country's.
SEATS = {folded_words(w): c for w, c in (
    ("Downing Street", UK), ("Number 10", UK), ("No 10", UK), ("Elysée", FRANCE), ("Matignon", FRANCE),
    ("White House", USA), ("Maison Blanche", USA), ("Maison-Blanche", USA), ("Kremlin", RUSSIA))}


# Words before a role that make it someone else than today's holder.
# "le vice-président américain", "the deputy prime minister": someone else than the office's holder.
DEPUTY = {"vice", "deputy", "vize", "sous"}
FORMER = {"former", "ex", "ancien", "ancienne", "late", "feu", "defunt", "43rd", "44th", "45th", "46th", "47th",
          "outgoing", "sortant", "sortante", "future", "futur", "elect", "designate", "incoming"}
# "Ukraine's president-elect", "le président élu": the next holder, not the one in office.
ELECT_AFTER = {"en": frozenset({"elect", "designate"}), "fr": frozenset({"elu", "elue", "designe", "designee"})}
# "a sitting US president", "un président français": an indefinite role is any holder, not today's.
INDEFINITE = {"a", "an", "un", "une"}
GENERIC_ADJECTIVES = {"sitting", "serving", "single", "foreign", "seul", "autre", "another"}
