"""Account rules: nobody signs themselves up; HR invites people."""

from allauth.account.adapter import DefaultAccountAdapter


class InviteOnlyAccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up; accounts are created by HR invitations or an administrator."""

    def is_open_for_signup(self, request) -> bool:
        return False
