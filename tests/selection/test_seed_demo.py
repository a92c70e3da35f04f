"""The demo loads, is complete enough to explore, and loading it twice changes nothing."""

from django.apps import apps
from django.core.management import call_command

from competencies.models import Competency, RoleProfilePage, Trait
from reports.models import CalibrationSnapshot
from selection.models import Application, Candidate, Opening, Producer


def row_counts() -> dict[str, int]:
    return {
        f"{m._meta.app_label}.{m.__name__}": m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label
        in {"competencies", "selection", "interviews", "assessments", "reports", "auth",
            "wagtailcore"}
        and m.__name__ not in {"Permission"}
    }


def test_seed_demo_is_complete_and_idempotent(db, capsys):
    call_command("seed_demo")
    first_output = capsys.readouterr().out
    assert "hr@demo.selection" in first_output
    assert "selection-demo-2026" in first_output

    assert Competency.objects.filter(live=True).count() >= 15
    assert Trait.objects.filter(live=True).count() >= 8
    slugs = set(RoleProfilePage.objects.live().values_list("slug", flat=True))
    assert {"sales-development-representative", "account-executive"} <= slugs
    assert any("manager" in slug for slug in slugs)
    # The two current openings, and (reports/validity/demo.py) two past cohorts and an open
    # DACH opening for the validity and pipeline pages.
    assert Opening.objects.count() == 5
    assert all(o.team.count() >= 2 for o in Opening.objects.all())
    assert Candidate.objects.count() >= 12
    assert Application.objects.values("stage").distinct().count() >= 5
    # 120 incumbents and 36 past hires who started (linked to their applications).
    assert Producer.objects.count() == 156
    assert Producer.objects.filter(hire__isnull=False).count() == 36
    tiers = {
        t: Producer.objects.filter(tier=t).count() for t in ("top", "middle", "bottom")
    }
    assert tiers == {"top": 39, "middle": 78, "bottom": 39}
    # The first snapshot is stored after the past hires are linked, so they are in its
    # producer comparison (156 with a tier), not only the 120 incumbents.
    snapshot = CalibrationSnapshot.objects.filter(opening__slug="ae-nordics").latest("pk")
    assert {t: c["with_scores"] for t, c in snapshot.payload["cohorts"].items()
            if t in tiers} == tiers

    demo_pages_show_what_is_built_in()

    assert "newly created: 18 competencies" in first_output
    assert " 0 " not in first_output.split("newly created:")[1].split("\n")[0]
    before = row_counts()
    call_command("seed_demo")
    assert row_counts() == before
    assert "Demo already loaded; nothing new created." in capsys.readouterr().out


def test_if_empty_skips_a_database_with_accounts(db, capsys, hr):
    call_command("seed_demo", "--if-empty")
    assert "not loaded again" in capsys.readouterr().out
    assert not Opening.objects.exists()


def demo_pages_show_what_is_built_in():
    """reports/validity/demo.py builds in a modest validity for the interviews, none for the
    judgment test's first dimension, and an agency whose candidates rarely meet the
    knock-outs; the validity and pipeline figures show exactly that."""
    from competencies.models import Dimension
    from reports.validity.demo import _producer_sjt_centres
    from reports.validity.hires import profile_validity
    from reports.validity.pipeline import pipeline_against_profile

    def openings(**where):
        return list(Opening.objects.filter(**where).select_related(
            "role_profile", "role_profile_revision"))

    ae = profile_validity(openings(role_profile__slug="account-executive"))
    assert (ae["n_hires"], ae["enough"]) == (30, True)
    rows = {r["key"]: r["result"] for r in ae["rows"]}
    assert rows["overall"].pearson_ci_low > 0   # the weighted level predicts
    interviews = [v.pearson_r for k, v in rows.items() if k.startswith("interview:")]
    assert 0.2 < sum(interviews) / len(interviews) < 0.5   # modest
    noise = Dimension.objects.get(pk=int(sorted(_producer_sjt_centres()[1])[0])).slug
    [sjt] = [v for k, v in rows.items() if k.startswith("instrument:sjt:")
             and k.endswith(f":{noise}")]
    assert sjt.pearson_ci_low < 0 < sjt.pearson_ci_high and abs(sjt.pearson_r) < 0.2
    sdr = profile_validity(openings(role_profile__slug="sales-development-representative"))
    assert (sdr["n_hires"], sdr["enough"], sdr["rows"]) == (6, False, [])

    dach = pipeline_against_profile(openings(slug="ae-dach"))
    by_source = {r["source"]: r for r in dach["by_source"]}
    assert set(by_source) == {"Referral", "Job board", "Agency", "Sourced by recruiter"}
    assert dach["by_source"][-1]["source"] == "Agency" and by_source["Agency"]["reaches"] == 0
    assert all(by_source[s]["reaches"] > 0 for s in by_source if s != "Agency")
    knock_outs = [r for r in dach["competencies"] + dach["traits"] if r["knock_out"]]
    met = {source: sum(r["sources"][j]["ko_met"] for r in knock_outs)
           / sum(r["sources"][j]["ko_assessed"] for r in knock_outs)
           for j, source in enumerate(dach["sources"])}
    assert met["Agency"] <= 0.6 and all(met[s] >= 0.9 for s in met if s != "Agency")
