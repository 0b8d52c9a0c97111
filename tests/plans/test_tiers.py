"""The tier rule: a tailored or specialist contribution needs every lower tier considered, with why it
does not suffice; lower tiers need nothing. Spread over the tiers and the four-way form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurman.plans.tiers import (
    MIN_REASON,
    Consideration,
    Tier,
    four_way,
    lower_tiers,
    problems,
    spread,
)

REASON = "Jan heeft het geprobeerd, het lukt niet zonder hulp."


def all_considered(tier, reason=REASON):
    return [Consideration(lower, True, reason) for lower in lower_tiers(tier)]


@pytest.mark.parametrize("tier", [Tier.SELF, Tier.HOUSEHOLD, Tier.INFORMAL, Tier.VOLUNTEERS, Tier.GENERAL])
def test_own_strength_up_to_general_provisions_need_no_consideration(tier):
    assert problems(tier, []) == []


def test_a_tailored_provision_without_any_consideration_names_each_lower_tier():
    found = problems(Tier.TAILORED, [])
    assert len(found) == 5
    assert found[0] == "Overweeg eerst de persoon zelf: is daar gekeken of het kan helpen?"
    assert "algemene voorziening" in found[-1]


def test_a_tailored_provision_with_every_lower_tier_considered_and_explained_may_be_saved():
    assert problems(Tier.TAILORED, all_considered(Tier.TAILORED)) == []


def test_specialist_care_also_needs_the_tailored_tier_considered():
    found = problems(Tier.SPECIALIST, all_considered(Tier.TAILORED))
    assert found == ["Overweeg eerst maatwerkvoorziening: is daar gekeken of het kan helpen?"]


def test_considered_but_without_a_real_reason_is_not_enough():
    considerations = [*all_considered(Tier.TAILORED)[:-1], Consideration(Tier.GENERAL, True, "nee")]
    assert problems(Tier.TAILORED, considerations) == [
        f"Algemene voorziening: leg uit waarom dit niet volstaat (minstens {MIN_REASON} tekens)."
    ]


def test_a_tier_marked_not_considered_counts_as_missing_even_with_a_reason():
    considerations = [*all_considered(Tier.TAILORED)[1:], Consideration(Tier.SELF, False, REASON)]
    assert len(problems(Tier.TAILORED, considerations)) == 1


@given(st.sampled_from([Tier.TAILORED, Tier.SPECIALIST]), st.sets(st.sampled_from(list(Tier))))
def test_exactly_the_lower_tiers_left_out_are_reported(tier, present):
    considerations = [Consideration(t, True, REASON) for t in present]
    missing = [t for t in lower_tiers(tier) if t not in present]
    assert len(problems(tier, considerations)) == len(missing)


def test_spread_and_four_way_count_every_contribution_once():
    tiers = [Tier.SELF, Tier.INFORMAL, Tier.INFORMAL, Tier.VOLUNTEERS, Tier.GENERAL, Tier.TAILORED]
    assert spread(tiers)[Tier.INFORMAL] == 2
    assert spread(tiers)[Tier.SPECIALIST] == 0
    assert four_way(tiers) == {
        "eigen kracht": 1,
        "sociaal netwerk": 3,
        "algemene voorziening": 1,
        "maatwerkvoorziening": 1,
    }
