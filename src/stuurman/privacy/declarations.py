"""Default deny: every view says which access policy guards it, and enforces it.

A test walks every URL pattern and fails for any view without ``access_policy``
(tests/privacy/test_default_deny.py), so a new page that forgets to declare its policy cannot ship.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from stuurman.people.models import Household

from .policy import grant_for, may_view_files

# Every policy a view may declare, with what it means. The URL-walk test accepts only these.
POLICIES = {
    "no_personal_data": "Toont geen persoonsgegevens (inloggen, startpagina, taalkeuze).",
    "configuration": "Inrichting: alleen met accounts.use_configuration; er staan geen dossiers in.",
    "permission": "Alleen met de genoemde permissie; lijsten gefilterd door het toegangsbeleid.",
    "household_file": "Alleen bij actieve betrokkenheid of noodtoegang bij dit huishouden.",
}


def _declare(view, policy: str, detail: str = ""):
    assert policy in POLICIES, policy
    view.access_policy = policy
    view.access_policy_detail = detail
    return view


def no_personal_data(view):
    return _declare(view, "no_personal_data")


def configuration(view):
    return _declare(view, "configuration")


def requires_permission(*perms: str):
    """Signed-in staff with every permission named; the view filters its lists by the policy itself."""

    def decorate(view):
        @wraps(view)
        @login_required
        def guarded(request, *args, **kwargs):
            if request.user.is_inhabitant or not request.user.has_perms(perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return _declare(guarded, "permission", ", ".join(perms))

    return decorate


def household_file(*perms: str):
    """The view receives the household it may open and the grant that allows it.

    A household the user may not open answers 404, the same as one that does not exist: the
    answer must not tell whether a household exists.
    """

    def decorate(view):
        @wraps(view)
        @login_required
        def guarded(request, household_id: int, *args, **kwargs):
            if not may_view_files(request.user) or not request.user.has_perms(perms):
                raise PermissionDenied
            grant = grant_for(request.user, household_id)
            if grant is None:
                raise Http404("Dit huishouden bestaat niet of u bent er niet bij betrokken.")
            household = Household.objects.select_related("area", "municipality").get(pk=household_id)
            return view(request, household, grant, *args, **kwargs)

        return _declare(guarded, "household_file", ", ".join(perms))

    return decorate
