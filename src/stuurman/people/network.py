"""Pure rules for the network around a household: where a relation usually sits in the kringenmodel."""

# The circle a relation usually belongs to, from the inside out (1 close ... 5 professionals).
DEFAULT_CIRCLE = {
    "family": 1,
    "carer": 1,
    "friend": 2,
    "neighbour": 2,
    "colleague": 2,
    "confidant": 2,
    "other": 2,
    "volunteer": 3,
    "professional": 5,
}


def default_circle(relation: str) -> int:
    return DEFAULT_CIRCLE.get(relation, 2)
