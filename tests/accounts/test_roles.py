import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError

from stuurman.accounts.models import Role, Team, User
from stuurman.accounts.roles import ROLES, sync_roles

pytestmark = pytest.mark.django_db


def test_every_role_exists_as_a_group_after_migrating():
    assert sorted(Role.objects.values_list("slug", flat=True)) == sorted(spec.slug for spec in ROLES)
    for spec in ROLES:
        role = Role.objects.get(slug=spec.slug)
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in role.group.permissions.all()}
        assert granted == set(spec.permissions)


def test_sync_roles_is_idempotent_and_repairs_drift():
    admin_group = Role.objects.get(slug="functional_admin").group
    admin_group.permissions.clear()
    sync_roles()
    sync_roles()
    assert Group.objects.count() == len(ROLES)
    assert admin_group.permissions.count() == len(
        next(spec for spec in ROLES if spec.slug == "functional_admin").permissions
    )


def test_permissions_come_from_the_role(demo_region):
    admin = User.objects.get(username="beheer")
    consultant = User.objects.get(username="consulent")
    assert admin.has_perm("tenancy.change_area")
    assert not consultant.has_perm("tenancy.change_area")


def test_inhabitants_cannot_hold_staff_rights(demo_region):
    inhabitant = User.objects.get(username="els.devries")
    inhabitant.is_staff = True
    with pytest.raises(IntegrityError):
        inhabitant.save()


def test_teams_serve_areas_and_have_members(demo_region):
    team = Team.objects.get(name="Wijkteam Centrum-Noord")
    assert {area.name for area in team.areas.all()} == {"Centrum", "Noord"}
    assert team.members.filter(username="consulent").exists()
