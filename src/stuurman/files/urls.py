"""Staff pages for household files (dossiers): find, open and edit, always through the access policy."""

from django.urls import path

from .views import edit, find, household, timeline

app_name = "files"

_HOUSEHOLD = "huishoudens/<int:household_id>/"

urlpatterns = [
    path("personen/zoeken/", find.search, name="search"),
    path("personen/zoeken/export.csv", find.search_export, name="search_export"),
    path("personen/bekend/", find.known_check, name="known_check"),
    path("huishoudens/nieuw/", edit.household_new, name="household_new"),
    path(_HOUSEHOLD, household.household, name="household"),
    path(f"{_HOUSEHOLD}wijzigen/", edit.household_edit, name="household_edit"),
    path(f"{_HOUSEHOLD}leden/nieuw/", edit.member_new, name="member_new"),
    path(f"{_HOUSEHOLD}personen/<int:person_id>/bewerken/", edit.person_edit, name="person_edit"),
    path(f"{_HOUSEHOLD}personen/<int:person_id>/vertrek/", edit.member_end, name="member_end"),
    path(f"{_HOUSEHOLD}netwerk/nieuw/", edit.network_new, name="network_new"),
    path(f"{_HOUSEHOLD}netwerk/<int:member_id>/", edit.network_edit, name="network_edit"),
    path(f"{_HOUSEHOLD}netwerk/<int:member_id>/verwijderen/", edit.network_delete, name="network_delete"),
    path(f"{_HOUSEHOLD}tijdlijn/", timeline.timeline, name="timeline"),
    path(f"{_HOUSEHOLD}tijdlijn/<int:entry_id>/correctie/", timeline.correct, name="timeline_correct"),
    path(f"{_HOUSEHOLD}bijlagen/<int:attachment_id>/", timeline.attachment, name="attachment"),
]
