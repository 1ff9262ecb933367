#!/usr/bin/env python3
"""Coverage of leaders.json against the shared Wikidata extracts (wd-world-leaders-2022 and -2026).

    python scripts/check_gazetteer.py [--shared ../shared/data] [--gazetteer PATH] [--min 0.95]
                                      [--history-since 2010] [--g20-since 2000] [--max-gap-days 31]

For each extract, counts the persons (by QID) that leaders.json has under the same QID and that are
findable by their English label (the label or an alias folds to the same words, the way the runtime
matches names), and lists the ones missing. Labels that are only a QID (the extracts' fallback) are not
required to be findable. Exits 0 when the shared folder is absent (with a message), 1 when a coverage
figure is below --min.

The history report (always printed; it needs no shared data) counts the sovereign states whose
head-of-state offices and head-of-government offices (each kind taken as the union of the state's offices of
that kind) have terms covering continuously from --history-since (G20 states: --g20-since) up to the latest
known term, and lists the states with the offices and spans missing. Dates of year or month precision are
read generously (a start "2012" may be 1 January, an end "2012" may be 31 December), open terms run until
today, and gaps of up to --max-gap-days (interim holders, swearing-in delays) are not counted. A state with
no office of a kind is judged on the other kind alone (presidential systems).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# G20_STATES: the G20 member states (the EU and AU are organisations in the gazetteer).
from kg.gazetteer.load import G20_STATES  # noqa: E402  (the repo root must be importable first)
from kg.text import folded_words  # noqa: E402

HISTORY_KINDS = ("head_of_state", "head_of_government")
EXTRACTS = (("wd-2022", "wd-world-leaders-2022/wikidata_heads_2021_2022.csv"),
            ("wd-2026", "wd-world-leaders-2026/wikidata_heads_2026.csv"))


def names_of(person: dict) -> set[tuple[str, ...]]:
    return {folded_words(n) for n in (person.get("en", ""), person.get("fr", ""), *person.get("aliases", ()))}


def check(shared: Path, gazetteer: Path, minimum: float) -> int:
    data = json.loads(gazetteer.read_text(encoding="utf-8"))
    people = data["people"]
    status = 0
    for key, rel in EXTRACTS:
        path = shared / rel
        if not path.exists():
            print(f"{key}: {path} not found, skipped")
            continue
        persons: dict[str, str] = {}
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                label = row["officeholderLabel"]
                # Keep a real label over the QID fallback when a person has several rows.
                if row["officeholder"] not in persons or persons[row["officeholder"]].startswith("Q"):
                    persons[row["officeholder"]] = label
        present = [q for q in persons if q in people]
        findable = [q for q in present
                    if persons[q] == q or folded_words(persons[q]) in names_of(people[q])]
        share = len(findable) / len(persons) if persons else 1.0
        print(f"{key}: {len(persons)} persons; {len(present)} present with the same QID "
              f"({len(present) / len(persons):.1%}); {len(findable)} also findable by English label ({share:.1%})")
        for q in sorted(set(persons) - set(present), key=lambda x: int(x[1:])):
            print(f"  missing: {q} {persons[q]!r}")
        for q in sorted(set(present) - set(findable), key=lambda x: int(x[1:])):
            print(f"  label not findable: {q} {persons[q]!r} (gazetteer: {people[q]['en']!r})")
        if share < minimum:
            status = 1
    return status


def _earliest(d: str) -> date:
    parts = [int(x) for x in d.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _latest(d: str) -> date:
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(parts[0], 12, 31)


def history_gaps(spans: list[tuple[date, date]], since: date, max_gap: int) -> list[tuple[date, date]]:
    """Uncovered stretches (longer than ``max_gap`` days) from ``since`` to the latest covered day."""
    gaps: list[tuple[date, date]] = []
    reached = since - timedelta(days=1)  # last day known to be covered
    for start, end in sorted(spans):
        if end <= reached:
            continue
        if (start - reached).days - 1 > max_gap:
            gaps.append((max(reached + timedelta(days=1), since), start - timedelta(days=1)))
        reached = max(reached, end)
    return gaps


def history(gazetteer: Path, since: int, g20_since: int, max_gap: int,
            today: date) -> tuple[int, int, int, list[str]]:
    """(states covered continuously, states reached back to, states, lines describing the gaps).

    "Reached back to": at least one head-of-state or head-of-government term starts by the first day (the
    weaker figure the README used to give); "covered": every kind is continuous from that day on.
    """
    data = json.loads(gazetteer.read_text(encoding="utf-8"))
    states = {q: c for q, c in data["countries"].items() if c["region"] != "International"}
    spans: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)
    for _person, office, start, end, _src in data["terms"]:
        off = data["offices"][office]
        if off["country"] in states and off["kind"] in HISTORY_KINDS and start:
            spans[(off["country"], off["kind"])].append((_earliest(start), _latest(end) if end else today))
    covered = reached = 0
    lines: list[str] = []
    for q in sorted(states, key=lambda x: states[x]["en"]):
        begin = date(g20_since if q in G20_STATES else since, 1, 1)
        if any(min(spans[(q, k)])[0] <= begin for k in HISTORY_KINDS if (q, k) in spans):
            reached += 1
        problems = []
        for kind in HISTORY_KINDS:
            if (q, kind) not in spans:
                continue
            gaps = history_gaps(spans[(q, kind)], begin, max_gap)
            if gaps:
                short = "HoS" if kind == "head_of_state" else "HoG"
                problems.append(f"{short} " + ", ".join(f"{a}..{b}" for a, b in gaps))
        if not any(k in HISTORY_KINDS for c, k in spans if c == q):
            problems.append("no head-of-state/government term")
        if problems:
            lines.append(f"  {q} {states[q]['en']}: " + "; ".join(problems))
        else:
            covered += 1
    return covered, reached, len(states), lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--gazetteer", type=Path, default=ROOT / "kg" / "gazetteer" / "data" / "leaders.json")
    ap.add_argument("--min", type=float, default=0.95, dest="minimum")
    ap.add_argument("--history-since", type=int, default=2010, metavar="YEAR",
                    help="holder history must reach back to 1 January of YEAR (default 2010)")
    ap.add_argument("--g20-since", type=int, default=2000, metavar="YEAR",
                    help="the same for the G20 states (default 2000)")
    ap.add_argument("--max-gap-days", type=int, default=31, help="gaps up to this length are tolerated")
    ap.add_argument("--today", type=date.fromisoformat, default=date.today(),
                    help="end of open terms (default: today)")
    ap.add_argument("--history-only", action="store_true", help="print only the holder-history report")
    ap.add_argument("--quiet-history", action="store_true", help="print the history count without the gaps")
    args = ap.parse_args(argv)
    status = 0
    if not args.history_only:
        if not args.shared.is_dir():
            print(f"skipped: {args.shared} is absent (the shared extracts are not available here)")
        else:
            status = check(args.shared, args.gazetteer, args.minimum)
    covered, reached, total, lines = history(args.gazetteer, args.history_since, args.g20_since,
                                             args.max_gap_days, args.today)
    print(f"history reaching back to {args.history_since} (G20: {args.g20_since}): {reached}/{total} states "
          f"(some head-of-state/government term starts by then)")
    print(f"history back to {args.history_since} (G20: {args.g20_since}): {covered}/{total} states "
          f"(heads of state and government continuous to the latest term, gaps up to {args.max_gap_days} days "
          f"tolerated); gaps:")
    if not args.quiet_history:
        for line in lines:
            print(line)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
