"""Article -> contact events: the only place the extraction stages are wired.

    article -> sentences -> mentions + triggers -> frames (parse for French)
            -> candidate events -> one event per contact

Pure with respect to I/O: reading files and writing graphs live elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg import __version__
from kg.extract.contacts import extract_events, reference_date
from kg.extract.dedupe import dedupe
from kg.extract.mentions import MentionFinder
from kg.extract.prefilter import Prefilter
from kg.extract.triggers import TriggerFinder
from kg.gazetteer.load import Gazetteer, shipped_gazetteer
from kg.model import Article, ArticleResult
from kg.nlp import lang as langid
from kg.nlp.segment import split_sentences
from kg.text import words


@dataclass
class Extractor:
    """Holds the loaded resources; ``extract`` is safe to call for any article.

    ``parse`` turns on dependency refinement for French (the pinned model);
    without it every language uses the model-free shallow frames.
    """

    gazetteer: Gazetteer = field(default_factory=shipped_gazetteer)
    parse: bool = True
    prefilter: bool = True
    _finders: dict[str, MentionFinder] = field(default_factory=dict, init=False, repr=False)
    _triggers: dict[str, TriggerFinder] = field(default_factory=dict, init=False, repr=False)
    _filter: Prefilter | None = field(default=None, init=False, repr=False)

    def warm_up(self, langs: tuple[str, ...] = ("fr", "en"), detect: bool = True) -> Extractor:
        """Load everything now (before forking workers, so they share it).

        ``detect``: also the language identifier, which every worker would
        otherwise load for itself (most of a second each).
        """
        if detect:
            langid.warm_up()
        for lang in langs:
            self.finder(lang)
            self.triggers(lang)
        if self.prefilter:
            self.filter()
        if self.parse and "fr" in langs:
            from kg.nlp.models import load

            load()
        return self

    def filter(self) -> Prefilter:
        if self._filter is None:
            self._filter = Prefilter(self.gazetteer)
        return self._filter

    def finder(self, lang: str) -> MentionFinder:
        if lang not in self._finders:
            self._finders[lang] = MentionFinder(self.gazetteer, lang)
        return self._finders[lang]

    def triggers(self, lang: str) -> TriggerFinder:
        if lang not in self._triggers:
            self._triggers[lang] = TriggerFinder(lang)
        return self._triggers[lang]

    def language(self, article: Article) -> str:
        return langid.language_of(article.text, article.lang)

    def provenance(self, lang: str) -> dict[str, str]:
        """Extractor and model versions, recorded with every event."""
        from kg.nlp.models import model_info

        info = {"extractor": f"leader-contacts {__version__}"}
        if lang == "fr" and self.parse:
            name, version = model_info()
            info["model"], info["model_version"] = name, version
        else:
            info["model"], info["model_version"] = "rules", __version__
        return info

    def with_language(self, article: Article) -> Article:
        """The article with its language decided once (workers then need no detector)."""
        return article if article.lang else replace(article, lang=self.language(article))

    def extract(self, article: Article) -> ArticleResult:
        lang = self.language(article)
        if lang not in langid.SUPPORTED:
            return ArticleResult(article, (), (f"language {lang!r} is not supported (fr, en); skipped",))
        if self.prefilter and not self.filter().may_hold_contact(f"{article.title or ''}\n{article.text}", lang):
            return ArticleResult(article, ())  # no contact word, or nobody who could take part
        sentences = split_sentences(article.text)
        trig = self.triggers(lang)
        refine = None
        if lang == "fr" and self.parse:
            from kg.extract.frames_dep import DependencyRefiner

            # Only sentences with a contact word are parsed: the parse refines their frames
            # and nothing else reads it.
            candidates = [s for s in sentences if trig.any_in(words(s.text))] if self.prefilter else sentences
            refine = DependencyRefiner.for_sentences(candidates)
        events = extract_events(article, lang, self.gazetteer, self.finder(lang), trig, refine, sentences)
        return ArticleResult(article, tuple(dedupe(events, reference_date(article))))

