"""Dependency-based refinement of French frames (fr_core_news_md parses).

The shallow frame is right most of the time on news prose; the parse is used
where word order misleads it:

* a passive with its agent ("X a été reçu par Y": Voice=Pass + obl:agent);
* a subject far from its verb, or controlled by another verb ("X a refusé de
  recevoir Y", "X, visiblement agacé, a appelé Y") when the shallow frame found
  no agent;
* embedded clauses that are not the trigger's (acl:relcl, ccomp, advcl,
  parataxis): their dates and modal cues are masked, so "Macron, qui a vu
  Biden mardi, a parlé jeudi avec Poutine" dates the call to Thursday.

Only sentences that hold a trigger are parsed (see ``Extractor``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from kg.extract.frames import Frame
from kg.extract.mentions import Kind, Mention
from kg.extract.triggers import Trigger
from kg.nlp.segment import Sentence
from kg.text import Word

MAX_PARSED_CHARS = 3000
_CLAUSE_DEPS = {"acl:relcl", "ccomp", "advcl", "parataxis", "csubj"}
_SUBJ_DEPS = {"nsubj", "nsubj:pass"}
_CONTROL_DEPS = {"xcomp", "obj", "obl:arg", "ccomp", "acl", "advcl"}


def _mention_at(mentions: list[Mention], char: int) -> Mention | None:
    return next((m for m in mentions if m.start <= char < m.end), None)


@dataclass
class DependencyRefiner:
    docs: dict[int, Any]  # sentence start offset -> spaCy Doc of that sentence

    @classmethod
    def for_sentences(cls, sentences: Iterable[Sentence], batch_size: int = 64) -> DependencyRefiner:
        from kg.nlp.models import load

        # A "sentence" of thousands of characters is a table, a list or junk, not prose: the
        # shallow rules read it, the parser does not (spaCy's E088 limit, and its French
        # tokenizer is quadratic on runs of "!").
        sentences = [s for s in sentences if len(s.text) <= MAX_PARSED_CHARS]
        if not sentences:
            return cls({})
        nlp = load()
        docs = nlp.pipe((s.text for s in sentences), batch_size=batch_size)
        return cls({s.start: d for s, d in zip(sentences, docs, strict=True)})

    def __call__(self, sent: Sentence, ws: list[Word], mentions: list[Mention], trig: Trigger,
                 frame: Frame | None) -> Frame | None:
        doc = self.docs.get(sent.start)
        if doc is None:
            return frame
        tok = self._token(doc, trig.start - sent.start)
        if tok is None:
            return frame
        excluded = self._excluded_words(doc, tok, sent.start, ws)
        if frame is not None:
            frame = replace(frame, excluded=tuple(sorted(set(frame.excluded) | excluded)))
            passive = self._passive(tok, sent.start, mentions)
            if passive is not None:
                # "X et Y ont été reçus par Z": received together, one meeting of the three.
                agent, patients = passive
                return replace(frame, agents=(agent,), partners=patients, together=len(patients) > 1,
                               rule="dep-passive", passive=True)
            if not frame.agents:
                subj = self._subject(tok, sent.start, mentions)
                if subj:
                    return replace(frame, agents=tuple(subj), rule="dep-subject")
            return frame
        return None

    @staticmethod
    def _token(doc: Any, char: int) -> Any | None:
        for t in doc:
            if t.idx <= char < t.idx + len(t.text):
                return t
        return None

    @staticmethod
    def _excluded_words(doc: Any, tok: Any, base: int, ws: list[Word]) -> set[tuple[int, int]]:
        """Word ranges of embedded clauses that do not contain the trigger."""
        ancestors = {tok.i, *(a.i for a in tok.ancestors)}
        out: set[tuple[int, int]] = set()
        for t in doc:
            if t.dep_ in _CLAUSE_DEPS and t.i not in ancestors:
                sub = list(t.subtree)
                if any(s.i == tok.i for s in sub):
                    continue
                s, e = base + sub[0].idx, base + sub[-1].idx + len(sub[-1].text)
                idx = [k for k, w in enumerate(ws) if s <= w.start and w.end <= e]
                if idx:
                    out.add((idx[0], idx[-1] + 1))
        return out

    @staticmethod
    def _passive(tok: Any, base: int, mentions: list[Mention]) -> tuple[Mention, tuple[Mention, ...]] | None:
        if "Pass" not in tok.morph.get("Voice"):
            return None
        agent = next((c for c in tok.children if c.dep_ == "obl:agent"), None)
        patient = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
        if agent is None or patient is None:
            return None
        a = _mention_at(mentions, base + agent.idx)
        p = _mention_at(mentions, base + patient.idx) or _subtree_mention(patient, base, mentions)
        if a is None or p is None or a is p or Kind.INSTITUTION in (a.kind, p.kind):
            return None
        more = [_mention_at(mentions, base + c.idx) for c in patient.conjuncts]
        return a, (p, *(m for m in more if m is not None and m is not p and m is not a
                        and m.kind is not Kind.INSTITUTION))

    @staticmethod
    def _subject(tok: Any, base: int, mentions: list[Mention]) -> list[Mention]:
        """nsubj of the trigger, climbing through control verbs ("a refusé de recevoir")."""
        node = tok
        for _ in range(4):
            subj = next((c for c in node.children if c.dep_ in _SUBJ_DEPS), None)
            if subj is not None:
                if subj.morph.get("PronType") == ["Rel"] and node.dep_ == "acl:relcl":
                    subj = node.head
                m = _mention_at(mentions, base + subj.idx) or _subtree_mention(subj, base, mentions)
                if m is None or m.kind is Kind.INSTITUTION:
                    return []
                out = [m]
                for c in subj.conjuncts:
                    cm = _mention_at(mentions, base + c.idx)
                    if cm is not None and cm not in out:
                        out.append(cm)
                return out
            if node.dep_ not in _CONTROL_DEPS or node.head is node:
                return []
            node = node.head
        return []


def _subtree_mention(tok: Any, base: int, mentions: list[Mention]) -> Mention | None:
    """The mention inside a subject phrase ("le président russe Vladimir Poutine")."""
    for t in tok.subtree:
        m = _mention_at(mentions, base + t.idx)
        if m is not None and m.kind is not Kind.INSTITUTION:
            return m
    return None
