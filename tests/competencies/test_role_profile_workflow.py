"""Role profiles go live through peer approval; openings keep their pinned revision."""

from decimal import Decimal

from wagtail.models import TaskState

from competencies.models import RoleProfilePage


def submit_weight_change(client, edit_form, user, page, weight: str):
    url, data = edit_form(user, page)
    assert data["requirements-0-weight"] == "3"  # shown as typed, without trailing zeros
    data["requirements-0-weight"] = weight
    data["action-submit"] = "Submit to Role profile approval"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def live_weight(page) -> Decimal:
    live = RoleProfilePage.objects.get(pk=page.pk)
    return live.live_revision.as_object().requirements.all()[0].weight


def test_submitted_change_waits_for_a_second_hr_person(client, edit_form, hr, hr2, library):
    page = library["profile"]
    submit_weight_change(client, edit_form, hr, page, "2.5")
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert live_weight(page) == Decimal("3.00")

    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    approve = f"/cms/pages/workflow/action/{page.pk}/approve/{state.pk}/"

    # The submitter cannot approve their own change.
    response = client.post(approve, {})
    assert response.status_code in (302, 403)  # Wagtail redirects a refused action
    assert live_weight(page) == Decimal("3.00")
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS

    client.force_login(hr2, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(approve, {})
    assert response.status_code in (200, 302)
    assert live_weight(page) == Decimal("2.50")
    assert not RoleProfilePage.objects.get(pk=page.pk).workflow_in_progress


def test_submitter_sees_no_approve_action(hr, hr2, library):
    page = library["profile"]
    workflow = page.get_workflow()
    page.save_revision(user=hr)
    workflow.start(page, hr)
    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    task = state.task.specific
    assert task.get_actions(page, hr) == []
    assert [a[0] for a in task.get_actions(page, hr2)] == ["reject", "approve", "approve"]
    assert not task.get_task_states_user_can_moderate(hr).exists()
    assert task.get_task_states_user_can_moderate(hr2).exists()


def test_opening_keeps_its_pinned_revision_after_republish(client, edit_form, hr, hr2, opening):
    page = opening.role_profile
    pinned = opening.role_profile_revision_id
    submit_weight_change(client, edit_form, hr, page, "1.25")
    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    client.force_login(hr2, backend="django.contrib.auth.backends.ModelBackend")
    client.post(f"/cms/pages/workflow/action/{page.pk}/approve/{state.pk}/", {})
    assert live_weight(page) == Decimal("1.25")

    opening.refresh_from_db()
    assert opening.role_profile_revision_id == pinned
    fresh = type(opening).objects.get(pk=opening.pk)
    assert [r.weight for r in fresh.requirements] == [Decimal("3"), Decimal("2"), Decimal("1")]
    assert [r.dimension.slug for r in fresh.requirements] == [
        "discovery", "negotiating", "resilience"
    ]


def test_a_returned_change_reads_changes_requested(client, edit_form, hr, hr2, library):
    page = library["profile"]
    submit_weight_change(client, edit_form, hr, page, "2.5")
    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)

    client.force_login(hr2, backend="django.contrib.auth.backends.ModelBackend")
    editor = client.get(f"/cms/pages/{page.pk}/edit/").content.decode()
    assert "Request changes" in editor
    response = client.post(f"/cms/pages/workflow/action/{page.pk}/reject/{state.pk}/",
                           {"comment": "Discovery should stay at 3."})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED

    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    for url in (f"/cms/pages/{page.pk}/edit/", f"/cms/pages/{page.pk}/workflow_history/",
                f"/cms/pages/{page.pk}/history/", "/cms/reports/workflow_tasks/"):
        html = client.get(url).content.decode()
        assert "Changes requested" in html, url
        assert "Needs changes" not in html and "Rejected" not in html, url
    history = client.get(f"/cms/pages/{page.pk}/history/").content.decode()
    assert "Changes requested at &#x27;HR peer approval&#x27;" in history
    dashboard = client.get("/cms/").content.decode()
    mine = dashboard[dashboard.index('id="selection-my-submissions-section"'):]
    assert "changes requested" in mine[:mine.index("</section>")]
