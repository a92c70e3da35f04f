"""Prints an opening's calibration: ``manage.py calibrate SLUG [--json] [--save] [--user EMAIL]``.

With ``--user`` it prints what that person sees on the calibration page: scorecards
blind scoring still withholds from them are left out of every figure.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from reports.calibration.blinding import calibration_for_reader, reader_from_option
from reports.calibration.compute import calibrate_opening, store_snapshot
from reports.calibration.presentation import top_share_text
from selection.models import Opening


class Command(BaseCommand):
    help = "Compares an opening's candidates with the producer cohorts and prints the result."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The opening's slug, e.g. ae-nordics.")
        parser.add_argument("--json", action="store_true", help="Print the full result as JSON.")
        parser.add_argument(
            "--save", action="store_true", help="Also store it as the opening's latest snapshot."
        )
        parser.add_argument(
            "--user", metavar="EMAIL", default="",
            help="Print what this person may see (blind scoring applies); not with --save.",
        )

    def handle(self, *args, slug, json=False, save=False, user="", **options):
        opening = Opening.objects.filter(slug=slug).first()
        if opening is None:
            known = ", ".join(Opening.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No opening with slug {slug!r}. Known: {known or 'none'}.")
        if user and save:
            raise CommandError("--save stores the whole calibration for everyone; run it "
                               "without --user.")
        reader = reader_from_option(user, opening)
        if reader is not None:
            payload = calibration_for_reader(opening, reader, fresh=True)
        elif save:
            payload = store_snapshot(opening).calibration
        else:
            payload = calibrate_opening(opening)
        if json:
            self.stdout.write(_dumps(payload))
        else:
            self.stdout.write(summary(payload))


def _dumps(payload: dict) -> str:
    return json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False)


def _fmt(value, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)



def summary(payload: dict) -> str:
    """A readable text summary of a calibration payload."""
    c = payload["cohorts"]
    lines = [
        f"Calibration of {payload['opening']['title']} ({payload['opening']['slug']}), "
        f"computed {payload['computed_at']}",
        "Producers with scores: " + ", ".join(
            f"{t} {c[t]['with_scores']}/{c[t]['producers']}" for t in ("top", "middle", "bottom")
        ) + f"; candidates {c['candidates']['with_scores']}/{c['candidates']['applications']}.",
        "",
        "Dimensions (g [95% CI], Holm p):",
    ]
    for row in payload["differences"]:
        mark = " *separates*" if row["discriminating"] else ""
        lines.append(
            f"  {row['name']:<32} {row['comparison']:<14} n={row['n_a']}/{row['n_b']}  "
            f"g={_fmt(row['hedges_g'])} [{_fmt(row['g_ci_low'])}, {_fmt(row['g_ci_high'])}]  "
            f"p={_fmt(row['p_holm'], '.3f')}{mark}"
        )
    lines += ["", f"Candidates ({payload['fit_basis']['basis']}: "
              f"{', '.join(payload['fit_basis']['dimensions']) or 'none'}):"]
    for group in payload.get("groups", []):
        v = group["validation"]
        lines.append(
            f"  Group {group['index'] + 1} ({', '.join(group['instruments'])}; "
            f"{group['n_candidates']} candidates): {'usable' if group['usable'] else 'not usable'}"
            f", Brier {_fmt(v['brier'])} vs base rates {_fmt(v['baseline_brier'])}, "
            f"AUC {_fmt(v['auc_top'])}"
        )
        lines.append(f"    {group['message']}")
    for cand in payload["candidates"]:
        post = cand["posterior"]
        share = cand["closer_than_top_share"]
        group = "-" if cand.get("group") is None else cand["group"] + 1
        lines.append(
            f"  {cand['name']:<28} {cand['stage_label']:<12} group {group}  "
            f"P(top/middle/bottom)={_fmt(post['top'])}/{_fmt(post['middle'])}/"
            f"{_fmt(post['bottom'])}"
            + ("" if share is None else "  " + top_share_text(share))
        )
    overall = payload["interviewers"]["overall"]
    summary = payload["interviewers"].get("summary") or {}
    lines += ["", f"Interviewers: {overall['n_raters']}, median per-dimension "
              f"{summary.get('label', 'ICC')}={_fmt(summary.get('value'))} over "
              f"{summary.get('n_dimensions', 0)} dimensions, Krippendorff's alpha="
              f"{_fmt(overall.get('krippendorff_alpha'))}"]
    if payload["warnings"]:
        lines += ["", "Warnings:", *(f"  - {w}" for w in payload["warnings"])]
    return "\n".join(lines)
