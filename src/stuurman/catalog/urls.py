"""Catalogue URLs: the public social map, and catalogue management for functional admins."""

from django.urls import path

from .views import manage, social_map, transfer

app_name = "catalog"

urlpatterns = [
    path("sociale-kaart/", social_map.search, name="social_map"),
    path("sociale-kaart/<int:service_id>/", social_map.detail, name="service"),
    path("aanbod/", manage.services_list, name="manage_services"),
    path("aanbod/voorzieningen/nieuw/", manage.service_form, name="service_new"),
    path("aanbod/voorzieningen/<int:service_id>/", manage.service_form, name="service_edit"),
    path("aanbod/voorzieningen/<int:service_id>/beeindigen/", manage.service_retire, name="service_retire"),
    path("aanbod/aanbieders/", manage.providers_list, name="manage_providers"),
    path("aanbod/aanbieders/nieuw/", manage.provider_form, name="provider_new"),
    path("aanbod/aanbieders/<int:provider_id>/", manage.provider_form, name="provider_edit"),
    path("aanbod/contracten/", manage.contracts_list, name="manage_contracts"),
    path("aanbod/contracten/nieuw/", manage.contract_form, name="contract_new"),
    path("aanbod/contracten/<int:contract_id>/", manage.contract_form, name="contract_edit"),
    path("aanbod/importeren/", transfer.import_page, name="import"),
    path("aanbod/exporteren/<str:what>.<str:extension>", transfer.export, name="export"),
    path("aanbod/voorstellen/", transfer.proposal_list, name="proposals"),
    path(
        "aanbod/voorstellen/<int:proposal_id>/aannemen/",
        transfer.proposal_decide,
        {"accept": True},
        name="proposal_accept",
    ),
    path(
        "aanbod/voorstellen/<int:proposal_id>/afwijzen/",
        transfer.proposal_decide,
        {"accept": False},
        name="proposal_reject",
    ),
]
