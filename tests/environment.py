"""The test run's environment, set before pytest-django loads the settings.

The settings are production-safe unless told otherwise (DEBUG off, SECRET_KEY and
SELECTION_BASE_URL required). Tests run as a developer's machine does: DEBUG on unless
the caller sets it. pytest-django imports the settings before any conftest.py is read, so
this is a plugin named with ``-p`` in pyproject.toml's addopts.
"""

import os

if not os.environ.get("DEBUG"):
    os.environ["DEBUG"] = "1"
