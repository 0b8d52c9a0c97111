"""Requests for help from every channel, their hand-overs between teams, and safety steps.

One write path: intake/services.py. The next deadline is stored with the request so work queues sort
and page in the database.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from stuurman.accounts.models import Team
from stuurman.people.models import Household, Person
from stuurman.tenancy.models import MunicipalityOwned

# The life domains of ZRM 2017, as codes; the instruments themselves come with the conversation (issue 5).
LIFE_DOMAINS = (
    ("finances", "Financiën"),
    ("work", "Werk en opleiding"),
    ("time", "Tijdsbesteding"),
    ("housing", "Huisvesting"),
    ("relations", "Huiselijke relaties"),
    ("mental", "Geestelijke gezondheid"),
    ("physical", "Lichamelijke gezondheid"),
    ("substances", "Middelengebruik"),
    ("basic_adl", "Basale ADL"),
    ("instrumental_adl", "Instrumentele ADL"),
    ("network", "Sociaal netwerk"),
    ("participation", "Maatschappelijke participatie"),
    ("justice", "Justitie"),
)


class Request(MunicipalityOwned):
    class Channel(models.TextChoices):
        COUNTER = "counter", "balie"
        PHONE = "phone", "telefoon"
        WEB = "web", "webformulier"
        LETTER = "letter", "brief"
        EMAIL = "email", "e-mail"
        SIGNAL = "signal", "signaal van een professional"

    class Reporter(models.TextChoices):
        INHABITANT = "inhabitant", "de inwoner zelf"
        NETWORK = "network", "iemand uit het netwerk"
        PROFESSIONAL = "professional", "een professional"

    class Urgency(models.TextChoices):
        NORMAL = "normal", "normaal"
        URGENT = "urgent", "spoed"
        CRISIS = "crisis", "crisis: nu"

    class Law(models.TextChoices):
        WMO = "wmo", "Wmo 2015"
        JEUGDWET = "jeugdwet", "Jeugdwet"
        PARTICIPATIEWET = "participatiewet", "Participatiewet"
        DEBT = "debt", "schuldhulp"
        OTHER = "other", "anders"

    class Outcome(models.TextChoices):
        ADVICE = "advice", "advies en zelf verder"
        GENERAL = "general", "verwijzing naar een algemene voorziening"
        TEAM = "team", "naar het team van het gebied (1e lijn)"
        SPECIALIST = "specialist", "naar specialistische hulp (2e lijn)"
        CRISIS = "crisis", "crisis: opschalen"

    class Status(models.TextChoices):
        REGISTERED = "registered", "geregistreerd"
        ROUTED = "routed", "doorgezet"
        CLOSED = "closed", "afgesloten"

    channel = models.CharField("kanaal", max_length=8, choices=Channel.choices, default=Channel.PHONE)
    reporter = models.CharField(
        "wie meldt", max_length=12, choices=Reporter.choices, default=Reporter.INHABITANT
    )
    reporter_name = models.CharField("naam melder", max_length=150, blank=True)
    reporter_organisation = models.CharField("organisatie melder", max_length=150, blank=True)
    reporter_contact = models.CharField("contact melder", max_length=150, blank=True)
    question = models.TextField("de vraag, in eigen woorden")
    life_domains = models.JSONField("leefgebieden", default=list, blank=True)
    urgency = models.CharField("urgentie", max_length=6, choices=Urgency.choices, default=Urgency.NORMAL)
    safety_concern = models.BooleanField("acuut onveilig of kinderen zonder basiszorg")
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name="persoon",
    )
    household = models.ForeignKey(
        Household,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name="huishouden",
    )
    # What is known of someone not (yet) linked to a Person: linked later, without duplicates.
    unknown_name = models.CharField("naam (nog niet gekoppeld)", max_length=150, blank=True)
    unknown_contact = models.CharField(
        "telefoon, e-mail of adres (nog niet gekoppeld)", max_length=200, blank=True
    )
    person_knows = models.BooleanField("weet de persoon van de melding", null=True, blank=True)
    person_agrees = models.BooleanField("wil de persoon benaderd worden", null=True, blank=True)
    law = models.CharField("wet", max_length=15, choices=Law.choices, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.REGISTERED)
    responsible_team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="requests", verbose_name="verantwoordelijk team"
    )
    received_on = models.DateField("datum melding")
    registered_at = models.DateTimeField("geregistreerd")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="geregistreerd door",
    )
    outcome = models.CharField(
        "uitkomst vraagverheldering", max_length=10, choices=Outcome.choices, blank=True
    )
    line = models.PositiveSmallIntegerField("lijn", null=True, blank=True)
    motivation = models.TextField("motivering", blank=True)
    closed_reason = models.CharField("reden van afsluiten", max_length=300, blank=True)
    # The day the application (aanvraag) was made; the decision deadline runs from it. For the Wmo the
    # signed conversation report often counts as the application.
    application_on = models.DateField("datum aanvraag", null=True, blank=True)
    application_basis = models.CharField("aanvraag gedaan met", max_length=150, blank=True)
    next_deadline = models.CharField("eerstvolgende termijn", max_length=60, blank=True)
    next_due = models.DateField("uiterlijk", null=True, blank=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        permissions = [
            ("register_request", "Kan meldingen registreren"),
            ("work_requests", "Kan meldingen van het eigen team behandelen en overdragen"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(person__isnull=True, unknown_name="", unknown_contact=""),
                name="request_identifiable",
            ),
            models.CheckConstraint(condition=~Q(question=""), name="request_has_question"),
        ]
        # The work queue: one team's open requests in deadline order, read straight from the index.
        indexes = [
            models.Index(
                fields=["responsible_team", "next_due", "received_on", "id"],
                condition=~Q(status="closed"),
                name="request_open_queue",
            )
        ]

    def __str__(self):
        return f"Melding {self.pk} ({self.get_channel_display()})"

    @property
    def subject(self) -> str:
        return self.person.full_name if self.person_id else self.unknown_name or "onbekend"


class Transfer(models.Model):
    """A warm hand-over: the sending team stays responsible until the receiving team accepts."""

    class State(models.TextChoices):
        PENDING = "pending", "wacht op acceptatie"
        ACCEPTED = "accepted", "geaccepteerd"
        REFUSED = "refused", "geweigerd"

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="transfers")
    from_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name="van team")
    to_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name="naar team")
    reason = models.CharField("waarom", max_length=300)
    state = models.CharField("stand", max_length=8, choices=State.choices, default=State.PENDING)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField("verstuurd")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField("beantwoord", null=True, blank=True)
    refusal_reason = models.CharField("reden van weigering", max_length=300, blank=True)

    class Meta:
        verbose_name = "overdracht"
        verbose_name_plural = "overdrachten"
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=Q(state="pending"), name="one_pending_transfer_per_request"
            ),
            models.CheckConstraint(
                condition=~Q(from_team=models.F("to_team")), name="transfer_to_another_team"
            ),
        ]

    def __str__(self):
        return f"Overdracht {self.request_id}: {self.from_team} → {self.to_team} ({self.get_state_display()})"


class TeamAlert(models.Model):
    """A crisis registration alerts the responsible team at once; shown on its queue until acknowledged."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="alerts")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="alerts")
    raised_at = models.DateTimeField("gemeld")
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField("gezien", null=True, blank=True)

    class Meta:
        verbose_name = "teamalarm"
        verbose_name_plural = "teamalarmen"

    def __str__(self):
        return f"Alarm voor {self.team}: melding {self.request_id}"


class SafetyStep(models.Model):
    """A step of the reporting code (meldcode) taken after a 'yes' to the basic-safety question."""

    STEPS = (
        (1, "Signalen in kaart brengen"),
        (2, "Collegiale consultatie en zo nodig Veilig Thuis om advies vragen"),
        (3, "Gesprek met de betrokkene(n)"),
        (4, "Wegen: is er (een vermoeden van) acute of structurele onveiligheid?"),
        (5, "Beslissen: hulp organiseren en/of melden bij Veilig Thuis"),
    )

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="safety_steps")
    step = models.PositiveSmallIntegerField("stap", choices=STEPS)
    note = models.TextField("wat is gedaan of besloten")
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    done_at = models.DateTimeField("vastgelegd")

    class Meta:
        verbose_name = "stap meldcode"
        verbose_name_plural = "stappen meldcode"
        ordering = ["step", "done_at"]

    def __str__(self):
        return f"Meldcode stap {self.step} bij melding {self.request_id}"


class OutreachDecision(models.Model):
    """Bemoeizorg: act on a signal although nobody asks for help, or respect a competent person's 'no'."""

    class Choice(models.TextChoices):
        ACT = "act", "handelen zonder hulpvraag (bemoeizorg)"
        RESPECT_REFUSAL = "refusal", "weigering respecteren"

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="outreach_decisions")
    choice = models.CharField("besluit", max_length=7, choices=Choice.choices)
    grounds = models.TextField("gronden")
    competent = models.BooleanField("de persoon is wilsbekwaam voor deze beslissing", null=True)
    risk = models.BooleanField("er is gevaar voor de persoon of anderen", null=True)
    review_on = models.DateField("opnieuw bekijken op", null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField("besloten")

    class Meta:
        verbose_name = "besluit bemoeizorg"
        verbose_name_plural = "besluiten bemoeizorg"
        constraints = [
            models.CheckConstraint(
                condition=~Q(choice="act") | Q(review_on__isnull=False), name="outreach_act_has_review"
            ),
            models.CheckConstraint(
                condition=~Q(choice="refusal") | Q(competent=True, risk=False),
                name="outreach_refusal_only_safe",
            ),
        ]

    def __str__(self):
        return f"{self.get_choice_display()} bij melding {self.request_id}"


class DeadlineExtension(models.Model):
    """A term extended, with its reason and the new date; the original date is kept (procedures.md)."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="extensions")
    deadline = models.CharField("termijn", max_length=60)
    original_due = models.DateField("oorspronkelijk uiterlijk")
    new_due = models.DateField("nieuw uiterlijk")
    reason = models.CharField("reden", max_length=300)
    extended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    extended_at = models.DateTimeField("verlengd")

    class Meta:
        verbose_name = "verlenging"
        verbose_name_plural = "verlengingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(new_due__gt=models.F("original_due")), name="extension_is_later"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="extension_has_reason"),
        ]

    def __str__(self):
        return f"{self.deadline}: {self.original_due} → {self.new_due}"
