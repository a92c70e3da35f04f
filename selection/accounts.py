"""Account rules: nobody signs themselves up; HR invites people; staff use a second factor."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from . import roles


class InviteOnlyAccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up; accounts are created by HR invitations or an administrator."""

    def is_open_for_signup(self, request) -> bool:
        return False


def two_factor_required(user) -> bool:
    """True for superusers and HR while ``SELECTION_REQUIRE_MFA_FOR_STAFF`` is on."""
    if not settings.SELECTION_REQUIRE_MFA_FOR_STAFF or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=roles.HR).exists()


def lacks_required_two_factor(user) -> bool:
    """True when this person must have TOTP and has not activated it yet."""
    return two_factor_required(user) and not is_mfa_enabled(
        user, types=[Authenticator.Type.TOTP]
    )


class StaffTwoFactorAdapter(DefaultMFAAdapter):
    """Whoever must use a second factor cannot switch their TOTP off."""

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        if authenticator.type == Authenticator.Type.TOTP and two_factor_required(
            authenticator.user
        ):
            return False
        return super().can_delete_authenticator(authenticator)
