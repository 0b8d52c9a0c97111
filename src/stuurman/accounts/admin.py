from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from stuurman.site.admin_site import configuration_site

from .models import Team, User


@admin.register(Team, site=configuration_site)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    filter_horizontal = ["areas", "members"]


@admin.register(User, site=configuration_site)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "municipality", "is_active"]
    list_filter = ["municipality", "groups", "is_active"]

    def get_queryset(self, request):
        # Staff accounts only: that an inhabitant has a portal account already says they are a client,
        # and functional admins manage configuration, not files (privacy, DESIGN.md §2.3).
        return super().get_queryset(request).filter(kind=User.Kind.STAFF)

    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        ("Stuurman", {"fields": ("kind", "municipality", "organisation")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser can hand out superuser rights or individual permissions.
        if request.user.is_superuser:
            return ()
        return ("is_superuser", "is_staff", "user_permissions", "last_login", "date_joined")
