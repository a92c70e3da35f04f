"""Admin forms that check an SJT or roleplay as a whole, with the message at the field."""

from wagtail.admin.forms import WagtailAdminModelForm

MIN_OPTIONS, MAX_OPTIONS = 4, 6


def _live_forms(formset) -> list:
    """The child forms that will be saved: filled in and not marked for deletion."""
    forms = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data and not data.get("DELETE"):
            forms.append(form)
    return forms


class JudgmentTestForm(WagtailAdminModelForm):
    """Each scenario needs 4-6 responses whose keys are not all the same."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        scenarios = self.formsets.get("scenarios")
        if scenarios is None:
            return valid
        live = _live_forms(scenarios)
        if not live:
            self.add_error(None, "Add at least one scenario.")
            valid = False
        for scenario_form in live:
            valid = self._check_options(scenario_form) and valid
        if not valid and not self.non_field_errors():
            self.add_error(None, "The test could not be saved: see the marked fields.")
        return valid

    @staticmethod
    def _check_options(scenario_form) -> bool:
        options = _live_forms(scenario_form.formsets["options"])
        if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
            scenario_form.add_error(
                None,
                f"A scenario needs {MIN_OPTIONS} to {MAX_OPTIONS} responses; "
                f"this one has {len(options)}.",
            )
            return False
        keys = [form.cleaned_data.get("key") for form in options]
        if None not in keys and len(set(keys)) == 1:
            options[0].add_error(
                "key",
                "All responses have the same key. Key at least one response higher or lower "
                "than the others, so the scenario can tell good judgement from poor.",
            )
            return False
        return True


class RoleplayExerciseForm(WagtailAdminModelForm):
    """Each competency or trait is observed once per exercise."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        behaviours = self.formsets.get("behaviours")
        if behaviours is None:
            return valid
        seen: set[int] = set()
        live = _live_forms(behaviours)
        for form in live:
            dimension = form.cleaned_data.get("dimension")
            if dimension is None:
                continue
            if dimension.pk in seen:
                form.add_error("dimension", f"{dimension} is already listed; list it once.")
                valid = False
            seen.add(dimension.pk)
        if not live:
            self.add_error(None, "Add at least one observable behaviour.")
            valid = False
        return valid
