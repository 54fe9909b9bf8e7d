from django.db import migrations, models


class Migration(migrations.Migration):
    """A partial index on an organization's business stops, for the downtime report."""

    dependencies = [("desk", "0012_checklist_monitoring_kinds")]

    operations = [
        migrations.AddIndex(
            model_name="ticket",
            index=models.Index(
                condition=models.Q(("stops_business", True)),
                fields=["organization", "created_at"],
                name="ticket_org_business_stops",
            ),
        ),
    ]
