"""Panels for the hiring core's edit views in the HR workspace."""

from wagtail.admin.panels import Panel


class OpeningInAppPanel(Panel):
    """On an opening's edit view: its page in the app and the role-profile revision it is
    pinned to (and whether the profile has been republished since)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "selection/admin/opening_in_app.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            opening = self.instance
            revision = opening.role_profile_revision
            profile = opening.role_profile
            context.update({
                "opening": opening, "revision": revision,
                "pinned_title": revision.object_str if revision else "",
                "republished": bool(revision and profile.live_revision_id
                                    and profile.live_revision_id != revision.pk),
                "profile": profile,
            })
            return context
