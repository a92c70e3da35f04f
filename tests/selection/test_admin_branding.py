"""The admin and the app carry the product's name, logo and favicon; no request leaves the
site for avatars (no Gravatar)."""

import re

from django.contrib.staticfiles import finders


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_admin_pages_carry_the_site_and_company_name(client, hr, library, settings):
    settings.SELECTION_COMPANY_NAME = "Acme Sales Ltd"
    login(client, hr)
    dashboard = client.get("/cms/").content.decode()
    assert "<title>Dashboard - Selection · Acme Sales Ltd</title>" in dashboard
    assert re.search(r"<h1[^>]*>\s*Selection · Acme Sales Ltd\s*</h1>", dashboard)
    assert "localhost" not in dashboard
    assert '/static/selection/brand/logo.svg' in dashboard
    edit = client.get(f"/cms/pages/{library['profile'].pk}/edit/").content.decode()
    assert "- Selection · Acme Sales Ltd</title>" in edit


def test_admin_html_has_no_gravatar_and_draws_initials(client, hr, library):
    login(client, hr)
    for url in ("/cms/", f"/cms/pages/{library['profile'].pk}/edit/", "/cms/account/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
    assert "data:image/svg+xml," in client.get("/cms/").content.decode()


def test_favicon_is_served_and_linked(client, hr):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    with open(finders.find("selection/brand/favicon.ico"), "rb") as icon:
        assert response.content == icon.read()
    admin = login(client, hr).get("/cms/").content.decode()
    assert "selection/brand/favicon.ico" in admin
    assert "wagtailadmin/images/favicon.ico" not in admin
    app = client.get("/").content.decode()
    assert "selection/brand/favicon.ico" in app
    assert 'href="/cms/"' in app, "the app's top bar links HR to the admin"
