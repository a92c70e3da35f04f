"""Benchmark the hiring report and the calibration packet PDFs.

Run by hand:  .venv/bin/python benchmarks/reports.py [--db PATH] [--repeats 15]

Without --db it creates a temporary SQLite database, migrates it and loads the demo
(seed_demo: 120 producers, the ae-nordics opening with scored candidates). Then it times:

* candidate report, PDF step: ``build_candidate_pdf`` from a prepared ``HiringReport``
  (target: median under 150 ms);
* candidate report, gather + PDF: ``candidate_report`` with the opening's shared context
  already loaded, then the PDF (what each candidate in a packet costs);
* opening context: loading the evidence and calibrating the opening (once per report
  request, once per packet);
* 25-candidate packet, PDF step: ``build_packet_pdf`` for 25 candidates. The demo opening
  has fewer scored candidates, so its real reports are repeated under new names up to 25
  (same content size per candidate) (target: under 5 s);
* the whole packet job for the demo opening's real candidates (gather + PDF).

Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def _setup(db: str | None) -> None:
    if db is None:
        db = str(Path(tempfile.mkdtemp(prefix="selection-bench-")) / "bench.sqlite3")
        os.environ["SQLITE_PATH"] = db
        _django()
        from django.core.management import call_command

        print(f"Creating {db} (migrate + seed_demo) ...", flush=True)
        call_command("migrate", verbosity=0)
        call_command("seed_demo", stdout=io.StringIO())
    else:
        os.environ["SQLITE_PATH"] = db
        _django()


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selection.settings")
    os.environ.setdefault("DEBUG", "1")  # a developer's machine; see selection/settings.py
    import django

    django.setup()


def _packet_of(data: dict, size: int) -> dict:
    reports = list(data["reports"])
    scored = [r for r in reports if r.fit["posterior"].get("top") is not None] or reports
    k = 0
    while len(reports) < size:
        base = scored[k % len(scored)]
        k += 1
        cover = base.cover | {"candidate": f"{base.cover['candidate']} ({k + 1})"}
        reports.append(dataclasses.replace(base, cover=cover))
    return data | {"reports": reports[:size]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="An existing seeded SQLite database to use.")
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    _setup(args.db)

    from reports.hiring_report.gather import candidate_report, opening_context
    from reports.packets.jobs import packet_applications, packet_data
    from reports.pdf.candidate_report import build_candidate_pdf
    from reports.pdf.packet import build_packet_pdf
    from selection.models import Opening

    opening = Opening.objects.get(slug="ae-nordics")
    context = opening_context(opening)
    apps = [a for a in packet_applications(opening, "calibration")]
    report = candidate_report(apps[0], context=context)
    build_candidate_pdf(report, io.BytesIO())  # warm up: fonts, caches

    pdf_ms = _median_ms(lambda: build_candidate_pdf(report, io.BytesIO()), args.repeats)
    full_ms = _median_ms(
        lambda: build_candidate_pdf(candidate_report(apps[0], context=context), io.BytesIO()),
        args.repeats,
    )
    context_ms = _median_ms(lambda: opening_context(opening), max(3, args.repeats // 3))
    data = packet_data(opening)
    big = _packet_of(data, 25)
    packet_ms = _median_ms(lambda: build_packet_pdf(big, io.BytesIO()), 3)
    job_ms = _median_ms(lambda: build_packet_pdf(packet_data(opening), io.BytesIO()), 3)

    print(f"Candidate report ({report.candidate_name}), PDF step only:   "
          f"{pdf_ms:7.1f} ms median (target < 150 ms)")
    print(f"Candidate report, gather (shared context) + PDF:           {full_ms:7.1f} ms median")
    print(f"Opening context (evidence + fresh calibration), per opening: "
          f"{context_ms:5.1f} ms median")
    print(f"Packet of {len(big['reports'])} candidates, PDF step only:            "
          f"{packet_ms / 1000:7.2f} s median (target < 5 s)")
    print(f"Packet job for the demo opening ({len(data['reports'])} real candidates, "
          f"gather + PDF): {job_ms / 1000:5.2f} s median")


if __name__ == "__main__":
    main()
