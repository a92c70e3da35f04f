"""Openings: pinned requirements, cursor pagination, ETags, opening restriction."""

from tests import factories


def test_an_opening_carries_its_pinned_requirements(ats, opening):
    body = ats.get(f"/openings/{opening.slug}").json()
    assert body["title"] == opening.title
    assert [r["dimension"] for r in body["requirements"]] == [
        r.dimension.slug for r in opening.requirements]
    assert body["requirements"][0]["target_level"] == opening.requirements[0].target_level


def test_pages_follow_the_cursor_without_gaps_or_repeats(ats, library, manager):
    slugs = {factories.make_opening(library["profile"], manager=manager, slug=f"o-{n}").slug
             for n in range(5)}
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = ats.get("/openings", **params).json()
        seen += [o["slug"] for o in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(slugs)


def test_a_forged_cursor_is_a_clear_400(ats, opening):
    response = ats.get("/openings", cursor="not-ours")
    assert response.status_code == 400 and response.json()["code"] == "invalid_cursor"


def test_a_read_answers_304_while_its_etag_matches(ats, opening):
    first = ats.get(f"/openings/{opening.slug}")
    tag = first["ETag"]
    again = ats.get(f"/openings/{opening.slug}", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    opening.title = "Renamed"
    opening.save()
    changed = ats.get(f"/openings/{opening.slug}", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed["ETag"] != tag


def test_a_client_restricted_to_one_opening_sees_no_other(make_api, opening, library, manager):
    other = factories.make_opening(library["profile"], manager=manager, slug="other")
    restricted = make_api(openings=[opening])
    listed = [o["slug"] for o in restricted.get("/openings").json()["items"]]
    assert listed == [opening.slug]
    assert restricted.get(f"/openings/{other.slug}").status_code == 404
