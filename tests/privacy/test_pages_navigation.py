"""The main menu shows each privacy page only to those holding its permission."""

import re

import pytest
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db

ITEMS = {
    "Zoeken": "files:search",
    "Bekend?": "files:known_check",
    "Team": "privacy:team",
    "Noodtoegang": "privacy:break_glass",
    "Toegangslog": "privacy:log",
    "Te beoordelen": "privacy:emergency_queue",
}


def menu(client, user):
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    nav = page[page.index('aria-label="Hoofdmenu"') :]
    nav = nav[: nav.index("</nav>")]
    return {
        label
        for label in ITEMS
        if re.search(rf'href="{reverse(ITEMS[label])}"[^>]*>{re.escape(label)}<', nav)
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("front_door", {"Zoeken", "Bekend?"}),
        ("consultant", {"Zoeken", "Bekend?", "Noodtoegang"}),
        ("team_lead", {"Zoeken", "Bekend?", "Team", "Noodtoegang"}),
        ("privacy_officer", {"Toegangslog", "Te beoordelen"}),
        ("policy_advisor", set()),
        ("provider_staff", set()),
    ],
)
def test_menu_items_follow_permissions(client, role, expected):
    where = factories.municipality()
    assert menu(client, factories.user(where, role)) == expected
