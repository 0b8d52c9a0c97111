"""Conversation pages; each view declares its access policy (stuurman.privacy.declarations)."""

from django.urls import path

from . import history_views, views

app_name = "assessment"

urlpatterns = [
    path("huishoudens/<int:household_id>/gesprekken/nieuw/", views.new, name="new"),
    path(
        "huishoudens/<int:household_id>/gesprekken/<int:conversation_id>/", views.detail, name="conversation"
    ),
    path(
        "huishoudens/<int:household_id>/gesprekken/<int:conversation_id>/wijzigen/", views.edit, name="edit"
    ),
    path(
        "huishoudens/<int:household_id>/gesprekken/<int:conversation_id>/scoren/", views.score, name="score"
    ),
    path(
        "huishoudens/<int:household_id>/gesprekken/<int:conversation_id>/beoordelingen/<int:assessment_id>/",
        views.assessment,
        name="assessment",
    ),
    path(
        "huishoudens/<int:household_id>/gesprekken/<int:conversation_id>/verslag.pdf",
        views.report_pdf,
        name="report",
    ),
    path(
        "huishoudens/<int:household_id>/personen/<int:person_id>/zrm/",
        history_views.person_history,
        name="history",
    ),
]
