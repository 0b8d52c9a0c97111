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


def team_queue(user) -> QuerySet[Request]:
    """Open requests the user's teams are responsible for, nearest deadline first."""
    return (
        Request.objects.filter(responsible_team_id__in=_my_teams(user))
        .exclude(status=Request.Status.CLOSED)
        .select_related("person", "responsible_team")
        .order_by(F("next_due").asc(nulls_last=True), "received_on", "pk")
    )
