"""Signed links for references: the candidate's (to name referees) and each referee's.

The same mechanism as the SJT link (``assessments.delivery``): a signed id and a random
nonce kept on the row, compared in constant time. A link answers 410 once its work is
done or it has expired, 403 when forged, 429 when used too often.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from selection import links

from ..delivery import LinkRefused
from ..models import Referee, ReferenceRequest

CANDIDATE_SALT = "assessments.reference-candidate"
REFEREE_SALT = "assessments.reference-referee"
RATE_WINDOW_SECONDS = 300

FORGED = LinkRefused(
    403, "This link is not valid",
    "The link is incomplete or has been changed. Open the link from your email again, or "
    "ask the person who sent it for a new one.",
)


def _token(obj, salt: str) -> str:
    return signing.dumps({"i": obj.pk, "n": obj.nonce}, salt=salt)


def candidate_token(request: ReferenceRequest) -> str:
    return _token(request, CANDIDATE_SALT)


def referee_token(referee: Referee) -> str:
    return _token(referee, REFEREE_SALT)


def candidate_url(request: ReferenceRequest) -> str:
    return links.absolute_url(reverse("assessments:name_referees",
                                      args=[candidate_token(request)]))


def referee_url(referee: Referee) -> str:
    return links.absolute_url(reverse("assessments:reference_form",
                                      args=[referee_token(referee)]))


def _load(token: str, salt: str, queryset):
    try:
        data = signing.loads(token, salt=salt)
    except signing.BadSignature:
        raise FORGED from None
    if not (isinstance(data, dict) and isinstance(data.get("i"), int)):
        raise FORGED
    obj = queryset.filter(pk=data["i"]).first()
    if obj is None or not constant_time_compare(obj.nonce, str(data.get("n"))):
        raise FORGED
    return obj


def _expired(when) -> LinkRefused:
    return LinkRefused(
        410, "This link has expired",
        f"The link expired on {timezone.localtime(when):%d %b %Y}. Ask the person who sent "
        "it for a new one.",
    )


def request_for_token(token: str) -> ReferenceRequest:
    """The reference request a candidate's link stands for, if it can still be used."""
    request = _load(token, CANDIDATE_SALT, ReferenceRequest.objects.select_related(
        "application__candidate", "application__opening"))
    if request.named_at is not None:
        raise LinkRefused(
            410, "Your referees are named",
            "Thank you: your referees have been sent their questionnaire. This link was for "
            "naming them once and cannot be used again.",
        )
    if request.is_expired:
        raise _expired(request.expires_at)
    return request


def referee_for_token(token: str) -> Referee:
    """The referee a link stands for, if they can still answer."""
    referee = _load(token, REFEREE_SALT, Referee.objects.select_related(
        "request__application__candidate", "request__application__opening"))
    if referee.submitted_at is not None:
        raise LinkRefused(410, "Your reference is submitted",
                          "Thank you. The questionnaire takes one submission and is closed.")
    if referee.declined_at is not None:
        raise LinkRefused(410, "You declined this request",
                          "You told us you would rather not give a reference. Nothing else "
                          "is needed from you.")
    if referee.is_expired:
        raise _expired(referee.expires_at)
    return referee


def throttle(http_request, token: str) -> None:
    """LinkRefused(429) past ``SELECTION_LINK_RATE_LIMIT`` requests per link in five minutes.

    Counted in the cache (the one allauth's login limits use), per link and per address,
    so a forged-link storm from one address is limited too.
    """
    limit = settings.SELECTION_LINK_RATE_LIMIT
    address = http_request.META.get("REMOTE_ADDR", "")
    window = int(timezone.now().timestamp()) // RATE_WINDOW_SECONDS
    for part in (token, address):
        digest = hashlib.sha256(part.encode()).hexdigest()[:32]
        key = f"reference-link:{digest}:{window}"
        cache.add(key, 0, RATE_WINDOW_SECONDS + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, RATE_WINDOW_SECONDS + 5)
            count = 1
        if count > limit * (5 if part == address else 1):
            raise LinkRefused(
                429, "Too many requests",
                "This link was used too often in the last few minutes. Wait five minutes "
                "and open it again; nothing you saved is lost.",
            )
