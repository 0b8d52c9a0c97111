"""Pure rules of the area tree: a kern holds wijken, a wijk holds buurten."""

from enum import StrEnum


class AreaKind(StrEnum):
    KERN = "kern"
    WIJK = "wijk"
    BUURT = "buurt"


# Municipalities without kernen hang wijken straight under the municipality, so every kind may be a root.
ALLOWED_PARENTS: dict[AreaKind, tuple[AreaKind, ...]] = {
    AreaKind.KERN: (),
    AreaKind.WIJK: (AreaKind.KERN,),
    AreaKind.BUURT: (AreaKind.WIJK,),
}


def parent_problem(kind: AreaKind, parent_kind: AreaKind | None) -> str | None:
    """Why an area of ``kind`` cannot hang under ``parent_kind``, or None when it can."""
    if parent_kind is None:
        return None
    allowed = ALLOWED_PARENTS[kind]
    if parent_kind in allowed:
        return None
    if not allowed:
        return f"Een {kind} ligt niet binnen een ander gebied."
    return f"Een {kind} ligt binnen een {' of '.join(allowed)}, niet binnen een {parent_kind}."
