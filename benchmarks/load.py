"""Load test: simulated interviewers autosaving scorecards against gunicorn + PostgreSQL.

    python benchmarks/load.py                  # 20 interviewers, 60 s
    python benchmarks/load.py --short          # 5 interviewers, 10 s (what CI runs)
    python benchmarks/load.py --interviewers 40 --seconds 120

It creates a fresh PostgreSQL database (default ``selection_load``), migrates, loads
the demo, gives every simulated interviewer a draft scorecard on the Account Executive
opening, starts gunicorn on 127.0.0.1 with production settings, and runs each
interviewer in a thread: log in through the real login form (not timed), then loop
until the time is up: autosave the scorecard (a new note and rating, with the version
the client last saw), and every fifth round read the scorecard page and "My interviews". It prints
requests per second, p50 and p95 latency, errors, and whether the database ends with
exactly the last acknowledged save of every scorecard. Exit status 1 on any error or
lost save; the timings are printed, never asserted.
"""

import argparse
import http.cookiejar
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load-test-password-2026"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interviewers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--short", action="store_true", help="5 interviewers for 10 s")
    parser.add_argument("--think", type=float, default=0.25,
                        help="mean pause between one interviewer's requests, seconds")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--database", default="selection_load")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432",
                        help="PostgreSQL server URL without database name")
    args = parser.parse_args()
    if args.short:
        args.interviewers, args.seconds = 5, 10
    return args


def server_env(args) -> dict:
    return dict(
        os.environ,
        DATABASE_URL=f"{args.pg}/{args.database}",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SELECTION_BASE_URL="http://127.0.0.1",  # the server's port is added when it starts
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )


def recreate_database(args) -> None:
    import psycopg

    with psycopg.connect(f"{args.pg}/postgres", autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            [args.database],
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
        admin.execute(f'CREATE DATABASE "{args.database}"')


def prepare_data(n: int) -> list[dict]:
    """Migrates, seeds the demo and gives ``n`` new interviewers a draft scorecard each."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    call_command("collectstatic", "--no-input", verbosity=0)

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from interviews.models import Answer, Interview, KitQuestion, Scorecard
    from selection.models import Application, HiringTeamMember, Opening

    opening = Opening.objects.get(slug="ae-nordics")
    applications = list(Application.objects.filter(opening=opening))
    question_ids = list(
        KitQuestion.objects.filter(kit__opening=opening).values_list("question_id", flat=True)
    )[:3]
    group = Group.objects.get(name="Interviewer")
    people = []
    for i in range(n):
        email = f"load{i:03d}@load.example"
        user = get_user_model().objects.create_user(
            username=email, email=email, password=PASSWORD, first_name=f"Load {i}"
        )
        user.groups.add(group)
        HiringTeamMember.objects.create(
            opening=opening, user=user, role=HiringTeamMember.INTERVIEWER
        )
        interview = Interview.objects.create(
            application=applications[i % len(applications)], interviewer=user
        )
        card = Scorecard.objects.create(interview=interview)
        Answer.objects.bulk_create(
            Answer(scorecard=card, question_id=q, sort_order=k)
            for k, q in enumerate(question_ids)
        )
        people.append({"email": email, "scorecard": card.pk, "version": card.version,
                       "question": question_ids[0]})
    return people


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(args, port: int) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"), "selection.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
        "--worker-class", "gthread", "--threads", str(args.threads),
        "--log-level", "warning", "--timeout", "30", "--preload",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=dict(
        server_env(args), SELECTION_BASE_URL=f"http://127.0.0.1:{port}"))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=10)
            for _ in range(4 * args.workers):  # warm every worker's templates and caches
                urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=10)
            return server
        except OSError:  # refused while starting, or a slow first request
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start within 60 s")


class Interviewer(threading.Thread):
    """One simulated interviewer: logs in, then autosaves and reads pages until the end."""

    def __init__(self, base: str, person: dict, stop_at: float, think: float, seed: int):
        super().__init__(daemon=True)
        self.base, self.person, self.stop_at, self.think = base, person, stop_at, think
        self.rng = random.Random(seed)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.last_ack: tuple[str, int] | None = None

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, path: str, data: dict | None = None) -> tuple[int, bytes]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)
        if body is not None:
            req.add_header("X-CSRFToken", self.csrf())
            req.add_header("Accept", "application/json")
        started = time.perf_counter()
        try:
            with self.opener.open(req, timeout=30) as response:
                status, content = response.status, response.read()
        except urllib.error.HTTPError as exc:
            status, content = exc.code, exc.read()
        except OSError as exc:  # refused, reset or timed out
            self.errors.append(f"{path}: {exc}")
            return 0, b""
        self.latencies.append(time.perf_counter() - started)
        return status, content

    def login(self) -> bool:
        self.request("/accounts/login/")
        status, _ = self.request(
            "/accounts/login/",
            {"login": self.person["email"], "password": PASSWORD,
             "csrfmiddlewaretoken": self.csrf()},
        )
        ok = status == 200 and any(c.name == "sessionid" for c in self.jar)
        if not ok:
            self.errors.append(f"login failed with {status}")
        self.latencies.clear()  # logging in (password hashing) is not the measured load
        return ok

    def run(self) -> None:
        if not self.login():
            return
        card, question = self.person["scorecard"], self.person["question"]
        version, rounds = self.person["version"], 0
        while time.monotonic() < self.stop_at:
            rounds += 1
            text = f"{self.person['email']} note {rounds} {secrets.token_hex(4)}"
            status, content = self.request(
                f"/interviews/scorecards/{card}/autosave/",
                {"version": version, f"q{question}-situation": text,
                 f"q{question}-rating": self.rng.randint(1, 5),
                 "csrfmiddlewaretoken": self.csrf()},
            )
            if status == 200:
                version = json.loads(content)["version"]
                self.last_ack = (text, version)
            elif status:
                self.errors.append(f"autosave answered {status}: {content[:200]!r}")
            if rounds % 5 == 0:
                for path in (f"/interviews/scorecards/{card}/", "/interviews/"):
                    status, _ = self.request(path)
                    if status != 200:
                        self.errors.append(f"GET {path} answered {status}")
            time.sleep(self.rng.expovariate(1 / self.think) if self.think else 0)


def lost_saves(people: list[dict], workers: list[Interviewer]) -> list[str]:
    """Scorecards whose stored note or version is not the last acknowledged save."""
    from interviews.models import Answer, Scorecard

    lost = []
    for person, worker in zip(people, workers, strict=True):
        if worker.last_ack is None:
            lost.append(f"{person['email']}: no save was acknowledged")
            continue
        text, version = worker.last_ack
        card = Scorecard.objects.get(pk=person["scorecard"])
        note = Answer.objects.get(scorecard=card, question_id=person["question"]).situation
        if (note, card.version) != (text, version):
            lost.append(f"{person['email']}: stored v{card.version} {note!r}, "
                        f"acknowledged v{version} {text!r}")
    return lost


def main() -> int:
    args = parse_args()
    os.environ.update(server_env(args))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selection.settings")
    sys.path.insert(0, str(ROOT))
    print(f"Preparing {args.database}: migrate, demo, {args.interviewers} interviewers ...")
    recreate_database(args)
    people = prepare_data(args.interviewers)
    port = free_port()
    server = start_gunicorn(args, port)
    try:
        stop_at = time.monotonic() + args.seconds
        workers = [Interviewer(f"http://127.0.0.1:{port}", person, stop_at, args.think, n)
                   for n, person in enumerate(people)]
        started = time.monotonic()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(args.seconds + 60)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    from django.db import connection

    connection.close()
    latencies = sorted(x for w in workers for x in w.latencies)
    errors = [e for w in workers for e in w.errors]
    lost = lost_saves(people, workers)
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p95 = latencies[int(0.95 * (len(latencies) - 1))] * 1000 if latencies else float("nan")
    saves = sum(1 for w in workers if w.last_ack)
    print(f"interviewers {args.interviewers}, {args.seconds:.0f} s, gunicorn {args.workers} "
          f"workers x {args.threads} threads, think time {args.think} s (mean)")
    print(f"requests {len(latencies)}, {len(latencies) / elapsed:.1f} per second")
    print(f"latency p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"errors {len(errors)}")
    for error in errors[:10]:
        print(f"  {error}")
    print(f"lost saves {len(lost)} (of {len(people)} scorecards, {saves} with saves)")
    for line in lost[:10]:
        print(f"  {line}")
    return 1 if errors or lost else 0


if __name__ == "__main__":
    sys.exit(main())
