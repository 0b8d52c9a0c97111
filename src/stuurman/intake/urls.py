"""Request pages; each view declares its access policy (stuurman.privacy.declarations)."""

from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("meldingen/nieuw/", views.register, name="register"),
    path("meldingen/<int:request_id>/", views.detail, name="detail"),
    path("meldingen/<int:request_id>/overdragen/", views.hand_over, name="hand_over"),
    path("meldingen/<int:request_id>/meldcode/", views.safety_step, name="safety_step"),
    path("meldingen/<int:request_id>/vraagverheldering/", views.analyse, name="analyse"),
    path("meldingen/<int:request_id>/koppelen/", views.link_person, name="link_person"),
    path("meldingen/<int:request_id>/bemoeizorg/", views.decide_outreach, name="outreach"),
    path("meldingen/<int:request_id>/verlengen/", views.extend, name="extend"),
    path("meldingen/<int:request_id>/ontvangstbevestiging.pdf", views.receipt_letter, name="receipt_letter"),
    path("meldingen/<int:request_id>/ontvangstbevestiging.txt", views.receipt_email, name="receipt_email"),
    path("overdrachten/<int:transfer_id>/accepteren/", views.accept, name="accept"),
    path("overdrachten/<int:transfer_id>/weigeren/", views.refuse, name="refuse"),
    path("werkvoorraad/", views.queue, name="queue"),
    path("huishoudens/<int:household_id>/verhuizing/", views.move, name="move"),
    path("meldingen/mijn/", views.registered, name="registered"),
    path("werkvoorraad/alarm/<int:alert_id>/gezien/", views.acknowledge, name="acknowledge"),
]
