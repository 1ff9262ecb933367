"""HTML pages -> Articles: main text and metadata by trafilatura, from the bytes on disk only.

The page is decoded by our policy (``kg.ingest.decode``, which honours a
``<meta charset>``) and handed to trafilatura as a string: trafilatura only
downloads when given a URL, and nothing in the page (links, ``<base>``,
stylesheets, canonical URLs) is fetched. The canonical URL and the
publication date are read from the page's metadata; a date in the future is
ignored with a warning.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from kg.errors import EmptyInput, InputError
from kg.ingest.clean import clean_line, clean_text
from kg.ingest.decode import decode
from kg.ingest.readers import check_published, display, read_bytes
from kg.model import Article, FuzzyDate

MAX_HTML_BYTES = 10_000_000
_HTML_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def read_html_file(path: Path, published: FuzzyDate | None = None, encoding: str | None = None,
                   lang: str | None = None, ident: str | None = None) -> tuple[Article, str | None]:
    """One HTML page; raises InputError with the file name when it has no main text."""
    origin = display(path)
    text, warning = decode(read_bytes(path, origin, MAX_HTML_BYTES), origin, encoding, html=True)
    warnings = [f"{origin}: {warning}"] if warning else []
    article = article_from_html(text, ident or path.name, origin, published, lang, warnings)
    return article, "; ".join(w.removeprefix(f"{origin}: ") for w in warnings) or None


def article_from_html(html: str, ident: str, origin: str, published: FuzzyDate | None = None,
                      lang: str | None = None, warnings: list[str] | None = None) -> Article:
    """Main text, title, date, canonical URL and language of a decoded page."""
    import trafilatura

    _quiet()
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False, include_links=False,
            # No extensive search: the page's own metadata, not any date found in the text.
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        raise InputError(f"{origin}: HTML could not be parsed ({exc.__class__.__name__})") from None
    body = clean_text(getattr(doc, "text", None) or "").strip()
    if not body:
        raise EmptyInput(f"{origin}: no main text found in the HTML page")
    title = clean_line(getattr(doc, "title", None) or "") or None
    date = None
    raw_date = getattr(doc, "date", None) or ""
    m = _DATE.match(raw_date)
    if m:
        try:
            date = check_published(FuzzyDate.parse(m.group(1)), origin, warnings)
        except ValueError:
            date = None
    url = clean_line(getattr(doc, "url", None) or "") or None
    page_lang = _HTML_LANG.search(html[:20000])
    return Article(clean_line(ident) or "x", body, title, date or published,
                   lang or (page_lang.group(1).lower() if page_lang else None), url, origin)


def _quiet() -> None:
    # trafilatura and htmldate log every odd page at WARNING; our reader reports
    # what matters itself, and stray log lines would break one-line messages.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
