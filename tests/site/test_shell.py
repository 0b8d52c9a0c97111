"""The page shell: security headers, login required, the home page chosen by role data."""

import pytest
from django.contrib.auth.hashers import identify_hasher

from stuurman.accounts.models import Role, User
from stuurman.site.homes import HOMES


@pytest.fixture
def staff(demo_region):
    return User.objects.get(username="consulent")


def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_pages_send_security_headers(client, db):
    response = client.get("/inloggen/")
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_home_follows_the_role_data_not_the_username(client, staff):
    """Giving the consultant the privacy officer's role (and nothing else) changes their home page."""
    client.force_login(staff)
    assert str(HOMES["consultant"].title) in client.get("/").content.decode()

    staff.groups.set([Role.objects.get(slug="privacy_officer").group])
    page = client.get("/").content.decode()
    assert str(HOMES["privacy_officer"].title) in page
    assert str(HOMES["consultant"].sections[0].title) not in page


def test_staff_without_a_role_get_a_clear_explanation(client, staff):
    staff.groups.clear()
    client.force_login(staff)
    assert "U heeft nog geen rol" in client.get("/").content.decode()


def test_passwords_are_hashed_with_argon2(staff):
    assert identify_hasher(staff.password).algorithm == "argon2"


def test_dutch_even_when_the_browser_asks_for_english(client, db):
    page = client.get("/inloggen/", headers={"accept-language": "en-US,en;q=0.9"})
    assert 'lang="nl"' in page.content.decode()
    assert page["Content-Language"] == "nl"


def test_english_is_available(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/inloggen/"})
    page = client.get("/inloggen/").content.decode()
    assert 'lang="en"' in page
    assert "Log in" in page


def test_configuration_pages_open_by_permission_not_by_staff_flag(client, demo_region):
    admin = User.objects.get(username="beheer")
    assert not admin.is_staff
    client.force_login(admin)
    assert client.get("/inrichting/tenancy/area/").status_code == 200

    client.force_login(User.objects.get(username="consulent"))
    assert client.get("/inrichting/tenancy/area/").status_code == 302


def test_configuration_pages_never_list_personal_files():
    from stuurman.site.admin_site import configuration_site

    registered = {model._meta.app_label for model in configuration_site._registry}
    assert "people" not in registered


def test_functional_admins_see_staff_accounts_not_inhabitants(client, demo_region):
    client.force_login(User.objects.get(username="beheer"))
    listing = client.get("/inrichting/accounts/user/").content.decode()
    assert "consulent" in listing
    assert "els.devries" not in listing
    inhabitant = User.objects.get(username="els.devries")
    assert client.get(f"/inrichting/accounts/user/{inhabitant.pk}/change/").status_code in (302, 404)
