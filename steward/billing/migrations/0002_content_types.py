# The moved models' content types follow them, so admin log entries and permissions that
# point at them stay pointing at them.

from django.db import migrations

MOVED = ["scopedecision", "quote", "timeentry", "invoicecounter", "invoice", "invoiceline", "blockalert"]


def _relabel(apps, schema_editor, old, new):
    content_type = apps.get_model("contenttypes", "ContentType")
    rows = content_type.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        # A row already under the new label (made by a migrate that ran post_migrate in
        # between) wins; the old one is then stale, as remove_stale_contenttypes would say.
        if not rows.filter(app_label=new, model=model).exists():
            rows.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "contracts", "billing")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "billing", "contracts")


class Migration(migrations.Migration):

    dependencies = [
        ("billing", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
