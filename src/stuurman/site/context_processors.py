"""What the page shell shows of the signed-in user: their municipality, role and menu."""

from .navigation import menu_for


def shell(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"shell": {}}
    if user.is_inhabitant:
        role_label = "Inwoner"
    else:
        role = user.primary_role
        role_label = role.name if role else ""
    return {
        "shell": {
            "municipality": getattr(request, "municipality", None),
            "role_label": role_label,
            "menu": menu_for(user, request.path),
        }
    }
