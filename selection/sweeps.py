"""Work the background worker's periodic sweep does for the apps that register it.

``manage.py worker`` lives in ``reports`` (it also recovers packets), and nothing below
``reports`` may import it. So apps hand their periodic jobs to this registry when they
start (``register_sweep(fn)`` in ``AppConfig.ready``), and the worker's sweep calls
``run_sweeps()``. Each job must be idempotent: several workers sweep at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

logger = logging.getLogger("selection.worker")

_JOBS: list[Callable[[], object]] = []


def register_sweep(job: Callable[[], object]) -> None:
    if job not in _JOBS:
        _JOBS.append(job)


def registered_sweeps() -> list[Callable[[], object]]:
    return list(_JOBS)


def run_sweeps() -> dict[str, object]:
    """Runs every registered job; one that fails is logged and tried at the next sweep."""
    results = {}
    for job in _JOBS:
        name = f"{job.__module__}.{job.__qualname__}"
        try:
            results[name] = job()
        except Exception:
            logger.warning("Sweep job %s failed; trying again at the next sweep", name,
                           exc_info=True)
    return results
