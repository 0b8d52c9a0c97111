"""The main menu as data: each item shows only to users holding its permission (roles are data)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Item:
    label: str  # lazy: translated when the menu is drawn
    url_name: str
    permission: str | None = None


MENU = (
    Item(_("Start"), "home"),
    Item(_("Melding"), "intake:register", "intake.register_request"),
    Item(_("Werkvoorraad"), "intake:queue", "intake.work_requests"),
    Item(_("Mijn meldingen"), "intake:registered", "intake.register_request"),
    Item(_("Zoeken"), "files:search", "privacy.view_files"),
    Item(_("Dashboard"), "monitoring:team", "monitoring.view_team_dashboard"),
    Item(_("Regie"), "monitoring:oversight", "monitoring.view_oversight"),
    Item(_("Monitor"), "monitoring:indicators", "monitoring.view_indicators"),
    Item(_("Mijn plannen"), "plans:mine", "plans.coordinate_plan"),
    Item(_("Opvolging"), "plans:follow_up", "plans.view_follow_up"),
    Item(_("Bekend?"), "files:known_check", "privacy.check_known_person"),
    Item(_("Team"), "privacy:team", "privacy.assign_households"),
    Item(_("Noodtoegang"), "privacy:break_glass", "privacy.break_glass"),
    Item(_("Toegangslog"), "privacy:log", "privacy.view_accesslog"),
    Item(_("Te beoordelen"), "privacy:emergency_queue", "privacy.review_emergency_access"),
    Item(_("Aanbod"), "catalog:manage_services", "catalog.manage_catalog"),
    Item(_("Budgetten"), "plans:budgets", "plans.change_budget"),
    Item(_("Sociale kaart"), "catalog:social_map"),
)


def menu_for(user, path: str) -> list[dict]:
    items = []
    for item in MENU:
        if item.permission and not user.has_perm(item.permission):
            continue
        url = reverse(item.url_name)
        current = path == url if item.url_name == "home" else path.startswith(url)
        items.append({"label": item.label, "url": url, "current": current})
    return items
