"""The demo the matrix runs on; a fast password hasher (what is checked is who gets in)."""

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db):
    """The demo, loaded inside this test's transaction (rolled back afterwards)."""
    from tests.authorization.test_authorization_matrix import Demo

    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)
    return Demo()
