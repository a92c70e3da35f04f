"""An opening's edit view in the admin links to its page in the app and says which
role-profile revision it is pinned to, also after the profile is republished."""

from django.urls import reverse


def _edit_view(client, hr, opening) -> str:
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("wagtailsnippets_selection_opening:edit", args=[opening.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_edit_view_links_to_the_app_and_names_the_pinned_revision(client, hr, opening):
    pinned = opening.role_profile_revision
    assert pinned is not None
    html = _edit_view(client, hr, opening)
    assert f'href="{reverse("opening_detail", args=[opening.slug])}"' in html
    assert f"Open “{opening.title}” in the app" in html
    profile = opening.role_profile
    revision_url = reverse("wagtailadmin_pages:revisions_view", args=[profile.pk, pinned.pk])
    assert f'href="{revision_url}"' in html
    assert f"revision {pinned.pk} of" in html
    assert "It is the profile's live version." in html

    profile.save_revision().publish()
    profile.refresh_from_db()
    assert profile.live_revision_id != pinned.pk
    html = _edit_view(client, hr, opening)
    assert f'href="{revision_url}"' in html, "still the pinned revision, not the new one"
    assert "The profile has been republished since" in html


def test_a_new_opening_has_no_app_link_yet(client, hr, library):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(reverse("wagtailsnippets_selection_opening:add")).content.decode()
    assert "in the app</a>" not in html
