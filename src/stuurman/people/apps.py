from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "stuurman.people"
    verbose_name = "Inwoners en huishoudens"
