"""Which requests a user may see: those their team is responsible for, those they registered, and
those offered to their team in a pending hand-over. Filtered in the database."""

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from stuurman.accounts.models import Team

from .models import Request, Transfer


def _my_teams(user):
    return Team.members.through.objects.filter(user_id=user.pk).values("team_id")


def visible_requests(user) -> QuerySet[Request]:
    offered = Transfer.objects.filter(
        request=OuterRef("pk"), state=Transfer.State.PENDING, to_team_id__in=_my_teams(user)
    )
    return Request.objects.filter(
        Q(responsible_team_id__in=_my_teams(user)) | Q(registered_by=user) | Q(Exists(offered))
    )


def team_queue(user, *, registered_by_me: bool = False) -> QuerySet[Request]:
    """Open requests the user's teams are responsible for (or that the user registered), nearest
    deadline first.

    The team ids are looked up first: with one team, PostgreSQL reads the queue's partial index in
    order and stops after a page, instead of sorting the whole queue.
    """
    teams = list(Team.members.through.objects.filter(user_id=user.pk).values_list("team_id", flat=True))
    if registered_by_me:
        mine = Q(registered_by=user)
    elif len(teams) == 1:
        mine = Q(responsible_team_id=teams[0])
    else:
        mine = Q(responsible_team_id__in=teams)
    return (
        Request.objects.filter(mine)
        .exclude(status=Request.Status.CLOSED)
        .select_related("person")
        .only(*QUEUE_COLUMNS)
        .order_by(F("next_due").asc(nulls_last=True), "received_on", "pk")
    )


QUEUE_COLUMNS = (
    "pk",
    "urgency",
    "law",
    "status",
    "unknown_name",
    "next_deadline",
    "next_due",
    "received_on",
    "person__first_names",
    "person__prefix",
    "person__surname",
)
