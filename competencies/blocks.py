"""StreamField blocks for role profiles."""

from wagtail import blocks


class TaskBlock(blocks.StructBlock):
    """One key task of a sales role, with how often it happens."""

    task = blocks.CharBlock(
        max_length=300, help_text="A task the person in this role does, starting with a verb."
    )
    frequency = blocks.ChoiceBlock(
        choices=[
            ("daily", "Daily"),
            ("weekly", "Weekly"),
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("occasional", "Occasionally"),
        ],
        required=False,
        help_text="Roughly how often this task comes up.",
    )

    class Meta:
        icon = "tasks"
        label = "Task"
