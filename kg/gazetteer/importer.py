"""Import heads of state/government and foreign ministers from a Wikidata-compatible SPARQL endpoint.

``update_from_sparql`` returns a dict in the ``leaders.json`` format (see ``data/README.md``); the build
script merges it with the curated files, and ``write_gazetteer`` writes it atomically. Only the standard
library is used for HTTP so that a refresh needs nothing beyond the project's own dependencies.

The helpers that turn an office label into role words, and a Wikidata time into an ISO date at the right
precision, are shared with ``scripts/build_gazetteer.py`` so both paths label offices the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from kg.gazetteer.load import G20_STATES

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
DEFAULT_USER_AGENT = "leader-contacts-gazetteer/0.1 (https://github.com/; research knowledge graph) python-urllib"
KINDS = ("head_of_state", "head_of_government", "foreign_minister", "international_organisation", "heir")
ROLE_VOCABULARY = frozenset({
    "president", "prime_minister", "chancellor", "premier", "monarch", "king", "queen", "emir", "sultan",
    "grand_duke", "prince", "crown_prince", "supreme_leader", "pope", "secretary_general",
    "commission_president", "council_president", "commission_chair", "foreign_minister", "chief_executive",
    "captain_regent", "co_prince", "chair", "leader",
})

# Organisations whose head office (P2388) is imported, keyed to the pseudo-country they appear under.
# Q1065 UN, Q7184 NATO, Q458 EU, Q7159 AU; Q8880 European Commission and Q8886 European Council are bodies
# of the EU whose presidents are filed under the EU pseudo-country.
INTERNATIONAL_ORGANISATIONS: Mapping[str, str] = {
    "Q1065": "Q1065", "Q7184": "Q7184", "Q458": "Q458", "Q7159": "Q7159", "Q8880": "Q458", "Q8886": "Q458",
}
FOREIGN_MINISTER_CLASS = "Q7330070"  # "foreign minister" (the class each national office is a subclass of)
SOVEREIGN_STATE = "Q3624078"
LABEL_LANGUAGES = ("en", "fr")
LABEL_BATCH = 200

_PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX pqv: <http://www.wikidata.org/prop/qualifier/value/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

# The terms of office (P39 statements) of ?office, closing each query below. Statements that ended before
# ``since`` are filtered in the query so that the result stays small; undated ones are kept (their end is
# unknown). The date qualifiers are read through pqv: to get the precision, and through pq: as a fallback
# and to tell "no value/unknown value" (a non-literal) from a real date.
_TERMS_OF_OFFICE = """\
  ?person p:P39 ?st .
  ?st ps:P39 ?office .
  FILTER NOT EXISTS { ?st wikibase:rank wikibase:DeprecatedRank }
  OPTIONAL { ?st pq:P580 ?startRaw . }
  OPTIONAL { ?st pqv:P580 ?sv . ?sv wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision . }
  OPTIONAL { ?st pq:P582 ?endRaw . }
  OPTIONAL { ?st pqv:P582 ?ev . ?ev wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision . }
  FILTER(!BOUND(?end) || YEAR(?end) >= %(since)d)
}
"""

# One row per term of office of a head of state or government of a sovereign state.
QUERY_STATE_HOLDERS = _PREFIXES + """
SELECT ?country ?office ?kind ?person ?start ?startPrecision ?startRaw ?end ?endPrecision ?endRaw WHERE {
  ?country wdt:P31 wd:%(sovereign)s .
  { ?country wdt:P1906 ?office . BIND("head_of_state" AS ?kind) }
  UNION
  { ?country wdt:P1313 ?office . BIND("head_of_government" AS ?kind) }
""" + _TERMS_OF_OFFICE

# Foreign ministers of the G20 states: national offices that are subclasses of "foreign minister" and
# apply to the state (P1001).
QUERY_FOREIGN_MINISTERS = _PREFIXES + """
SELECT ?country ?office ?person ?start ?startPrecision ?startRaw ?end ?endPrecision ?endRaw WHERE {
  VALUES ?country { %(countries)s }
  ?office wdt:P279 wd:%(fm_class)s ; wdt:P1001 ?country .
""" + _TERMS_OF_OFFICE

# Heads of international organisations (P2388 "office held by head of the organization").
QUERY_ORGANISATION_HOLDERS = _PREFIXES + """
SELECT ?org ?office ?person ?start ?startPrecision ?startRaw ?end ?endPrecision ?endRaw WHERE {
  VALUES ?org { %(orgs)s }
  ?org wdt:P2388 ?office .
""" + _TERMS_OF_OFFICE

# Labels and aliases of a batch of items; demonyms (P1549) are read for countries to fill adj_*.
QUERY_LABELS = _PREFIXES + """
SELECT ?item ?what ?text WHERE {
  VALUES ?item { %(items)s }
  { ?item rdfs:label ?text . BIND("label" AS ?what) }
  UNION { ?item skos:altLabel ?text . BIND("alias" AS ?what) }
  UNION { ?item wdt:P1549 ?text . BIND("demonym" AS ?what) }
  FILTER(LANG(?text) IN (%(langs)s))
}
"""


class SparqlError(RuntimeError):
    """The endpoint could not be reached or did not return SPARQL JSON results."""


# -- role words and office kinds ---------------------------------------------------------------------------

# Ordered (pattern, roles) pairs matched against the lower-cased, accent-free office label. The first
# patterns are the specific ones, so "president of the european commission" is not a plain president.
_ROLE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bpresident of the european commission\b", ("commission_president", "president")),
    (r"\bpresident of the european council\b", ("council_president", "president")),
    (r"\bchair(?:man|person)? of the african union commission\b", ("commission_chair", "chair")),
    (r"\bcrown prince\b", ("crown_prince",)),
    (r"\bco-?prince\b", ("co_prince",)),
    (r"\bcaptains? regent\b", ("captain_regent",)),
    (r"\bsecretary[- ]general\b", ("secretary_general",)),
    (r"\bsupreme leader\b|\bleader of the islamic emirate\b", ("supreme_leader", "leader")),
    (r"\bpope\b|\bsupreme pontiff\b", ("pope",)),
    (r"\bchancellor of the exchequer\b", ()),
    (r"\bchancellor\b", ("chancellor",)),
    (r"\bprime minister\b|\btaoiseach\b|\bhead of government\b|\bchief minister\b|\bminister of state of monaco\b",
     ("prime_minister",)),
    (r"\bpremier\b", ("premier", "prime_minister")),
    (r"\bsecretary of state\b(?! for (?!foreign))|\bforeign (?:minister|secretary|affairs)\b"
     r"|\bminist(?:er|ry) (?:of|for) (?:europe and )?(?:foreign|external) (?:affairs|relations)\b"
     r"|\bminister of (?:international relations|external affairs)\b|\bhigh representative\b",
     ("foreign_minister",)),
    (r"\bgrand duke\b", ("grand_duke", "monarch")),
    (r"\bemir\b|\bamir\b", ("emir", "monarch")),
    (r"\bsultan\b", ("sultan", "monarch")),
    (r"\bqueen\b", ("queen", "monarch")),
    (r"\bking\b|\bdruk gyalpo\b|\byang di-pertuan agong\b", ("king", "monarch")),
    (r"\bprince of\b", ("prince", "monarch")),
    (r"\bmonarch|\bemperor\b|\bmonarchy\b", ("monarch",)),
    (r"\bchief executive\b", ("chief_executive",)),
    (r"\bpresident\b", ("president",)),
    (r"\bchair(?:man|person)?\b", ("chair",)),
    (r"\bleader\b|\bgeneral secretary\b|\bstate counsellor\b", ("leader",)),
)
_ROLE_RES = tuple((re.compile(p), r) for p, r in _ROLE_RULES)
_HOG_ROLES = {"prime_minister", "premier", "chancellor"}


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def roles_for_label(label: str) -> list[str]:
    """Role words (from the controlled vocabulary) an office label implies; sorted, possibly empty.

    "monarch of X" gets both king and queen only when the caller knows the office had both; from the
    label alone a monarchy is just ``monarch``.
    """
    text = _plain(label)
    for rx, roles in _ROLE_RES:
        if rx.search(text):
            return sorted(roles)
    return []


def kind_for_roles(roles: Iterable[str], default: str = "head_of_state") -> str:
    """Office kind implied by role words when the source does not say (P1906 vs P1313)."""
    rs = set(roles)
    if rs & _HOG_ROLES:
        return "head_of_government"
    if "foreign_minister" in rs:
        return "foreign_minister"
    if "crown_prince" in rs:
        return "heir"
    if rs & {"secretary_general", "commission_president", "council_president", "commission_chair"}:
        return "international_organisation"
    return default


# -- dates ---------------------------------------------------------------------------------------------

_TIME = re.compile(r"^([+-]?\d{1,16})-(\d{2})-(\d{2})")


def wikidata_date(value: str | None, precision: int | str | None) -> str | None:
    """An ISO date at the precision Wikidata states: 9 -> "YYYY", 10 -> "YYYY-MM", 11+ -> "YYYY-MM-DD".

    Precisions coarser than a year (decades, centuries) and BCE or out-of-range years give None rather
    than a false year. A missing precision is read as day precision, the Wikidata default for full dates.
    """
    if not value:
        return None
    m = _TIME.match(value.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    prec = 11 if precision in (None, "") else int(precision)
    if prec < 9 or not 1 <= year <= 9999:
        return None
    if prec == 9:
        return f"{year:04d}"
    if prec == 10:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else f"{year:04d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else f"{year:04d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


# -- HTTP ----------------------------------------------------------------------------------------------

def sparql_select(endpoint: str, query: str, *, timeout: float = 60.0, user_agent: str = DEFAULT_USER_AGENT,
                  retries: int = 2, method: str = "POST") -> list[dict[str, dict[str, str]]]:
    """Run a SELECT query (SPARQL 1.1 protocol) and return the JSON bindings.

    POST sends the query form-encoded (no URL length limit, which the label batches need); GET puts it
    in ``?query=``. 429 and 5xx answers are retried with a short back-off (honouring a small Retry-After);
    anything else, including a timeout or a non-JSON body, raises SparqlError naming the endpoint.
    """
    encoded = urllib.parse.urlencode({"query": query})
    headers = {"Accept": "application/sparql-results+json", "User-Agent": user_agent}
    if method == "POST":
        url, body = endpoint, encoded.encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif method == "GET":
        url, body = endpoint + ("&" if "?" in endpoint else "?") + encoded, None
    else:
        raise ValueError(f"unsupported SPARQL protocol method {method!r}")
    last: Exception | None = None
    for attempt in range(retries + 1):
        req = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                payload = resp.read()
        except urllib.error.HTTPError as exc:
            last = exc
            if (exc.code == 429 or exc.code >= 500) and attempt < retries:
                time.sleep(_retry_after(exc.headers.get("Retry-After"), attempt))
                continue
            snippet = exc.read(300).decode("utf-8", "replace") if exc.fp else ""
            raise SparqlError(f"SPARQL endpoint {endpoint} answered HTTP {exc.code}: {snippet.strip()}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            last = exc
            if attempt < retries:
                time.sleep(_retry_after(None, attempt))
                continue
            raise SparqlError(f"SPARQL endpoint {endpoint} is unreachable: {exc}") from exc
        try:
            data = json.loads(payload)
            return data["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as exc:
            raise SparqlError(f"SPARQL endpoint {endpoint} did not return SPARQL JSON results") from exc
    raise SparqlError(f"SPARQL endpoint {endpoint} failed after {retries + 1} attempts: {last}")


def _retry_after(header: str | None, attempt: int) -> float:
    try:
        wait = float(header) if header else 0.0
    except ValueError:
        wait = 0.0
    # Capped so a test or a CI run never sleeps long; a real refresh can simply be re-run.
    return min(max(wait, 0.5 * (attempt + 1)), 10.0)


# -- conversion ------------------------------------------------------------------------------------------

def _qid(binding: Mapping[str, Mapping[str, str]], var: str) -> str | None:
    cell = binding.get(var)
    if not cell or cell.get("type") != "uri":
        return None
    tail = cell["value"].rsplit("/", 1)[-1]
    return tail if re.fullmatch(r"[QP]\d+", tail) else None


def _text(binding: Mapping[str, Mapping[str, str]], var: str) -> str | None:
    cell = binding.get(var)
    return cell["value"] if cell else None


def _bound_date(binding: Mapping[str, Mapping[str, str]], which: str) -> tuple[str | None, bool]:
    """(ISO date or None, known) for the start or end qualifier of one statement row.

    ``known`` is False for "unknown value"/"no value" qualifiers: the raw pq: value is then a blank node or
    skolem IRI rather than a literal.
    """
    raw = binding.get(f"{which}Raw")
    if raw is not None and raw.get("type") != "literal":
        return None, False
    value = _text(binding, which) or (raw["value"] if raw else None)
    return wikidata_date(value, _text(binding, f"{which}Precision")), True


def _values(qids: Iterable[str]) -> str:
    return " ".join(f"wd:{q}" for q in sorted(set(qids)))


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def update_from_sparql(endpoint: str = DEFAULT_ENDPOINT, *, since: int = 2000, timeout: float = 60.0,
                       user_agent: str = DEFAULT_USER_AGENT) -> dict[str, Any]:
    """Query ``endpoint`` and return a gazetteer dict (meta, countries, offices, people, terms).

    Terms that ended before ``since`` are left out. Countries get labels, names and demonyms but a
    provisional ``region`` ("") and ``primary`` (a heuristic); the build script overlays curated values.
    """
    run = dict(timeout=timeout, user_agent=user_agent)
    statements: list[tuple[str, str, str, dict]] = []  # (country, office, kind or "", binding)
    for b in sparql_select(endpoint, QUERY_STATE_HOLDERS % {"sovereign": SOVEREIGN_STATE, "since": since}, **run):
        country, office = _qid(b, "country"), _qid(b, "office")
        if country and office:
            statements.append((country, office, _text(b, "kind") or "", b))
    fm_query = QUERY_FOREIGN_MINISTERS % {"countries": _values(G20_STATES), "fm_class": FOREIGN_MINISTER_CLASS,
                                          "since": since}
    for b in sparql_select(endpoint, fm_query, **run):
        country, office = _qid(b, "country"), _qid(b, "office")
        if country and office:
            statements.append((country, office, "foreign_minister", b))
    org_query = QUERY_ORGANISATION_HOLDERS % {"orgs": _values(INTERNATIONAL_ORGANISATIONS), "since": since}
    for b in sparql_select(endpoint, org_query, **run):
        org, office = _qid(b, "org"), _qid(b, "office")
        if org and office:
            statements.append((INTERNATIONAL_ORGANISATIONS.get(org, org), office, "international_organisation", b))

    office_country: dict[str, str] = {}
    office_kinds: dict[str, set[str]] = defaultdict(set)
    terms: set[tuple[str, str, str | None, str | None]] = set()
    skipped_unknown_end = 0
    for country, office, kind, b in statements:
        office_country.setdefault(office, country)
        if kind:
            office_kinds[office].add(kind)
        person = _qid(b, "person")
        if not person:
            continue
        start, _ = _bound_date(b, "start")
        end, end_known = _bound_date(b, "end")
        if not end_known:
            # An "unknown value" end means the term is over; keeping it open would make a former holder
            # current, so the statement is dropped (and counted in meta).
            skipped_unknown_end += 1
            continue
        if end is not None and int(end[:4]) < since:
            continue
        terms.add((person, office, start, end))

    people = sorted({t[0] for t in terms})
    countries = sorted(set(office_country.values()))
    offices = sorted(office_country)
    labels = _fetch_labels(endpoint, people + countries + offices, **run)

    out_countries: dict[str, Any] = {}
    for c in countries:
        lab = labels.get(c, {})
        en, fr = _first(lab, "label", "en"), _first(lab, "label", "fr")
        c_offices = [o for o in offices if office_country[o] == c]
        has_hog = any("head_of_government" in office_kinds[o] for o in c_offices)
        hos_monarch = any("head_of_state" in office_kinds[o]
                          and "monarch" in roles_for_label(_first(labels.get(o, {}), "label", "en") or "")
                          for o in c_offices)
        out_countries[c] = {
            "en": en or c, "fr": fr or en or c,
            "names_en": _uniq([en, *lab.get(("alias", "en"), [])]),
            "names_fr": _uniq([fr, *lab.get(("alias", "fr"), [])]),
            "adj_en": _uniq(lab.get(("demonym", "en"), [])),
            "adj_fr": _uniq(d.lower() for d in lab.get(("demonym", "fr"), [])),
            "region": "International" if c in INTERNATIONAL_ORGANISATIONS.values() else "",
            # Heuristic only: parliamentary monarchies are led by the head of government.
            "primary": "head_of_government" if has_hog and hos_monarch else "head_of_state",
        }
    out_offices: dict[str, Any] = {}
    for o in offices:
        lab = labels.get(o, {})
        en = _first(lab, "label", "en") or o
        roles = roles_for_label(en)
        kinds = office_kinds.get(o) or {kind_for_roles(roles)}
        # An office that is both P1906 and P1313 (a presidential system) is filed as head of state.
        kind = next(k for k in ("head_of_state", "head_of_government", "foreign_minister",
                                "international_organisation", "heir") if k in kinds)
        out_offices[o] = {"en": en, "fr": _first(lab, "label", "fr") or en, "country": office_country[o],
                          "kind": kind, "roles": [r for r in roles if r in ROLE_VOCABULARY]}
    out_people: dict[str, Any] = {}
    for p in people:
        lab = labels.get(p, {})
        en, fr = _first(lab, "label", "en"), _first(lab, "label", "fr")
        aliases = _uniq([*lab.get(("alias", "en"), []), *lab.get(("alias", "fr"), [])])
        out_people[p] = {"en": en or fr or p, "fr": fr or en or p,
                         "aliases": [a for a in aliases if a not in (en, fr)], "short": [],
                         "linked": True, "sources": ["wikidata-sparql"]}
    out_terms = [[p, o, s, e, "wikidata-sparql"] for p, o, s, e in
                 sorted(terms, key=lambda t: (t[1], t[2] or "", t[0], t[3] or ""))]
    return {
        "meta": {"made": dt.date.today().isoformat(), "generator": "kg.gazetteer.importer.update_from_sparql",
                 "licence": "Wikidata content, CC0 1.0",
                 "sources": {"wikidata-sparql": f"{endpoint} (queried {dt.date.today().isoformat()}, since {since})"},
                 "skipped_unknown_end": skipped_unknown_end},
        "countries": out_countries, "offices": out_offices, "people": out_people, "terms": out_terms,
    }


def _fetch_labels(endpoint: str, items: list[str], **run: Any) -> dict[str, dict[tuple[str, str], list[str]]]:
    langs = ", ".join(f'"{lang}"' for lang in LABEL_LANGUAGES)
    out: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    for batch in _chunks(sorted(set(items)), LABEL_BATCH):
        for b in sparql_select(endpoint, QUERY_LABELS % {"items": _values(batch), "langs": langs}, **run):
            item, what, cell = _qid(b, "item"), _text(b, "what"), b.get("text")
            if item and what and cell:
                out[item][(what, cell.get("xml:lang", ""))].append(cell["value"])
    # Sorted so that the first label is deterministic even if an endpoint returns rows in any order.
    return {k: {kk: sorted(vv) for kk, vv in v.items()} for k, v in out.items()}


def _first(lab: Mapping[tuple[str, str], list[str]], what: str, lang: str) -> str | None:
    values = lab.get((what, lang))
    return values[0] if values else None


def _uniq(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return list(seen)


# -- writing -------------------------------------------------------------------------------------------

def _line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dump_gazetteer(data: Mapping[str, Any]) -> str:
    """Serialise deterministically with one entry per line: small, fast to load and readable in diffs."""
    parts = ['{"meta":' + _line(data.get("meta", {}))]
    for section in ("countries", "offices", "people"):
        items = data.get(section, {})
        body = ",\n".join(f"{_line(k)}:{_line(items[k])}" for k in sorted(items))
        parts.append(f'"{section}":{{\n{body}\n}}')
    terms = ",\n".join(_line(t) for t in data.get("terms", []))
    parts.append(f'"terms":[\n{terms}\n]')
    return ",\n".join(parts) + "}\n"


def write_gazetteer(data: Mapping[str, Any], path: Path) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same folder, then os.replace.

    The text is fully serialised before the file is opened, so neither a serialisation error nor a
    failed write leaves a partial ``path`` (or a stray temporary file) behind.
    """
    path = Path(path)
    text = dump_gazetteer(data)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates the file private (0600); a shipped data file should be world-readable.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
