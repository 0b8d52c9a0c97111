"""The emergency-access banner: shown on every page while the user's break-the-glass access runs.

One query per page, and none for visitors who cannot break the glass (the permission check uses the
permissions the page shell has already loaded for this request).
"""

from .policy import running_emergency_accesses


def emergency(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("privacy.break_glass"):
        return {}
    running = list(running_emergency_accesses(user).select_related("household").order_by("expires_at"))
    return {"running_emergencies": running}
