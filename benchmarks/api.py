"""Benchmark the integration API: candidate upserts and reading one application's results.

Run by hand:  .venv/bin/python benchmarks/api.py [--db PATH] [--upserts 1000] [--reads 50]

Without --db it creates a temporary SQLite database, migrates it and loads the demo. The
calls go through the whole Django stack in-process (middleware, token check, rate limit,
call log, JSON), with Django's test client instead of a socket, so the figures leave out
the network and the web server. It times:

* ``--upserts`` calls of PUT /api/v1/candidates/{id}, each a new candidate (then the same
  ones again, which change nothing), and PUT .../applications/{opening} for each;
* ``--reads`` calls of GET /api/v1/applications/{id}/results for a scored demo candidate,
  before the upserts and after them (the opening then has 1,000 more candidates). The demo
  opening has an interviewer still to submit, so the results are computed under the blind
  rule: the first read calibrates the whole opening, the next ones reuse it from the cache
  (``reports.calibration.blinding.blinded_calibration``) while the evidence is unchanged.

Prints the total, median and 95th percentile; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _setup(db: str | None) -> None:
    fresh = db is None
    db = db or str(Path(tempfile.mkdtemp(prefix="selection-bench-")) / "bench.sqlite3")
    os.environ["SQLITE_PATH"] = db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selection.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ["SELECTION_API_RATE_LIMIT"] = "1000000"
    import django

    django.setup()
    if fresh:
        from django.core.management import call_command

        print(f"Creating {db} (migrate + seed_demo) ...", flush=True)
        call_command("migrate", verbosity=0)
        call_command("seed_demo", stdout=io.StringIO())


def _timed(calls) -> list[float]:
    out = []
    for fn in calls:
        start = time.perf_counter()
        response = fn()
        out.append(1000 * (time.perf_counter() - start))
        assert response.status_code < 300, (response.status_code, response.content[:200])
    return out


def _report(label: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    print(f"{label}: {len(times)} calls, total {sum(times) / 1000:.2f} s, "
          f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--upserts", type=int, default=1000)
    parser.add_argument("--reads", type=int, default=50)
    args = parser.parse_args()
    _setup(args.db)

    from django.test import Client

    from api.clients import create_client
    from selection.models import Application, Opening

    _client, token = create_client(name="Benchmark", scopes=[
        "candidates:write", "results:read"])
    http = Client(headers={"Authorization": f"Bearer {token}"})
    opening = Opening.objects.get(slug="ae-nordics")
    run = int(time.time())

    def put(n):
        body = json.dumps({"first_name": f"Bench{n}", "last_name": "Candidate",
                           "email": f"bench{run}-{n}@example.com"})
        return lambda: http.put(f"/api/v1/candidates/b{run}-{n}", body,
                                content_type="application/json")

    scored = Application.objects.filter(
        opening=opening, candidate__psychometric_scores__isnull=False).first()
    scored = scored or opening.applications.first()

    def read(label):
        _report(f"results of application {scored.pk} ({label}, "
                f"{opening.applications.count()} candidates in the opening)", _timed(
                    [lambda: http.get(f"/api/v1/applications/{scored.pk}/results")]
                    * args.reads))

    read("before the upserts")
    ids = range(args.upserts)
    _report("candidate upserts (new)", _timed([put(n) for n in ids]))
    _report("candidate upserts (unchanged)", _timed([put(n) for n in ids]))
    _report("application upserts (new)", _timed([
        (lambda n=n: http.put(f"/api/v1/candidates/b{run}-{n}/applications/{opening.slug}"))
        for n in ids]))
    read("after the upserts")


if __name__ == "__main__":
    main()
