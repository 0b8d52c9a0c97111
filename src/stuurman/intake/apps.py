from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "stuurman.intake"
    verbose_name = "Voordeur"
