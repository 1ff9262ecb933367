"""Namespaces and terms of the public data contract (ontologies/leader-contacts.ttl)."""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.model import Mode, Status

LC = "https://w3id.org/leader-contacts/ns#"
ID = "https://w3id.org/leader-contacts/id/"
WD = "http://www.wikidata.org/entity/"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"

PREFIXES = {"lc": LC, "lcid": ID, "wd": WD, "prov": PROV, "dcterms": DCTERMS, "schema": SCHEMA, "skos": SKOS,
            "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL}


def lc(name: str) -> NamedNode:
    return NamedNode(LC + name)


TYPE = NamedNode(RDF + "type")
LABEL = NamedNode(RDFS + "label")
CONTACT = lc("Contact")
LEADER = lc("Leader")
UNLINKED_LEADER = lc("UnlinkedLeader")
ARTICLE = lc("Article")
EVIDENCE_CLASS = lc("Evidence")
EXTRACTOR = lc("Extractor")
PARTICIPANT = lc("participant")
DATE = lc("date")
STATUS = lc("status")
TOPIC = lc("topic")
SPOKE_WITH = lc("spokeWith")
COUNTRY = lc("country")
EVIDENCE = lc("evidence")
SENTENCE = lc("sentence")
START = lc("startOffset")
END = lc("endOffset")
CONFIDENCE = lc("confidence")
RULE = lc("rule")
REPORTED_STATUS = lc("reportedStatus")
REPORTED_DATE = lc("reportedDate")
REPORTED_PARTICIPANT = lc("reportedParticipant")
REPORTED_MODE = lc("reportedMode")
REPORTED_TOPIC = lc("reportedTopic")
CONTENT_HASH = lc("contentHash")
MODEL = lc("model")
MODEL_VERSION = lc("modelVersion")
DERIVED = NamedNode(PROV + "wasDerivedFrom")
GENERATED_BY = NamedNode(PROV + "wasGeneratedBy")
IDENTIFIER = NamedNode(DCTERMS + "identifier")
TITLE = NamedNode(DCTERMS + "title")
ISSUED = NamedNode(DCTERMS + "issued")
LANGUAGE = NamedNode(DCTERMS + "language")
URL = NamedNode(SCHEMA + "url")
SOFTWARE_VERSION = NamedNode(SCHEMA + "softwareVersion")
CONCEPT = NamedNode(SKOS + "Concept")
PREF_LABEL = NamedNode(SKOS + "prefLabel")

MODE_CLASS = {Mode.PHONE: lc("PhoneCall"), Mode.MEETING: lc("Meeting"), Mode.VIDEO: lc("VideoCall"),
              Mode.LETTER: lc("Correspondence")}
CLASS_MODE = {v.value: k for k, v in MODE_CLASS.items()}
STATUS_NODE = {Status.OCCURRED: lc("Occurred"), Status.PLANNED: lc("Planned"), Status.CANCELLED: lc("Cancelled")}
NODE_STATUS = {v.value: k for k, v in STATUS_NODE.items()}
