"""Who may see a household and why, what was shared with whom, and the log of every access.

The policy (policy.py) reads only these rows: later capabilities (requests, plans, assignments) write
an Involvement when a team or person becomes involved, and never grant access any other way.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from stuurman.accounts.models import Team
from stuurman.people.models import Household, Person
from stuurman.tenancy.models import MunicipalityOwned


class Involvement(MunicipalityOwned):
    """A team, a user or an organisation is involved with a household, for a reason, for a period."""

    class Scope(models.TextChoices):
        FILE = "file", "het dossier"
        # Provider staff see only what an assignment needs (the assignment pages come with issue 7).
        ASSIGNMENT = "assignment", "alleen de toewijzing"

    class Source(models.TextChoices):
        TEAM_LEAD = "team_lead", "toegewezen door teamleider"
        REGISTRATION = "registration", "zelf geregistreerd"
        REQUEST = "request", "melding"
        PLAN = "plan", "plan"
        ASSIGNMENT = "assignment", "toewijzing"

    # Indexed below with what the policy tests, so checking a household reads only the index.
    household = models.ForeignKey(
        Household,
        on_delete=models.CASCADE,
        related_name="involvements",
        verbose_name="huishouden",
        db_index=False,
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="involvements",
        verbose_name="team",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="involvements",
        verbose_name="medewerker",
    )
    organisation = models.CharField("organisatie", max_length=150, blank=True)
    scope = models.CharField("toegang tot", max_length=10, choices=Scope.choices, default=Scope.FILE)
    source = models.CharField("bron", max_length=12, choices=Source.choices)
    reason = models.CharField("reden", max_length=300)
    # The record that caused it ("intake.request:12"), so its owner can end exactly this involvement
    # without privacy knowing the later apps.
    reference = models.CharField("aanleiding", max_length=60, blank=True, db_index=True)
    since = models.DateTimeField("sinds")
    until = models.DateTimeField("tot", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgelegd door"
    )

    class Meta:
        verbose_name = "betrokkenheid"
        verbose_name_plural = "betrokkenheden"
        permissions = [
            ("view_files", "Kan dossiers inzien van huishoudens waarbij hij of zij betrokken is"),
            ("assign_households", "Kan huishoudens aan het eigen team toewijzen"),
            ("check_known_person", "Kan nagaan of een persoon al bekend is, zonder het dossier te zien"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(team__isnull=False, user__isnull=True, organisation="")
                    | Q(team__isnull=True, user__isnull=False, organisation="")
                    | Q(team__isnull=True, user__isnull=True) & ~Q(organisation="")
                ),
                name="involvement_has_one_party",
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=models.F("since")), name="involvement_period"
            ),
        ]
        indexes = [
            models.Index(fields=["team", "household"], name="involvement_team"),
            models.Index(fields=["user", "household"], name="involvement_user"),
            models.Index(
                fields=["household"],
                include=["team", "user", "since", "until", "scope"],
                name="involvement_grant",
            ),
        ]

    def __str__(self):
        return f"{self.party} bij {self.household}"

    @property
    def party(self) -> str:
        return str(self.team or self.user or self.organisation)

    @property
    def anonymous_party(self) -> str:
        """The party as the inhabitant may read it (logs, consultations): never a staff member's name."""
        if self.team_id:
            return self.team.name
        if self.organisation:
            return self.organisation
        role = self.user.primary_role
        return f"een medewerker ({role.name.lower()})" if role else "een medewerker"


class EmergencyAccess(MunicipalityOwned):
    """Break the glass: a user opens a household without involvement, with a reason, for a short time."""

    class Verdict(models.TextChoices):
        PENDING = "pending", "wacht op beoordeling"
        JUSTIFIED = "justified", "terecht"
        UNJUSTIFIED = "unjustified", "onterecht"

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="emergency_accesses", verbose_name="huishouden"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="emergency_accesses",
        verbose_name="medewerker",
    )
    reason = models.TextField("reden")
    started_at = models.DateTimeField("begonnen")
    expires_at = models.DateTimeField("verloopt")
    ended_at = models.DateTimeField("beëindigd", null=True, blank=True)
    verdict = models.CharField("oordeel", max_length=11, choices=Verdict.choices, default=Verdict.PENDING)
    verdict_note = models.TextField("toelichting bij het oordeel", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beoordeeld door",
    )
    reviewed_at = models.DateTimeField("beoordeeld", null=True, blank=True)

    class Meta:
        verbose_name = "noodtoegang"
        verbose_name_plural = "noodtoegangen"
        permissions = [
            ("break_glass", "Kan noodtoegang tot een dossier nemen"),
            ("review_emergency_access", "Kan noodtoegang beoordelen"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("started_at")), name="emergency_period"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="emergency_has_reason"),
        ]

    def __str__(self):
        return f"Noodtoegang {self.user} tot {self.household}"


class Consent(MunicipalityOwned):
    """A person consents to sharing with a named organisation for a purpose, until withdrawn."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="consents", verbose_name="persoon"
    )
    organisation = models.CharField("organisatie", max_length=150)
    purpose = models.CharField("doel", max_length=300)
    given_on = models.DateField("gegeven op")
    withdrawn_on = models.DateField("ingetrokken op", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgelegd door"
    )

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        permissions = [("record_consent", "Kan toestemming en gegevensdeling vastleggen")]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_period",
            ),
        ]

    def __str__(self):
        return f"Toestemming {self.person} → {self.organisation}"


class SharingDecision(MunicipalityOwned):
    """The triage before sharing with a partner: which data, with whom, why, and on what ground."""

    class Ground(models.TextChoices):
        LEGAL_OBLIGATION = "legal_obligation", "wettelijke verplichting"
        PUBLIC_TASK = "public_task", "publieke taak"
        VITAL_INTEREST = "vital_interest", "vitaal belang"
        CONSENT = "consent", "toestemming"

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="sharings", verbose_name="persoon"
    )
    organisation = models.CharField("met organisatie", max_length=150)
    data = models.CharField("welke gegevens", max_length=300)
    purpose = models.CharField("doel", max_length=300)
    necessity = models.TextField("noodzaak", help_text="Waarom is delen nodig voor de hulp?")
    proportionality = models.TextField("proportionaliteit", help_text="Waarom niet meer dan nodig?")
    subsidiarity = models.TextField("subsidiariteit", help_text="Waarom kan het niet met minder?")
    ground = models.CharField("grondslag", max_length=16, choices=Ground.choices)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="toestemming"
    )
    decided_on = models.DateField("besloten op")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="besloten door"
    )

    class Meta:
        verbose_name = "besluit gegevensdeling"
        verbose_name_plural = "besluiten gegevensdeling"
        constraints = [
            models.CheckConstraint(
                condition=~Q(ground="consent") | Q(consent__isnull=False), name="sharing_consent_when_ground"
            ),
        ]

    def __str__(self):
        return f"Delen {self.person} → {self.organisation}"


class AccessLog(models.Model):
    """One row per access event (NEN 7513), append-only and hash-chained (see log.py, chain.py).

    No foreign keys: a log row must outlive the user, person or object it names, and deleting any of
    them must never touch the log. Who acted is kept by id and by what they were at the time.
    """

    class Action(models.TextChoices):
        CREATE = "create", "aanmaken"
        READ = "read", "inzien"
        UPDATE = "update", "wijzigen"
        DELETE = "delete", "verwijderen"
        SEARCH = "search", "zoeken"
        PRINT = "print", "afdrukken"
        EXPORT = "export", "exporteren"
        TRANSFER = "transfer", "overdragen"
        EMERGENCY = "emergency", "noodtoegang"

    at = models.DateTimeField("tijdstip", db_index=True)
    action = models.CharField("handeling", max_length=9, choices=Action.choices)
    user_id = models.BigIntegerField("gebruiker", null=True)
    username = models.CharField("gebruikersnaam", max_length=150)
    role = models.CharField("rol", max_length=100, blank=True)
    team = models.CharField("team", max_length=100, blank=True)
    organisation = models.CharField("organisatie", max_length=150, blank=True)
    municipality_id = models.BigIntegerField("gemeente", null=True)
    access_point = models.CharField("toegangspunt", max_length=300, blank=True)
    purpose = models.CharField("doel", max_length=300)
    involvement_id = models.BigIntegerField("betrokkenheid", null=True)
    emergency_access_id = models.BigIntegerField("noodtoegang", null=True)
    object_type = models.CharField("soort object", max_length=50, blank=True)
    object_ids = models.JSONField("objecten", default=list)
    person_ids = models.JSONField("personen", default=list)
    content_digest = models.CharField(max_length=64)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = "toegangslogregel"
        verbose_name_plural = "toegangslog"
        default_permissions = ()
        permissions = [("view_accesslog", "Kan het toegangslog inzien")]
        indexes = [models.Index(fields=["user_id", "at"], name="accesslog_user")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"
