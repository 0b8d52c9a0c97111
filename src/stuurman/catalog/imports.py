"""Import and export of services, providers and contracts as CSV or XLSX.

An import checks every row first — with the same forms and service rules as the pages — and names each
bad row and field ("Rij 4, agb_code: ..."). Only a file without a single problem is stored, in one
transaction, through catalog.services; otherwise nothing is. Exports write the same columns, so an
export can be edited and imported again. docs/operators-guide.md lists the columns.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from stuurman.tenancy.models import Area

from . import services, tabular
from .forms import ContractForm, ProviderForm, ServiceForm
from .models import Contract, Provider, Service

SERVICE_COLUMNS = [
    "code",
    "name",
    "kind",
    "summary",
    "law",
    "life_domains",
    "areas",
    "description",
    "for_whom",
    "conditions",
    "organisation",
    "phone",
    "email",
    "website",
    "address",
    "opening_hours",
    "inhabitant_cost",
    "municipality_unit",
    "municipality_tariff",
    "product_category",
    "product_code",
    "shared_with_region",
    "status",
    "end_date",
]
PROVIDER_COLUMNS = [
    "agb_code",
    "name",
    "kvk_number",
    "phone",
    "email",
    "website",
    "address",
    "shared_with_region",
]
CONTRACT_COLUMNS = [
    "agb_code",
    "service_code",
    "financing_form",
    "unit",
    "tariff",
    "starts_on",
    "ends_on",
    "reference",
    "shared_with_region",
]
COLUMNS = {"services": SERVICE_COLUMNS, "providers": PROVIDER_COLUMNS, "contracts": CONTRACT_COLUMNS}
REQUIRED = {
    "services": ["code", "name", "kind", "summary"],
    "providers": ["agb_code", "name"],
    "contracts": ["agb_code", "service_code", "financing_form", "starts_on"],
}
_YES = {"ja", "j", "yes", "true", "1", "waar"}
_NO = {"nee", "n", "no", "false", "0", "onwaar", ""}
_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Row:
    number: int
    instance: object
    form: object
    areas: list = field(default_factory=list)


class _RowProblem(Exception):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column, self.message = column, message


def _yes_no(column: str, value: str) -> bool:
    text = value.strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise _RowProblem(column, f"'{value}' is geen ja of nee.")


def _date(value: str) -> str:
    match = _DUTCH_DATE.match(value.strip())
    return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}" if match else value.strip()


def _amount(value: str) -> str:
    text = value.strip().replace("€", "").replace(" ", "")
    return text.replace(",", ".") if "," in text and "." not in text else text


def _form_data(values: dict[str, str], columns: list[str]) -> dict:
    return {column: values.get(column, "") for column in columns}


# --- one row of each kind, into a bound form -----------------------------------------------------------


def _service_row(values: dict[str, str], municipality) -> tuple[Service, ServiceForm, list, str]:
    data = _form_data(values, SERVICE_COLUMNS)
    data["life_domains"] = [code.strip() for code in re.split(r"[,;]", data["life_domains"]) if code.strip()]
    areas = []
    for name in (part.strip() for part in data.pop("areas").split(";")):
        if not name:
            continue
        area = (
            Area.objects.filter(municipality__region=municipality.region_id)
            .filter(Q(cbs_code=name.upper()) | Q(name=name, municipality=municipality))
            .order_by("kind")
            .first()
        )
        if area is None:
            raise _RowProblem("areas", f"Gebied '{name}' is onbekend; gebruik de naam of de CBS-code.")
        areas.append(area)
    data["areas"] = [area.pk for area in areas]
    data["shared_with_region"] = _yes_no("shared_with_region", data["shared_with_region"])
    data["status"] = data["status"] or Service.Status.PUBLISHED
    data["municipality_tariff"] = _amount(data["municipality_tariff"])
    existing = Service.objects.filter(municipality=municipality, code=data["code"]).first()
    instance = existing or Service(municipality=municipality)
    form = ServiceForm(data, instance=instance, municipality=municipality)
    form.fields["areas"].queryset = Area.objects.filter(municipality__region=municipality.region_id)
    # A plain text field, so an unknown category gets the rule's message with the known ones listed.
    form.fields["product_category"] = forms.CharField(required=False)
    end_date = _date(data["end_date"])
    return instance, form, areas, end_date


def _provider_row(values: dict[str, str], municipality):
    data = _form_data(values, PROVIDER_COLUMNS)
    data["shared_with_region"] = _yes_no("shared_with_region", data["shared_with_region"])
    existing = Provider.objects.filter(municipality=municipality, agb_code=data["agb_code"].strip()).first()
    instance = existing or Provider(municipality=municipality)
    return instance, ProviderForm(data, instance=instance)


def _contract_row(values: dict[str, str], municipality):
    data = _form_data(values, CONTRACT_COLUMNS)
    agb, code = data.pop("agb_code").strip(), data.pop("service_code").strip()
    provider = (
        Provider.objects.visible_in(municipality).filter(agb_code=agb).order_by("-shared_with_region").first()
    )
    if provider is None:
        raise _RowProblem("agb_code", f"Geen aanbieder met AGB-code '{agb}'; importeer eerst de aanbieders.")
    visible = Service.objects.visible_in(municipality).filter(code=code)
    service = visible.filter(municipality=municipality).first() or visible.first()
    if service is None:
        raise _RowProblem("service_code", f"Geen voorziening met code '{code}' in het aanbod.")
    data |= {"provider": provider.pk, "service": service.pk}
    data["shared_with_region"] = _yes_no("shared_with_region", data["shared_with_region"])
    data["tariff"] = _amount(data["tariff"])
    data["starts_on"], data["ends_on"] = _date(data["starts_on"]), _date(data["ends_on"])
    try:
        starts_on = date.fromisoformat(data["starts_on"])
    except ValueError:
        starts_on = None  # the form says what is wrong with it
    existing = Contract.objects.filter(
        municipality=municipality, provider=provider, service=service, starts_on=starts_on
    ).first()
    instance = existing or Contract(municipality=municipality)
    return instance, ContractForm(data, instance=instance, municipality=municipality)


# --- checking and storing ------------------------------------------------------------------------------


def _problems_of(number: int, errors: dict, columns: list[str]) -> list[str]:
    problems = []
    for name, messages in errors.items():
        column = {"provider": "agb_code", "service": "service_code", "__all__": ""}.get(name, name)
        column = column if column in columns else ""
        for message in dict.fromkeys(messages):
            problems.append(f"Rij {number}, {column}: {message}" if column else f"Rij {number}: {message}")
    return problems


def _checked_rows(what: str, sheet: tabular.Sheet, municipality, report: Report) -> list[_Row]:
    rows, columns = [], COLUMNS[what]
    for number, values in sheet.rows:
        missing = [column for column in REQUIRED[what] if not values.get(column, "").strip()]
        if missing:
            report.problems += [f"Rij {number}, {column}: dit veld is verplicht." for column in missing]
            continue
        try:
            areas, end_date = [], ""
            if what == "services":
                _, form, areas, end_date = _service_row(values, municipality)
            elif what == "providers":
                _, form = _provider_row(values, municipality)
            else:
                _, form = _contract_row(values, municipality)
        except _RowProblem as problem:
            report.problems.append(f"Rij {number}, {problem.column}: {problem.message}")
            continue
        if not form.is_valid():
            report.problems += _problems_of(number, form.errors, columns)
            continue
        record = form.save(commit=False)
        if what == "services":
            errors = _end_date(record, end_date) | services.service_errors(record, areas)
        elif what == "providers":
            errors = services.provider_errors(record)
        else:
            errors = services.contract_errors(record)
        if errors:
            report.problems += _problems_of(number, errors, columns)
            continue
        rows.append(_Row(number, record, form, areas))
    return rows


def _end_date(service: Service, value: str) -> dict:
    if not value:
        service.end_date = None
        return {}
    try:
        service.end_date = Service._meta.get_field("end_date").to_python(value)
    except ValidationError:
        return {"end_date": [f"'{value}' is geen datum; schrijf bijvoorbeeld 31-12-2026 of 2026-12-31."]}
    return {}


def _duplicates(what: str, rows: list[_Row]) -> list[str]:
    """Rows that clash with each other in the same file: the same key twice, or overlapping contracts."""
    problems, seen = [], {}
    for row in rows:
        record = row.instance
        if what == "services":
            key, column = record.code, "code"
        elif what == "providers":
            key, column = record.agb_code, "agb_code"
        else:
            key, column = (record.provider_id, record.service_id), "starts_on"
            for other in seen.get(key, []):
                if other.instance.period.overlaps(record.period):
                    problems.append(
                        f"Rij {row.number}, starts_on: {record.provider} heeft voor '{record.service}' "
                        f"in rij {other.number} al een contract van {other.instance.period}; de periode "
                        f"{record.period} overlapt daarmee."
                    )
            seen.setdefault(key, []).append(row)
            continue
        if key in seen:
            problems.append(f"Rij {row.number}, {column}: '{key}' staat ook in rij {seen[key].number}.")
        else:
            seen[key] = row
    return problems


def import_file(user, what: str, name: str, content: bytes) -> Report:
    """Check every row of the file; store all of them, or — when any row is bad — none."""
    report = Report()
    try:
        sheet = tabular.read(name, content)
    except tabular.FileProblem as problem:
        report.problems.append(str(problem))
        return report
    unknown = [column for column in sheet.header if column and column not in COLUMNS[what]]
    missing = [column for column in REQUIRED[what] if column not in sheet.header]
    if unknown:
        report.problems.append(
            f"Onbekende kolom(men): {', '.join(unknown)}. Bekende kolommen: {', '.join(COLUMNS[what])}."
        )
    if missing:
        report.problems.append(f"Verplichte kolom(men) ontbreken: {', '.join(missing)}.")
    if not sheet.rows:
        report.problems.append("Het bestand heeft geen rijen onder de kolomnamen.")
    if report.problems:
        return report
    rows = _checked_rows(what, sheet, user.municipality, report)
    report.problems += _duplicates(what, rows)
    if report.problems:
        return report
    try:
        with transaction.atomic():
            for row in rows:
                _store(user, what, row, report)
    except ValidationError as error:
        # Something changed between the check and the store (another admin saving): nothing was kept.
        report.problems.append(f"Rij {row.number}: {' '.join(error.messages)} Er is niets geïmporteerd.")
        report.created = report.updated = 0
    return report


def _store(user, what: str, row: _Row, report: Report) -> None:
    is_new = row.instance.pk is None
    if what == "services":
        services.save_service(user, row.instance, row.areas)
    elif what == "providers":
        services.save_provider(user, row.instance)
    else:
        services.save_contract(user, row.instance)
    if is_new:
        report.created += 1
    else:
        report.updated += 1


# --- export --------------------------------------------------------------------------------------------


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def _service_values(service: Service) -> list:
    values = {column: getattr(service, column, "") for column in SERVICE_COLUMNS}
    values["life_domains"] = ", ".join(service.life_domains)
    values["areas"] = "; ".join(area.cbs_code or area.name for area in service.areas.all())
    values["shared_with_region"] = _yes(service.shared_with_region)
    values["municipality_tariff"] = (
        service.municipality_tariff if service.municipality_tariff is not None else ""
    )
    values["end_date"] = service.end_date.isoformat() if service.end_date else ""
    return [values[column] for column in SERVICE_COLUMNS]


def _provider_values(provider: Provider) -> list:
    values = {column: getattr(provider, column, "") for column in PROVIDER_COLUMNS}
    values["shared_with_region"] = _yes(provider.shared_with_region)
    return [values[column] for column in PROVIDER_COLUMNS]


def _contract_values(contract: Contract) -> list:
    return [
        contract.provider.agb_code,
        contract.service.code,
        contract.financing_form,
        contract.unit,
        contract.tariff if contract.tariff is not None else "",
        contract.starts_on.isoformat(),
        contract.ends_on.isoformat() if contract.ends_on else "",
        contract.reference,
        _yes(contract.shared_with_region),
    ]


def export_rows(what: str, municipality) -> tuple[list[str], list[list]]:
    """What the municipality maintains itself: the records an import of the same file would touch."""
    if what == "services":
        rows = Service.objects.filter(municipality=municipality).prefetch_related("areas").order_by("code")
        return SERVICE_COLUMNS, [_service_values(service) for service in rows.iterator(chunk_size=500)]
    if what == "providers":
        rows = Provider.objects.filter(municipality=municipality).order_by("agb_code")
        return PROVIDER_COLUMNS, [_provider_values(provider) for provider in rows]
    rows = Contract.objects.filter(municipality=municipality).select_related("provider", "service")
    return CONTRACT_COLUMNS, [
        _contract_values(c) for c in rows.order_by("service__code", "provider__agb_code", "starts_on")
    ]
