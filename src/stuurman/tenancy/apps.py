from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "stuurman.tenancy"
    verbose_name = "Gemeenten en gebieden"
