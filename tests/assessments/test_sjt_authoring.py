"""Authoring an SJT in the admin: 4-6 responses, keys 1-5, messages at the field; revisions."""

import pytest
from wagtail.admin.panels import ObjectList

from assessments import sjt
from assessments.models import JudgmentTest

pytestmark = pytest.mark.django_db


def form_data(library, keys_per_scenario, dimensions=True):
    data = {"title": "T", "slug": "t", "instructions": "Go.", "time_limit_minutes": "20",
            "scoring_method": "rate_each",
            "scenarios-TOTAL_FORMS": str(len(keys_per_scenario)), "scenarios-INITIAL_FORMS": "0",
            "scenarios-MIN_NUM_FORMS": "1", "scenarios-MAX_NUM_FORMS": "1000"}
    for n, keys in enumerate(keys_per_scenario):
        p = f"scenarios-{n}"
        data.update({f"{p}-title": f"S{n}", f"{p}-situation": "Sit.", f"{p}-question": "Q?",
                     f"{p}-ORDER": str(n + 1),
                     f"{p}-options-TOTAL_FORMS": str(len(keys)),
                     f"{p}-options-INITIAL_FORMS": "0", f"{p}-options-MIN_NUM_FORMS": "0",
                     f"{p}-options-MAX_NUM_FORMS": "1000"})
        if dimensions:
            data[f"{p}-dimensions"] = [str(library["discovery"].pk)]
        for m, key in enumerate(keys):
            data.update({f"{p}-options-{m}-text": f"Option {m}", f"{p}-options-{m}-key": str(key),
                         f"{p}-options-{m}-ORDER": str(m + 1)})
    return data


def make_form(data, user):
    handler = ObjectList(JudgmentTest.panels).bind_to_model(JudgmentTest)
    return handler.get_form_class()(data, instance=JudgmentTest(), for_user=user)


def test_valid_test_saves_and_revision_captures_everything(library, hr):
    form = make_form(form_data(library, [[5, 4, 2, 1], [1, 2, 3, 4, 5, 3]]), hr)
    assert form.is_valid(), form.errors
    test = form.save()
    revision = test.save_revision()
    snap = sjt.snapshot(revision)
    assert [len(s.options) for s in snap.scenarios] == [4, 6]
    assert snap.scenarios[0].dimension_ids == (library["discovery"].pk,)
    assert [o.key for o in snap.scenarios[0].options] == [5, 4, 2, 1]
    assert "Rate each response" in JudgmentTest._meta.get_field("scoring_method").help_text


@pytest.mark.parametrize(("keys", "message"), [
    ([5, 4, 1], "needs 4 to 6 responses; this one has 3"),
    ([5, 4, 1, 2, 3, 4, 5], "needs 4 to 6 responses; this one has 7"),
])
def test_option_count_is_checked_on_the_scenario(library, hr, keys, message):
    form = make_form(form_data(library, [keys]), hr)
    assert not form.is_valid()
    scenario_form = form.formsets["scenarios"].forms[0]
    assert any(message in e for e in scenario_form.non_field_errors())


def test_keys_outside_1_to_5_and_all_equal_keys_are_errors_at_the_field(library, hr):
    form = make_form(form_data(library, [[5, 4, 6, 1], [3, 3, 3, 3]]), hr)
    assert not form.is_valid()
    first, second = form.formsets["scenarios"].forms
    assert "key" in first.formsets["options"].forms[2].errors
    assert "same key" in second.formsets["options"].forms[0].errors["key"][0]


def test_scenario_needs_a_dimension(library, hr):
    form = make_form(form_data(library, [[5, 4, 2, 1]], dimensions=False), hr)
    assert not form.is_valid()
    assert "dimensions" in form.formsets["scenarios"].forms[0].errors
