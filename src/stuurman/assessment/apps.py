from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AssessmentConfig(AppConfig):
    name = "stuurman.assessment"
    verbose_name = "Gesprek en instrumenten"

    def ready(self):
        from .loading import load_builtin_after_migrate

        post_migrate.connect(load_builtin_after_migrate, sender=self)
