"""Account rules: nobody signs themselves up; HR invites people; mails link to this site;
staff use a second factor."""

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from . import links, roles


class InviteOnlyAccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up; accounts are created by HR invitations or an administrator.

    allauth builds the links in its mails (password reset, which is also how an invited
    person sets a first password; email confirmation; sign-up) from the request's Host.
    Here they are built from SELECTION_BASE_URL instead.
    """

    def is_open_for_signup(self, request) -> bool:
        return False

    def get_reset_password_from_key_url(self, key: str) -> str:
        return links.rebase(super().get_reset_password_from_key_url(key))

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return links.rebase(super().get_email_confirmation_url(request, emailconfirmation))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every absolute ``*_url`` in the mail, and the site named at its foot, are ours."""
        context = {
            key: links.rebase(value)
            if key.endswith("_url") and isinstance(value, str) and urlsplit(value).netloc
            else value
            for key, value in context.items()
        }
        context["current_site"] = links.ConfiguredSite()
        super().send_mail(template_prefix, email, context)


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
