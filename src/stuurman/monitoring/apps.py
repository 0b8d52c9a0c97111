from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "stuurman.monitoring"
    verbose_name = "Monitor en dashboards"
