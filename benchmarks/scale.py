"""Selection at the size of a real sales organisation: pages, PDFs, packets, evidence.

Run by hand (PostgreSQL):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/selection_scale \\
        .venv/bin/python benchmarks/scale.py [--small] [--keep] [--repeats 5]

It recreates the database named in DATABASE_URL, migrates it and loads the demo
(``seed_demo``: 120 producers, the ae-nordics opening), then grows it through the models
to the size asked (default 5,000 producers and 1,000 candidates on ae-nordics; ``--small``
1,000 and 200; ``--producers`` / ``--candidates`` for others). Every new producer or
candidate copies the evidence of a demo person of the same kind (and tier) with noise:
psychometric scores, completed judgment tests, submitted roleplay scorecards and, for
candidates, submitted interview scorecards. ``--keep`` reuses a database built before.

Then it prints medians: evidence loading, statistics, storing a snapshot and its size (the
opening-wide part every page reads, one candidate's row, all rows),
the report page, its PDF, the calibration page (time, queries, HTML size), and packets of
25 and 200 candidates (or as many as there are). Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OPENING = "ae-nordics"
MANAGER = "manager@demo.selection"
PACKET_STAGES = {"calibration": 25, "interviewing": 200}  # the two packets timed


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s", [name])
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selection.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()


def median_seconds(fn, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


class QueryCount:
    """Counts the queries run inside it (CaptureQueriesContext is reset by every request)."""

    def __enter__(self):
        from django.db import connection

        self.n = 0
        self._wrapper = connection.execute_wrapper(self._count)
        self._wrapper.__enter__()
        return self

    def _count(self, execute, sql, params, many, context):
        self.n += 1
        return execute(sql, params, many, context)

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)

    def __len__(self) -> int:
        return self.n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--producers", type=int, default=5000)
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--small", action="store_true", help="1,000 producers, 200 candidates")
    parser.add_argument("--keep", action="store_true", help="reuse a database built before")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.small:
        args.producers, args.candidates = 1000, 200
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database, e.g. "
                 "postgres://postgres@127.0.0.1:5432/selection_scale")
    if not args.keep:
        recreate_database(url)
    setup_django()
    from benchmarks.scale_data import grow

    started = time.perf_counter()
    grow(OPENING, args.producers, args.candidates, PACKET_STAGES, keep=args.keep)
    print(f"data ready in {time.perf_counter() - started:.0f} s", flush=True)
    measure(args.repeats)


def measure(repeats: int) -> None:
    from django.test import Client

    from reports.calibration.compute import build_calibration, store_snapshot
    from reports.calibration.evidence import evidence_for_opening
    from reports.packets.jobs import packet_data
    from reports.pdf.packet import build_packet_pdf
    from selection.models import Application, Opening, Producer

    opening = Opening.objects.get(slug=OPENING)
    rows = [("producers", Producer.objects.exclude(tier="").count(), ""),
            ("candidates on the opening", opening.applications.count(), "")]
    t, evidence = median_seconds(lambda: evidence_for_opening(Opening.objects.get(pk=opening.pk)),
                                 repeats)
    rows.append(("evidence load", f"{1000 * t:.0f} ms", "target < 500 ms"))
    t, _ = median_seconds(lambda: build_calibration(opening, evidence, min_n=10), repeats)
    rows.append(("statistics (calibration from loaded evidence)", f"{1000 * t:.0f} ms", ""))
    t, snapshot = median_seconds(lambda: store_snapshot(Opening.objects.get(pk=opening.pk)),
                                 max(1, repeats // 2))
    size = len(json.dumps(snapshot.payload))
    row_sizes = [len(json.dumps(data)) for data in snapshot.rows.values_list("data", flat=True)]
    rows.append(("store a snapshot (load + statistics + save)", f"{1000 * t:.0f} ms", ""))
    rows.append(("snapshot JSON, opening-wide part", f"{size:,} bytes ({size / 1024:.0f} KB)",
                 "what every page reads"))
    rows.append(("snapshot JSON, one candidate's row",
                 f"{statistics.median(row_sizes):,.0f} bytes (median)" if row_sizes else "-",
                 "a report page reads one"))
    rows.append(("snapshot JSON, all rows", f"{sum(row_sizes) / 1024:.0f} KB in "
                 f"{len(row_sizes)} rows", ""))

    client = Client()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(email=MANAGER))
    app = (opening.applications.filter(stage="calibration").order_by("pk").first()
           or opening.applications.order_by("pk").first())
    base = f"/reports/openings/{opening.slug}"
    pages = [("report page", f"{base}/candidates/{app.pk}/report/", "target < 300 ms"),
             ("report PDF", f"{base}/candidates/{app.pk}/report.pdf", "target < 400 ms"),
             ("calibration page", f"{base}/calibration/", "target < 300 ms")]
    for label, path, target in pages:
        client.get(path)  # warm up
        with QueryCount() as queries:
            client.get(path)
        t, response = median_seconds(lambda p=path: client.get(p), repeats)
        assert response.status_code == 200, (path, response.status_code)
        body = response.content if not response.streaming else b"".join(
            response.streaming_content)
        rows.append((label, f"{1000 * t:.0f} ms, {len(queries)} queries, "
                     f"{len(body) / 1024:.0f} KB", target))
    for stage in PACKET_STAGES:
        n = opening.applications.filter(stage=stage).count()
        with QueryCount() as queries:
            packet_data(opening, stage=stage)
        gather_queries = len(queries)

        def packet(stage=stage):
            build_packet_pdf(packet_data(opening, stage=stage), out := io.BytesIO())
            return out.getbuffer().nbytes

        t, nbytes = median_seconds(packet, max(1, min(repeats, 3)))
        rows.append((f"packet of {n} ({dict(Application.STAGES)[stage]})",
                     f"{t:.1f} s, {gather_queries} queries, {nbytes / 1024:.0f} KB",
                     "target < 10 s" if n >= 200 else ""))
    width = max(len(r[0]) for r in rows)
    print()
    for label, value, target in rows:
        print(f"{label:<{width}}  {value!s:<34} {target}")


if __name__ == "__main__":
    main()
