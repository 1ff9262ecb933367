"""Throughput of ``kg build`` against the raw spaCy parse of the same texts (issue 9).

    python bench/throughput.py                       # 2,000 articles, 10% with a contact
    python bench/throughput.py --n 4000 --ratio 1.0  # every article holds a contact
    python bench/throughput.py --folder DIR          # your own .txt articles instead
    python bench/throughput.py --n 100000 --only-jobs 2 --skip-baseline   # memory at scale

Corpus: contact articles are the real English readouts of ../shared/data (when
present; the body under the headline) and the project's own French and English
test corpora; neutral articles are generated news (markets, sport, weather,
culture) in both languages with no leader in them. ``--ratio`` is the share of
contact articles. Everything is written as .txt files in a temporary folder,
read back by kg build like any input.

In one run it measures: the baseline (fr_core_news_md's full pipeline,
nlp.pipe on one process, over every text: what "parse everything" costs), then
kg build with 1 and 2 jobs (each in a fresh subprocess, so peak RSS is its own),
and the stage breakdown of the 1-job build (read, prefilter, parse, extract,
RDF, write). It prints articles/s, ratios to the baseline, the 1-to-2-job
speed-up, peak memory, CPU times, and how the machine itself scales from 1 to
2 processes at that moment (on a shared machine, other sessions' load makes
wall-clock ratios move more than any change to kg does).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "kremlin-ua-press-2021-22"

_NEUTRAL_EN = [
    "Shares in {co} rose {n}% on {day} after the company reported quarterly revenue above analysts' forecasts.",
    "The central bank left its benchmark rate unchanged at {n}% and said inflation was easing slowly.",
    "{team} beat {team2} {n}-{m} in front of a crowd of {k} thousand on {day} evening.",
    "Forecasters expect heavy rain across the north on {day}, with temperatures around {n} degrees.",
    "The festival opens on {day} with a new production of a classic play and runs for {n} days.",
    "Oil prices slipped to {k} dollars a barrel as traders weighed demand in Asia.",
    "The city council approved a plan to add {k} kilometres of cycle lanes by the end of next year.",
    "A new museum wing dedicated to modern design will welcome visitors from {day}.",
    "Local farmers said the harvest was {n}% smaller than last year because of the dry spring.",
    "The airline said it would add {n} routes this summer and hire {k} cabin crew.",
]
_NEUTRAL_FR = [
    "L'action {co} a gagné {n} % {day} après des résultats trimestriels supérieurs aux attentes des analystes.",
    "La banque centrale a laissé son taux directeur inchangé à {n} % et juge que l'inflation ralentit.",
    "{team} s'est imposé {n}-{m} face à {team2} devant {k} mille spectateurs {day} soir.",
    "Météo-France prévoit de fortes pluies dans le nord {day}, avec des températures autour de {n} degrés.",
    "Le festival s'ouvre {day} avec une nouvelle mise en scène d'une pièce classique et dure {n} jours.",
    "Le baril de pétrole a reculé à {k} dollars, les opérateurs s'inquiétant de la demande en Asie.",
    "Le conseil municipal a adopté un plan pour ajouter {k} kilomètres de pistes cyclables d'ici l'an prochain.",
    "Une nouvelle aile du musée consacrée au design moderne accueillera les visiteurs à partir de {day}.",
    "Les agriculteurs estiment la récolte inférieure de {n} % à celle de l'an dernier en raison du printemps sec.",
    "La compagnie aérienne ouvrira {n} lignes cet été et recrutera {k} personnels navigants.",
]
_WORDS = {"co": ["Orvane", "Keltis", "Brumer", "Solvay Nord", "Azuria"], "team": ["Lyon", "Rennes", "Porto", "Leeds"],
          "team2": ["Nantes", "Lille", "Braga", "Derby"],
          "day": {"en": ["Monday", "Tuesday", "Friday"], "fr": ["lundi", "mardi", "vendredi"]}}


def neutral_article(rng: random.Random, lang: str, sentences: int = 18) -> str:
    pool = _NEUTRAL_FR if lang == "fr" else _NEUTRAL_EN
    out = []
    for _ in range(sentences):
        out.append(rng.choice(pool).format(
            co=rng.choice(_WORDS["co"]), team=rng.choice(_WORDS["team"]), team2=rng.choice(_WORDS["team2"]),
            day=rng.choice(_WORDS["day"][lang]), n=rng.randint(1, 9), m=rng.randint(0, 5), k=rng.randint(10, 90)))
    return " ".join(out)


def contact_articles() -> list[tuple[str, str]]:
    """(header line, body) of real readouts and of the project's corpora."""
    out: list[tuple[str, str]] = []
    csv.field_size_limit(10_000_000)  # long transcripts
    for name in ("kremlin_en_news_2021-10_2022-06.csv", "president_gov_ua_en_news_2021-10_2022-06.csv"):
        path = SHARED / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                head = row["headline"].lower()
                if ("conversation" in head or "meeting" in head or "talks" in head or "met with" in head) and \
                        row.get("body"):
                    body = " ".join(x for x in (row.get("summary", ""), row["body"]) if x and x != "NA")
                    out.append((f" date {row['date'][:10]} {row['headline']}", body[:6000]))
    for lang in ("fr", "en"):
        for f in sorted((ROOT / "tests" / "data" / "corpus" / lang / "texts").glob("*.txt")):
            head, _, body = f.read_text(encoding="utf-8").partition("\n")
            out.append((head, body.strip()))
    return out


def make_corpus(folder: Path, n: int, ratio: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = contact_articles()
    texts = []
    for i in range(n):
        if rng.random() < ratio and pool:
            head, body = pool[i % len(pool)]
            # A suffix keeps every text distinct (kg build reads a repeated text once).
            body = f"{body}\n\nRef. {i}."
        else:
            lang = "fr" if i % 2 else "en"
            head, body = f" date 2024-0{1 + i % 9}-1{i % 9} Actualité {i}", neutral_article(rng, lang)
        (folder / f"a{i:06d}.txt").write_text(f"{head}\n\n{body}\n", encoding="utf-8")
        texts.append(body)
    return texts


def baseline(texts: list[str]) -> float:
    """Articles/s of fr_core_news_md's full pipeline over the same texts, one process."""
    import spacy

    nlp = spacy.load("fr_core_news_md")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return len(texts) / (time.perf_counter() - start)


_CHILD = """
import json, resource, sys, time
from kg.build import build
from kg.pipeline import Extractor
start = time.perf_counter()
report = build([sys.argv[1]], sys.argv[2], extractor=Extractor(), timeout=None, jobs=int(sys.argv[3]))
seconds = time.perf_counter() - start
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "articles": report.articles, "contacts": report.contacts,
                  "with_contacts": report.with_contacts, "peak_rss_mb": (me.ru_maxrss + kids.ru_maxrss) / 1024,
                  "cpu_parent": me.ru_utime + me.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime}))
"""

_STAGES = """
import json, sys, time
from collections import defaultdict
import kg.build as b, kg.worker as w, kg.merge as m, kg.rdf.io as io
from kg.extract import frames_dep, prefilter
from kg.pipeline import Extractor
spent = defaultdict(float)
def timed(owner, name, stage, generator=False):
    fn = getattr(owner, name)
    if generator:
        def wrapper(*a, **k):
            it = fn(*a, **k)
            while True:
                t = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    spent[stage] += time.perf_counter() - t
                    return
                spent[stage] += time.perf_counter() - t
                yield item
    else:
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[stage] += time.perf_counter() - t
    setattr(owner, name, wrapper)
timed(b, "iter_inputs", "read", generator=True)
timed(w, "read_input", "read")
timed(prefilter.Prefilter, "may_hold_contact", "prefilter")
timed(frames_dep.DependencyRefiner, "for_sentences", "parse")
timed(Extractor, "extract", "extract (incl. parse)")
timed(b, "merge_reports", "rdf")
timed(b, "graph_quads", "rdf")
timed(b, "write_graph", "write")
import kg.view.html as vh
timed(vh, "write_view", "write")
start = time.perf_counter()
b.build([sys.argv[1]], sys.argv[2], extractor=Extractor(), timeout=None, jobs=1)
spent["extract"] = spent.pop("extract (incl. parse)") - spent["parse"]
spent["total"] = time.perf_counter() - start
print(json.dumps(spent))
"""


def _tree_pss_mb(root: int) -> float:
    """Proportional set size of a process and its descendants: shared pages (the model the
    forked workers inherit) are counted once, unlike a sum of RSS."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _spin(n: int = 5_000_000) -> None:
    x = 0
    for i in range(n):
        x += i * i % 7


def machine_scaling() -> float:
    """How a pure-Python loop scales from 1 to 2 processes right now (2.0 on two idle cores): other
    sessions' load shows here, and bounds what ``kg build --jobs 2`` can show."""
    import multiprocessing

    def timed(k: int) -> float:
        procs = [multiprocessing.Process(target=_spin) for _ in range(k)]
        start = time.perf_counter()
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        return time.perf_counter() - start

    one, two = zip(*((timed(1), timed(2)) for _ in range(3)), strict=True)
    return 2 * sorted(one)[1] / sorted(two)[1]  # medians of three


def run_child(code: str, *args: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    peak = 0.0
    while proc.poll() is None:
        if Path("/proc/self/smaps_rollup").exists():
            peak = max(peak, _tree_pss_mb(proc.pid))
        time.sleep(0.5)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"child failed:\n{err[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_pss_mb"] = peak
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="number of articles to generate")
    ap.add_argument("--ratio", type=float, default=0.1, help="share of articles that hold a contact")
    ap.add_argument("--folder", type=Path, help="use these .txt articles instead of a generated corpus")
    ap.add_argument("--only-jobs", type=int, choices=(1, 2), help="measure kg build with this many jobs only")
    ap.add_argument("--skip-baseline", action="store_true", help="do not time the raw spaCy parse")
    ap.add_argument("--skip-stages", action="store_true", help="do not time the stage breakdown")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        if args.folder:
            corpus = args.folder
            texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*.txt"))]
        else:
            corpus = work / "corpus"
            corpus.mkdir()
            texts = make_corpus(corpus, args.n, args.ratio)
        tokens = sum(len(t.split()) for t in texts) / max(1, len(texts))
        print(f"corpus: {len(texts)} articles, {tokens:.0f} words each on average, contact ratio "
              f"{'n/a' if args.folder else args.ratio}, readouts {'used' if SHARED.exists() else 'absent'}")
        base = None
        if not args.skip_baseline:
            sample = texts[: min(len(texts), 1000)]
            base = baseline(sample)
            print(f"baseline  fr_core_news_md full pipeline, 1 process: {base:8.1f} articles/s "
                  f"(on {len(sample)} of the texts)")
        print(f"machine: load average {os.getloadavg()[0]:.2f}; a pure-Python loop scales "
              f"{machine_scaling():.2f}x from 1 to 2 processes")
        rates = {}
        for jobs in ([args.only_jobs] if args.only_jobs else [1, 2]):
            res = run_child(_CHILD, str(corpus), str(work / f"out{jobs}"), str(jobs))
            rate = rates[jobs] = res["articles"] / res["seconds"]
            ratio = f"  = {rate / base:5.1f} x baseline" if base else ""
            per_core = f", {rate / base / jobs:4.2f} x baseline per core" if base else ""
            print(f"kg build --jobs {jobs}: {rate:8.1f} articles/s{ratio}{per_core}; {res['seconds']:.1f} s, "
                  f"{res['with_contacts']} articles with contacts, {res['contacts']} contacts, "
                  f"peak memory {res['peak_pss_mb']:.0f} MB PSS (RSS sum {res['peak_rss_mb']:.0f} MB); "
                  f"CPU {res['cpu_parent']:.1f} s parent (imports included), {res['cpu_workers']:.1f} s workers")
        if len(rates) == 2:
            print(f"speed-up from 1 to 2 jobs: {rates[2] / rates[1]:.2f}x (load average now "
                  f"{os.getloadavg()[0]:.2f})")
        if not args.skip_stages:
            stages = run_child(_STAGES, str(corpus), str(work / "stages"))
            stages.pop("peak_pss_mb", None)
            total = stages.pop("total")
            parts = ", ".join(f"{k} {v:.1f} s ({100 * v / total:.0f}%)" for k, v in stages.items())
            print(f"stages (--jobs 1, in process): total {total:.1f} s: {parts}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this script's own peak RSS (baseline model included): {own:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
