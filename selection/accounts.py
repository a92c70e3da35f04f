"""Account rules: nobody signs themselves up; HR invites people; mails link to this site."""

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter

from . import links


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
