from django.db import migrations, models

DONE = ("resolved", "closed")
BATCH = 2000


def backfill(apps, schema_editor):
    """The facts of the tickets opened before this migration, from their events, as
    desk.sla.facts_of derives them (written out here: a migration must not change with the
    code). Their resolution time in business seconds stays unknown: the scorecard measures
    those tickets from their events, as it did before."""
    Ticket = apps.get_model("desk", "Ticket")
    TicketEvent = apps.get_model("desk", "TicketEvent")
    events = (
        TicketEvent.objects.filter(kind__in=["status", "message"])
        .order_by("ticket_id", "at", "id")
        .values_list("ticket_id", "kind", "at", "data")
    )
    changed = []

    def keep(ticket_id, facts):
        changed.append(Ticket(pk=ticket_id, **facts))
        if len(changed) >= BATCH:
            flush()

    def flush():
        Ticket.objects.bulk_update(changed, FIELDS)
        changed.clear()

    current, facts, status, replies = None, {}, "new", 0
    for ticket_id, kind, at, data in events.iterator(chunk_size=BATCH):
        if ticket_id != current:
            if current is not None:
                keep(current, facts)
            current, status, replies = ticket_id, "new", 0
            facts = dict.fromkeys(FIELDS[1:])
            facts["resolutions"] = 0
        data = data or {}
        if kind == "message" and data.get("public") and data.get("by_staff"):
            replies += 1
            if replies == 2:
                facts["second_reply_at"] = at
        elif kind == "status":
            new = str(data.get("to", ""))
            if new == "resolved":
                facts["resolutions"] += 1
                facts["first_resolved_at"] = facts["first_resolved_at"] or at
                facts["last_resolved_at"] = at
            if status in DONE and new not in DONE and facts["reopened_at"] is None:
                facts["reopened_at"] = at
            status = new
    if current is not None:
        keep(current, facts)
    if changed:
        flush()


FIELDS = [
    "resolutions",
    "first_resolved_at",
    "last_resolved_at",
    "reopened_at",
    "second_reply_at",
]


class Migration(migrations.Migration):
    """What the reports count of a ticket's history, kept on its row (desk.sla.Facts)."""

    dependencies = [("desk", "0013_ticket_business_stops_index")]

    operations = [
        migrations.AddField(
            model_name="ticket",
            name="resolutions",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="ticket",
            name="first_resolved_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="ticket",
            name="last_resolved_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="ticket",
            name="reopened_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="ticket",
            name="second_reply_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="ticket",
            name="resolution_seconds",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
