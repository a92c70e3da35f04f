"""The Django admin is for superusers only; HR works in Wagtail at /cms/."""


def superuser_only(request) -> bool:
    user = request.user
    return user.is_active and user.is_superuser
