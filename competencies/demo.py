"""Seeds the demo library: competencies, traits and published role profiles."""

from decimal import Decimal

from competencies.models import Competency, Dimension, RoleProfilePage, RoleRequirement, Trait

from . import demo_content


def _save_dimension(model, data: dict) -> bool:
    """Creates and publishes a dimension once; returns True when it was created."""
    if Dimension.objects.filter(slug=data["slug"]).exists():
        return False
    levels = {f"level_{n}": text for n, text in enumerate(data["anchors"], start=1)}
    item = model(
        slug=data["slug"], name=data["name"], category=data["category"],
        definition=data["definition"], trainable=data["trainable"], live=False, **levels,
    )
    item.save()
    item.save_revision().publish()
    return True


def _save_profile(index, data: dict) -> bool:
    """Creates and publishes a role profile once; returns True when it was created."""
    if RoleProfilePage.objects.filter(slug=data["slug"]).exists():
        return False
    dims = {d.slug: d for d in Dimension.objects.all()}
    page = RoleProfilePage(
        title=data["title"], slug=data["slug"], role_name=data["role_name"],
        job_description=data["job_description"],
        tasks=[("task", {"task": task, "frequency": frequency}) for task, frequency in zip(
            data["tasks"], demo_content.TASK_FREQUENCIES[data["slug"]], strict=True)],
        psychometric_weight=Decimal(str(data["psychometric_weight"])),
    )
    page.requirements = [
        RoleRequirement(
            dimension=dims[req["dimension"]], weight=Decimal(str(req["weight"])),
            target_level=req["target"], knock_out_minimum=req["knock_out"], sort_order=n,
        )
        for n, req in enumerate(data["requirements"])
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return True


def seed_library(index) -> dict[str, int]:
    """Creates whatever part of the demo library is missing; returns what was created."""
    created = {"competencies": 0, "traits": 0, "role profiles": 0}
    for data in demo_content.COMPETENCIES:
        created["competencies"] += _save_dimension(Competency, data)
    for data in demo_content.TRAITS:
        created["traits"] += _save_dimension(Trait, data)
    for data in demo_content.ROLE_PROFILES:
        created["role profiles"] += _save_profile(index, data)
    return created
