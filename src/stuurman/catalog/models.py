"""The catalogue: services (from a neighbourhood initiative to specialist care), providers, contracts,
and the proposals of the learning assortment.

One write path: catalog/services.py (and catalog/proposals.py for proposals). Nothing others refer to is
ever deleted: a service retires with an end date, and every reference to it is PROTECT.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from stuurman.intake.models import LIFE_DOMAINS, Request
from stuurman.istandaarden import Standard, choices, frequencies, product_categories, units
from stuurman.tenancy.models import Area, MunicipalityOwned, RegionShareable
from stuurman.validators import validate_agb_code, validate_kvk_number

from . import rules

Law = Request.Law
LIFE_DOMAIN_LABELS = dict(LIFE_DOMAINS)
UNIT_CHOICES = choices(units())
FREQUENCY_CHOICES = choices(frequencies())


def category_choices(law: str) -> list[tuple[str, str]]:
    """The product categories that apply under a law: iWmo for the Wmo, iJw for the Jeugdwet, else none."""
    standard = rules.STANDARD_OF_LAW.get(law)
    return choices(product_categories(Standard(standard))) if standard else []


class Service(RegionShareable):
    class Kind(models.TextChoices):
        LOCAL_INITIATIVE = rules.Kind.LOCAL_INITIATIVE.value, rules.KIND_LABELS[rules.Kind.LOCAL_INITIATIVE]
        GENERAL = rules.Kind.GENERAL.value, rules.KIND_LABELS[rules.Kind.GENERAL]
        TAILORED = rules.Kind.TAILORED.value, rules.KIND_LABELS[rules.Kind.TAILORED]
        SPECIALIST = rules.Kind.SPECIALIST.value, rules.KIND_LABELS[rules.Kind.SPECIALIST]

    class Status(models.TextChoices):
        DRAFT = "draft", "concept (nog niet zichtbaar)"
        PUBLISHED = "published", "gepubliceerd"

    code = models.CharField(
        "code",
        max_length=40,
        help_text="Korte, vaste aanduiding, bijvoorbeeld WMO-HH; contracten en imports verwijzen ernaar.",
    )
    name = models.CharField("naam", max_length=200)
    kind = models.CharField("soort", max_length=16, choices=Kind.choices)
    # The kind's tier (catalog.rules.TIER_OF_KIND), stored so the social map pages in tier order from an
    # index; set on save, and a constraint keeps it true for every writer.
    tier = models.PositiveSmallIntegerField("trede", editable=False)
    law = models.CharField("wet", max_length=15, choices=Law.choices, blank=True)
    life_domains = models.JSONField("leefgebieden", default=list, blank=True)
    areas = models.ManyToManyField(
        Area,
        blank=True,
        related_name="services",
        verbose_name="gebieden",
        help_text="Leeg: de hele gemeente, of bij delen met de regio de hele regio.",
    )
    summary = models.CharField("in het kort", max_length=300)
    description = models.TextField("wat het is", blank=True)
    for_whom = models.TextField("voor wie", blank=True)
    conditions = models.TextField("voorwaarden", blank=True)
    organisation = models.CharField("organisatie", max_length=200, blank=True)
    phone = models.CharField("telefoon", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("website", blank=True)
    address = models.CharField("adres", max_length=200, blank=True)
    opening_hours = models.CharField("openingstijden", max_length=300, blank=True)
    inhabitant_cost = models.CharField(
        "kosten voor de inwoner",
        max_length=200,
        blank=True,
        help_text="In gewone taal, bijvoorbeeld 'gratis'.",
    )
    municipality_unit = models.CharField(
        "eenheid (kosten gemeente)", max_length=2, choices=UNIT_CHOICES, blank=True
    )
    municipality_tariff = models.DecimalField(
        "tarief per eenheid (kosten gemeente)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    product_category = models.CharField("productcategorie (iWmo/iJw)", max_length=2, blank=True)
    product_code = models.CharField("productcode (iWmo/iJw)", max_length=5, blank=True)
    status = models.CharField("status", max_length=9, choices=Status.choices, default=Status.PUBLISHED)
    end_date = models.DateField(
        "einddatum", null=True, blank=True, help_text="Na deze dag staat het niet meer op de sociale kaart."
    )
    updated_at = models.DateTimeField("gewijzigd", auto_now=True)
    # Kept up to date by a database trigger on PostgreSQL (migration 0002, ADR 0009); NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_vector", "updated_at", "tier"])

    class Meta:
        verbose_name = "voorziening"
        verbose_name_plural = "voorzieningen"
        ordering = ["name"]
        permissions = [("manage_catalog", "Kan het aanbod, de aanbieders en de contracten beheren")]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="service_unique_code"),
            models.CheckConstraint(condition=~Q(name=""), name="service_has_name"),
            models.CheckConstraint(
                condition=Q(kind__in=[kind.value for kind in rules.Kind]), name="service_known_kind"
            ),
            models.CheckConstraint(
                condition=Q(product_code="") | ~Q(product_category=""), name="service_code_needs_category"
            ),
            models.CheckConstraint(
                condition=Q.create(
                    [Q(kind=kind.value, tier=int(tier)) for kind, tier in rules.TIER_OF_KIND.items()], "OR"
                ),
                name="service_tier_of_kind",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "end_date"], name="service_visible"),
            models.Index(
                fields=["tier", "name", "id"], condition=Q(status="published"), name="service_map_order"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        tier = rules.TIER_OF_KIND.get(self.kind)  # an unknown kind is left to the constraint to refuse
        if tier is not None:
            self.tier = int(tier)
        if kwargs.get("update_fields") is not None and "kind" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "tier"}
        super().save(*args, **kwargs)

    def clean(self):
        errors = rules.product_problem(self.law, self.product_category, self.product_code)
        unknown = [code for code in self.life_domains or [] if code not in LIFE_DOMAIN_LABELS]
        if unknown:
            errors["life_domains"] = (
                f"Onbekend leefgebied: {', '.join(map(str, unknown))}; "
                f"gebruik {', '.join(LIFE_DOMAIN_LABELS)}."
            )
        if (self.municipality_unit == "") != (self.municipality_tariff is None):
            errors["municipality_tariff"] = (
                "Vul eenheid en tarief voor de gemeente samen in, of geen van beide."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def needs_decision(self) -> bool:
        return rules.needs_decision(self.kind)

    def life_domain_labels(self) -> list[str]:
        return [LIFE_DOMAIN_LABELS[code] for code in self.life_domains if code in LIFE_DOMAIN_LABELS]

    def product_category_label(self) -> str:
        return dict(category_choices(self.law)).get(self.product_category, "")


class Provider(RegionShareable):
    name = models.CharField("naam", max_length=200)
    agb_code = models.CharField("AGB-code", max_length=8, validators=[validate_agb_code])
    kvk_number = models.CharField("KvK-nummer", max_length=8, blank=True, validators=[validate_kvk_number])
    phone = models.CharField("telefoon", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("website", blank=True)
    address = models.CharField("adres", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "agb_code"], name="provider_unique_agb"),
            models.CheckConstraint(condition=Q(agb_code__regex=r"^[0-9]{8}$"), name="provider_agb_code"),
            models.CheckConstraint(
                condition=Q(kvk_number="") | Q(kvk_number__regex=r"^[0-9]{8}$"), name="provider_kvk_number"
            ),
        ]

    def __str__(self):
        return self.name


class Contract(RegionShareable):
    """One provider contracted for one service for a period, at a unit and tariff.

    Several providers may hold a contract for the same service (the inhabitant chooses); one provider
    holds at most one contract per service at a time (migration 0002 and catalog.services).
    """

    class FinancingForm(models.TextChoices):
        EFFORT = rules.FinancingForm.EFFORT.value, rules.FinancingForm.EFFORT.value
        OUTPUT = rules.FinancingForm.OUTPUT.value, rules.FinancingForm.OUTPUT.value
        TASK = rules.FinancingForm.TASK.value, rules.FinancingForm.TASK.value

    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="contracts", verbose_name="aanbieder"
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="contracts", verbose_name="voorziening"
    )
    reference = models.CharField("contractnummer", max_length=60, blank=True)
    financing_form = models.CharField("financieringsvorm", max_length=18, choices=FinancingForm.choices)
    unit = models.CharField("eenheid", max_length=2, choices=UNIT_CHOICES, blank=True)
    tariff = models.DecimalField("tarief per eenheid", max_digits=9, decimal_places=2, null=True, blank=True)
    starts_on = models.DateField("ingangsdatum")
    ends_on = models.DateField("einddatum", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "contract"
        verbose_name_plural = "contracten"
        ordering = ["service__name", "provider__name", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="contract_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.provider} — {self.service}"

    def clean(self):
        errors = {}
        if self.financing_form:
            errors |= rules.unit_problem(self.financing_form, self.unit, self.tariff)
        if self.starts_on and self.period.problem():
            errors["ends_on"] = self.period.problem()
        if errors:
            raise ValidationError(errors)

    @property
    def period(self) -> rules.Period:
        return rules.Period(self.starts_on, self.ends_on)


class AssortmentProposal(MunicipalityOwned):
    """A tailored solution used in many plans, proposed as a general provision (the learning assortment)."""

    class State(models.TextChoices):
        PROPOSED = "proposed", "voorgesteld"
        ACCEPTED = "accepted", "aangenomen"
        REJECTED = "rejected", "afgewezen"

    solution = models.CharField("oplossing", max_length=200)
    solution_key = models.CharField(max_length=200, editable=False)
    plans = models.PositiveIntegerField("aantal plannen")
    state = models.CharField("status", max_length=8, choices=State.choices, default=State.PROPOSED)
    note = models.TextField("toelichting", blank=True)
    proposed_at = models.DateTimeField("voorgesteld op")
    counted_at = models.DateTimeField("laatst geteld")
    decided_at = models.DateTimeField("besloten op", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="besloten door",
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name="concept-voorziening",
    )

    class Meta:
        verbose_name = "voorstel voor het aanbod"
        verbose_name_plural = "voorstellen voor het aanbod"
        ordering = ["-plans", "solution"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "solution_key"], name="proposal_unique_solution"),
            models.CheckConstraint(
                condition=Q(state="proposed") | (Q(decided_at__isnull=False) & ~Q(note="")),
                name="proposal_decided_with_note",
            ),
        ]

    def __str__(self):
        return self.solution
