"""HR invites people: an account without a password and an email to set one."""

from allauth.account.forms import ResetPasswordForm
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction


@transaction.atomic
def invite_user(*, request, email: str, first_name: str, last_name: str, group: str):
    """Creates the account in the group and emails a link to choose a password."""
    user = get_user_model().objects.create_user(
        username=email, email=email, first_name=first_name, last_name=last_name
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=group))
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    email_password_link(request, email)
    return user


def email_password_link(request, email: str) -> None:
    """Emails allauth's choose-a-password link to ``email`` (the link uses SELECTION_BASE_URL)."""
    form = ResetPasswordForm(data={"email": email})
    if form.is_valid():
        form.save(request)
