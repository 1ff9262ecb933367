"""Properties over generated hostile input (hypothesis): reading and extraction never raise, cleaning is
stable, exports always re-parse, merging is idempotent whatever the strings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import random
import unicodedata
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pyoxigraph import RdfFormat, parse

from kg.build import graph_quads
from kg.errors import DecodeError
from kg.ingest.chunks import chunks
from kg.ingest.clean import _INVISIBLE, clean_text, one_line
from kg.ingest.decode import decode
from kg.ingest.jsonl import iter_jsonl, parse_line
from kg.ingest.readers import Skipped, article_from_text
from kg.merge import ArticleMeta, Report, merge_reports
from kg.model import Article, Evidence, FuzzyDate, Leader, Mode, Status, Topic
from kg.pipeline import Extractor
from kg.rdf.io import to_bytes
from kg.text import slug

pytestmark = pytest.mark.issue(8)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.function_scoped_fixture])

# -- generated articles ----------------------------------------------------------------------------------------

NAMES = ["Emmanuel Macron", "Macron", "Vladimir Poutine", "Vladimir Putin", "Poutine", "Olaf Scholz", "Joe Biden",
         "Recep Tayyip Erdoğan", "Erdog\u0306an", "Xi Jinping", "Volodymyr Zelensky", "le président français",
         "son homologue russe", "Jean Dupont", "M. Macron", "MACRON", "Mac\u200bron"]
TRIGGERS = ["a rencontré", "s'est entretenu avec", "a appelé", "a téléphoné à", "recevra", "n'a pas rencontré",
            "devait rencontrer", "met", "called", "spoke with", "will meet", "did not meet", "reportedly met",
            "held talks with", "a écrit à", "visioconférence avec", "et", "and", "entre", "between"]
DATES = ["mardi", "lundi dernier", "le 5 mars 2024", "le 31 février", "le 1er janvier", "last week", "on Tuesday",
         "March 5, 2024", "2024-03-05", "en 2023", "hier", "demain", "la semaine prochaine", "le 99 mars 20240"]
NOISE = [".", "!", "?", "…", ",", ";", ":", "«", "»", '"', "“", "”", "(", ")", "\n", "\n\n", " ", "-", "—",
         "\u202e", "\u200b", "\x00", "😀", "http://example.com/?a=1", "!" * 50, "☃" * 30, "a" * 200, "880.794.982",
         "'", "’", "de", "à", "à Paris", "in Washington", "pour parler de l'Ukraine", "about trade"]
piece = st.one_of(st.sampled_from(NAMES), st.sampled_from(TRIGGERS), st.sampled_from(DATES), st.sampled_from(NOISE),
                  st.text(max_size=12))
texts = st.lists(piece, max_size=40).map(" ".join)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1)).map(FuzzyDate.of),
                  st.builds(FuzzyDate, st.integers(1990, 2030), st.integers(1, 12)))
articles = st.builds(lambda text, title, pub, lang: Article("gen.txt", text, title, pub, lang, None, "gen.txt"),
                     texts, st.one_of(st.none(), texts), dates, st.sampled_from(["fr", "en", None]))


def check_result(extractor: Extractor, article: Article) -> None:
    result = extractor.extract(article)
    for event in result.events:
        assert len(event.keys) >= 2
        for ev in event.evidence:
            if ev.end > ev.start:
                assert article.text[ev.start:ev.end] == ev.text


@SETTINGS
@given(articles)
@example(Article("e.txt", "", None, None, "fr"))
@example(Article("e.txt", "Macron a rencontré Poutine " + "!" * 3000, None, FuzzyDate(2024, 3, 5), "fr"))
@example(Article("e.txt", "Macron « a rencontré » Poutine « mardi", None, None, "fr"))
def test_properties_extractor_never_raises(rules_extractor: Extractor, article: Article) -> None:
    check_result(rules_extractor, article)
    cleaned = clean_text(article.text)
    check_result(rules_extractor, Article(article.id, cleaned, article.title, article.published, article.lang))


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(articles)
@example(Article("e.txt", "Emmanuel Macron a été reçu par Vladimir Poutine mardi, qui l'a appelé.", None,
                 FuzzyDate(2024, 3, 5), "fr"))
def test_properties_extractor_with_the_parser_never_raises(parsing_extractor: Extractor, article: Article) -> None:
    check_result(parsing_extractor, Article(article.id, clean_text(article.text), article.title, article.published,
                                            "fr"))


# -- reading ---------------------------------------------------------------------------------------------------

# Any code point, lone surrogates and invisible characters included.
any_char = st.one_of(st.characters(), st.sampled_from(["\ud800", "\udfff", "\x00", "\u202e", "\u200b", "\ufeff",
                                                       "\r", "\u0306", "\x85", "\u2028"]))


@SETTINGS
@given(st.text(alphabet=any_char, max_size=200))
@example("a\ud800b\udfff")
@example("\u202e\u200b\x00\x1b[2J")
def test_properties_clean_text_is_stable_and_encodable(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    once.encode("utf-8")
    assert unicodedata.is_normalized("NFC", once)
    assert not _INVISIBLE.search(once) and "\r" not in once
    line = one_line(text)
    assert "\n" not in line and "\r" not in line
    line.encode("utf-8")


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "cp1252", "latin-1", "utf-16", "ascii"]))
@example(b"\xff\xfe\x00\xd8", None)
@example(b"\xef\xbb\xbf\xff", None)
def test_properties_decode_raises_only_decode_errors(data: bytes, encoding: str | None) -> None:
    try:
        text, warning = decode(data, "f.txt", encoding)
    except DecodeError as exc:
        assert exc.message.startswith("f.txt: ") or "encoding" in exc.message
        return
    clean_text(text).encode("utf-8")
    assert warning is None or "\n" not in warning


@SETTINGS
@given(st.text(max_size=300), st.text(max_size=40))
def test_properties_article_from_text_reads_or_says_empty(body: str, header: str) -> None:
    from kg.errors import EmptyInput

    for text in (body, f" date 2024-03-05 {header}\n{body}", f"date {header}\n{body}"):
        try:
            article = article_from_text(text, "x.txt", "x.txt")
        except EmptyInput:
            continue
        assert article.text.strip()
        article.text.encode("utf-8")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children,
                                                                                             max_size=3),
                           max_leaves=10)
json_objects = st.fixed_dictionaries({}, optional={k: json_values for k in ("id", "text", "title", "url",
                                                                            "published", "lang")})


@SETTINGS
@given(st.one_of(st.text(max_size=200), json_objects.map(json.dumps), json_values.map(json.dumps)))
@example('{"id": 1, "text": "t", "published": "2024-02-30"}')
@example('{"id": true, "text": "t"}')
@example('{"id": "1", "text": "\\ud800"}')
def test_properties_jsonl_line_raises_only_value_errors(line: str) -> None:
    warnings: list[str] = []
    try:
        article = parse_line(line, "f.jsonl:1", warn=warnings.append)
    except ValueError as exc:
        assert "\n" not in str(exc)
        return
    article.text.encode("utf-8")
    assert article.text.strip() and article.id.strip()
    assert all(w.startswith("f.jsonl:1: ") for w in warnings)


@SETTINGS
@given(st.lists(st.one_of(st.binary(max_size=60), json_objects.map(lambda o: json.dumps(o).encode())), max_size=8))
@example([b"", b"\x0b", b"  "])  # a line of one control byte is blank, not "binary"
def test_properties_jsonl_stream_yields_one_item_per_nonblank_line(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    items = list(iter_jsonl(io.BytesIO(data), "f.jsonl"))
    if len(items) == 1 and isinstance(items[0], Skipped) and items[0].origin == "f.jsonl":
        return  # the whole stream looked binary: one message for the file
    nonblank = sum(1 for line in data.split(b"\n") if line.strip())
    assert len(items) <= nonblank
    assert all(i.origin.startswith("f.jsonl:") for i in items)


@SETTINGS
@given(st.text(max_size=2000), st.integers(1, 300))
def test_properties_chunks_cover_the_text(text: str, limit: int) -> None:
    pieces = list(chunks(text, limit))
    assert "".join(p.text for p in pieces) == text
    assert all(text[p.start:p.end] == p.text and len(p.text) <= limit for p in pieces)
    assert all(p.text for p in pieces) or text == ""


# -- exports and merging with hostile strings ------------------------------------------------------------------

hostile = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
leaders = st.builds(lambda name, linked: Leader(f"x-{slug(name)}-{hashlib.sha1(name.encode()).hexdigest()[:6]}"
                                                if not linked else "Q7747", name, name, None, linked),
                    hostile, st.booleans())


@st.composite
def report_sets(draw: st.DrawFn) -> list[Report]:
    reps = []
    for i in range(draw(st.integers(0, 5))):
        text = draw(hostile)
        meta = ArticleMeta(draw(hostile) or f"a{i}", hashlib.sha256(f"{i}{text}".encode()).hexdigest(),
                           draw(st.one_of(st.none(), hostile)), draw(dates), draw(st.sampled_from([None, "fr", "en"])),
                           draw(st.one_of(st.none(), hostile)))
        who = draw(st.lists(leaders, min_size=2, max_size=3, unique_by=lambda p: p.key))
        topics = tuple(draw(st.lists(st.builds(Topic, hostile, st.none(), st.sampled_from(["fr", "en", ""])),
                                     max_size=2, unique=True)))
        evidence = (Evidence(meta.id, text, 0, len(text), draw(hostile), 0.5),)
        reps.append(Report(meta, tuple(who), draw(st.sampled_from(list(Mode))), draw(st.sampled_from(list(Status))),
                           draw(dates), topics, evidence, draw(hostile), draw(hostile), draw(hostile)))
    return reps


def _turtle(reps: list[Report]) -> bytes:
    metas = sorted({r.article for r in reps}, key=lambda a: a.content_hash)
    return to_bytes(graph_quads(metas, merge_reports(reps)))


@SETTINGS
@given(report_sets())
def test_properties_exports_always_reparse(reps: list[Report]) -> None:
    metas = sorted({r.article for r in reps}, key=lambda a: a.content_hash)
    quads = graph_quads(metas, merge_reports(reps))
    for fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N_TRIPLES, RdfFormat.N_QUADS):
        data = to_bytes(quads, fmt)
        back = list(parse(data, format=fmt, lenient=False))
        if fmt in (RdfFormat.TRIG, RdfFormat.N_QUADS):
            assert set(back) == set(quads)
        else:
            assert {q.triple for q in back} == {q.triple for q in quads}
    g = rdflib.Graph()
    g.parse(data=to_bytes(quads, RdfFormat.TURTLE), format="turtle")
    assert len(g) == len({q.triple for q in quads})


@SETTINGS
@given(report_sets(), st.randoms(use_true_random=False))
def test_properties_merging_is_idempotent_and_order_free(reps: list[Report], rnd: random.Random) -> None:
    once = _turtle(reps)
    assert _turtle(reps + reps) == once
    shuffled = list(reps)
    rnd.shuffle(shuffled)
    assert _turtle(shuffled) == once


def test_properties_reading_a_generated_folder(tmp_path: Path) -> None:
    """Sanity check of the strategies: generated texts read back through files."""
    from kg.ingest.readers import iter_articles

    (tmp_path / "a.txt").write_text(" date 2024-03-05 T\n" + "Macron a rencontré Poutine mardi.", "utf-8")
    (article,) = iter_articles([tmp_path])
    assert isinstance(article, Article) and article.published == FuzzyDate(2024, 3, 5)
