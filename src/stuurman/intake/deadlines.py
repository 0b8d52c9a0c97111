"""Legal tracks and their deadlines (Wmo 2015, Jeugdwet, Participatiewet, Awb), as pure functions.

Counting follows the Awb: a term "within N weeks after" a day starts the next day and ends at the end
of day + 7N (art. 6:8 for objections; the same count for the other terms). A statutory term that would
end on a weekend or public holiday runs on to the next working day (Algemene termijnenwet).
Municipal service norms (the receipt confirmation) are not statutory and are counted in working days.
Facts: ../shared/domain/procedures.md. No Django here.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from .workdays import add_working_days, next_working_day


class Law(StrEnum):
    WMO = "wmo"
    JEUGDWET = "jeugdwet"
    PARTICIPATIEWET = "participatiewet"


class DeadlineError(ValueError):
    """Bad input to a deadline rule, with a message staff can read."""


@dataclass(frozen=True)
class Deadline:
    key: str
    label: str
    start: date
    due: date
    basis: str
    statutory: bool = True
    extension_reason: str = ""
    original_due: date | None = None

    @property
    def extended(self) -> bool:
        return self.original_due is not None

    def extend(self, new_due: date, reason: str) -> "Deadline":
        """A new term, announced with its reason; the original date is kept."""
        reason = reason.strip()
        if not reason:
            raise DeadlineError("Een verlenging heeft een reden nodig.")
        if new_due <= self.due:
            raise DeadlineError(f"De nieuwe datum moet na {self.due:%d-%m-%Y} liggen.")
        return replace(self, due=new_due, extension_reason=reason, original_due=self.original_due or self.due)


def _statutory(key, label, start: date, weeks: int = 0, days: int = 0, *, basis: str) -> Deadline:
    due = next_working_day(start + timedelta(weeks=weeks, days=days))
    return Deadline(key, label, start, due, basis)


# --- Wmo 2015 -----------------------------------------------------------------------------------------

RECEIPT_NORM_WORKING_DAYS = 5


def wmo_after_melding(melding: date, receipt_norm_days: int = RECEIPT_NORM_WORKING_DAYS) -> list[Deadline]:
    """What starts running the day a Wmo melding comes in."""
    return [
        Deadline(
            "wmo.receipt",
            "Ontvangst bevestigen",
            melding,
            add_working_days(melding, receipt_norm_days),
            "Wmo 2015 art. 2.3.2 lid 1 (bevestigen); termijn: gemeentelijke norm",
            statutory=False,
        ),
        _statutory(
            "wmo.own_plan",
            "Persoonlijk plan van de inwoner",
            melding,
            days=7,
            basis="Wmo 2015 art. 2.3.2 lid 2",
        ),
        _statutory("wmo.research", "Onderzoek afgerond", melding, weeks=6, basis="Wmo 2015 art. 2.3.2 lid 1"),
    ]


def wmo_decision(application: date) -> Deadline:
    return _statutory("wmo.decision", "Beschikking", application, weeks=2, basis="Wmo 2015 art. 2.3.5 lid 1")


def may_apply_without_research(melding: date, today: date, research_done: bool) -> bool:
    """An inhabitant may apply straight away when the research took longer than six weeks."""
    return not research_done and today > wmo_after_melding(melding)[2].due


# --- Jeugdwet and Participatiewet -----------------------------------------------------------------------


def jeugdwet_decision(application: date) -> Deadline:
    return _statutory(
        "jw.decision", "Beschikking", application, weeks=8, basis="Awb art. 4:13 lid 2 (Jeugdwet)"
    )


def participatiewet_decision(application: date) -> Deadline:
    return _statutory(
        "pw.decision",
        "Besluit op de aanvraag",
        application,
        weeks=8,
        basis="Awb art. 4:13 lid 2 (Participatiewet)",
    )


def advance_payment_due(application: date, today: date, decided: bool) -> bool:
    """Participatiewet art. 52: without a decision four weeks after the application, an advance is due."""
    return not decided and today > application + timedelta(weeks=4)


def search_period(melding: date, birth_date: date) -> Deadline | None:
    """Participatiewet art. 41 lid 4: under 27, four weeks of searching for work before applying."""
    if _age(birth_date, melding) >= 27:
        return None
    return Deadline(
        "pw.search_period", "Zoekperiode jongere", melding, melding + timedelta(weeks=4), "Pw art. 41 lid 4"
    )


def _age(birth_date: date, on: date) -> int:
    if birth_date > on:
        raise DeadlineError("De geboortedatum ligt na de meldingsdatum.")
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


# --- Objection (Awb, all three laws) -------------------------------------------------------------------


def objection_window(made_known: date) -> Deadline:
    return _statutory(
        "awb.objection", "Bezwaar maken kan tot en met", made_known, weeks=6, basis="Awb art. 6:7 en 6:8"
    )


def objection_decision(received: date, advisory_committee: bool = False) -> Deadline:
    weeks = 12 if advisory_committee else 6
    return _statutory(
        "awb.objection_decision", "Beslissing op bezwaar", received, weeks=weeks, basis="Awb art. 7:10"
    )


OBJECTION_EXTENSION_WEEKS = 6


def extend_objection_decision(deadline: Deadline, reason: str) -> Deadline:
    """Awb art. 7:10 lid 3: once, by at most six weeks."""
    if deadline.extended:
        raise DeadlineError("De beslistermijn op bezwaar kan maar één keer worden verdaagd.")
    return deadline.extend(
        next_working_day(deadline.due + timedelta(weeks=OBJECTION_EXTENSION_WEEKS)), reason
    )


def decision_deadline(law: Law, application: date) -> Deadline:
    return {
        Law.WMO: wmo_decision,
        Law.JEUGDWET: jeugdwet_decision,
        Law.PARTICIPATIEWET: participatiewet_decision,
    }[law](application)
