# Moves the work on tickets out of contracts, keeping the tables (docs/decisions.md).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('contracts', '0004_invoice_credited'),
    ]

    operations = [
        # The scope register, quotes, time and invoices move to the billing app: only
        # Django's picture of them changes here; their tables stay (billing 0001 takes them).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='blockalert',
                    name='block_alert_once',
                ),
                migrations.RemoveConstraint(
                    model_name='invoice',
                    name='one_invoice_per_month',
                ),
                migrations.RemoveField(
                    model_name='invoiceline',
                    name='invoice',
                ),
                migrations.DeleteModel(
                    name='InvoiceCounter',
                ),
                migrations.RemoveField(
                    model_name='invoiceline',
                    name='tickets',
                ),
                migrations.RemoveField(
                    model_name='invoiceline',
                    name='time_entries',
                ),
                migrations.RemoveField(
                    model_name='quote',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='quote',
                    name='decided_by',
                ),
                migrations.RemoveField(
                    model_name='quote',
                    name='ticket',
                ),
                migrations.RemoveField(
                    model_name='scopedecision',
                    name='decided_by',
                ),
                migrations.RemoveField(
                    model_name='scopedecision',
                    name='ticket',
                ),
                migrations.RemoveIndex(
                    model_name='timeentry',
                    name='contracts_t_ticket__68c3cd_idx',
                ),
                migrations.RemoveConstraint(
                    model_name='timeentry',
                    name='one_timer',
                ),
                migrations.RemoveField(
                    model_name='blockalert',
                    name='agreement',
                ),
                migrations.RemoveField(
                    model_name='invoice',
                    name='agreement',
                ),
                migrations.RemoveField(
                    model_name='invoice',
                    name='credits',
                ),
                migrations.RemoveField(
                    model_name='invoice',
                    name='issued_by',
                ),
                migrations.RemoveField(
                    model_name='invoice',
                    name='organization',
                ),
                migrations.RemoveField(
                    model_name='invoice',
                    name='version',
                ),
                migrations.DeleteModel(
                    name='InvoiceLine',
                ),
                migrations.DeleteModel(
                    name='ScopeDecision',
                ),
                migrations.RemoveField(
                    model_name='timeentry',
                    name='quote',
                ),
                migrations.RemoveField(
                    model_name='timeentry',
                    name='ticket',
                ),
                migrations.RemoveField(
                    model_name='timeentry',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='BlockAlert',
                ),
                migrations.DeleteModel(
                    name='Invoice',
                ),
                migrations.DeleteModel(
                    name='Quote',
                ),
                migrations.DeleteModel(
                    name='TimeEntry',
                ),
            ],
        ),
    ]
