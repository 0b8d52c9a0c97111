"""Region, Municipality and Area: the scope every other record lives in."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from stuurman.validators import (
    validate_cbs_buurt_code,
    validate_cbs_wijk_code,
    validate_municipality_code,
)

from .rules import AreaKind, parent_problem


class Region(models.Model):
    name = models.CharField("naam", max_length=100, unique=True)

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name="regio"
    )
    name = models.CharField("naam", max_length=100)
    cbs_code = models.CharField(
        "CBS-gemeentecode", max_length=6, unique=True, validators=[validate_municipality_code]
    )

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cbs_code__regex=r"^GM[0-9]{4}$"), name="municipality_cbs_code"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def code(self) -> str:
        """The four digits iWmo/iJw messages use."""
        return self.cbs_code[2:]


class Area(models.Model):
    """A kern, wijk or buurt. The tree is shallow (three levels), so a parent link is enough."""

    Kind = models.TextChoices("Kind", [(kind.value, kind.value) for kind in AreaKind])

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="areas", verbose_name="gemeente"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="ligt in",
    )
    kind = models.CharField("soort", max_length=5, choices=Kind.choices)
    name = models.CharField("naam", max_length=100)
    cbs_code = models.CharField(
        "CBS-wijk- of buurtcode", max_length=10, blank=True, help_text="WK + 6 cijfers of BU + 8 cijfers"
    )

    class Meta:
        verbose_name = "gebied"
        verbose_name_plural = "gebieden"
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "parent", "kind", "name"], name="area_unique_name"
            ),
            models.UniqueConstraint(
                fields=["cbs_code"], condition=~Q(cbs_code=""), name="area_unique_cbs_code"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.parent_id:
            problem = parent_problem(AreaKind(self.kind), AreaKind(self.parent.kind))
            if problem:
                errors["parent"] = problem
            elif self.parent.municipality_id != self.municipality_id:
                errors["parent"] = "Een gebied ligt binnen een gebied van dezelfde gemeente."
        if self.cbs_code:
            validator = {AreaKind.WIJK: validate_cbs_wijk_code, AreaKind.BUURT: validate_cbs_buurt_code}.get(
                AreaKind(self.kind)
            )
            if validator is None:
                errors["cbs_code"] = "Alleen wijken en buurten hebben een CBS-code."
            else:
                try:
                    validator(self.cbs_code)
                except ValidationError as error:
                    errors["cbs_code"] = error.messages
        if errors:
            raise ValidationError(errors)

    def path(self) -> list["Area"]:
        """This area and its ancestors, outermost first (at most three, so a loop is fine)."""
        chain, node = [], self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


class MunicipalityOwnedQuerySet(models.QuerySet):
    def of(self, municipality):
        return self.filter(municipality=municipality)


class MunicipalityOwned(models.Model):
    """Every record belongs to exactly one municipality (docs/adr/0002-tenancy.md)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name="gemeente"
    )

    objects = MunicipalityOwnedQuerySet.as_manager()

    class Meta:
        abstract = True


class RegionShareableQuerySet(models.QuerySet):
    def visible_in(self, municipality):
        """The municipality's own records plus those its region shares."""
        return self.filter(
            Q(municipality=municipality)
            | Q(shared_with_region=True, municipality__region=municipality.region_id)
        )


class RegionShareable(models.Model):
    """A record one municipality maintains and may share with the rest of its region
    (a regional catalogue entry or contract). It still belongs to exactly one municipality."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name="beheerd door"
    )
    shared_with_region = models.BooleanField("gedeeld met de regio", default=False)

    objects = RegionShareableQuerySet.as_manager()

    class Meta:
        abstract = True
