"""Openings with the pinned profile's requirements (scope ``openings:read``)."""

from datetime import datetime

from ninja import Router, Schema

from api import pagination
from api.access import opening_for_client, openings_for_client
from api.service import needs

router = Router(tags=["openings"])


class RequirementOut(Schema):
    dimension: str
    name: str
    kind: str
    weight: float
    target_level: int
    knock_out_minimum: int | None


class OpeningOut(Schema):
    slug: str
    title: str
    location: str
    headcount: int
    status: str
    opened_at: datetime
    role_profile: str
    role_name: str
    psychometric_weight: float | None = None
    requirements: list[RequirementOut] | None = None


class OpeningPage(Schema):
    items: list[OpeningOut]
    next_cursor: str | None


def opening_out(opening, *, with_requirements: bool) -> dict:
    profile = opening.profile if with_requirements else opening.role_profile
    out = {
        "slug": opening.slug, "title": opening.title, "location": opening.location,
        "headcount": opening.headcount, "status": opening.status,
        "opened_at": opening.opened_at, "role_profile": profile.title,
        "role_name": getattr(profile, "role_name", "") or "",
    }
    if with_requirements:
        out["psychometric_weight"] = float(profile.psychometric_weight)
        out["requirements"] = [
            {"dimension": r.dimension.slug, "name": r.dimension.name, "kind": r.dimension.kind,
             "weight": float(r.weight), "target_level": r.target_level,
             "knock_out_minimum": r.knock_out_minimum}
            for r in opening.requirements
        ]
    return out


@router.get(
    "/openings", auth=needs("openings:read"),
    response=OpeningPage, summary="List openings")
def list_openings(request, cursor: str | None = None, limit: int = 50):
    """Openings this client may reach, oldest first; follow ``next_cursor`` for more."""
    client = request.auth
    rows, next_cursor = pagination.page(openings_for_client(client), cursor, limit)
    return {"items": [opening_out(o, with_requirements=False) for o in rows],
            "next_cursor": next_cursor}


@router.get(
    "/openings/{slug}", auth=needs("openings:read"),
    response=OpeningOut, summary="One opening")
def get_opening(request, slug: str):
    """The opening with the requirements of the role-profile revision it is pinned to."""
    client = request.auth
    return opening_out(opening_for_client(client, slug), with_requirements=True)
