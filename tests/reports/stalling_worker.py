"""A real task worker whose packet build stalls half-way, for the worker-killed fault test.

It runs ``manage.py worker`` in this process, with one change: once the packet PDF has
been written to its temporary file, the build writes the path of a marker file and then
sleeps, so the test can kill this process with SIGKILL at a known point mid-packet.
Usage: python tests/reports/stalling_worker.py MARKER_PATH [worker options...]
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selection.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from reports.pdf import packet as packet_pdf  # noqa: E402

marker = Path(sys.argv[1])
real_build = packet_pdf.build_packet_pdf


def build_then_stall(data, handle):
    real_build(data, handle)
    handle.flush()
    marker.write_text(handle.name if isinstance(handle.name, str) else "")
    time.sleep(3600)


packet_pdf.build_packet_pdf = build_then_stall
call_command("worker", *sys.argv[2:])
