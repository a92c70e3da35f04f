"""The role profile's weights at a glance: each requirement's share of the total weight."""

from dataclasses import dataclass
from decimal import Decimal

from .numbers import plain_number

# A profile whose single requirement carries more than this share of the total weight is
# flagged: the other requirements can then barely change a candidate's band.
DOMINANT_SHARE = Decimal("0.5")


@dataclass(frozen=True)
class WeightRow:
    name: str
    kind: str
    weight: str
    share_percent: int
    target: int | None
    knock_out: int | None
    dominant: bool


@dataclass(frozen=True)
class WeightsOverview:
    rows: list[WeightRow]
    total: str
    dominant: list[str]  # names of the requirements above DOMINANT_SHARE


def weights_overview(requirements) -> WeightsOverview:
    """Rows (in editing order) with each requirement's share of the total weight in %.

    ``requirements`` are RoleRequirement objects (saved or not); rows without a dimension
    or weight are skipped. Shares are rounded to whole percent.
    """
    usable = [r for r in requirements if r.dimension_id and r.weight and r.weight > 0]
    total = sum((Decimal(r.weight) for r in usable), Decimal(0))
    rows = []
    for requirement in usable:
        share = Decimal(requirement.weight) / total
        rows.append(WeightRow(
            name=requirement.dimension.name, kind=requirement.dimension.get_kind_display(),
            weight=plain_number(requirement.weight),
            share_percent=int((share * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP")),
            target=requirement.target_level, knock_out=requirement.knock_out_minimum,
            dominant=share > DOMINANT_SHARE,
        ))
    return WeightsOverview(rows=rows, total=plain_number(total),
                           dominant=[row.name for row in rows if row.dominant])
