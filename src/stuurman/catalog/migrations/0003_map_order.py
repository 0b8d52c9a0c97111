"""The kind's tier as a stored column, so the social map pages in tier order from an index."""

from django.db import migrations, models
from django.db.models import Q

TIERS = {"local_initiative": 4, "general": 5, "tailored": 6, "specialist": 7}


def fill_tiers(apps, schema_editor):
    Service = apps.get_model("catalog", "Service")
    for kind, tier in TIERS.items():
        Service.objects.filter(kind=kind).update(tier=tier)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_search_and_overlap")]

    operations = [
        migrations.AddField(
            model_name="service",
            name="tier",
            field=models.PositiveSmallIntegerField(default=0, editable=False, verbose_name="trede"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_tiers, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="service",
            constraint=models.CheckConstraint(
                condition=Q(kind="local_initiative", tier=4)
                | Q(kind="general", tier=5)
                | Q(kind="tailored", tier=6)
                | Q(kind="specialist", tier=7),
                name="service_tier_of_kind",
            ),
        ),
        migrations.AddIndex(
            model_name="service",
            index=models.Index(
                condition=Q(status="published"), fields=["tier", "name", "id"], name="service_map_order"
            ),
        ),
    ]
