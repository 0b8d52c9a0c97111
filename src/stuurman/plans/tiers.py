"""Own strength first (kringenmodel, verantwoordelijkheidsladder): the tiers of a plan's contributions,
from the person outward, and the rule that a tailored or specialist contribution needs a recorded
consideration of every tier below it — considered, and why it does not suffice. Pure: no Django."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from stuurman.catalog.rules import TIER_LABELS, Tier

MIN_REASON = 10  # a word or two is not a consideration


# One set of tiers for the catalogue and the plans: the catalogue says which tier each kind of service is.
LABELS = TIER_LABELS

# Tiers that need the municipality's decision and so the consideration of everything below them.
NEEDS_CONSIDERATION = frozenset({Tier.TAILORED, Tier.SPECIALIST})

# The common four-way spread of help (own strength, social network, general, tailored). Organised
# volunteers count with the social network: it is help from civil society, not a provision.
FOUR_WAY = {
    Tier.SELF: "eigen kracht",
    Tier.HOUSEHOLD: "sociaal netwerk",
    Tier.INFORMAL: "sociaal netwerk",
    Tier.VOLUNTEERS: "sociaal netwerk",
    Tier.GENERAL: "algemene voorziening",
    Tier.TAILORED: "maatwerkvoorziening",
    Tier.SPECIALIST: "maatwerkvoorziening",
}


@dataclass(frozen=True)
class Consideration:
    tier: Tier
    considered: bool
    why_not_enough: str = ""


def lower_tiers(tier: Tier) -> list[Tier]:
    return [lower for lower in Tier if lower < tier]


def problems_by_tier(tier: Tier, considerations: Iterable[Consideration]) -> dict[Tier, str]:
    """Per lower tier, what is missing in its consideration; empty when nothing is (a form puts each
    message at the tier it belongs to)."""
    tier = Tier(tier)
    if tier not in NEEDS_CONSIDERATION:
        return {}
    given: Mapping[Tier, Consideration] = {Tier(c.tier): c for c in considerations}
    found = {}
    for lower in lower_tiers(tier):
        consideration = given.get(lower)
        if consideration is None or not consideration.considered:
            found[lower] = f"Overweeg eerst {lower.label}: is daar gekeken of het kan helpen?"
        elif len(consideration.why_not_enough.strip()) < MIN_REASON:
            why = f"leg uit waarom dit niet volstaat (minstens {MIN_REASON} tekens)"
            found[lower] = f"{lower.label.capitalize()}: {why}."
    return found


def problems(tier: Tier, considerations: Iterable[Consideration]) -> list[str]:
    """What is missing before a contribution of this tier may be saved; empty when nothing is."""
    return list(problems_by_tier(tier, considerations).values())


def spread(tiers: Iterable[Tier]) -> dict[Tier, int]:
    """How many contributions there are per tier, every tier present (zero where none)."""
    counts = dict.fromkeys(Tier, 0)
    for tier in tiers:
        counts[Tier(tier)] += 1
    return counts


def four_way(tiers: Iterable[Tier]) -> dict[str, int]:
    counts = dict.fromkeys(dict.fromkeys(FOUR_WAY.values()), 0)
    for tier in tiers:
        counts[FOUR_WAY[Tier(tier)]] += 1
    return counts
