"""Conversation pages; each view declares its access policy (stuurman.privacy.declarations)."""

from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("huishoudens/<int:household_id>/gesprekken/nieuw/", views.new, name="new"),
    path(
        "huishoudens/<int:household_id>/gesprekken/<int:conversation_id>/scoren/", views.score, name="score"
    ),
    path(
        "huishoudens/<int:household_id>/gesprekken/<int:conversation_id>/verslag.pdf",
        views.report_pdf,
        name="report",
    ),
]
