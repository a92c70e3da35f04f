import pytest
from wagtail.test.utils.form_data import querydict_from_html, streamfield


@pytest.fixture
def edit_form(client):
    """Returns (url, data) for a role profile's edit form, as the browser would send it."""

    def _edit_form(user, page):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        url = f"/cms/pages/{page.pk}/edit/"
        response = client.get(url)
        assert response.status_code == 200
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        # The task list is a StreamField the browser's JavaScript serialises; send it empty.
        data.update(streamfield([]) | {"tasks-count": "0"} if "tasks-count" not in data else {})
        return url, data

    return _edit_form
