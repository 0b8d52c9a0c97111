"""The catalogue's write path: validation before writing, ownership, overlap (in code and in the
database), retirement instead of deletion, and the learning assortment."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError
from django.test import override_settings

from stuurman.accounts.models import User
from stuurman.catalog import proposals, services
from stuurman.catalog.models import AssortmentProposal, Contract, Provider, Service
from stuurman.tenancy.models import Area, Municipality

pytestmark = pytest.mark.django_db


def new_service(**fields) -> Service:
    values = {
        "code": "TEST-1",
        "name": "Klussendienst",
        "kind": "general",
        "summary": "Kleine klussen in huis",
    }
    return Service(**(values | fields))


def test_a_service_belongs_to_the_admins_municipality(admin):
    saved = services.save_service(admin, new_service(), areas=[])
    assert saved.municipality == admin.municipality
    assert saved.history.count() == 1


def test_a_youth_category_under_the_wmo_is_refused_with_the_field(admin):
    with pytest.raises(ValidationError) as refused:
        services.save_service(admin, new_service(kind="tailored", law="wmo", product_category="45"), areas=[])
    assert "product_category" in refused.value.message_dict
    assert not Service.objects.filter(code="TEST-1").exists()


def test_areas_of_another_municipality_are_refused(admin):
    elsewhere = Area.objects.get(municipality__cbs_code="GM9903", kind="kern", name="Eikendonk")
    with pytest.raises(ValidationError, match="Eikendonk ligt niet in het werkgebied"):
        services.save_service(admin, new_service(), areas=[elsewhere])


def test_a_regional_entry_is_edited_only_by_the_municipality_that_keeps_it(admin):
    zandmeer = Municipality.objects.get(cbs_code="GM9903")
    other_admin = User.objects.create(username="beheer.zandmeer", municipality=zandmeer)
    shared = Service.objects.get(code="WMO-HH")
    shared.summary = "Iets anders"
    with pytest.raises(ValidationError, match="wordt beheerd door Waalkant"):
        services.save_service(other_admin, shared)


def test_a_service_in_use_cannot_be_deleted_only_retired(admin):
    household_help = Service.objects.get(code="WMO-HH")
    with pytest.raises(ProtectedError):
        household_help.delete()
    services.retire_service(admin, household_help, date(2030, 12, 31))
    household_help.refresh_from_db()
    assert household_help.end_date == date(2030, 12, 31)
    assert household_help.contracts.count() == 2


def _contract(**fields) -> Contract:
    values = {
        "provider": Provider.objects.get(agb_code="75000202"),
        "service": Service.objects.get(code="WMO-BEG-IND"),
        "financing_form": "inspanningsgericht",
        "unit": "04",
        "tariff": "60.00",
        "starts_on": date(2030, 1, 1),
        "ends_on": date(2030, 12, 31),
    }
    return Contract(**(values | fields))


def test_an_overlapping_contract_is_refused_with_a_clear_message(admin):
    services.save_contract(admin, _contract())
    with pytest.raises(ValidationError) as refused:
        services.save_contract(admin, _contract(starts_on=date(2030, 12, 31), ends_on=None))
    message = refused.value.message_dict["starts_on"][0]
    assert message == (
        "Thuishulp Waal en Maas heeft voor 'Begeleiding individueel' al een contract van "
        "01-01-2030 tot en met 31-12-2030; de periode vanaf 31-12-2030 overlapt daarmee."
    )
    services.save_contract(admin, _contract(starts_on=date(2031, 1, 1), ends_on=None))  # adjacent is fine


def test_the_database_refuses_an_overlap_that_skips_the_service(admin):
    """The exclusion constraint holds even for a writer that bypasses catalog.services."""
    first = _contract()
    first.municipality = admin.municipality
    first.save()
    second = _contract(starts_on=date(2030, 6, 1))
    second.municipality = admin.municipality
    with pytest.raises(IntegrityError, match="contract_no_overlap"), transaction.atomic():
        second.save()


def test_two_providers_may_hold_the_same_service_at_the_same_time(admin):
    services.save_contract(admin, _contract())
    services.save_contract(admin, _contract(provider=Provider.objects.get(agb_code="75000404")))
    assert Contract.objects.filter(service__code="WMO-BEG-IND", starts_on=date(2030, 1, 1)).count() == 2


def test_a_taakgericht_contract_has_no_unit(admin):
    with pytest.raises(ValidationError) as refused:
        services.save_contract(admin, _contract(financing_form="taakgericht"))
    assert "unit" in refused.value.message_dict
    services.save_contract(admin, _contract(financing_form="taakgericht", unit="", tariff=None))


def test_a_provider_needs_a_valid_agb_code_and_a_unique_one(admin):
    with pytest.raises(ValidationError) as refused:
        services.save_provider(admin, Provider(name="Nieuw", agb_code="1234abcd"))
    assert refused.value.message_dict["agb_code"] == [
        "Een AGB-code bestaat alleen uit cijfers; '1234abcd' bevat ook andere tekens."
    ]
    with pytest.raises(ValidationError, match="al een aanbieder met AGB-code 75000101"):
        services.save_provider(admin, Provider(name="Dubbel", agb_code="75000101"))
    with pytest.raises(ValidationError, match="KvK-nummer heeft 8 cijfers"):
        services.save_provider(admin, Provider(name="Nieuw", agb_code="75009999", kvk_number="123"))


@override_settings(ASSORTMENT_THRESHOLD=3)
def test_proposals_are_recorded_once_and_counts_follow(admin):
    waalkant = admin.municipality
    made = proposals.record_proposals(waalkant, {"Wasservice aan huis": 3, "Tuinonderhoud": 2})
    assert [p.solution for p in made] == ["Wasservice aan huis"]
    assert proposals.record_proposals(waalkant, {"wasservice  aan huis": 5}) == []
    proposal = AssortmentProposal.objects.get()
    assert proposal.plans == 5
    assert proposal.state == AssortmentProposal.State.PROPOSED


def test_accepting_makes_a_draft_general_provision(admin):
    proposal = proposals.record_proposals(admin.municipality, {"Wasservice aan huis": 6}, threshold=5)[0]
    with pytest.raises(ValidationError, match="Schrijf kort op"):
        proposals.accept(admin, proposal, "  ")
    accepted = proposals.accept(admin, proposal, "Goedkoper als algemene voorziening via de wasserette.")
    draft = accepted.service
    assert (draft.kind, draft.status, draft.name) == ("general", "draft", "Wasservice aan huis")
    assert accepted.decided_by == admin
    assert accepted.decided_at is not None
    with pytest.raises(ValidationError, match="al besloten"):
        proposals.reject(admin, proposal, "Toch niet.")


def test_a_rejected_proposal_stays_rejected_when_counted_again(admin):
    proposal = proposals.record_proposals(admin.municipality, {"Tuinonderhoud": 9}, threshold=5)[0]
    proposals.reject(admin, proposal, "Valt onder de eigen verantwoordelijkheid van de huurder.")
    assert proposals.record_proposals(admin.municipality, {"Tuinonderhoud": 12}, threshold=5) == []
    proposal.refresh_from_db()
    assert (proposal.state, proposal.plans) == ("rejected", 12)
    assert not Service.objects.filter(name="Tuinonderhoud").exists()
