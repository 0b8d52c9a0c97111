"""The staff roles as data: each role is a Django group with permissions and a home page.

Code never asks ``if role == ...``; it asks ``user.has_perm(...)``. Later capabilities add their
permissions to the roles here, and ``sync_roles`` brings the groups in line after every migration.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import transaction


@dataclass(frozen=True)
class RoleSpec:
    slug: str
    name: str
    permissions: tuple[str, ...] = ()


# Working on households: find, open and edit the files one is involved with, and their network.
_FILE_WORK = (
    "assessment.add_conversation",
    "assessment.view_conversation",
    "intake.register_request",
    "intake.work_requests",
    "privacy.view_files",
    "privacy.check_known_person",
    "privacy.break_glass",
    "privacy.record_consent",
    "people.add_person",
    "people.change_person",
    "people.add_household",
    "people.change_household",
    "people.add_membership",
    "people.change_membership",
    "people.add_networkmember",
    "people.change_networkmember",
    "people.delete_networkmember",
    "plans.add_plan",
    "plans.change_plan",
    "plans.view_plan",
    "plans.view_follow_up",
    "monitoring.view_team_dashboard",
)

ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(
        "front_door",
        "Loket",
        ("intake.register_request", "privacy.view_files", "privacy.check_known_person"),
    ),
    RoleSpec("consultant", "Consulent", _FILE_WORK),
    # The coordinator works with justice partners, so only they see Justitie scores (GDPR art. 10).
    RoleSpec(
        "coordinator",
        "Regisseur",
        (*_FILE_WORK, "assessment.view_sensitive_scores", "plans.coordinate_plan"),
    ),
    RoleSpec(
        "team_lead",
        "Teamleider",
        (
            "accounts.view_team",
            "privacy.assign_households",
            "plans.coordinate_plan",
            "monitoring.view_oversight",
            *_FILE_WORK,
        ),
    ),
    # Provider staff see only what an assignment needs; those pages come with the assignments.
    RoleSpec("provider_staff", "Medewerker aanbieder"),
    # Policy advisors and council members see aggregates only, never a person: no privacy.view_files.
    RoleSpec(
        "policy_advisor", "Beleidsadviseur", ("monitoring.view_indicators", "monitoring.refresh_indicators")
    ),
    RoleSpec("council_member", "Raadslid", ("monitoring.view_indicators",)),
    # The privacy officer sees the log and judges emergency access, but opens no files.
    RoleSpec(
        "privacy_officer",
        "Privacyfunctionaris",
        ("privacy.view_accesslog", "privacy.review_emergency_access"),
    ),
    RoleSpec(
        "functional_admin",
        "Functioneel beheerder",
        (
            "accounts.use_configuration",
            "tenancy.view_region",
            "tenancy.view_municipality",
            "tenancy.change_municipality",
            "tenancy.view_area",
            "tenancy.add_area",
            "tenancy.change_area",
            "accounts.view_team",
            "accounts.add_team",
            "accounts.change_team",
            "accounts.view_user",
            "catalog.manage_catalog",
            "monitoring.refresh_indicators",
            "plans.view_budget",
            "plans.add_budget",
            "plans.change_budget",
        ),
    ),
)


def sync_roles(using: str = "default") -> None:
    """Create or update one group and one Role per spec, with exactly the spec's permissions."""
    from django.contrib.auth.models import Group, Permission

    from .models import Role

    with transaction.atomic(using=using):
        for order, spec in enumerate(ROLES):
            group, _ = Group.objects.using(using).get_or_create(name=spec.name)
            Role.objects.using(using).update_or_create(
                slug=spec.slug, defaults={"name": spec.name, "group": group, "order": order}
            )
            wanted = [_permission(Permission, codename, using) for codename in spec.permissions]
            group.permissions.set(wanted)


def _permission(permission_model, dotted: str, using: str):
    app_label, codename = dotted.split(".")
    try:
        return permission_model.objects.using(using).get(content_type__app_label=app_label, codename=codename)
    except permission_model.DoesNotExist:
        raise LookupError(f"Role permission '{dotted}' does not exist; fix accounts/roles.py.") from None


def sync_roles_after_migrate(sender, using="default", **kwargs):
    # Permissions of apps migrated after this one do not exist yet when the signal arrives; make them now.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles(using=using)
