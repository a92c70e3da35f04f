"""Benchmark the two CSV imports with 10,000-row files.

Run by hand:  .venv/bin/python benchmarks/imports.py [--repeats 3]

Creates a temporary SQLite database (SQLITE_PATH), migrates it, adds 5,000 producers and
5 mapped psychometric scales, writes a 10,000-row psychometrics file (2,000 producers x 5
scales) and a 10,000-row performance file (5,000 producers x 2 periods), then times each
import ``repeats`` times on an empty table (all rows created) and once more as a re-import
(all rows unchanged). Before each timed run the imported rows are deleted and the
producers' performance and tiers cleared, so each run does the full work (10,000 rows
created; for performance also 5,000 producers updated and their tiers computed).
Prints the medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(db_path: str) -> None:
    os.environ["SQLITE_PATH"] = db_path
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selection.settings")
    os.environ.setdefault("DEBUG", "1")  # a developer's machine; see selection/settings.py
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_people_and_files(rows: int = 10_000) -> tuple[bytes, bytes]:
    import random

    from assessments.models import PsychometricScale
    from competencies.models import Trait
    from selection.models import Producer

    trait = Trait(slug="bench-drive", name="Bench drive", category="Bench", definition="x",
                  level_1="1", level_2="2", level_3="3", level_4="4", level_5="5")
    trait.save()
    scales = [f"Scale {n}" for n in range(5)]
    PsychometricScale.objects.bulk_create(
        [PsychometricScale(instrument="Bench Inventory", scale=s, dimension=trait) for s in scales]
    )
    n_producers = rows // 2
    Producer.objects.bulk_create([
        Producer(first_name="P", last_name=f"{n:05d}", email=f"p{n:05d}@bench.example",
                 external_id=f"B-{n:05d}") for n in range(n_producers)
    ], batch_size=1000)
    rng = random.Random(1)
    psy = ["person,instrument,scale,score,score_type"] + [
        f"p{n:05d}@bench.example,Bench Inventory,{s},{rng.randint(20, 80)},T-score"
        for n in range(rows // len(scales)) for s in scales
    ]
    perf = ["producer;period;performance"] + [
        f"B-{n:05d};{period};{rng.uniform(20, 180):.1f}".replace(".", ",")
        for n in range(n_producers) for period in ("FY2024", "FY2025")
    ]
    return ("\n".join(psy) + "\n").encode(), ("\n".join(perf) + "\n").encode()


def timed(function, data: bytes, reset) -> tuple[float, object]:
    reset()
    start = time.perf_counter()
    result = function(data)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(str(Path(tmp) / "bench.sqlite3"))
        from assessments.imports import import_performance, import_psychometrics
        from assessments.models import PerformanceRecord, PsychometricScore

        psy, perf = make_people_and_files()
        cases = [
            ("psychometrics", import_psychometrics, psy, PsychometricScore),
            ("performance", import_performance, perf, PerformanceRecord),
        ]
        from selection.models import Producer

        def reset(model) -> None:
            """Back to the state before the first import, so every run does the full work."""
            model.objects.all().delete()
            Producer.objects.update(performance=None, performance_period="", tier="",
                                    tier_source="")

        for name, function, data, model in cases:
            rows = data.count(b"\n") - 1
            runs = []
            for _ in range(args.repeats):
                seconds, result = timed(function, data, lambda m=model: reset(m))
                runs.append(seconds)
            start = time.perf_counter()
            again = function(data)
            reimport = time.perf_counter() - start
            print(f"{name:<14} {rows:,} rows: median {statistics.median(runs):.2f} s over "
                  f"{len(runs)} runs ({', '.join(f'{r:.2f}' for r in runs)}; {result}); "
                  f"re-import {reimport:.2f} s ({again})")


if __name__ == "__main__":
    main()
