"""A menu item in the HR workspace for the integration pages."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from selection.access import is_hr


class HRMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_hr(request.user)


@hooks.register("register_admin_menu_item")
def integrations_menu_item():
    return HRMenuItem("Integrations (API)", reverse("integrations:clients"), icon_name="link",
                      order=950)
