"""Catalogue pages: the social map without a login, management only for functional admins."""

import pytest
from django.urls import reverse

from stuurman.accounts.models import User
from stuurman.catalog.models import AssortmentProposal, Service
from stuurman.catalog.proposals import record_proposals
from stuurman.tenancy.models import Area

pytestmark = pytest.mark.django_db


def test_the_social_map_needs_no_login_and_finds_by_text_and_kern(client, demo_region):
    kern = Area.objects.get(municipality__cbs_code="GM9901", kind="kern", name="Waalkant")
    page = client.get(reverse("catalog:social_map"), {"q": "eenzaam", "waar": kern.pk})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Koffieochtend De Ontmoeting" in html
    assert "woensdag 10.00-12.00 uur" in html  # opening hours
    assert "gratis; koffie en thee" in html  # the cost to the inhabitant
    assert "Eikendonk Ontmoet" not in html  # another municipality's kern


def test_the_detail_page_lists_the_providers_to_choose_from(client, demo_region):
    household_help = Service.objects.get(code="WMO-HH")
    html = client.get(reverse("catalog:service", args=[household_help.pk])).content.decode()
    assert "Zorggroep Rivierenland" in html
    assert "Thuishulp Waal en Maas" in html
    assert "u kiest zelf" in html
    assert "75000101" not in html  # AGB codes and tariffs are for staff
    client.force_login(User.objects.get(username="consulent"))
    html = client.get(reverse("catalog:service", args=[household_help.pk])).content.decode()
    assert "75000101" in html
    assert "01 Hulp bij het huishouden" in html


def test_a_retired_or_draft_entry_answers_404(client, demo_region):
    retired = Service.objects.get(code="BELCIRKEL")
    assert client.get(reverse("catalog:service", args=[retired.pk])).status_code == 404
    Service.objects.filter(code="KOFFIE-NOORD").update(status="draft")
    draft = Service.objects.get(code="KOFFIE-NOORD")
    assert client.get(reverse("catalog:service", args=[draft.pk])).status_code == 404


def test_the_social_map_pages_in_the_database(client, demo_region):
    first = client.get(reverse("catalog:social_map"))
    assert "Pagina 1 van 2" in first.content.decode()
    second = client.get(reverse("catalog:social_map"), {"pagina": 2})
    assert second.status_code == 200
    assert "Pagina 2 van 2" in second.content.decode()


MANAGEMENT = [
    ("catalog:manage_services", []),
    ("catalog:service_new", []),
    ("catalog:manage_providers", []),
    ("catalog:manage_contracts", []),
    ("catalog:import", []),
    ("catalog:proposals", []),
    ("catalog:export", ["services", "csv"]),
]


@pytest.mark.parametrize(("name", "args"), MANAGEMENT)
def test_management_pages_are_refused_to_consultants_and_the_public(client, demo_region, name, args):
    url = reverse(name, args=args)
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(User.objects.get(username="consulent"))
    assert client.get(url).status_code == 403
    client.force_login(User.objects.get(username="els.devries"))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize(("name", "args"), MANAGEMENT)
def test_management_pages_open_for_the_functional_admin(client, admin, name, args):
    client.force_login(admin)
    assert client.get(reverse(name, args=args)).status_code == 200


def test_the_admin_creates_edits_and_retires_a_service(client, admin):
    client.force_login(admin)
    noord = Area.objects.get(municipality__cbs_code="GM9901", kind="wijk", name="Noord")
    form = {
        "code": "BURENKRING",
        "name": "Burenkring Noord",
        "kind": "local_initiative",
        "summary": "Buren die elkaar helpen",
        "areas": [noord.pk],
        "life_domains": ["network"],
        "status": "published",
    }
    response = client.post(reverse("catalog:service_new"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    service = Service.objects.get(code="BURENKRING")
    assert list(service.areas.all()) == [noord]
    response = client.post(reverse("catalog:service_edit", args=[service.pk]), form | {"product_code": "X1"})
    assert response.status_code == 400
    assert "Een productcode hoort bij een productcategorie" in response.content.decode()
    response = client.post(reverse("catalog:service_retire", args=[service.pk]), {"end_date": "2030-06-30"})
    assert response.status_code == 302
    service.refresh_from_db()
    assert str(service.end_date) == "2030-06-30"


def test_an_import_report_names_the_bad_row_on_the_page(client, admin):
    client.force_login(admin)
    upload = ("aanbieders.csv", b"agb_code;name\n75009901;Goed\n123;Fout\n")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("catalog:import"), {"what": "providers", "file": SimpleUploadedFile(*upload, "text/csv")}
    )
    assert response.status_code == 400
    assert (
        "Rij 3, agb_code: Een AGB-code heeft 8 cijfers; &#x27;123&#x27; heeft er 3."
        in response.content.decode()
    )
    assert "Er is niets geïmporteerd" in response.content.decode()


def test_the_admin_decides_a_proposal_with_a_note(client, admin):
    proposal = record_proposals(admin.municipality, {"Wasservice aan huis": 8}, threshold=5)[0]
    client.force_login(admin)
    assert "Wasservice aan huis" in client.get(reverse("catalog:proposals")).content.decode()
    client.post(reverse("catalog:proposal_reject", args=[proposal.pk]), {"note": ""})
    proposal.refresh_from_db()
    assert proposal.state == AssortmentProposal.State.PROPOSED
    response = client.post(
        reverse("catalog:proposal_accept", args=[proposal.pk]), {"note": "Via de wasserette in de wijk."}
    )
    proposal.refresh_from_db()
    assert proposal.state == AssortmentProposal.State.ACCEPTED
    assert response.url == reverse("catalog:service_edit", args=[proposal.service_id])


def test_the_menu_shows_catalogue_management_only_to_the_functional_admin(client, admin):
    manage = f'href="{reverse("catalog:manage_services")}"'
    client.force_login(admin)
    assert manage in client.get(reverse("home")).content.decode()
    client.force_login(User.objects.get(username="consulent"))
    home = client.get(reverse("home")).content.decode()
    assert manage not in home
    assert f'href="{reverse("catalog:social_map")}"' in home
