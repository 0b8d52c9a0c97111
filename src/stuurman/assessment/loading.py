"""Loading an instrument version from a file (format 'stuurman-instrument/1', see the operator's guide).

Built-in versions (instruments/*.json, with our own short texts) are loaded after every migration when
missing; an official text set under licence is loaded with ``stuurman load-instrument FILE --replace``.
A bad file names what is wrong and changes nothing.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from . import profiles
from .models import Domain, InstrumentVersion, Level, ProfileRuleSet

FORMAT = "stuurman-instrument/1"
BUILTIN_DIR = Path(__file__).parent / "instruments"
BUILTIN_PROFILES = Path(__file__).parent / "profiles"


def _problems(data: dict) -> list[str]:
    problems = []
    if data.get("format") != FORMAT:
        problems.append(f"'format' moet '{FORMAT}' zijn.")
    for key in ("instrument", "version", "name", "text_source", "scale", "domains"):
        if not data.get(key):
            problems.append(f"'{key}' ontbreekt.")
    scale = data.get("scale") or {}
    low, high = scale.get("min"), scale.get("max")
    if not (isinstance(low, int) and isinstance(high, int) and low < high):
        problems.append("'scale' heeft een 'min' en een grotere 'max' nodig (hele getallen).")
    else:
        missing = [str(s) for s in range(low, high + 1) if str(s) not in (scale.get("labels") or {})]
        if missing:
            problems.append(f"'scale.labels' mist score(s) {', '.join(missing)}.")
    codes = [domain.get("code") for domain in data.get("domains") or []]
    if any(not code for code in codes):
        problems.append("Elk leefgebied heeft een 'code' nodig.")
    duplicates = sorted({code for code in codes if code and codes.count(code) > 1})
    if duplicates:
        problems.append(f"Dubbele code(s): {', '.join(duplicates)}.")
    return problems


@transaction.atomic
def load(data: dict, *, replace: bool = False) -> InstrumentVersion:
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    existing = InstrumentVersion.objects.filter(
        instrument=data["instrument"], version=data["version"]
    ).first()
    if existing is not None:
        if not replace:
            raise ValidationError(f"{data['instrument']} {data['version']} bestaat al; gebruik --replace.")
        return _replace_texts(existing, data)
    scale = data["scale"]
    version = InstrumentVersion.objects.create(
        instrument=data["instrument"],
        version=data["version"],
        name=data["name"],
        scale_min=scale["min"],
        scale_max=scale["max"],
        text_source=data["text_source"],
    )
    for order, spec in enumerate(data["domains"], start=1):
        Domain.objects.create(
            version=version,
            code=spec["code"],
            name=spec.get("name") or spec["code"],
            order=order,
            sensitive=bool(spec.get("sensitive")),
            continues=_previous(data["instrument"], spec.get("continues"), spec["code"]),
        )
    _create_levels(version, data)
    return version


def _create_levels(version: InstrumentVersion, data: dict) -> None:
    scale = data["scale"]
    descriptions = scale.get("descriptions") or {}
    domains = {domain.code: domain for domain in version.domains.all()}
    Level.objects.bulk_create(
        [
            *(
                Level(version=version, score=int(score), label=label, description=descriptions.get(score, ""))
                for score, label in scale["labels"].items()
            ),
            *(
                Level(version=version, domain=domains[spec["code"]], score=int(score), description=text)
                for spec in data["domains"]
                for score, text in (spec.get("levels") or {}).items()
            ),
        ]
    )


def _replace_texts(version: InstrumentVersion, data: dict) -> InstrumentVersion:
    """A text set (such as the licensed official one) replaces names and descriptions in place, so the
    scores already given and the links from later versions stay as they are; the structure may not change."""
    codes = list(version.domains.order_by("order").values_list("code", flat=True))
    wanted = [spec["code"] for spec in data["domains"]]
    problems = []
    if wanted != codes:
        problems.append(
            f"De leefgebieden moeten dezelfde zijn, in dezelfde volgorde: {', '.join(codes)}; "
            f"het bestand heeft {', '.join(wanted)}."
        )
    if (data["scale"]["min"], data["scale"]["max"]) != (version.scale_min, version.scale_max):
        problems.append(f"De schaal moet {version.scale_min}-{version.scale_max} blijven.")
    if problems:
        raise ValidationError(["Een tekstset vervangt alleen teksten.", *problems])
    version.name, version.text_source = data["name"], data["text_source"]
    version.save(update_fields=["name", "text_source"])
    for spec in data["domains"]:
        version.domains.filter(code=spec["code"]).update(
            name=spec.get("name") or spec["code"], sensitive=bool(spec.get("sensitive"))
        )
    version.levels.all().delete()
    _create_levels(version, data)
    return version


def _previous(instrument: str, reference: dict | None, code: str) -> Domain | None:
    if not reference:
        return None
    found = Domain.objects.filter(
        version__instrument=instrument, version__version=reference.get("version"), code=reference.get("code")
    ).first()
    if found is None:
        raise ValidationError(
            f"Leefgebied '{code}' verwijst naar {reference.get('code')} "
            f"in versie {reference.get('version')}, maar die is niet geladen. Laad de oudere versie eerst."
        )
    return found


def load_file(path: Path, *, replace: bool = False) -> InstrumentVersion:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ValidationError(f"{path} is geen leesbaar JSON-bestand: {error}") from None
    return load(data, replace=replace)


def load_builtin() -> list[InstrumentVersion]:
    """Load the shipped versions that are missing, oldest first (later versions refer back)."""
    loaded = []
    for path in sorted(BUILTIN_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not InstrumentVersion.objects.filter(
            instrument=data["instrument"], version=data["version"]
        ).exists():
            loaded.append(load(data))
    return loaded


def load_builtin_after_migrate(sender, **kwargs):
    load_builtin()
    for path in sorted(BUILTIN_PROFILES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not ProfileRuleSet.objects.filter(name=data["name"], version=data["version"]).exists():
            load_profiles(data, activate=not ProfileRuleSet.objects.filter(active=True).exists())


@transaction.atomic
def load_profiles(data: dict, *, activate: bool = False) -> ProfileRuleSet:
    problems = profiles.validate(data)
    if problems:
        raise ValidationError(problems)
    if ProfileRuleSet.objects.filter(name=data["name"], version=data["version"]).exists():
        raise ValidationError(
            f"{data['name']} {data['version']} bestaat al; geef de nieuwe set een nieuwe versie."
        )
    if activate:
        ProfileRuleSet.objects.filter(active=True).update(active=False)
    return ProfileRuleSet.objects.create(
        name=data["name"], version=data["version"], rules=data, active=activate
    )


def carried_over(old: Domain, new_version: InstrumentVersion) -> Domain | None:
    """The new version's domain that continues ``old``; None when it was split or dropped, in which case
    the old score stays on the old domain (instruments.md: no mechanical mapping of the ADL split)."""
    return new_version.domains.filter(continues=old).first()
