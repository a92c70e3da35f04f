"""/api/v1/: the operations, their OpenAPI document and docs."""

from .routes import (
    candidates,
    invitations,
    openings,
    producers,
    references,
    results,
    webhooks,
)
from .service import ClientRateLimit, SelectionAPI, TokenAuth, docs_for_staff, install_handlers

DESCRIPTION = """Selection's integration API for an applicant-tracking system.

Authenticate with `Authorization: Bearer <token>`; HR creates clients and their tokens in
the HR workspace (Integrations). Errors are JSON `{"code", "message"}`; lists page by
`next_cursor`; reads carry an `ETag` (send `If-None-Match` for a 304). See docs/api.md.
"""

api = SelectionAPI(
    title="Selection integration API", version="1", description=DESCRIPTION,
    urls_namespace="api", auth=TokenAuth(), throttle=[ClientRateLimit()],
    docs_decorator=docs_for_staff,
)
install_handlers(api)
for module in (openings, candidates, invitations, references, results, producers, webhooks):
    api.add_router("/", module.router)
