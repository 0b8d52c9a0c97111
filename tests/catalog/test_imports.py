"""Import and export: every row checked first, each bad row and field named, nothing stored on a problem."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from stuurman.catalog import imports
from stuurman.catalog.models import Contract, Provider, Service

pytestmark = pytest.mark.django_db


def csv_file(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def xlsx_file(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def counts():
    return Service.objects.count(), Provider.objects.count(), Contract.objects.count()


def test_a_bad_agb_code_names_row_and_field_and_imports_nothing(admin):
    before = counts()
    content = csv_file(
        "agb_code;name;kvk_number",
        "75009901;Buurtzorg Waalkant;12345678",
        "75009902;Thuiszorg De Linde;",
        "7500990;Zorg met een cijfer te weinig;",
    )
    report = imports.import_file(admin, "providers", "aanbieders.csv", content)
    assert not report.ok
    assert report.problems == ["Rij 4, agb_code: Een AGB-code heeft 8 cijfers; '7500990' heeft er 7."]
    assert counts() == before


def test_an_unknown_product_category_names_row_and_field_and_imports_nothing(admin):
    before = counts()
    content = xlsx_file(
        [
            ["code", "name", "kind", "summary", "law", "product_category", "product_code"],
            ["WMO-TEST1", "Huishoudelijke hulp plus", "tailored", "Meer hulp thuis", "wmo", "01", "01A09"],
            ["WMO-TEST2", "Begeleiding plus", "tailored", "Meer begeleiding", "wmo", "19", ""],
        ]
    )
    report = imports.import_file(admin, "services", "aanbod.xlsx", content)
    assert len(report.problems) == 1
    assert report.problems[0].startswith(
        "Rij 3, product_category: Productcategorie '19' bestaat niet in iWmo 3.2"
    )
    assert counts() == before


def test_overlapping_contract_periods_are_refused_within_the_file_and_against_stored_ones(admin):
    before = counts()
    content = csv_file(
        "agb_code,service_code,financing_form,unit,tariff,starts_on,ends_on",
        '75000202,WMO-BEG-IND,inspanningsgericht,04,"61,00",01-01-2030,31-12-2030',
        "75000202,WMO-BEG-IND,inspanningsgericht,04,62.00,2030-06-01,",
        # Zorggroep Rivierenland already holds this contract in the demo, to the end of next year and more.
        "75000101,WMO-HH,outputgericht,82,420,2026-01-01,2026-12-31",
    )
    report = imports.import_file(admin, "contracts", "contracten.csv", content)
    assert not report.ok
    assert any(
        p.startswith("Rij 3, starts_on: Thuishulp Waal en Maas heeft voor 'Begeleiding individueel' in rij 2")
        for p in report.problems
    ), report.problems
    assert any(
        p.startswith("Rij 4, starts_on: Zorggroep Rivierenland heeft voor 'Hulp bij het huishouden' al een")
        for p in report.problems
    ), report.problems
    assert counts() == before


def test_several_bad_rows_are_all_reported_at_once(admin):
    content = csv_file(
        "agb_code;service_code;financing_form;unit;tariff;starts_on",
        "12345678;WMO-HH;inspanningsgericht;04;30;2030-01-01",
        "75000202;BESTAAT-NIET;inspanningsgericht;04;30;2030-01-01",
        "75000202;WMO-DAG;outputgericht;04;30;2030-01-01",
        "75000202;WMO-DAG;inspanningsgericht;16;30;31-02-2030",
    )
    problems = imports.import_file(admin, "contracts", "c.csv", content).problems
    assert problems[0].startswith("Rij 2, agb_code: Geen aanbieder met AGB-code '12345678'")
    assert problems[1].startswith("Rij 3, service_code: Geen voorziening met code 'BESTAAT-NIET'")
    assert problems[2].startswith("Rij 4, unit: Eenheid 04 past niet bij outputgericht")
    assert problems[3].startswith("Rij 5, starts_on:")
    assert Contract.objects.filter(service__code="WMO-DAG", provider__agb_code="75000202").count() == 0


def test_a_good_file_imports_everything_and_updates_by_code(admin):
    content = csv_file(
        "code;name;kind;summary;life_domains;areas;inhabitant_cost;shared_with_region",
        "KOFFIE-NOORD;Koffieochtend De Ontmoeting;local_initiative;Nu ook op vrijdag;network,time;Noord;;nee",
        "BUURT-RESSEN;Buurtkamer Ressen;local_initiative;Een kamer om te praten;network;Ressen;gratis;nee",
    )
    report = imports.import_file(admin, "services", "aanbod.csv", content)
    assert report.ok, report.problems
    assert (report.created, report.updated) == (1, 1)
    assert Service.objects.get(code="KOFFIE-NOORD").summary == "Nu ook op vrijdag"
    ressen = Service.objects.get(code="BUURT-RESSEN")
    assert [area.name for area in ressen.areas.all()] == ["Ressen"]
    assert ressen.municipality == admin.municipality


def test_unknown_columns_and_a_missing_required_column_are_named(admin):
    report = imports.import_file(admin, "providers", "a.csv", csv_file("agb;naam", "75009901;Zorg"))
    assert report.problems[0].startswith("Onbekende kolom(men): agb, naam.")
    assert report.problems[1] == "Verplichte kolom(men) ontbreken: agb_code, name."


def test_a_file_that_is_not_a_workbook_says_so(admin):
    report = imports.import_file(admin, "services", "aanbod.xlsx", b"PK\x03\x04 not really a zip")
    assert report.problems == ["Dit is geen geldig XLSX-bestand; sla het op als Excel-werkmap of als CSV."]


@pytest.mark.parametrize("what", ["services", "providers", "contracts"])
def test_an_export_imports_again_unchanged(admin, what):
    header, rows = imports.export_rows(what, admin.municipality)
    from stuurman.catalog import tabular

    before = counts()
    report = imports.import_file(admin, what, f"{what}.xlsx", tabular.write_xlsx(what, header, rows))
    assert report.ok, report.problems[:5]
    assert report.created == 0
    assert report.updated == len(rows) > 0
    assert counts() == before


def test_exports_keep_formulas_out_of_spreadsheets(admin):
    from stuurman.catalog import tabular

    content = tabular.write_xlsx("x", ["name"], [['=HYPERLINK("http://evil")'], ["+31 344 700000"]])
    sheet = load_workbook(io.BytesIO(content)).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [
        '\'=HYPERLINK("http://evil")',
        "'+31 344 700000",
    ]
    assert tabular.read("x.xlsx", content).rows[1][1] == {"name": "+31 344 700000"}
