from django.contrib import admin

from stuurman.site.admin_site import configuration_site

from .models import Area, Municipality, Region


@admin.register(Region, site=configuration_site)
class RegionAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Municipality, site=configuration_site)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "cbs_code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "cbs_code"]


@admin.register(Area, site=configuration_site)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "cbs_code", "municipality"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name", "cbs_code"]
    list_select_related = ["parent", "municipality"]
    autocomplete_fields = ["parent"]
