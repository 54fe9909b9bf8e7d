"""An index the scorecard reads tickets by: an organization's tickets by when they were last
resolved (null while active). It finds the tickets that can have a resolution in a period, and
those still active at a period's end, without reading the organization's older tickets.

The index is on desk's table but belongs to the reports that need it, so it is created here
with SQL that PostgreSQL and SQLite both read; Django's model state is unchanged."""

from django.db import migrations

INDEX = "reports_ticket_org_resolved"


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("desk", "0012_checklist_monitoring_kinds")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON desk_ticket (organization_id, resolved_at)",
            reverse_sql=f"DROP INDEX {INDEX}",
        )
    ]
