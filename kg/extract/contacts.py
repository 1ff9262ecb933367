"""Sentences with mentions and triggers -> contact events of one article.

For each trigger the frame stage gives agents and partners; this module turns
their mentions into people (anaphora, counterparts), reads the status, date,
mode and topics from the trigger's clause, and yields one candidate event per
real contact. ``kg.extract.dedupe`` then merges what the article says twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from kg.extract.contact_dates import contact_date, other_occasions, postponed_to
from kg.extract.dates import TimeExpr, find_time_expressions
from kg.extract.dedupe import headline_only
from kg.extract.denials import apply_denials, note_denial
from kg.extract.discourse import Discourse, reference_day
from kg.extract.frames import JOIN, SPEECH, Frame, ShallowFrames
from kg.extract.lexicon import CLITIC_VERBS, SEATS
from kg.extract.mentions import Kind, Mention, MentionFinder
from kg.extract.modality import status_of
from kg.extract.narrative import Episode, carry_dates, lead_episode, meetings_on_a_visit
from kg.extract.news_day import date_the_days_news
from kg.extract.occasions import EarlierOccasion, earlier_occasions, listed_dates
from kg.extract.summits import names_a_series
from kg.extract.topics import find_topics
from kg.extract.triggers import Trigger, TriggerFinder
from kg.extract.visits import travels_to, visit_host
from kg.gazetteer.load import Gazetteer
from kg.model import Article, ContactEvent, Evidence, FuzzyDate, Mode, Status, Topic
from kg.nlp.segment import Sentence, split_sentences
from kg.text import Word, folded_words, has_phrase, words

# A frame builder that refines the shallow one, e.g. from a dependency parse.
FrameRefiner = Callable[[Sentence, list[Word], list[Mention], Trigger, Frame | None], Frame | None]

_MODE_WORDS: dict[Mode, set[tuple[str, ...]]] = {
    # Not a bare "video": "to play a video" in the Oval Office is no video call.
    Mode.VIDEO: {folded_words(w) for w in ("visioconférence", "visio", "par vidéo", "en vidéo", "videoconference",
                                           "video link", "video call", "video conference", "video meeting",
                                           "video summit", "via video", "virtual", "virtually", "en ligne", "virtuel",
                                           "virtuelle", "by video", "appel vidéo", "entretien vidéo")},
    Mode.PHONE: {folded_words(w) for w in ("téléphone", "téléphonique", "téléphoniques", "téléphoné", "appel",
                                           "coup de fil", "phone", "telephone", "phoned", "telephoned",
                                           "phone call", "call", "calls", "dialed", "dialled")},
    Mode.MEETING: {folded_words(w) for w in ("en marge", "sidelines", "in person", "en personne", "face à face",
                                             "face-to-face", "reçu", "recevra", "accueilli", "visite", "visit",
                                             "sommet", "summit", "tête-à-tête",
                                             "hosted", "host", "welcomed", "received", "rencontre", "met",
                                             "meeting", "dîner", "dinner", "banquet", "audience")},
    Mode.LETTER: {folded_words(w) for w in ("lettre", "letter", "courrier", "missive", "letters", "lettres")},
}
# A mention is only as sure as the way it names: a name beats a role beats "il".
_MENTION_CERTAINTY = {Kind.NAME: 1.0, Kind.ROLE: 0.9, Kind.GROUP: 0.85, Kind.COUNTERPART: 0.85,
                      Kind.UNKNOWN: 0.8, Kind.ANAPHOR: 0.7}
_DATELINE = re.compile(r"^\s*[A-ZÀ-Ý][A-Za-zÀ-ÿ'’ .-]{1,40}?(?:\s*\([^)]{1,30}\))?\s*,\s*(?P<date>[^()\n]{3,30}?)\s*"
                       r"\((?:AFP|Reuters|AP|ANSA|dpa|Belga|ATS|EFE|Xinhua|TASS|UPI|Bloomberg|APS|MAP)\)")


@dataclass
class ArticleState:
    """Everything extraction knows while reading one article, sentence by sentence."""

    article: Article
    lang: str
    discourse: Discourse
    reference: FuzzyDate | None
    events: list[ContactEvent] = field(default_factory=list)
    pairs: list[tuple[str, ...]] = field(default_factory=list)
    last_day: FuzzyDate | None = None
    denials: list[frozenset[str]] = field(default_factory=list)  # pairs a sentence says never talked
    sentence_when: FuzzyDate | None = None  # the one past date the current sentence gives, if any
    # "After a meeting with Biden, he ...": (where the fronted phrase ends, the people it met there)
    adjunct: tuple[int, frozenset[str]] = (0, frozenset())


def reference_date(article: Article) -> FuzzyDate | None:
    """The date relative phrases hang on: a dateline in the body beats the header."""
    m = _DATELINE.match(article.text[:200])
    if m:
        found = find_time_expressions(m.group("date"), article.published)
        if found and found[0].past is not None and found[0].past.day is not None:
            return found[0].past
    return article.published


def _people(state: ArticleState, m: Mention, sentence: int, anchor: str | None) -> tuple[str, ...]:
    if m.resolved:
        return m.people
    if m.kind is Kind.ANAPHOR and m.anaphor is not None:
        if m.anaphor.plural and m.anaphor.first_person:
            # "We agreed to meet in September": the readout's author and the leader of its latest contact.
            author = state.discourse.author()
            return next((p for p in reversed(state.pairs) if author in p), ()) if author else ()
        if m.anaphor.plural:
            # "Les deux hommes s'étaient déjà rencontrés l'an dernier": the pair who were both leaders then.
            pairs = [p for p in state.pairs if _all_in_office(state.discourse.gaz, p, state.sentence_when)]
            if m.anaphor.office is not None:
                # "Les deux chefs de la diplomatie": the last pair of foreign ministers, not of presidents.
                pairs = [p for p in pairs if _all_hold(state.discourse, p, m.anaphor.office)]
            return state.discourse.plural(sentence, m.start, pairs, m.anaphor.count, anchor)
        if m.anaphor.first_person:
            key = state.discourse.author()
            return (key,) if key and key != anchor else ()
        if m.anaphor.protagonist:
            # "Le diplomate sud-coréen doit rencontrer ...": whom the story is about, its first person.
            first = next((k for _, _, k in state.discourse.history if k != anchor), None)
            return (first,) if first else ()
        exclude = {anchor} if anchor else set()
        if m.start > state.adjunct[0]:
            exclude |= state.adjunct[1]
        key = state.discourse.singular(sentence, m.start, exclude, latest=m.anaphor.latest)
        return (key,) if key else ()
    if m.kind is Kind.COUNTERPART and m.spec is not None:
        key = state.discourse.counterpart(m.spec, anchor)
        return (key,) if key else ()
    return ()


_PLACE_PREPS = {"in", "at", "a", "au"}
_NOT_PLACES = {folded_words(w)[0] for w in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "janvier", "février",
    "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche")}


def _remote_mode(text: str) -> Mode:
    """The telephone or video medium a sentence names, if any ("s'est tenu par visioconférence")."""
    fw = folded_words(text)
    return next((mode for mode in (Mode.VIDEO, Mode.PHONE) if has_phrase(fw, _MODE_WORDS[mode])), Mode.UNSPECIFIED)


def _in_a_place(ws: list[Word], frame: Frame, trig: Trigger, mentions_at: set[int], finder: MentionFinder) -> bool:
    """"held talks in Sochi", "met Xi in Moscow": a named town next to the contact sets a meeting.

    Only right after the trigger or its partner, and not a country: "to discuss the
    situation in Israel" is a topic, not where they met.
    """
    fw = [w.folded for w in ws]
    anchors = [trig.words[1], *(m.words[1] for m in frame.partners)]
    lo = frame.window[0]
    # A fronted place counts too: "Mardi à Moscou, le chef de l'ONU s'était entretenu avec X".
    spans = [range(a + 1, min(a + 4, frame.window[1])) for a in anchors] + [range(lo + 1, min(lo + 4, trig.words[0]))]
    for span in spans:
        for k in span:
            prep = ws[k - 1].folded in _PLACE_PREPS or (
                k >= 2 and ws[k - 1].folded in ("the", "l", "le", "la") and ws[k - 2].folded in _PLACE_PREPS)
            # French "à Grenade" (bare "à") is a town or an island where they are; "in Israel" after
            # "the situation" is a topic, and "à la Grenade" is the country.
            bare_a = ws[k - 1].folded == "a" and finder.lang == "fr"
            if prep and ws[k].capitalised and ws[k].folded not in _NOT_PLACES \
                    and not ws[k].text.isupper() and k not in mentions_at and (bare_a or not finder.country_at(fw, k)):
                return True
    return False


def _mode(trig: Trigger, fw: list[str], frame: Frame, place: bool = False,
          other: tuple[tuple[int, int], ...] = ()) -> Mode:
    """The contact's mode from the words of its clause.

    ``other``: ranges telling another occasion ("a day after his call with Putin"). Their phone,
    video or letter words are that occasion's; a summit there is still where both were.
    """
    lo, hi = frame.window
    fw = list(fw)
    for s, e in frame.excluded:  # "qui a rencontré X lundi" says nothing of this contact's mode
        fw[s:e] = [""] * (e - s)
    elsewhere = {k for s, e in other for k in range(s, e)}
    t, te = trig.words
    found: set[Mode] = set()
    for mode, seqs in _MODE_WORDS.items():
        # A trigger that names its medium ("un coup de fil avec X pour préparer la réunion en
        # visioconférence") keeps it against another medium, unless that one sits right by it
        # ("a call by video link"). "Calls off a meeting" names no medium at all.
        near = mode is trig.spec.mode or trig.spec.mode is Mode.UNSPECIFIED or mode is Mode.MEETING
        for seq in seqs:
            n = len(seq)
            if any(tuple(fw[i:i + n]) == seq and (mode is Mode.MEETING or i not in elsewhere)
                   and (near or t - 3 <= i <= te + 3) and fw[i + n:i + n + 1] != ["off"]
                   for i in range(lo, max(lo, hi - n + 1))):
                found.add(mode)
    for mode in (Mode.VIDEO, Mode.PHONE):
        if mode in found:
            return mode
    if trig.spec.mode is not Mode.UNSPECIFIED:
        return trig.spec.mode
    for mode in (Mode.MEETING, Mode.LETTER):
        if mode in found:
            return mode
    if place:
        return Mode.MEETING
    return Mode.UNSPECIFIED


_DATED = {"dated", "date", "datee", "dates", "datees"}
_DEFINITE = {"the", "this", "that", "le", "la", "l", "cet", "ce", "cette", "leur", "their"}
_NOUN_MAKERS = {"the", "this", "that", "le", "la", "cet", "ce", "cette"}


def _refine_last(state: ArticleState, trig: Trigger, ws: list[Word], mentions: list[Mention],
                 times: list[TimeExpr]) -> None:
    """A later definite noun restates the last contact and may complete it.

    "L'entretien téléphonique a duré une heure" gives its mode; "The letter, dated Wednesday, ..."
    gives the day an undated contact lacked.
    """
    fw = [w.folded for w in ws]
    if not state.events or trig.words[0] == 0:
        return
    if trig.spec.pos != "noun" and fw[trig.words[0] - 1] not in _NOUN_MAKERS:
        return  # "cette rencontre", "la visite": after these a verb form is the noun
    if fw[trig.words[0] - 1] not in _DEFINITE and not (trig.words[0] > 1 and fw[trig.words[0] - 2] in _DEFINITE):
        return
    mode = _mode(trig, fw, Frame((), (), False, (trig.words[0], min(len(fw), trig.words[1] + 3)), "mode"))
    last = state.events[-1]
    named = {k for m in mentions for k in m.people}
    if named and not named & last.keys:
        return
    date = last.date
    te = trig.words[1]
    near = [t for t in times if te < len(ws) and ws[te].start <= t.start <= ws[min(len(ws) - 1, te + 3)].end
            and t.past is not None and t.past.day is not None and not t.since]
    # "The letter, dated Wednesday": an explicit dating beats a day read off the sentence around it.
    dated = bool(near) and ws[te].folded in _DATED
    if (date is None or dated) and len(near) == 1 and last.status is Status.OCCURRED and \
            (mode is Mode.UNSPECIFIED or last.mode in (Mode.UNSPECIFIED, mode)):
        date = near[0].past
    if last.mode is not Mode.UNSPECIFIED:
        mode = last.mode
    state.events[-1] = replace(last, date=date, mode=mode)


# Aggregate cues that a list of dates turns into countable occasions.
_COUNT_CUES = {"no-contact:a plusieurs reprises", "no-contact:plusieurs fois", "no-contact:several times"}


def _reported(fw: list[str], frame: Frame) -> bool:
    """Is the clause the complement of a speech verb ("said (that) he would ...", "said he would
    visit China, and that Xi would come ...")?"""
    lo = frame.window[0]
    return any(w in SPEECH["en"] for w in fw[max(0, lo - 2):lo]) or (
        lo > 0 and fw[lo - 1] == "that" and any(w in SPEECH["en"] for w in fw[:lo]))


def _counterfactual(fw: list[str], frame: Frame) -> bool:
    """"It would have been the first meeting since June": what would have been, is not planned."""
    lo, hi = frame.window
    return any(fw[k] == "would" and fw[k + 1] == "have" for k in range(max(0, lo), min(len(fw), hi) - 1))


def _has_time(times: list[TimeExpr], ws: list[Word], frame: Frame) -> bool:
    lo, hi = frame.window
    if not (0 <= lo < hi <= len(ws)):
        return False
    return any(ws[lo].start <= t.start and t.end <= ws[hi - 1].end and t.future is not None for t in times)


_ADJUNCT_OPENERS = {"after", "following", "during", "before", "apres", "lors", "avant", "pendant", "durant"}
_COMPANION_PREPS = {"with", "avec", "to", "a", "aupres"}


def _fronted_partners(ws: list[Word], text: str, offset: int, mentions: list[Mention]) -> tuple[int, frozenset[str]]:
    """"After a three-hour meeting with Biden on Monday, he met Macron": Biden is who "he" met, so
    not who "he" is. Returns where the fronted phrase ends and the people met in it."""
    if not ws or ws[0].folded not in _ADJUNCT_OPENERS:
        return 0, frozenset()
    comma = text.find(",", 0)
    if comma < 0:
        return 0, frozenset()
    end = offset + comma
    firsts = {w.start: k for k, w in enumerate(ws)}
    met = {key for m in mentions if m.end <= end and m.resolved and firsts.get(m.start, 0) > 0
           and ws[firsts[m.start] - 1].folded in _COMPANION_PREPS for key in m.people}
    return end, frozenset(met)


def sentence_events(state: ArticleState, sent: Sentence, finder: MentionFinder, trig_finder: TriggerFinder,
                    refine: FrameRefiner | None = None) -> list[ContactEvent]:
    """Candidate events of one sentence; updates the article's discourse state."""
    ws = words(sent.text, sent.start)
    mentions = [state.discourse.resolve(m, sent.index) for m in finder.find(sent.text, sent.start)]
    # A "we" that names nobody ("We are delighted to welcome X", said by a transcript's speaker)
    # must not take the subject slot from the speaker the frame would otherwise find.
    mentions = [m for m in mentions if not (m.kind is Kind.ANAPHOR and m.anaphor is not None and m.anaphor.plural
                                            and m.anaphor.first_person and not _people(state, m, sent.index, None))]
    state.adjunct = _fronted_partners(ws, sent.text, sent.start, mentions)
    for m in mentions:
        # "Il ... Il ...": a subject pronoun carries its referent on to the next sentence.
        if m.kind is Kind.ANAPHOR and m.anaphor is not None and not m.anaphor.plural and not m.anaphor.possessive \
                and not m.anaphor.first_person:
            skip = set(state.adjunct[1]) if m.start > state.adjunct[0] else set()
            state.discourse.slots.append((sent.index, m.start, state.discourse.singular(sent.index, m.start, skip)))
    triggers = trig_finder.find(ws, sent.text, sent.start)
    note_denial(state.denials, state.pairs, ws, mentions, [tr.words[0] for tr in triggers])
    if not triggers:
        return []
    shallow = ShallowFrames(state.lang, sent.text, sent.start, ws, mentions)
    person_words = {k for m in mentions if m.kind is not Kind.INSTITUTION for k in range(*m.words)}
    times = find_time_expressions(sent.text, state.reference, sent.start)
    # "exchanged letters since their summit in Hanoi in February": February is the summit's alone.
    occasions = earlier_occasions(ws, triggers, times, sent.text, sent.start)
    owned = {occ.time for occ in occasions}
    times_for = {occ.trigger: [t for t in times if t not in owned or t is occ.time] for occ in occasions}
    pasts = {t.past for t in times if t.past is not None and not t.since}
    state.sentence_when = pasts.pop() if len(pasts) == 1 else None
    fw = shallow.fw
    out: list[ContactEvent] = []
    hosted: set[int] = set()  # ids of the events whose other participant a visit's destination gave
    settings = [trig for trig in triggers if _setting(trig, fw)]
    # "Biden et Lapid ont rejoint Modi pour un sommet virtuel": the summit is the contact, with all of them.
    joins = [trig for trig in triggers if fw[trig.words[0]] in JOIN and any(
        o.start > trig.start and o.spec.pos == "noun" for o in triggers)]
    for trig in triggers:
        if _inside_mention(trig, mentions):
            continue
        if trig in joins:
            continue
        if trig in settings and len(settings) < len(triggers):
            # "la réunion qui devait se tenir en marge du sommet, avec X et Y": the summit is where
            # the sentence's own contact was to be, not a contact of its own.
            continue
        frame = shallow.frame(trig)
        if refine is not None:
            frame = refine(sent, ws, mentions, trig, frame)
        if frame is None:
            _refine_last(state, trig, ws, mentions, times)
            continue
        if _idiom(trig, fw) or _calls_for(trig, frame, fw, state.lang):
            continue
        # "La rencontre ... est reportée": after a determiner a verb form is a noun.
        verb = trig.spec.pos == "verb" and (trig.words[0] == 0 or fw[trig.words[0] - 1] not in _NOUN_MAKERS
                                            or fw[trig.words[0]] in CLITIC_VERBS)  # "Macron le recevra"
        status, cue = status_of(ws, trig.words, frame.window, state.lang, verb, frame.excluded)
        if status is None and cue == "no-contact:would" and (_has_time(times, ws, frame) or _reported(fw, frame)) \
                and not _counterfactual(fw, frame):
            # "said he would speak with X on Sunday", "Merz said he would call Trump": a reported plan.
            status, cue = Status.PLANNED, "planned:reported-would"
        if status is Status.OCCURRED and sent.index < 0 and _headline_infinitive(trig, frame, fw, state.lang):
            status, cue = Status.PLANNED, "planned:headline-to"  # "Biden to meet Xi in Bali"
        listed = listed_dates(ws, frame.window, times) if status is Status.OCCURRED or cue in _COUNT_CUES else []
        if listed:
            status, cue = Status.OCCURRED, "occurred:listed"  # "twice, in February and September"
        if status is None:
            # "Blinken and Lavrov attended the session but did not meet. The two have not held talks
            # since ...": the pair a denied contact names is whom a later "the two" means.
            named = tuple(dict.fromkeys(k for m in frame.agents for k in _people(state, m, sent.index, None)))
            if len(named) == 2 and len(frame.agents) == 2 and not frame.partners:
                state.pairs.append(named)
            continue
        if frame.rule.startswith("coordinated") and cue == "occurred" and out:
            # "doit se rendre à Varsovie, puis être reçu par X": the plan covers both verbs.
            status, cue = out[-1].status, "coordinated:" + out[-1].status.value
        extra = [(k, 0.8) for m in shallow.companions(frame) for k in _people(state, m, sent.index, None)]
        groups = _groups(state, frame, sent.index, _mutual(trig, fw))
        host = visit_host(state.discourse, state.lang, fw, trig, finder, mentions) if not groups and frame.agents \
            else None
        if host is not None:
            agents = [(k, _MENTION_CERTAINTY.get(m.kind, 0.7)) for m in frame.agents
                      for k in _people(state, m, sent.index, None)]
            groups = [(None, [*agents, (host, 0.8)])] if agents and host not in dict(agents) else []
        if not any(len({k for k, _ in group + extra}) >= 2 for _, group in groups):
            # "Lors de cette rencontre, mardi, le président américain ...": the last contact, restated.
            _refine_last(state, trig, ws, mentions, times)
            continue
        mode = _mode(trig, fw, frame, _in_a_place(ws, frame, trig, person_words, finder),
                     tuple(other_occasions(ws, sent, trig)))
        topics = _unique_topics(find_topics(sent.text, ws, frame.window[0], len(ws), state.lang, sent.start))
        for partner, group in groups:
            keys = tuple(dict.fromkeys(k for k, _ in group + extra))
            if len(keys) < 2:
                continue
            certainty = min(c for _, c in group)
            own_times = times_for.get(trig, [t for t in times if t not in owned])
            dates = listed or [contact_date(state, sent, own_times, ws, frame, trig, status, triggers, partner)]
            new_day = postponed_to(sent, own_times, cue) if status is Status.CANCELLED else \
                postponed_to(sent, times, cue, ws, trig) if status is Status.PLANNED else None
            if new_day is not None:
                # "postponed until March 10", "reporté au 10 mars": still to come, on the new day.
                status, cue, dates = Status.PLANNED, "planned:postponed-to", [new_day]
            # The title is not part of the body that offsets index: its evidence sits at 0-0.
            span = (0, 0) if sent.index < 0 else (sent.start, sent.end)
            evidence = Evidence(state.article.id, sent.text, *span,
                                f"{state.lang}:{'title:' if sent.index < 0 else ''}{trig.spec.name}:{frame.rule}:{cue}",
                                round(trig.spec.strength * certainty, 3))
            leaders = tuple(state.discourse.leader(k) for k in keys)
            own_mode = Mode.MEETING if mode is Mode.UNSPECIFIED and travels_to(fw, finder, leaders) else mode
            made = [ContactEvent(leaders, own_mode, status, d, topics, (evidence,)) for d in dates]
            out.extend(made)
            if host is not None:
                hosted.update(id(e) for e in made)
    # "se rend samedi à Ankara, où elle doit rencontrer Erdogan": where the contact the sentence tells
    # outright has another status, it speaks for the trip there, whose present tense says less.
    told = {(e.keys, e.status) for e in out if id(e) not in hosted}
    out = [e for e in out if id(e) not in hosted or not any(k == e.keys and st is not e.status for k, st in told)]
    return out + _earlier_events(state, sent, mentions, occasions)


def _earlier_events(state: ArticleState, sent: Sentence, mentions: list[Mention],
                    occasions: list[EarlierOccasion]) -> list[ContactEvent]:
    """"leur premier échange depuis la mi-septembre": the earlier contact, dated by the phrase."""
    out = []
    for occ in occasions:
        owner = next((m for m in mentions if m.words[0] <= occ.possessive < m.words[1]), None)
        keys = tuple(dict.fromkeys(_people(state, owner, sent.index, None))) if owner else ()
        if len(keys) < 2 or occ.time.past is None:
            continue
        span = (0, 0) if sent.index < 0 else (sent.start, sent.end)
        evidence = Evidence(state.article.id, sent.text, *span,
                            f"{state.lang}:{occ.trigger.spec.name}:earlier-occasion:occurred",
                            round(occ.trigger.spec.strength * 0.7, 3))  # inferred, not reported outright
        leaders = tuple(state.discourse.leader(k) for k in keys)
        mode = occ.trigger.spec.mode
        if occ.same_kind and state.events and mode is Mode.UNSPECIFIED:
            mode = state.events[-1].mode  # "leur précédent échange de ce type": the kind just told
        out.append(ContactEvent(leaders, mode, Status.OCCURRED, occ.time.past, (), (evidence,)))
    return out


# "a appelé Poutine à cesser le feu", "called on Xi to", "called him a liar", "called off": no call at all.
_CALL_FOR = {"fr": ({"a", "au", "aux"}, {"a", "au", "aux"}), "en": ({"for", "on", "upon", "off"}, {"a", "an"})}


# "stay in contact", "rester en contact étroit": a promise, not a contact.
_IN_CONTACT = {"in", "en", "close", "etroit", "touch", "keep", "maintain", "maintenir", "garder", "regular",
               "permanent", "constant", "regulier", "reguliers", "de"}


_SETTINGS = [folded_words(p) for p in ("en marge du", "en marge de la", "en marge de l", "en marge des",
                                        "on the sidelines of the", "on the sidelines of", "on the margins of the",
                                        "in the margins of the", "at the sidelines of the")]


def _setting(trig: Trigger, fw: list[str]) -> bool:
    """Is the trigger the occasion another contact happened at ("en marge du sommet")?"""
    t = trig.words[0]
    return any(tuple(fw[t - len(p):t]) == p for p in _SETTINGS if t >= len(p))


# "trade talks", "peace talks": negotiations between delegations, not a contact of the leaders named.
_NEGOTIATION_TOPICS = {"trade", "tariff", "peace", "ceasefire", "nuclear", "security", "climate", "border", "arms",
                       "debt", "budget", "coalition", "hostage", "truce", "disarmament", "accession"}
_SUMMIT_NOUNS = {"summit", "summits", "sommet", "sommets"}  # also "video summit"


def _idiom(trig: Trigger, fw: list[str]) -> bool:
    """"in contact with", "the so-called I2U2 group": the contact word is part of a set phrase; "the
    G7 summit", "le sommet de l'Otan" name a gathering, and "trade talks" negotiations, not a contact
    of the leaders the sentence names."""
    before = fw[trig.words[0] - 1] if trig.words[0] > 0 else ""
    return (trig.spec.name == "contact" and before in _IN_CONTACT) or (trig.spec.name == "call" and before == "so") \
        or (fw[trig.words[1] - 1] in _SUMMIT_NOUNS and names_a_series(fw, *trig.words)) \
        or (trig.spec.name == "talks" and before in _NEGOTIATION_TOPICS)


def _headline_infinitive(trig: Trigger, frame: Frame, fw: list[str], lang: str) -> bool:
    """"Biden to meet Xi", "Scholz to visit China": a headline's subject + "to" + verb is a plan."""
    t = trig.words[0]
    return lang == "en" and trig.spec.pos == "verb" and t >= 2 and fw[t - 1] == "to" \
        and any(m.words[1] == t - 1 for m in frame.agents)


def _calls_for(trig: Trigger, frame: Frame, fw: list[str], lang: str) -> bool:
    if trig.spec.name not in ("appeler", "call"):
        return False
    right_after, after_object = _CALL_FOR.get(lang, _CALL_FOR["en"])
    after = trig.words[1]
    if after < len(fw) and fw[after] in right_after:
        # "a call on Thursday", "called on 3 March": a date, not "called on Putin to".
        nxt = fw[after + 1] if after + 1 < len(fw) else ""
        return not (fw[after] == "on" and (nxt in _NOT_PLACES or nxt.isdigit()))
    for m in frame.partners:
        nxt = m.words[1]
        if nxt < len(fw) and fw[nxt] in after_object and fw[nxt + 1:nxt + 2] != ["telephone"]:
            return True
    return False


def _unique_topics(topics: Iterable[Topic]) -> tuple[Topic, ...]:
    seen, out = set(), []
    for t in topics:
        k = t.qid or t.label.casefold()
        if k not in seen:
            seen.add(k)
            out.append(t)
    return tuple(out)


def _inside_mention(trig: Trigger, mentions: list[Mention]) -> bool:
    """"le chef de la diplomatie" contains no contact, nor does a name like "Lettre"."""
    return any(m.start <= trig.start and trig.end <= m.end for m in mentions)


def _mutual(trig: Trigger, fw: list[str]) -> bool:
    """Whether a plural subject alone did it with each other: "the leaders met", "les deux hommes se
    sont téléphoné"; not "the leaders welcomed the first deliveries of aid"."""
    t = trig.words[0]
    return trig.spec.reciprocal or trig.spec.pos != "verb" or not {"se", "s"}.isdisjoint(fw[max(0, t - 3):t]) \
        or fw[trig.words[1]:trig.words[1] + 2] in (["each", "other"], ["one", "another"])


def _groups(state: ArticleState, frame: Frame, sentence: int,
            mutual: bool = True) -> list[tuple[Mention | None, list[tuple[str, float]]]]:
    """Participant sets: one per partner, or one for a group acting together (if ``mutual``)."""
    def people(ms: Iterable[Mention], anchor: str | None) -> list[tuple[str, float]]:
        out = []
        for m in ms:
            if m.kind is Kind.INSTITUTION:
                seat = state.discourse.seat_holder(m) if frame.rule in ("passive-seat", "visit-seat") else None
                if seat is None:
                    return []  # a stand-in in the slot: nobody we can name took part
                out.append((seat, 0.7))
                continue
            for k in _people(state, m, sentence, anchor):
                out.append((k, _MENTION_CERTAINTY.get(m.kind, 0.7)))
        return out

    agents = people(frame.agents, None) if frame.agents else []
    anchor = agents[0][0] if agents else None
    if frame.together or not frame.partners:
        partners_all = people(frame.partners, anchor)
        if not partners_all and frame.agents:
            # "les deux dirigeants se sont parlé", "X et Y se sont entretenus"
            return [(None, agents)] if len({k for k, _ in agents}) >= 2 and mutual else []
        return [(None, agents + partners_all)]
    groups: list[tuple[Mention | None, list[tuple[str, float]]]] = []
    for p in frame.partners:
        ps = people([p], anchor)
        if not ps:
            continue
        if p.kind is Kind.ANAPHOR and p.anaphor is not None and p.anaphor.each and agents:
            groups.extend((p, [*agents, one]) for one in ps)  # "avec chacun des deux dirigeants"
            continue
        if not agents:
            anchor_p = ps[0][0]
            groups.append((p, ps + [(k, c) for k, c in people(frame.agents, anchor_p)]))
        else:
            groups.append((p, agents + ps))
    return groups


def home_country(article: Article) -> str | None:
    """The one country whose seat of power the article mentions (Downing Street, the Elysée...), if any."""
    fw = [w.folded for w in words(f"{article.title or ''}\n{article.text}")]
    starts = {i for i, w in enumerate(fw) if w in _SEAT_FIRST_WORDS}
    found = {country for key, country in SEATS.items()
             if any(tuple(fw[i:i + len(key)]) == key for i in starts)}
    return found.pop() if len(found) == 1 else None


_SEAT_FIRST_WORDS = {key[0] for key in SEATS}
_UNNAMED_PM = re.compile(r"^(?:PM|Prime Minister(?:'s|’s)?)\s+[a-z]")


def _readout_home(article: Article, finder: MentionFinder, gaz: Gazetteer, day: dt.date | None) -> str | None:
    """"PM call with President Trump: 26 January 2025": a prime minister's own office writes, and
    the bare "the Prime Minister" of the readout leads the first state it names where a prime
    minister leads ("the United Kingdom stood with Türkiye and Syria": not Syria's, whose
    president leads)."""
    if day is None or not _UNNAMED_PM.match((article.title or "").strip()):
        return None
    fw = [w.folded for w in words(article.text)]
    for k in range(len(fw)):
        country = finder.country_named_at(fw, k)
        home = gaz.countries.get(country) if country is not None else None
        if home is not None and home.primary == "head_of_government" and any(
                o.kind == "head_of_government" and "prime_minister" in o.roles and gaz.holders(o.qid, day)
                for o in gaz.offices_by_country.get(country, ())):
            return country
    return None


def _all_in_office(gaz: Gazetteer, keys: tuple[str, ...], when: FuzzyDate | None) -> bool:
    """Did everyone the gazetteer dates hold a leader's office at some point of ``when``?"""
    if when is None:
        return True
    lo, hi = when.first_day(), when.last_day()
    return all(not gaz.terms_by_person.get(k) or any(
        (t.start is None or t.start.first_day() <= hi) and (t.end is None or t.end.last_day() >= lo)
        for t in gaz.terms_by_person[k]) for k in keys)


def _all_hold(discourse: Discourse, keys: tuple[str, ...], role: str) -> bool:
    """Everyone of ``keys`` held an office with that role or of that kind (at the article's date, else ever)."""
    gaz = discourse.gaz
    return all(any(role in o.roles or role == o.kind for o in (gaz.offices_held(k, discourse.day) or gaz.ever_held(k)))
               for k in keys)


def _in_office_then(gaz: Gazetteer, e: ContactEvent,
                    reference: FuzzyDate | None = None) -> ContactEvent | None:
    """The contact among the participants the gazetteer dates in a leader's office when it took place.

    A president-elect's call or a former leader's visit is no contact between leaders; a meeting of
    three leaders "together with" a president-elect is still theirs. People without known terms
    (minted, or outside the gazetteer's history) are given the benefit. A contact only the headline
    tells is the day's news: it is checked at the article's date. So is a plan: Truss and Macron
    agreeing in September 2022 on a summit "next year" were both leaders when they agreed, whoever
    holds office by then.
    """
    when = e.date or (reference if headline_only(e) else None)
    kept = tuple(p for p in e.participants if _all_in_office(gaz, (p.key,), when))
    if len(kept) < len(e.participants) and e.status is Status.PLANNED and reference is not None:
        kept = tuple(p for p in e.participants if _all_in_office(gaz, (p.key,), reference))
    if len(kept) == len(e.participants):
        return e
    # Only a meeting leaves the others in one room: "Trudeau and Sánchez also called Sheinbaum" (then
    # president-elect) is no call between Trudeau and Sánchez.
    return replace(e, participants=kept) if len(kept) >= 2 and e.mode is Mode.MEETING else None


def _leaders_only(gaz: Gazetteer, e: ContactEvent, reference: FuzzyDate | None) -> ContactEvent | None:
    """The event without the people who were only a minor state's foreign minister then."""
    when = e.date or reference
    day = when.first_day() if when is not None else None
    kept = tuple(p for p in e.participants if not gaz.minor_minister(p.key, day))
    if len(kept) == len(e.participants):
        return e
    return replace(e, participants=kept) if len(kept) >= 2 else None


def title_sentences(article: Article) -> list[Sentence]:
    """The headline as a sentence before the body (negative offsets: it is not in the body).

    Headlines often carry the only full names ("Telephone conversation with
    President of France Emmanuel Macron") and introduce the people the body
    then calls "the two leaders".
    """
    title = (article.title or "").strip()
    if not title:
        return []
    return [Sentence(-1, -len(title) - 1, -1, title, -1)]


def extract_events(article: Article, lang: str, gazetteer: Gazetteer, finder: MentionFinder,
                   trig_finder: TriggerFinder, refine: FrameRefiner | None = None,
                   sentences: list[Sentence] | None = None) -> list[ContactEvent]:
    """All candidate events of an article, in text order (before merging)."""
    reference = reference_date(article)
    day = reference_day(reference)
    # A "PM call with ..." readout is its prime minister's office writing, wherever the talks were held.
    home = _readout_home(article, finder, gazetteer, day) or home_country(article)
    state = ArticleState(article, lang, Discourse(gazetteer, day, home=home), reference)
    body = sentences if sentences is not None else split_sentences(article.text)
    episode: Episode | None = None
    for sent in [*title_sentences(article), *body]:
        events = sentence_events(state, sent, finder, trig_finder, refine)
        if sent.index >= 0:  # a headline narrates nothing: it neither gives nor takes a date
            events, episode = carry_dates(episode, events, sent.index, sent.text, lang)
        if sent.index == 0 and not events:
            people = {k for s, _, k in state.discourse.history if s == 0}
            episode = lead_episode(sent.text, find_time_expressions(sent.text, reference), people, lang,
                                   trig_finder.any_in(words(sent.text)), _remote_mode(sent.text))
            if episode is not None:
                state.last_day = episode.date  # "dans l'après-midi" later on is that day's
        for e in events:
            state.pairs.append(tuple(p.key for p in e.participants))
            if e.date is not None and e.date.day is not None:
                state.last_day = e.date
        state.events.extend(events)
    kept = apply_denials(state.events, state.denials, state.reference)
    leaders = (_leaders_only(gazetteer, e, reference) for e in meetings_on_a_visit(kept))
    found = [e for e in (_in_office_then(gazetteer, e, reference) for e in leaders if e is not None) if e is not None]
    return date_the_days_news(found, article, body, reference, lang)
