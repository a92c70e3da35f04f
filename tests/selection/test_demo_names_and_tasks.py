"""The demo reads like a real company: task frequencies set, nobody shares a staff name."""

from assessments.demo_content import CANDIDATE_NAMES
from competencies.blocks import TaskBlock
from competencies.demo_content import ROLE_PROFILES, TASK_FREQUENCIES
from selection.demo import DEMO_USERS


def test_every_demo_task_has_a_frequency_from_the_choices():
    choices = {value for value, _ in TaskBlock().child_blocks["frequency"].field.choices}
    for profile in ROLE_PROFILES:
        frequencies = TASK_FREQUENCIES[profile["slug"]]
        assert len(frequencies) == len(profile["tasks"]), profile["slug"]
        assert set(frequencies) <= choices - {""}, profile["slug"]


def test_no_candidate_shares_a_name_with_the_staff():
    staff = {(first, last) for _, first, last, _, _ in DEMO_USERS}
    staff_first = {first for first, _ in staff}
    staff_last = {last for _, last in staff}
    for first, last in CANDIDATE_NAMES:
        assert first not in staff_first, (first, last)
        assert last not in staff_last, (first, last)
