"""The configuration pages (Django admin) for functional admins, opened by a permission, not is_staff.

Only configuration is registered here — municipalities, areas, teams, users. Personal files never are:
they are reached through the access policy, not through the admin.
"""

import inspect
from functools import wraps

from django.contrib import admin
from django.urls import URLPattern, URLResolver

from stuurman.privacy.declarations import configuration


class ConfigurationSite(admin.AdminSite):
    site_header = "Stuurman — inrichting"
    site_title = "Stuurman inrichting"
    index_title = "Inrichting"

    def has_permission(self, request):
        user = request.user
        return user.is_active and (user.is_superuser or user.has_perm("accounts.use_configuration"))

    def get_urls(self):
        # Declare the policy on every admin view, including the few AdminSite does not wrap (login).
        return _declared(super().get_urls())


def _declared(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _declared(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and not hasattr(pattern.callback, "access_policy"):
            pattern.callback = configuration(_function(pattern.callback))
    return patterns


def _function(view):
    """Bound methods (AdminSite.login) take no attributes; wrap those in a function that does."""
    if not inspect.ismethod(view):
        return view

    @wraps(view)
    def view_function(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return view_function


configuration_site = ConfigurationSite(name="configuration")
