"""HR's form for a candidate's self-identification (used in the HR workspace)."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from reports.models import self_id_groups

DECLINED = "Prefer not to say"


class SelfIdentificationForm(WagtailAdminModelForm):
    """Offers the configured groups as choices; a retired label stays selectable."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups = self_id_groups()
        choices = [("", DECLINED)] + [(g, g) for g in groups]
        current = getattr(self.instance, "group_label", "")
        if current and current not in groups:
            choices.append((current, f"{current} (no longer offered)"))
        field = self.fields["group_label"]
        self.fields["group_label"] = forms.ChoiceField(
            choices=choices, required=False, label=field.label, help_text=field.help_text
        )
