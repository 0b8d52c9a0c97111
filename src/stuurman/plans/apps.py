from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "stuurman.plans"
    verbose_name = "Plannen"
