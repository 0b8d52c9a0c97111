import pytest

from stuurman.people.models import NetworkMember
from tests.privacy import factories


@pytest.fixture
def world(db):
    """A municipality with team A (consultant) and team B (other consultant), and a household of team A."""
    where = factories.municipality()
    team_a, team_b = factories.team(where, "Team A"), factories.team(where, "Team B")
    lead = factories.user(where, "team_lead", teams=[team_a], username="lead")
    consultant = factories.user(where, "consultant", teams=[team_a], username="consultant")
    other = factories.user(where, "consultant", teams=[team_b], username="other")
    home = factories.household(where, surname="Pietersen", members=3)
    factories.involve(home, by=lead, team=team_a)
    NetworkMember.objects.create(
        municipality=where, household=home, name="Ans Willems", relation="neighbour", circle=2
    )
    return {
        "where": where,
        "team_a": team_a,
        "lead": lead,
        "consultant": consultant,
        "other": other,
        "home": home,
    }
