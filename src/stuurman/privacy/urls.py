"""Privacy pages: the access log, emergency access, team assignment, consent and sharing.

Each view declares its access policy (stuurman.privacy.declarations)."""

from django.urls import path

from .views import access, consent, officer

app_name = "privacy"

urlpatterns = [
    path("team/", access.team, name="team"),
    path(
        "team/betrokkenheid/<int:involvement_id>/beeindigen/", access.end_involvement, name="end_involvement"
    ),
    path("noodtoegang/nieuw/", access.break_glass, name="break_glass"),
    path("noodtoegang/<int:access_id>/beeindigen/", access.end_emergency, name="end_emergency"),
    path("noodtoegang/", officer.emergency_queue, name="emergency_queue"),
    path("noodtoegang/<int:access_id>/oordeel/", officer.review_emergency, name="review_emergency"),
    path("log/", officer.access_log, name="log"),
    path("huishoudens/<int:household_id>/toestemming/", consent.consents, name="consents"),
    path("huishoudens/<int:household_id>/toestemming/nieuw/", consent.consent_new, name="consent_new"),
    path(
        "huishoudens/<int:household_id>/toestemming/<int:consent_id>/intrekken/",
        consent.consent_withdraw,
        name="consent_withdraw",
    ),
    path("huishoudens/<int:household_id>/delen/nieuw/", consent.sharing_new, name="sharing_new"),
]
