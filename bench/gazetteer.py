#!/usr/bin/env python3
"""How long the leaders gazetteer takes to load, and to resolve one mention.

    python bench/gazetteer.py [--repeat 15] [--phrases 4000] [--gazetteer PATH]

Loading is measured cold: each repetition is a fresh Python process that imports
``kg.gazetteer.load`` and loads the file, so no cache of this process helps; the
median of the repetitions is printed with the fastest and slowest. Resolving is
measured warm, on a few thousand phrases made from the gazetteer itself (every
person's label and short forms, and dated role phrases in both languages), as
microseconds per phrase and per mention found, then for the finder and the
discourse alone (what extraction pays per mention, without cleaning the text,
splitting sentences and packing results).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.gazetteer.load import DEFAULT_PATH, Gazetteer, load_gazetteer  # noqa: E402  (repo root first)

# Run in the child process: one cold load, split into its parts, printed as JSON.
_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from kg.gazetteer.load import Gazetteer
t1 = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as fh:
    data = json.load(fh)
t2 = time.perf_counter()
Gazetteer(data)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "json": t2 - t1, "index": t3 - t2, "load": t3 - t1}))
"""

_ROLES = {
    "en": ["the {adj} president", "the {adj} prime minister", "the {adj} leader", "the {adj} foreign minister"],
    "fr": ["le président {adj}", "le Premier ministre {adj}", "le dirigeant {adj}",
           "le ministre {adj} des Affaires étrangères"],
}


def cold_loads(path: Path, repeat: int) -> list[dict[str, float]]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out))
    return runs


def phrases(gaz: Gazetteer, n: int, seed: int = 7) -> list[tuple[str, str, dt.date]]:
    """(lang, text, day) triples: names at a day of one of their terms, role phrases at random days."""
    rng = random.Random(seed)
    out: list[tuple[str, str, dt.date]] = []
    for key, person in gaz.people.items():
        terms = gaz.terms_by_person.get(key)
        if not terms:
            continue
        start = terms[0].start
        day = start.last_day() if start else dt.date(2022, 1, 1)
        out += [("en", person.en, day), ("fr", person.fr, day)]
        out += [(rng.choice(("en", "fr")), s, day) for s in person.short]
    for country in gaz.countries.values():
        for lang, adjs in (("en", country.adj_en), ("fr", country.adj_fr)):
            for adj in adjs[:1]:
                for pattern in _ROLES[lang]:
                    day = dt.date(rng.randint(2005, 2025), rng.randint(1, 12), 15)
                    out.append((lang, pattern.format(adj=adj), day))
    rng.shuffle(out)
    return (out * (n // len(out) + 1))[:n]


def time_resolve(gaz: Gazetteer, sample: list[tuple[str, str, dt.date]]) -> tuple[float, int, int]:
    """(seconds, mentions found, mentions resolved) for resolve_text over the sample, finders built."""
    from kg.gazetteer.resolve import resolve_text

    for lang in ("en", "fr"):  # build both finders outside the timed loop
        resolve_text(gaz, "x", None, lang)
    found = resolved = 0
    t0 = time.perf_counter()
    for lang, text, day in sample:
        rs = resolve_text(gaz, text, day, lang)
        found += len(rs)
        resolved += sum(r.resolved for r in rs)
    return time.perf_counter() - t0, found, resolved


def time_core(gaz: Gazetteer, sample: list[tuple[str, str, dt.date]]) -> tuple[float, int]:
    """(seconds, mentions) for MentionFinder.find + Discourse.resolve alone, as extraction calls them."""
    from kg.extract.discourse import Discourse
    from kg.extract.mentions import MentionFinder

    finders = {lang: MentionFinder(gaz, lang) for lang in ("en", "fr")}
    found = 0
    t0 = time.perf_counter()
    for lang, text, day in sample:
        disc = Discourse(gaz, day)
        for m in finders[lang].find(text):
            disc.resolve(m, 0)
            found += 1
    return time.perf_counter() - t0, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=15, help="cold loads, each in a fresh process (default 15)")
    ap.add_argument("--phrases", type=int, default=4000, help="phrases resolved for the per-mention cost")
    ap.add_argument("--gazetteer", type=Path, default=DEFAULT_PATH, help="gazetteer file (default: shipped)")
    args = ap.parse_args(argv)

    size = args.gazetteer.stat().st_size
    runs = cold_loads(args.gazetteer, args.repeat)
    print(f"gazetteer: {args.gazetteer.relative_to(ROOT) if args.gazetteer.is_relative_to(ROOT) else args.gazetteer}"
          f" ({size / 1024:.0f} KiB), python {sys.version.split()[0]}")
    print(f"cold load, {args.repeat} fresh processes (median [min-max]):")
    for part, what in (("load", "json.load + indexes"), ("json", "  json.load"), ("index", "  indexes"),
                       ("import", "import kg.gazetteer.load")):
        ms = [r[part] * 1000 for r in runs]
        print(f"  {what:<26} {statistics.median(ms):7.1f} ms  [{min(ms):.1f}-{max(ms):.1f}]")

    gaz = load_gazetteer(args.gazetteer)
    from kg.extract.mentions import MentionFinder

    for lang in ("en", "fr"):
        t0 = time.perf_counter()
        MentionFinder(gaz, lang)
        print(f"mention finder ({lang}), built once per process: {(time.perf_counter() - t0) * 1000:.0f} ms")

    sample = phrases(gaz, args.phrases)
    seconds, found, resolved = time_resolve(gaz, sample)
    print(f"resolve_text over {len(sample)} phrases: {found} mentions ({resolved} resolved) in {seconds * 1000:.0f} ms")
    print(f"  {seconds / len(sample) * 1e6:.1f} µs per phrase, {seconds / max(found, 1) * 1e6:.1f} µs per mention")
    seconds, found = time_core(gaz, sample)
    print(f"MentionFinder.find + Discourse.resolve alone: {seconds / max(found, 1) * 1e6:.1f} µs per mention")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
