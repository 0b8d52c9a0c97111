from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "stuurman.privacy"
    verbose_name = "Privacy en toegang"
