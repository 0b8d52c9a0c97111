"""Staff and inhabitant accounts, roles and teams."""

from functools import cached_property

from django.contrib.auth.models import AbstractUser, Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from stuurman.tenancy.models import Area, Municipality


class User(AbstractUser):
    """One account model with two kinds: staff work for a municipality, inhabitants use the portal."""

    class Kind(models.TextChoices):
        STAFF = "staff", "medewerker"
        INHABITANT = "inhabitant", "inwoner"

    kind = models.CharField("soort account", max_length=10, choices=Kind.choices, default=Kind.STAFF)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="gemeente",
        help_text="De gemeente in wier context deze medewerker werkt.",
    )
    organisation = models.CharField(
        "organisatie", max_length=150, blank=True, help_text="Voor medewerkers van een aanbieder of partner."
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        permissions = [("use_configuration", "Kan de inrichting (gebieden, teams, gebruikers) beheren")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="inhabitant", is_staff=False, is_superuser=False) | Q(kind="staff"),
                name="inhabitant_has_no_staff_rights",
            ),
        ]

    def clean(self):
        super().clean()
        if self.kind == self.Kind.STAFF and not self.municipality_id and not self.is_superuser:
            raise ValidationError({"municipality": "Een medewerker werkt voor een gemeente."})

    @property
    def is_inhabitant(self) -> bool:
        return self.kind == self.Kind.INHABITANT

    def roles(self):
        return Role.objects.filter(group__user=self).order_by("order")

    @cached_property
    def primary_role(self) -> "Role | None":
        """The role whose home page the user lands on; cached for the request the user came with."""
        return self.roles().first()

    def __str__(self):
        return self.get_full_name() or self.username


class Role(models.Model):
    """A staff role: a group of permissions with a name and a home page (see roles.py)."""

    slug = models.SlugField(unique=True)
    name = models.CharField("naam", max_length=100)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="role")
    order = models.PositiveSmallIntegerField(default=0, help_text="Bij meerdere rollen telt de laagste.")

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        ordering = ["order"]

    def __str__(self):
        return self.name


class Team(models.Model):
    """A kernteam, wijkteam or sociaal team: the areas it serves and its members."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="teams", verbose_name="gemeente"
    )
    name = models.CharField("naam", max_length=100)
    areas = models.ManyToManyField(Area, related_name="teams", blank=True, verbose_name="werkgebied")
    members = models.ManyToManyField(User, related_name="teams", blank=True, verbose_name="leden")

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["municipality", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="team_unique_name")]

    def __str__(self):
        return self.name
