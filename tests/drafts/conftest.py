import pytest

from tests.privacy import factories


@pytest.fixture
def world(db):
    """Team A (a consultant and a colleague) is involved with a household; team B's consultant is not."""
    where = factories.municipality()
    team_a, team_b = factories.team(where, "Team A"), factories.team(where, "Team B")
    lead = factories.user(where, "team_lead", teams=[team_a], username="lead")
    home = factories.household(where, surname="Pietersen", members=3)
    involvement = factories.involve(home, by=lead, team=team_a)
    return {
        "where": where,
        "home": home,
        "involvement": involvement,
        "consultant": factories.user(where, "consultant", teams=[team_a], username="consultant"),
        "colleague": factories.user(where, "consultant", teams=[team_a], username="colleague"),
        "front_door": factories.user(where, "front_door", teams=[team_a], username="loket"),
        "other": factories.user(where, "consultant", teams=[team_b], username="other"),
    }
