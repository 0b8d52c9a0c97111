from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "stuurman.site"
    label = "site"
    verbose_name = "Site shell"
