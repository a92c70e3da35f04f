"""The workspace's user admin: HR manages staff accounts, only superusers manage superusers.

HR holds ``auth.add_user`` and ``auth.change_user`` so that it can invite and edit the
people in the three staff groups. Wagtail's own user forms would also let it tick
"Administrator" and set anyone's password, a superuser's included. For anyone who is not
a superuser, the forms here offer neither: the groups offered are the staff groups, a new
account gets no password (its owner chooses one through the emailed link), and a superuser
cannot be edited, deleted or changed in bulk. A submission that sets a field the form
did not offer is refused whole. Refusals answer 403 with the app's error page (Wagtail
would turn a PermissionDenied into a redirect to its dashboard). Superusers keep Wagtail's
full forms.

Wired in through the ``wagtail.users`` app config's ``user_viewset`` (see selection/apps.py).
"""

from allauth.account.models import EmailAddress
from allauth.core import context
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.utils import user_can_delete_user
from wagtail.users.views.users import CreateView, DeleteView, EditView, UserViewSet

from .errors import permission_denied
from .invitations import email_password_link
from .roles import HIRING_MANAGER, HR, INTERVIEWER

STAFF_GROUPS = (HR, HIRING_MANAGER, INTERVIEWER)


def may_manage_user(actor, target) -> bool:
    """Whether ``actor`` may change ``target``'s account: never a superuser's, unless one."""
    return actor.is_superuser or not target.is_superuser


def may_assign_group(actor, group) -> bool:
    """Whether ``actor`` may put people in ``group``: the staff groups, unless a superuser."""
    return actor.is_superuser or group.name in STAFF_GROUPS


# Fields only a superuser's form offers; a submission from anyone else that sets one was
# forged, and is refused whole.
SUPERUSER_ONLY_FIELDS = ("is_superuser", "password1", "password2")


def refuse_forged_fields(actor, data) -> None:
    """Raises PermissionDenied if a non-superuser's submission sets a superuser-only field."""
    if actor.is_superuser:
        return
    forged = [name for name in SUPERUSER_ONLY_FIELDS if data.get(name)]
    if forged:
        raise PermissionDenied(
            "Only a superuser may grant administrator rights or set a password "
            f"(refused: {', '.join(forged)}).")


def refuse_unmanageable(actor, users, group=None) -> None:
    """Raises PermissionDenied unless ``actor`` may change every one of ``users``."""
    if any(not may_manage_user(actor, user) for user in users):
        raise PermissionDenied("Only a superuser may change a superuser's account.")
    if group is not None and not may_assign_group(actor, group):
        raise PermissionDenied("Only a superuser may assign this group.")


def send_password_link(request, user) -> None:
    """Records the address as the person's login and, once saved, emails a password link."""
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": True}
    )

    def send():
        # After the commit the request may be over; allauth builds the link from it.
        with context.request_context(request):
            email_password_link(request, user.email)

    transaction.on_commit(send)


class StaffAccountFormMixin:
    """No Administrator flag, no password, staff groups only; other groups are kept as they are."""

    password_enabled = False  # Wagtail's UserForm then drops both password fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("is_superuser", None)
        self.fields["groups"].queryset = Group.objects.filter(name__in=STAFF_GROUPS).order_by(
            "name")
        self.fields["groups"].help_text = "The staff groups this person belongs to."

    def clean_email(self):
        email = self.cleaned_data["email"]
        taken = get_user_model().objects.filter(email__iexact=email)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists() or EmailAddress.objects.filter(email__iexact=email).exclude(
            user_id=self.instance.pk).exists():
            raise forms.ValidationError("Another account already uses this email address.")
        return email

    def clean_groups(self):
        chosen = list(self.cleaned_data["groups"])
        if self.instance.pk:  # groups outside the staff groups are not HR's to change
            chosen += list(self.instance.groups.exclude(name__in=STAFF_GROUPS))
        return chosen

    def save(self, commit=True):
        user = super().save(commit=False)
        if user.pk is None:
            user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
        return user


class StaffAccountCreationForm(StaffAccountFormMixin, UserCreationForm):
    pass


class StaffAccountEditForm(StaffAccountFormMixin, UserEditForm):
    pass


class StaffUserCreateView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        try:
            refuse_forged_fields(request.user, request.POST)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        if self.request.user.is_superuser:
            return super().get_form_class()
        return StaffAccountCreationForm

    def save_instance(self):
        user = super().save_instance()
        if not self.request.user.is_superuser:
            send_password_link(self.request, user)
        return user


class StaffUserEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        try:
            refuse_unmanageable(request.user, [self.object])
            refuse_forged_fields(request.user, request.POST)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        if self.request.user.is_superuser:
            return super().get_form_class()
        return StaffAccountEditForm


class StaffUserDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        target = self.get_object()
        try:
            refuse_unmanageable(request.user, [target])
            if not user_can_delete_user(request.user, target):
                raise PermissionDenied("You may not delete this account.")
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)
        return super().dispatch(request, *args, **kwargs)


class StaffUserViewSet(UserViewSet):
    add_view_class = StaffUserCreateView
    edit_view_class = StaffUserEditView
    delete_view_class = StaffUserDeleteView


def refuse_bulk_changes(request, action_type, objects, action):
    """before_bulk_action hook: the same rules for the user listing's bulk actions."""
    if action.model is not get_user_model():
        return None
    group = None
    if action_type == "assign_role":
        group = action.cleaned_form.cleaned_data["role"]
    try:
        refuse_unmanageable(request.user, objects, group)
    except PermissionDenied as refusal:
        return permission_denied(request, refusal)
    return None
