"""Every URL the project serves, for every kind of visitor: allowed, sent to log in, or refused.

A URL pattern that is not classified here fails the test, so every new page must say
who may open it. Third-party areas are classified by prefix: the Wagtail admin (HR and
superusers), the Django admin (superusers), allauth's account pages (public or own).
"""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

THIRD_PARTY = ("cms/", "django-admin/", "accounts/", "documents/")

# Outcomes: OK = the view ran for this visitor (200, a redirect that is not to the login
# page, or a 4xx refusal of the *input* such as 400/405/409/410); LOGIN = sent to log in;
# DENY = 403 or 404.
OK, LOGIN, DENY = "ok", "login", "deny"
VISITORS = ["anonymous", "candidate", "interviewer", "outsider", "other_manager", "manager",
            "hr", "superuser"]


def expect(anonymous, candidate, interviewer, outsider, other_manager, manager, hr, superuser):
    return dict(zip(VISITORS, [anonymous, candidate, interviewer, outsider, other_manager,
                               manager, hr, superuser], strict=True))


EVERYONE_SIGNED_IN = expect(LOGIN, LOGIN, OK, OK, OK, OK, OK, OK)
MANAGERS = expect(LOGIN, LOGIN, DENY, DENY, DENY, OK, OK, OK)
HR_ONLY = expect(LOGIN, LOGIN, DENY, DENY, DENY, DENY, OK, OK)
OWNER_ONLY = expect(LOGIN, LOGIN, OK, DENY, DENY, DENY, DENY, DENY)
LINK_HOLDER = expect(OK, OK, OK, OK, OK, OK, OK, OK)

# name -> (method, path builder, expectations). `o` holds the demo objects.
MATRIX = {
    "home": ("GET", lambda o: "/", EVERYONE_SIGNED_IN),
    # The Django admin's login always hands over to the allauth login (second factor).
    "admin_login_redirect": ("GET", lambda o: "/django-admin/login/",
                             expect(*[LOGIN] * 8)),
    # So does Wagtail's (tests/authorization/test_login_paths.py tries a password on each).
    "cms_login_redirect": ("GET", lambda o: "/cms/login/", expect(*[LOGIN] * 8)),
    "cms_password_reset_redirect": ("GET", lambda o: "/cms/password_reset/", LINK_HOLDER),
    "favicon": ("GET", lambda o: "/favicon.ico", LINK_HOLDER),
    "opening_list": ("GET", lambda o: "/openings/", EVERYONE_SIGNED_IN),
    "opening_detail": ("GET", lambda o: f"/openings/{o.slug}/", MANAGERS),
    "application_detail": ("GET", lambda o: f"/openings/{o.slug}/candidates/{o.app}/", MANAGERS),
    "application_move_stage": (
        "POST", lambda o: f"/openings/{o.slug}/candidates/{o.app}/stage/", MANAGERS),
    "application_decide": (
        "POST", lambda o: f"/openings/{o.slug}/candidates/{o.app}/decision/", MANAGERS),
    "invite_user": ("GET", lambda o: "/people/invite/", HR_ONLY),
    "interviews:my_interviews": ("GET", lambda o: "/interviews/", EVERYONE_SIGNED_IN),
    "interviews:scorecard": ("GET", lambda o: f"/interviews/scorecards/{o.card}/", OWNER_ONLY),
    "interviews:autosave": (
        "POST", lambda o: f"/interviews/scorecards/{o.card}/autosave/", OWNER_ONLY),
    "interviews:amend": ("GET", lambda o: f"/interviews/scorecards/{o.card}/amend/", OWNER_ONLY),
    "interviews:others": ("GET", lambda o: f"/interviews/scorecards/{o.card}/others/",
                          OWNER_ONLY),
    "interviews:kit": ("GET", lambda o: f"/interviews/openings/{o.slug}/kit/", MANAGERS),
    "interviews:kit_build": ("POST", lambda o: f"/interviews/openings/{o.slug}/kit/build/",
                             MANAGERS),
    "interviews:kit_swap": ("POST", lambda o: f"/interviews/openings/{o.slug}/kit/swap/",
                            MANAGERS),
    "interviews:pipeline_csv": ("GET", lambda o: f"/interviews/openings/{o.slug}/pipeline.csv",
                                MANAGERS),
    "interviews:plan": ("GET", lambda o: f"/interviews/openings/{o.slug}/plan/", MANAGERS),
    "interviews:plan_auto": ("POST", lambda o: f"/interviews/openings/{o.slug}/plan/auto/",
                             MANAGERS),
    "interviews:schedule": (
        "POST", lambda o: f"/interviews/openings/{o.slug}/candidates/{o.app}/schedule/",
        MANAGERS),
    "interviews:calibration_session": (
        "GET", lambda o: f"/interviews/openings/{o.slug}/calibration-session/", MANAGERS),
    "assessments:take_test": ("GET", lambda o: f"/assessments/t/{o.token}/", LINK_HOLDER),
    "assessments:start_test": ("POST", lambda o: f"/assessments/t/{o.token}/start/",
                               LINK_HOLDER),
    "assessments:save_test": ("POST", lambda o: f"/assessments/t/{o.token}/answers/",
                              LINK_HOLDER),
    # The candidate's voluntary self-identification: the link is the key, as for the test.
    "assessments:about_you": ("GET", lambda o: f"/assessments/t/{o.token}/about-you/",
                              LINK_HOLDER),
    "assessments:invite_candidate": (
        "POST", lambda o: f"/assessments/candidates/{o.app}/sjt/", MANAGERS),
    "assessments:assign_roleplay": (
        "POST", lambda o: f"/assessments/candidates/{o.app}/roleplay/", MANAGERS),
    "assessments:roleplay_scorecard": (
        "GET", lambda o: f"/assessments/roleplay/{o.roleplay}/",
        # Submitted: its assessor, and HR and the opening's hiring managers, may read it.
        expect(LOGIN, LOGIN, OK, DENY, DENY, OK, OK, OK)),
    "assessments:producer_list": ("GET", lambda o: "/assessments/producers/", HR_ONLY),
    "assessments:invitation_list": ("GET", lambda o: "/assessments/invitations/", HR_ONLY),
    "assessments:test_list": ("GET", lambda o: "/assessments/tests/", HR_ONLY),
    "assessments:test_analysis": ("GET", lambda o: f"/assessments/tests/{o.test}/analysis/",
                                  HR_ONLY),
    "assessments:import_psychometrics": ("GET", lambda o: "/assessments/imports/psychometrics/",
                                         HR_ONLY),
    "assessments:import_performance": ("GET", lambda o: "/assessments/imports/performance/",
                                       HR_ONLY),
    "assessments:import_candidates": ("GET", lambda o: "/assessments/imports/candidates/",
                                      HR_ONLY),
    "assessments:import_candidates_template": (
        "GET", lambda o: "/assessments/imports/candidates/template.csv", HR_ONLY),
    "opening_calibration": ("GET", lambda o: f"/reports/openings/{o.slug}/calibration/",
                            MANAGERS),
    "opening_calibration_recompute": (
        "POST", lambda o: f"/reports/openings/{o.slug}/calibration/recompute/", MANAGERS),
    "fairness": ("GET", lambda o: "/reports/fairness/", HR_ONLY),
    "opening_fairness": ("GET", lambda o: f"/reports/fairness/{o.slug}/", HR_ONLY),
}
MATRIX.update(__import__("tests.authorization.report_urls", fromlist=["MATRIX"]).MATRIX)
MATRIX.update(__import__("tests.authorization.reference_urls", fromlist=["MATRIX"]).MATRIX)
MATRIX.update(__import__("tests.authorization.validity_urls", fromlist=["MATRIX"]).MATRIX)
MATRIX.update(__import__("tests.authorization.schedule_urls", fromlist=["MATRIX"]).MATRIX)
# The integration API (token-authenticated: every session is refused) and HR's pages for it.
MATRIX.update(__import__("tests.authorization.api_urls", fromlist=["MATRIX"]).MATRIX)

PREFIX_RULES = {
    # Signed in without access: the 403 page (a login redirect would loop straight back).
    "/cms/": expect(LOGIN, LOGIN, DENY, DENY, DENY, DENY, OK, OK),
    "/django-admin/": expect(LOGIN, LOGIN, DENY, DENY, DENY, DENY, DENY, OK),
    "/accounts/email/": expect(LOGIN, LOGIN, OK, OK, OK, OK, OK, OK),
    "/accounts/2fa/": expect(LOGIN, LOGIN, OK, OK, OK, OK, OK, OK),
    "/accounts/login/": LINK_HOLDER,
}


def project_patterns(resolver=None, prefix="", namespace=None):
    """(name, route) of every URL pattern outside the third-party areas."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith(THIRD_PARTY) and not prefix:
                continue
            ns = ":".join(filter(None, [namespace, entry.namespace])) or None
            yield from project_patterns(entry, route, ns)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), route


class Demo:
    """The demo objects the paths are built from."""

    def __init__(self):
        from assessments.delivery import token_for
        from assessments.models import JudgmentTest, RoleplayScorecard, SJTInvitation
        from interviews.models import Scorecard
        from selection.models import Opening

        opening = Opening.objects.get(slug="ae-nordics")
        card = Scorecard.objects.filter(
            interview__interviewer__email="interviewer@demo.selection",
            interview__application__opening=opening, state__in=["submitted", "amended"],
        ).select_related("interview").first()
        self.slug = opening.slug
        self.card = card.pk
        self.app = card.interview.application_id
        self.roleplay = RoleplayScorecard.objects.filter(
            assessor__email="interviewer@demo.selection", application__opening=opening,
            submitted_at__isnull=False,
        ).first().pk
        self.test = JudgmentTest.objects.first().pk
        invitation = SJTInvitation.objects.filter(
            candidate__isnull=False, attempt__isnull=True
        ).first()
        self.token = token_for(invitation)
        self.packet = self._packet(opening)

    @staticmethod
    def _packet(opening):
        """A finished calibration packet of the opening, built by the real code."""
        from reports.packets.jobs import request_packet
        from reports.packets.models import ReportPacket

        manager = get_user_model().objects.get(email="manager@demo.selection")
        packet = request_packet(opening, stage="calibration", user=manager)
        assert packet.status == ReportPacket.DONE  # the immediate backend built it
        return packet.pk


def visitor_client(kind: str, demo: Demo) -> Client:
    client = Client()
    emails = {
        "interviewer": "interviewer@demo.selection",
        "outsider": "interviewer4@demo.selection",  # an interviewer, not on ae-nordics
        "other_manager": "manager2@demo.selection",
        "manager": "manager@demo.selection",
        "hr": "hr@demo.selection",
        "superuser": "admin@demo.selection",
    }
    if kind in emails:
        user = get_user_model().objects.get(email=emails[kind])
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    elif kind == "candidate":
        client.get(f"/assessments/t/{demo.token}/")
    return client


def outcome(response) -> str:
    if response.status_code in (401, 403, 404):
        return DENY
    if response.status_code in (301, 302) and "/login/" in response["Location"]:
        return LOGIN
    if response.status_code >= 500:
        return f"error {response.status_code}"
    return OK


def test_every_project_url_is_classified():
    names = {name for name, _ in project_patterns()}
    missing = sorted(name or "(unnamed)" for name in names if name not in MATRIX)
    assert not missing, f"Classify these URL patterns in the authorization matrix: {missing}"
    stale = sorted(set(MATRIX) - names)
    assert not stale, f"The matrix lists patterns that no longer exist: {stale}"


def check_visitor(kind: str, demo: Demo) -> list[str]:
    """The mismatches between the matrix and what this visitor actually gets."""
    client = visitor_client(kind, demo)
    wrong = []
    for name, (method, build, expected) in MATRIX.items():
        path = build(demo)
        response = getattr(client, method.lower())(path)
        got = outcome(response)
        if got != expected[kind]:
            wrong.append(f"{kind}: {method} {path} ({name}): expected {expected[kind]}, "
                         f"got {got} [{response.status_code}]")
    for prefix, expected in PREFIX_RULES.items():
        got = outcome(client.get(prefix))
        if got != expected[kind]:
            wrong.append(f"{kind}: GET {prefix}: expected {expected[kind]}, got {got}")
    return wrong


def test_matrix(demo):
    """One demo load, every visitor kind (POSTs are rolled back with the test)."""
    wrong = [line for kind in VISITORS for line in check_visitor(kind, demo)]
    assert not wrong, "\n".join(wrong)
