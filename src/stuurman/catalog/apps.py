from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "stuurman.catalog"
    label = "catalog"
    verbose_name = "Aanbod en sociale kaart"
