"""The configuration pages (Django admin) for functional admins, opened by a permission, not is_staff.

Only configuration is registered here — municipalities, areas, teams, users. Personal files never are:
they are reached through the access policy, not through the admin.
"""

from django.contrib import admin


class ConfigurationSite(admin.AdminSite):
    site_header = "Stuurman — inrichting"
    site_title = "Stuurman inrichting"
    index_title = "Inrichting"

    def has_permission(self, request):
        user = request.user
        return user.is_active and (user.is_superuser or user.has_perm("accounts.use_configuration"))


configuration_site = ConfigurationSite(name="configuration")
