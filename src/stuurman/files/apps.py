from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "stuurman.files"
    verbose_name = "Dossiers"
