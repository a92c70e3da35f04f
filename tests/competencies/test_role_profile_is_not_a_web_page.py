"""A role profile is edited as a role, not a web page: no Promote tab, the title is the role."""

from decimal import Decimal
from types import SimpleNamespace

from wagtail.test.utils.form_data import querydict_from_html, streamfield

from competencies.models import RoleProfilePage
from competencies.weights import weights_overview


def _login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def test_edit_page_has_no_promote_tab_and_names_the_title_role_name(client, hr, library):
    _login(client, hr)
    html = client.get(f"/cms/pages/{library['profile'].pk}/edit/").content.decode()
    assert "Promote" not in html
    assert 'name="seo_title"' not in html and 'name="search_description"' not in html
    assert 'name="slug"' not in html
    assert 'name="role_name"' not in html, "one field for the role's name, not two"
    assert ">Role name<" in html
    assert "seen by the public" not in html
    assert "Submit for approval" in html
    assert "Submit to Role profile approval" not in html


def test_a_new_profile_needs_only_its_role_name(client, hr, library):
    _login(client, hr)
    url = f"/cms/pages/add/competencies/roleprofilepage/{library['index'].pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(streamfield([]) | {"tasks-count": "0"} if "tasks-count" not in data else {})
    data.update({
        "title": "Account Manager (growth)", "job_description": '{"blocks": [{"key": "a", '
        '"type": "unstyled", "depth": 0, "text": "Grows accounts.", "inlineStyleRanges": [], '
        '"entityRanges": []}], "entityMap": {}}',
        "psychometric_weight": "0.33",
        "requirements-TOTAL_FORMS": "1", "requirements-INITIAL_FORMS": "0",
        "requirements-0-dimension": str(library["discovery"].pk),
        "requirements-0-weight": "2", "requirements-0-target_level": "3",
        "requirements-0-knock_out_minimum": "", "requirements-0-ORDER": "1",
        "requirements-0-DELETE": "",
    })
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = RoleProfilePage.objects.get(title="Account Manager (growth)")
    assert page.slug == "account-manager-growth"
    assert page.role_name == "Account Manager (growth)"


def test_status_reads_waiting_for_approval(hr, library):
    page = library["profile"]
    page.save_revision(user=hr)
    page.get_workflow().start(page, hr)
    page.refresh_from_db()
    assert page.status_string == "live + waiting for approval"


def _requirement(name, weight, target=3, knock_out=None):
    dimension = SimpleNamespace(name=name, get_kind_display=lambda: "Competency")
    return SimpleNamespace(dimension_id=1, dimension=dimension, weight=Decimal(weight),
                           target_level=target, knock_out_minimum=knock_out)


def test_overview_shares_add_up_and_flag_one_requirement_above_half():
    # 3 of 4 = 75 %, 1 of 4 = 25 %: the first carries more than half.
    overview = weights_overview([_requirement("Discovery", "3.00"), _requirement("Trait", "1")])
    assert [(r.weight, r.share_percent) for r in overview.rows] == [("3", 75), ("1", 25)]
    assert overview.total == "4"
    assert overview.dominant == ["Discovery"]
    # Exactly half is not "more than half".
    even = weights_overview([_requirement("A", "2.5"), _requirement("B", "2.50")])
    assert [r.weight for r in even.rows] == ["2.5", "2.5"] and even.dominant == []


def test_edit_page_shows_the_weights_overview(client, hr, library):
    # Library profile: discovery 3, negotiating 2, resilience 1; total 6 -> 50 %, 33 %, 17 %.
    _login(client, hr)
    html = client.get(f"/cms/pages/{library['profile'].pk}/edit/").content.decode()
    start = html.index("data-requirements-overview")
    table = html[start:html.index("</table>", start)]
    assert "Discovery questioning" in table and "50 %" in table
    assert "33 %" in table and "17 %" in table
    assert "requirements-overview.js" in html[start:]
    warning = html[html.index("data-overview-warning", start) - 80:][:200]
    assert "hidden" in warning, "no requirement carries more than half"


def test_a_second_profile_cannot_take_an_existing_role_name(client, hr, library):
    _login(client, hr)
    url = f"/cms/pages/add/competencies/roleprofilepage/{library['index'].pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(streamfield([]) | {"tasks-count": "0"} if "tasks-count" not in data else {})
    data.update({"title": "account executive", "requirements-TOTAL_FORMS": "0",
                 "requirements-INITIAL_FORMS": "0"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Another role profile already has this name" in response.content.decode()
    assert RoleProfilePage.objects.filter(title__iexact="account executive").count() == 1


def test_submitting_says_submitted_for_approval(client, edit_form, hr, library):
    url, data = edit_form(hr, library["profile"])
    data["action-submit"] = "Submit for approval"
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert "has been submitted for approval." in html
    assert "moderation" not in html.lower()
