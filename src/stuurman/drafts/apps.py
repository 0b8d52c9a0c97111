from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "stuurman.drafts"
    verbose_name = "Concepten"
