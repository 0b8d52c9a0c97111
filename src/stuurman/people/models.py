"""Persons, households over time, and the network around them. Every change keeps its history."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from stuurman.tenancy.models import Area, MunicipalityOwned
from stuurman.validators import validate_bsn, validate_postcode


class Person(MunicipalityOwned):
    class Sex(models.TextChoices):
        FEMALE = "V", "vrouw"
        MALE = "M", "man"
        OTHER = "X", "anders / onbekend"

    # Optional: people who reach out anonymously, or who have no BSN, still get help.
    bsn = models.CharField("BSN", max_length=9, null=True, blank=True, unique=True, validators=[validate_bsn])
    first_names = models.CharField("voornamen", max_length=150, blank=True)
    prefix = models.CharField("voorvoegsel", max_length=20, blank=True)
    surname = models.CharField("achternaam", max_length=150)
    birth_date = models.DateField("geboortedatum", null=True, blank=True)
    sex = models.CharField("geslacht", max_length=1, choices=Sex.choices, blank=True)
    phone = models.CharField("telefoon", max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    street = models.CharField("straat", max_length=150, blank=True)
    house_number = models.PositiveIntegerField("huisnummer", null=True, blank=True)
    house_letter = models.CharField("huisletter", max_length=1, blank=True)
    house_number_suffix = models.CharField("toevoeging", max_length=4, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True, validators=[validate_postcode])
    city = models.CharField("woonplaats", max_length=100, blank=True)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="buurt"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"
        indexes = [
            models.Index(fields=["surname"], name="person_surname"),
            models.Index(fields=["postcode", "house_number"], name="person_address"),
            models.Index(fields=["birth_date"], name="person_birth_date"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_names, self.prefix, self.surname) if part)

    @property
    def address_line(self) -> str:
        number = f"{self.house_number or ''}{self.house_letter}"
        if self.house_number_suffix:
            number += f"-{self.house_number_suffix}"
        return f"{self.street} {number}".strip()


class Household(MunicipalityOwned):
    name = models.CharField("naam", max_length=150, help_text="Bijvoorbeeld 'Huishouden De Vries'.")
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="buurt"
    )
    members = models.ManyToManyField(Person, through="Membership", related_name="households")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "huishouden"
        verbose_name_plural = "huishoudens"

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A person's place in a household over time: a move is an ended and a new membership."""

    class Role(models.TextChoices):
        PARENT = "parent", "ouder"
        PARTNER = "partner", "partner"
        CHILD = "child", "kind"
        OTHER = "other", "anders"

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="memberships")
    # Indexed with household and until below: the access policy's per-person test reads only the index.
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships", db_index=False)
    role = models.CharField("rol", max_length=7, choices=Role.choices)
    since = models.DateField("sinds")
    until = models.DateField("tot", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"
        indexes = [models.Index(fields=["person", "household", "until"], name="membership_person_current")]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")), name="membership_period"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}) in {self.household}"


class NetworkMember(MunicipalityOwned):
    """Someone around the household: a known person or a free contact, placed in a circle."""

    class Relation(models.TextChoices):
        FAMILY = "family", "familie"
        FRIEND = "friend", "vriend of vriendin"
        NEIGHBOUR = "neighbour", "buurtgenoot"
        COLLEAGUE = "colleague", "collega"
        VOLUNTEER = "volunteer", "vrijwilliger"
        CARER = "carer", "mantelzorger"
        CONFIDANT = "confidant", "vertrouwenspersoon"
        PROFESSIONAL = "professional", "professional"
        OTHER = "other", "anders"

    class Circle(models.IntegerChoices):
        # The circles around the individual, from the inside out (kringenmodel).
        CLOSE = 1, "naaste omgeving"
        INFORMAL = 2, "informeel netwerk"
        VOLUNTEERS = 3, "georganiseerde vrijwillige inzet"
        MUNICIPAL = 4, "gemeentelijke ondersteuning en regie"
        PROFESSIONAL = 5, "professionals en bedrijven"

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="network", verbose_name="huishouden"
    )
    for_person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="voor wie",
        help_text="Leeg: voor het hele huishouden.",
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bekende persoon",
    )
    name = models.CharField("naam", max_length=150, blank=True)
    phone = models.CharField("telefoon", max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    relation = models.CharField("relatie", max_length=12, choices=Relation.choices)
    circle = models.PositiveSmallIntegerField("kring", choices=Circle.choices)
    does = models.TextField("wat doet hij of zij nu", blank=True)
    could_do = models.TextField("wat zou hij of zij kunnen doen", blank=True)
    availability = models.CharField("beschikbaarheid", max_length=150, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "netwerklid"
        verbose_name_plural = "netwerk"
        ordering = ["circle", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name=""), name="network_member_named"
            ),
            models.CheckConstraint(condition=Q(circle__gte=1, circle__lte=5), name="network_member_circle"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or (self.person.full_name if self.person_id else "")
