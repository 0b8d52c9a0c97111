from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "stuurman.demo"
    verbose_name = "Demoregio"
