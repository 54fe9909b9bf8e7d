# Every agreement gets its first version here, once, instead of on the first page or API read
# that found none: reading writes nothing.

from decimal import Decimal

from django.db import migrations

# As Agreement.terms() recorded them when this migration was written.
TERM_FIELDS = [
    "billing", "currency", "monthly_fee", "unit_price", "devices", "hourly_rate",
    "out_of_hours_multiplier", "included_hours", "block_hours", "rollover",
    "increment_minutes", "exclusions", "kpi_targets",
]  # fmt: skip


def _term(agreement, field):
    value = getattr(agreement, field)
    if isinstance(value, Decimal):
        places = getattr(agreement._meta.get_field(field), "decimal_places", 2)
        return str(value.quantize(Decimal(1).scaleb(-places)))
    return value


def _terms(agreement):
    covered = agreement.covered.select_related("service")
    return {
        "name": agreement.name,
        "starts": agreement.starts.isoformat(),
        "ends": agreement.ends.isoformat() if agreement.ends else None,
        "sla_policy": agreement.sla_policy_id,
        "sla_targets": agreement.sla_policy.targets if agreement.sla_policy_id else {},
        **{field: _term(agreement, field) for field in TERM_FIELDS},
        "services": dict(sorted((str(c.service.code), str(c.price)) for c in covered)),
    }


def forwards(apps, schema_editor):
    db = schema_editor.connection.alias
    agreement_model = apps.get_model("contracts", "Agreement")
    version_model = apps.get_model("contracts", "AgreementVersion")
    missing = agreement_model.objects.using(db).filter(versions__isnull=True)
    for agreement in missing.select_related("sla_policy").order_by("pk"):
        version_model.objects.using(db).create(
            agreement=agreement, number=1, terms=_terms(agreement), changes=[],
            note="first version",
        )  # fmt: skip


class Migration(migrations.Migration):

    dependencies = [
        ("contracts", "0005_move_work_to_billing"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
