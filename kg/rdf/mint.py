"""Deterministic IRIs for everything we name: no blank nodes, no run-order ids.

Minted IRIs are ``https://w3id.org/leader-contacts/id/<kind>/<slug>-<hash>``:
the slug is ASCII (readable), the hash makes them unique and stable. Whatever
the input text holds, the result is a valid IRI.
"""

from __future__ import annotations

import functools
import hashlib
import re

from pyoxigraph import NamedNode

from kg.model import FuzzyDate, Leader, Mode, Topic
from kg.rdf.vocab import ID, WD
from kg.text import slug

_QID = re.compile(r"^Q[1-9]\d{0,11}$")


def digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return h[:size]


@functools.lru_cache(maxsize=1 << 16)
def minted(kind: str, label: str, *key: str) -> NamedNode:
    # Cached: slugging is the costliest step of writing a large graph, and the
    # same leaders and topics are minted again for every contact they are in.
    return NamedNode(f"{ID}{kind}/{slug(label, 60)}-{digest(label, *key, size=12)}")


def leader_iri(leader: Leader) -> NamedNode:
    if leader.linked and _QID.match(leader.key):
        return NamedNode(WD + leader.key)
    return minted("leader", leader.label_en or leader.key, leader.key)


def topic_iri(topic: Topic) -> NamedNode:
    if topic.qid and _QID.match(topic.qid):
        return NamedNode(WD + topic.qid)
    return minted("topic", topic.label, topic.lang)


def article_iri(content_hash: str) -> NamedNode:
    return NamedNode(f"{ID}article/{content_hash[:32]}")


def contact_key(participants: tuple[str, ...], date: FuzzyDate | None, mode: Mode) -> str:
    return digest(*sorted(participants), date.iso() if date else "", mode.value, size=20)


def contact_iri(key: str) -> NamedNode:
    return NamedNode(f"{ID}contact/{key}")


def evidence_iri(contact: str, content_hash: str, start: int, end: int) -> NamedNode:
    return NamedNode(f"{ID}evidence/{digest(contact, content_hash, str(start), str(end), size=20)}")


def extractor_iri(extractor: str, model: str, model_version: str) -> NamedNode:
    return NamedNode(f"{ID}extractor/{slug(extractor, 40)}-{digest(extractor, model, model_version, size=10)}")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
