#!/usr/bin/env python3
"""Coverage of leaders.json against the shared Wikidata extracts (wd-world-leaders-2022 and -2026).

    python scripts/check_gazetteer.py [--shared ../shared/data] [--gazetteer PATH] [--min 0.95]

For each extract, counts the persons (by QID) that leaders.json has under the same QID and that are
findable by their English label (the label or an alias folds to the same words, the way the runtime
matches names), and lists the ones missing. Labels that are only a QID (the extracts' fallback) are not
required to be findable. Exits 0 when the shared folder is absent (with a message), 1 when a coverage
figure is below --min.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.text import folded_words  # noqa: E402  (the repo root must be importable first)

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--gazetteer", type=Path, default=ROOT / "kg" / "gazetteer" / "data" / "leaders.json")
    ap.add_argument("--min", type=float, default=0.95, dest="minimum")
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"skipped: {args.shared} is absent (the shared extracts are not available here)")
        return 0
    return check(args.shared, args.gazetteer, args.minimum)


if __name__ == "__main__":
    raise SystemExit(main())
