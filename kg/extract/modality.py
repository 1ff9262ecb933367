"""Did the contact happen? Status from the words around the trigger.

Cues are looked for in the trigger's clause only (the window the frame stage
computes), so "Macron, qui n'a pas caché son agacement, a parlé à Poutine" is
not negated. The outcome is a Status, or None when the text does not report a
contact at all: negation, denial, wish, possibility, hypothesis, aggregate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Status
from kg.text import Word, folded_words


def _seqs(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({folded_words(p) for p in phrases}, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Cues:
    planned_before: tuple[tuple[str, ...], ...]
    planned_after: tuple[tuple[str, ...], ...]
    cancelled: tuple[tuple[str, ...], ...]
    no_contact_before: tuple[tuple[str, ...], ...]   # wishes, possibilities, attempts
    no_contact_any: tuple[tuple[str, ...], ...]      # denials, aggregates: anywhere in the clause
    negators: frozenset[str]
    future_suffix: re.Pattern[str] | None
    conditional_suffix: re.Pattern[str] | None


FR = Cues(
    planned_before=_seqs(
        "doit", "doivent", "devra", "devront", "devait", "devaient", "devrait", "devraient", "va", "vont", "allait",
        "allaient", "prévoit de", "prévoient de", "a prévu de", "ont prévu de", "compte", "comptent", "entend",
        "entendent", "s'apprête à", "s'apprêtent à", "s'apprêtait à", "s'apprêtaient à", "est attendu",
        "sont attendus", "est attendue", "se prépare à",
        "a proposé", "ont proposé", "propose", "proposent", "a accepté de", "ont accepté de", "accepte de",
        "ont convenu de", "a convenu de", "sont convenus de", "se sont engagés à", "engagés à", "engagé à",
        "prochain", "prochaine",
        "accepté", "acceptent", "accepte",
        "prochains", "prochaines", "futur", "future", "programmé", "programmée", "reprise du", "reprise de",
        "sera", "seront", "sera reçu", "sera reçue",
        # light verbs in the future: "effectuera une visite", "aura un entretien", "tiendra un sommet"
        "effectuera", "effectueront", "fera", "feront", "aura", "auront", "tiendra", "tiendront", "entamera",
        "accomplira",
        # "a accepté l'invitation de la reine à effectuer une visite d'Etat": an infinitive visit is a plan
        "à effectuer", "pour effectuer", "invitation à", "accepté l'invitation",
        "reprendre", "renouer", "préparer", "préparation", "organiser", "d'organiser"),
    planned_after=_seqs(
        "est prévu", "est prévue", "sont prévus", "prévu", "prévue", "se prépare", "se préparent",
        "en train de se préparer", "se préparer", "aura lieu", "doit avoir lieu", "devrait avoir lieu", "est programmé",
        "est programmée", "prochainement", "à une date à fixer", "se tiendra", "dans les prochains",
        "dans les prochaines"),
    cancelled=_seqs(
        "annulé", "annulée", "annulés", "annulées", "annule", "annulation", "a annulé", "sine die", "reporté",
        "reportée", "reportés", "n'aura pas lieu", "n'auront pas lieu", "a refusé de", "ont refusé de", "refuse de",
        "refusent de", "avait refusé de", "renoncé à", "ajourné", "ajournée", "décommandé", "décommandée",
        "plus d'actualité", "n'est plus à l'ordre du jour"),
    no_contact_before=_seqs(
        "pourrait", "pourraient", "pourra", "pourront", "aurait pu", "auraient pu", "aurait", "auraient", "si",
        "pouvait", "pouvaient", "peut", "peuvent", "rompu tout", "rompre tout", "coupé tout", "cesser tout",
        "rien contre",
        "éventuel", "éventuelle", "éventuels", "possible", "possibles", "envisage de", "envisagent de", "n'exclut pas",
        "souhaite", "souhaitent", "souhaiterait", "voudrait", "voudraient", "veut", "veulent", "voulait", "désire",
        "espère", "espèrent", "souhaiter", "souhaité", "souhaitait", "désir de", "volonté de", "souhait de",
        "prêt à", "prête à", "prêts à", "disposé à", "disposée à", "utile de", "nécessaire de",
        # "s'est dit prêt mercredi à recevoir X": a time may stand inside the cue
        "prêt", "prête", "prêts", "prêtes", "disposé", "disposée",
        "important de", "il faut", "faudrait", "appelle à", "appelé à", "appelait à", "a invité", "invite",
        "invité à", "plaide pour", "a tenté de", "tente de", "essaie de", "a essayé de", "cherche à",
        "demande", "réclame", "exhorté", "exhorte", "pas question de", "hypothétique", "redevenir utile",
        "pas encore", "prématuré", "prématurée", "trop tôt", "peut-être", "éventuellement"),
    no_contact_any=_seqs(
        "supposé", "présumé",
        "à plusieurs reprises", "régulièrement", "quotidiennement", "tous les jours", "chaque semaine", "souvent",
        "plusieurs fois", "fréquemment", "à maintes reprises", "de nombreuses fois", "rumeur", "rumeurs",
        "des dizaines de fois", "une dizaine de fois", "à de nombreuses reprises"),
    negators=frozenset({"pas", "jamais", "plus", "guere", "point", "aucun", "aucune", "ni", "nullement"}),
    future_suffix=re.compile(r"(?:era|eront|erai|erons|iendra|iendront|evra|evront|endra|endront|rra|rront|ira|iront)$"),
    conditional_suffix=re.compile(r"(?:erait|eraient|iendrait|iendraient|evrait|evraient|endrait|endraient)$"),
)

EN = Cues(
    planned_before=_seqs(
        "will", "ll", "shall", "is to", "are to", "was to", "were to", "is due to", "are due to", "was due to",
        "is expected to", "are expected to", "was expected to", "expected to", "plans to", "planned to",
        # "Biden was due in Amman today for a summit with ...": the trip's purpose is planned
        "is due", "are due", "was due", "were due",
        "planning to", "plan to", "is scheduled to", "are scheduled to", "scheduled to", "is set to", "are set to",
        "set to", "agreed to", "agree to", "going to", "intends to", "intend to", "upcoming", "next", "planned",
        "will be",
        "scheduled", "is slated to", "slated to", "invitation to", "accepted an invitation", "to pay a",
        "preparing to", "prepares to", "proposed", "proposes",
        "resume", "resumption of", "future", "forthcoming", "prepare", "preparing for",
        # "asked their teams to look into arranging a meeting": organising a contact is planning it
        "arrange", "arranging", "arrangements for", "organise", "organising", "organize", "organizing"),
    planned_after=_seqs(
        "is planned", "is scheduled", "was scheduled", "is expected", "are expected", "will take place",
        "is due", "planned for", "scheduled for", "set for", "is being prepared", "soon", "in the coming days",
        "in the coming weeks", "in the coming months", "later this month", "next week", "next month"),
    cancelled=_seqs(
        "called off", "call off", "calls off", "cancelled", "canceled", "cancel", "cancels", "cancellation",
        "scrapped", "shelved", "put on ice", "indefinitely postponed", "postponed indefinitely", "postponed",
        "declined to", "declines to", "refused to", "refuses to", "refusing to", "snubbed", "pulled out of",
        "won't take place", "will not take place", "not take place", "off the table", "no longer on the cards"),
    no_contact_before=_seqs(
        "could", "might", "may", "would", "if", "hopes to", "hope to", "hoped to", "wants to", "want to",
        "can", "cut off", "broke off", "broken off", "cut all", "severed", "nothing against", "no objection to",
        "wanted to", "would like to", "look forward to", "looks forward to", "looking forward to", "looked forward to",
        "ready to", "willing to", "open to", "offered to", "offers to", "invited", "invites", "urged", "urges",
        "called on", "calls on", "considering", "consider", "possible", "potential", "possibility of", "tried to",
        "tries to", "attempted to", "sought to", "seeking to", "seeks to", "asked to", "requested", "in favour of",
        "seek", "seeks", "seeking", "sought",
        "yet to", "have yet to", "has yet to", "never",
        "in favor of", "pushing for", "push for", "no plans to", "no plans for", "no plan for", "no plans",
        "hypothetical", "eager to", "keen to", "desire to", "wish to", "wishes to", "wished to",
        "premature", "too early", "too soon", "possibly", "perhaps", "maybe"),
    no_contact_any=_seqs(
        "alleged", "purported", "no such", "there was no", "there has been no",
        "several times", "many times", "repeatedly", "regularly", "almost daily", "every week", "every day",
        "frequently", "often", "numerous times", "multiple times", "rumoured", "rumored", "rumours", "rumors",
        "dozens of times", "a dozen times", "hundreds of times"),
    negators=frozenset({"not", "t", "never", "no", "without", "nor"}),
    future_suffix=None,
    conditional_suffix=None,
)

CUES = {"fr": FR, "en": EN}


# "La rencontre, qui devait avoir lieu dimanche, n'a pas eu lieu": an arranged contact that did not
# happen was called off. Without the arrangement ("the Kremlin said the call did not take place") it is
# a denial, and no contact at all.
_FELL_THROUGH = {"fr": _seqs("n'a pas eu lieu", "n'ont pas eu lieu", "n'a finalement pas eu lieu", "a capoté",
                             "est tombée à l'eau", "est tombé à l'eau"),
                 "en": _seqs("did not take place", "didn't take place", "never took place", "did not happen",
                             "didn't happen", "fell through", "failed to materialise", "failed to materialize")}
_ARRANGED = {"fr": _seqs("prévu", "prévue", "prévus", "prévues", "devait", "devaient", "programmé", "programmée",
                         "convenu", "convenue", "annoncé", "annoncée"),
             "en": _seqs("scheduled", "planned", "arranged", "agreed", "expected", "was to", "were to", "due to",
                         "set to", "slated")}

_QUESTION_OPENERS = {"whether", "si"}
_AUX_AFTER_AND = {"have", "has", "had", "will", "was", "were", "is", "are", "ont", "a", "avaient", "avait", "sont",
                  "se", "s", "doivent", "doit"}
_INVITED = {" ".join(folded_words(w)) for w in ("invited", "invites", "a invité", "invite", "invité à")}
_ACCEPTED = _seqs("accepted", "accepts", "has accepted", "a accepté", "accepte", "ont accepté")
_FR_INFINITIVE = re.compile(r"(?:er|ir|ire|dre|oir)$")
_APPEALS = {"fr": _seqs("appelé", "appelle", "exhorté", "exhorte", "pressé", "presse", "demandé", "demande",
                        "invité", "invite", "incité", "encouragé"),
            "en": _seqs("urged", "urges", "urging", "called on", "calls on", "pressed", "presses", "asked", "asks",
                        "encouraged", "encourages", "pushed", "pushing")}

_HAD_BEEN_DUE = _seqs("had been due to", "had been scheduled to", "had been expected to", "had been set to",
                      "had been slated to", "had been supposed to", "was supposed to", "were supposed to",
                      "était censé", "étaient censés", "aurait dû", "auraient dû")
_DENY = {"fr": _seqs("démenti", "démentent", "dément", "a démenti", "nie", "nient", "a nié"),
         "en": _seqs("denied", "denies", "deny")}
# Plans told in the past: what they planned may since have been called off.
_WAS_TO = {" ".join(folded_words(w)) for w in ("devait", "devaient", "was to", "were to", "was due to",
                                                 "was expected to", "s'apprêtait à", "s'apprêtaient à",
                                                 "was preparing to")}
_WONT_SAY = _seqs(*(f"{v} {d} {w}" for v in ("refusé", "refuse", "refusent", "refusait", "a refusé")
                    for d in ("de",) for w in ("dire", "commenter", "confirmer", "préciser", "indiquer")),
                  *(f"{v} to {w}" for v in ("declined", "declines", "refused", "refuses")
                    for w in ("say", "comment", "confirm", "disclose", "specify", "elaborate")),
                  "would not say", "would not confirm", "did not say", "did not confirm", "would not comment")


def _fell_through(raw: list[str], te: int, lo: int, hi: int, lang: str, verb: bool) -> bool:
    """Was the contact arranged and then did not happen?

    A contact noun's own verb often lies past its relative clause ("A meeting that had been
    scheduled for Sunday did not take place"), so a noun looks to the end of the sentence.
    ``raw``: the sentence's folded words, other clauses included.
    """
    end = hi if verb else len(raw)
    return _has(_FELL_THROUGH.get(lang, _FELL_THROUGH["en"]), raw, te, end) is not None and \
        _has(_ARRANGED.get(lang, _ARRANGED["en"]), raw, lo, end) is not None


def _called_off_since(cue: tuple[str, ...], raw: list[str], te: int, cues: Cues) -> bool:
    """"Le sommet qui devait réunir X ... a été annulé": a plan told in the past, called off later in
    the sentence, past the relative clause the trigger sits in."""
    return " ".join(cue) in _WAS_TO and _has(cues.cancelled, raw, te, len(raw)) is not None


def _infinitive(fw: list[str], t: int) -> bool:
    """Is the trigger an infinitive ("to hold direct talks", "à rencontrer", "de s'entretenir")?"""
    return "to" in fw[max(0, t - 3):t] or (t > 0 and fw[t - 1] in ("a", "de", "d")) or fw[t - 2:t] in (
        ["de", "s"], ["a", "s"], ["d", "s"])


_PHRASE_BREAK = {"after", "before", "following", "apres", "avant", "since", "depuis", "when", "lorsque", "quand"}


# French third-person plural futures ("se rendront", "iront", "seront") are unmistakable, unlike
# singular endings that nouns share ("caméra", "opéra").
_FUTURE_PLURAL = re.compile(r"^\w{2,}ront$")
_PURPOSE = {"fr": (("pour",), ("pour", "y"), ("pour", "s"), ("pour", "se"), ("afin", "de"), ("afin", "d"),
                   ("afin", "de", "s"), ("afin", "d", "y"), ("pour", "des"), ("pour", "un"), ("pour", "une")),
            "en": (("to",), ("for",), ("for", "a"), ("for", "an"))}  # "is due in Cairo for talks with X"


# Only a verb follows a clitic, so there a singular future ending is no noun's: "se rendra", "il
# partira"; "ira" (aller) is a future wherever it stands.
_CLITICS = frozenset({"se", "s", "y", "il", "elle", "ne"})


def _future_after_clitic(fw: list[str], lo: int, hi: int, cues: Cues) -> bool:
    return cues.future_suffix is not None and any(
        fw[k] == "ira" or (k > 0 and fw[k - 1] in _CLITICS and cues.future_suffix.search(fw[k]))
        for k in range(lo, hi))


def _purpose_opener(fw: list[str], t: int, lang: str) -> int | None:
    """Index of "pour"/"to" when the trigger is an infinitive of purpose, else None."""
    for seq in _PURPOSE.get(lang, ()):
        k = t - len(seq)
        if k > 0 and tuple(fw[k:t]) == seq:
            return k
    return None


# "met Abbas on Wednesday and is due in Cairo on Thursday": a cue right after these opens another verb phrase.
_COORDINATORS = frozenset({"and", "but", "et", "mais"})
_NOUN_CANCEL_REACH = 24
_GOVERNING = {"to", "de", "a", "of", "d"}  # "declined to", "a refusé de", "renoncé à", "pulled out of"
# The cues that may follow the contact they call off: not those that govern a verb of their own.
_CANCELLED_AFTER = {lang: tuple(c for c in cues.cancelled if c[-1] not in _GOVERNING) for lang, cues in CUES.items()}


# Adverbs a cue may hold inside it: "sont aussi convenus de", "is also expected to", "a déjà annulé".
_CUE_FILLERS = frozenset({"aussi", "egalement", "deja", "ensuite", "alors", "donc", "enfin", "ailleurs",
                          "also", "already", "now", "then", "still", "finally", "reportedly", "both"})


def _match_at(seq: tuple[str, ...], fw: list[str], i: int, hi: int) -> bool:
    """Does ``seq`` start at word i, allowing filler adverbs between its words (never before its first)?"""
    if fw[i] != seq[0]:
        return False
    j = i + 1
    for w in seq[1:]:
        while j < hi and fw[j] != w and fw[j] in _CUE_FILLERS:
            j += 1
        if j >= hi or fw[j] != w:
            return False
        j += 1
    return True


def _has(seqs: tuple[tuple[str, ...], ...], fw: list[str], lo: int, hi: int,
         not_after: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """First cue sequence found entirely inside fw[lo:hi] (and not right after a word of ``not_after``)."""
    hi = min(len(fw), hi)
    by_first = _by_first_word(seqs)
    for i in range(max(0, lo), hi):
        if i > 0 and fw[i - 1] in not_after:
            continue
        for seq in by_first.get(fw[i], ()):
            if _match_at(seq, fw, i, hi):
                return seq
    return None


@lru_cache(maxsize=64)
def _by_first_word(seqs: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """The cue list keyed by first word, in its own order (the first listed cue wins, as before)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        out.setdefault(seq[0], []).append(seq)
    return out


_TIMES = {"times", "fois", "reprises"}


_COUNT_WORDS = frozenset({
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "several", "numerous", "dozens", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze",
    "douze", "quinze", "vingt", "plusieurs", "nombreux", "nombreuses"})


# Words a count may stand before, in a list of contacts: "five calls or video calls".
_COUNTED_LIST = frozenset({"or", "and", "ou", "et", "calls", "phone", "telephone", "video", "meetings", "appels",
                           "entretiens", "rencontres", "telephoniques", "de", "d"})


def _counted(fw: list[str], t: int) -> bool:
    """"have held five calls or video calls since 2021", "plusieurs entretiens": three or more contacts,
    counted, are no one contact."""
    for k in range(t - 1, max(-1, t - 5), -1):
        w = fw[k]
        if w in _COUNT_WORDS or (w.isdigit() and 3 <= int(w) < 1000):
            return True
        if w not in _COUNTED_LIST:
            return False
    return False


def _many_times(fw: list[str], lo: int, hi: int) -> bool:
    """"met Macron more than 60 times", "s'étaient vus 15 fois": a count of three or more is an aggregate."""
    return any(fw[k] in _TIMES and fw[k - 1].isdigit() and int(fw[k - 1]) >= 3 for k in range(max(1, lo), hi))


def _negated(cues: Cues, lang: str, fw: list[str], lo: int, t: int, te: int) -> bool:
    if lang == "fr":
        # "ne ... pas" around the verb: "ne s'est pas entretenu", "n'a jamais parlé", "aucun échange",
        # "il n'y a pas eu d'appel".
        for i in range(max(lo, t - 6), t):
            if fw[i] in ("ne", "n") and any(w in cues.negators for w in fw[i + 1:min(len(fw), te + 1)]):
                return True
        before = fw[max(lo, t - 2):t]
        return any(w in ("aucun", "aucune", "sans", "ni") for w in before) or \
            (len(before) == 2 and before == ["pas", "d"]) or (len(before) >= 1 and before[-1] == "pas")
    before = fw[max(lo, t - 3):t]
    return any(w in cues.negators for w in before)


def status_of(ws: list[Word], trigger: tuple[int, int], window: tuple[int, int], lang: str,
              verb: bool, excluded: tuple[tuple[int, int], ...] = ()) -> tuple[Status | None, str]:
    """The status the clause gives the contact, or None when it reports no contact.

    Words in ``excluded`` ranges (other clauses) are ignored. Returns the status
    and the cue that decided it (for the evidence's rule name).
    """
    cues = CUES.get(lang, EN)
    raw = [w.folded for w in ws]
    fw = list(raw)
    for s, e in excluded:
        fw[s:e] = [""] * (e - s)
    # "in May" is a month; the modal "may" is written in lower case.
    for k, w in enumerate(ws):
        if fw[k] == "may" and w.text[:1].isupper() and k > 0:
            fw[k] = ""
    t, te = trigger
    lo, hi = window
    before_lo = max(lo, t - 8)
    # Plans and wishes govern their own verb phrase: "agree to restore embassies after
    # talks" plans no talks. Look back a few words, and not past "after"/"before".
    near_lo = max(lo, t - 8)
    for k in range(t - 1, near_lo - 1, -1):
        if fw[k] in _PHRASE_BREAK and fw[k + 1:k + 2] != ["midi"]:  # "dans l'après-midi" is no "après"
            near_lo = k + 1
            break
    if _has(_WONT_SAY, fw, max(0, lo - 6), t) is not None:
        # "a refusé de dire si X avait parlé à Y", "declined to confirm that X met Y": no refused
        # contact, and no contact the text vouches for.
        return None, "no-contact:would-not-say"
    if _fell_through(raw, te, lo, hi, lang, verb):
        return Status.CANCELLED, "cancelled:did-not-take-place"
    # "first talked in a video call in 2021, and have met several times since": the count belongs to
    # the second verb phrase only.
    vp_end = next((k for k in range(te, hi - 1)
                   if fw[k] in ("and", "et", "but", "mais") and fw[k + 1] in _AUX_AFTER_AND), hi)
    if (cue := _has(cues.no_contact_any, fw, lo, vp_end)) is not None:
        return None, "no-contact:" + " ".join(cue)
    if _many_times(fw, lo, vp_end) or _counted(fw, t):
        return None, "no-contact:many-times"
    if (cue := _has(_DENY.get(lang, _DENY["en"]), fw, near_lo, min(hi, te + 4), frozenset({"to"}))) is not None:
        # "le Kremlin a démenti tout entretien", "denied that the two had spoken"; not "to deny Iran a
        # nuclear weapon on Thursday, after holding talks", whose talks are far from the verb.
        return None, "no-contact:" + " ".join(cue)
    if lo > 0 and fw[lo - 1] in _QUESTION_OPENERS and not (lo > 1 and fw[lo - 2] == "meme"):
        # "declined to say whether the two had discussed it", "a refusé de dire si ...": an open question
        # ("même si", even though, asserts it).
        return None, "no-contact:" + fw[lo - 1]
    # A contact noun that heads its clause may be called off far after it: "The summit between X and Y,
    # agreed in principle on Sunday, is now off the table".
    reach = 10 if verb else _NOUN_CANCEL_REACH
    # After the contact, only what is said of it counts: "the call was cancelled", not "a day after
    # his call with Putin, and declined to commit to ...", whose "declined to" governs another verb.
    after = _CANCELLED_AFTER.get(lang, _CANCELLED_AFTER["en"])
    if (cue := _has(cues.cancelled, fw, before_lo, t) or _has(after, fw, t, min(hi, te + reach))) is not None:
        return Status.CANCELLED, "cancelled:" + " ".join(cue)
    if _negated(cues, lang, fw, lo, t, te):
        return None, "negated"
    if (cue := _has(cues.no_contact_before, fw, near_lo, t)) is not None:
        if " ".join(cue) in _INVITED and _has(_ACCEPTED, fw, te, len(fw)) is not None:
            # "Xi invited Trump to visit China later this year, and Trump accepted": a plan.
            return Status.PLANNED, "planned:invitation-accepted"
        if cue == ("would",):
            # "said he would seek talks with X": the wish after the modal decides, not the modal.
            k = max(k for k in range(near_lo, t) if fw[k] == "would")
            cue = _has(cues.no_contact_before, fw, k + 1, t) or cue
        return None, "no-contact:" + " ".join(cue)
    if _infinitive(fw, t) and (cue := _has(_APPEALS.get(lang, _APPEALS["en"]), fw, lo, t)) is not None:
        # "urged the Russian president to agree to a ceasefire and to hold direct talks with X": what
        # someone is urged to do has not happened, however long the list of demands.
        return None, "no-contact:" + " ".join(cue)
    # The verb of "se sont vus" is its last word, of "viendra en" its first.
    trig = fw[te - 1] if te > t else ""
    if te - t > 1 and fw[te - 1] in ("en", "a", "au", "aux", "to"):
        trig = fw[t]
    if verb and cues.conditional_suffix is not None and cues.conditional_suffix.search(trig):
        # "a indiqué qu'il s'entretiendrait avec X": the future of reported speech.
        if lo > 0 and fw[lo - 1] in ("que", "qu"):
            return Status.PLANNED, "planned:reported-conditional"
        return None, "conditional"
    if (cue := _has(_HAD_BEEN_DUE, fw, near_lo, t)) is not None:
        # "Blinken had been due to arrive on Sunday for talks with Qin": a plan told as overtaken.
        return Status.CANCELLED, "cancelled:" + " ".join(cue)
    if (cue := _has(cues.planned_before, fw, near_lo, t)) is not None:
        if _called_off_since(cue, raw, te, cues):
            return Status.CANCELLED, "cancelled:was-to"
        return Status.PLANNED, "planned:" + " ".join(cue)
    if (opener := _purpose_opener(fw, t, lang)) is not None:
        # "doit se rendre à Varsovie, pour y rencontrer X", "is due in Belgrade on Tuesday to meet X":
        # an infinitive of purpose is as planned as the journey that governs it.
        if (cue := _has(cues.planned_before + cues.planned_after, fw, lo, opener)) is not None:
            return Status.PLANNED, "planned:purpose:" + " ".join(cue)
        if any(_FUTURE_PLURAL.search(w) for w in fw[lo:opener]) or _future_after_clitic(fw, lo, opener, cues):
            return Status.PLANNED, "planned:purpose:future-tense"
    if verb and cues.future_suffix is not None and cues.future_suffix.search(trig):
        return Status.PLANNED, "future-tense"
    if verb and lang == "fr" and (_FR_INFINITIVE.search(trig) or fw[t - 1:t] == ["etre"]) and \
            (cue := _has(cues.planned_before, fw, lo, t)) is not None:
        # "il doit se rendre au Niger ... et s'entretenir avec X", "puis être reçu par Y": an infinitive
        # is never told as done; the plan earlier in its clause governs it.
        if _called_off_since(cue, raw, te, cues):
            return Status.CANCELLED, "cancelled:was-to"
        return Status.PLANNED, "planned:governing:" + " ".join(cue)
    if (cue := _has(cues.planned_after, fw, te, min(hi, te + 14), _COORDINATORS)) is not None:
        return Status.PLANNED, "planned:" + " ".join(cue)
    return Status.OCCURRED, "occurred"
