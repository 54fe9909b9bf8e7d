# Moves the work on tickets out of contracts, keeping the tables (docs/decisions.md).

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0002_organization_hourly_cost'),
        ('contracts', '0005_move_work_to_billing'),
        ('desk', '0006_ticketevent_time'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The models moved from contracts (contracts 0005): their tables already exist, with
        # their data, under the names db_table keeps; only Django's picture of them is made.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='InvoiceCounter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(default='invoices', max_length=20, unique=True)),
                        ('last', models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        'db_table': 'contracts_invoicecounter',
                    },
                ),
                migrations.CreateModel(
                    name='Invoice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('period_start', models.DateField()),
                        ('period_end', models.DateField()),
                        ('currency', models.CharField(max_length=3)),
                        ('state', models.CharField(choices=[('draft', 'Draft'), ('issued', 'Issued')], default='draft', max_length=8)),
                        ('number', models.PositiveIntegerField(blank=True, null=True, unique=True)),
                        ('credited', models.BooleanField(default=False)),
                        ('total', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=12)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('issued_at', models.DateTimeField(blank=True, null=True)),
                        ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='invoices', to='contracts.agreement')),
                        ('credits', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='credit_notes', to='billing.invoice')),
                        ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organization', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='invoices', to='accounts.organization')),
                        ('version', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contracts.agreementversion')),
                    ],
                    options={
                        'db_table': 'contracts_invoice',
                        'ordering': ['-period_start', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='Quote',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('description', models.TextField(verbose_name='work')),
                        ('hours', models.DecimalField(blank=True, decimal_places=2, max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='estimated hours')),
                        ('fixed_price', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'))], verbose_name='fixed price')),
                        ('state', models.CharField(choices=[('pending', 'Waiting for the client'), ('approved', 'Approved'), ('declined', 'Declined')], default='pending', max_length=10)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('decided_at', models.DateTimeField(blank=True, null=True)),
                        ('decision_note', models.CharField(blank=True, max_length=500)),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('ticket', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='quotes', to='desk.ticket')),
                    ],
                    options={
                        'db_table': 'contracts_quote',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='ScopeDecision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('in_scope', models.BooleanField()),
                        ('reason', models.CharField(max_length=500)),
                        ('decided_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('decided_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('ticket', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scope', to='desk.ticket')),
                    ],
                    options={
                        'db_table': 'contracts_scopedecision',
                        'ordering': ['-decided_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='TimeEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('started_at', models.DateTimeField(verbose_name='started')),
                        ('minutes', models.PositiveIntegerField(blank=True, null=True, verbose_name='minutes')),
                        ('description', models.CharField(max_length=500, verbose_name='what was done')),
                        ('billable', models.BooleanField(default=True, verbose_name='billable')),
                        ('in_scope', models.BooleanField(default=True)),
                        ('out_of_hours', models.BooleanField(default=False, verbose_name='out of hours')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('quote', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='time', to='billing.quote')),
                        ('ticket', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='time', to='desk.ticket')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'contracts_timeentry',
                        'ordering': ['-started_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='InvoiceLine',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(max_length=20)),
                        ('description', models.CharField(max_length=300)),
                        ('quantity', models.DecimalField(decimal_places=2, max_digits=10)),
                        ('unit', models.CharField(max_length=12)),
                        ('unit_price', models.DecimalField(decimal_places=2, max_digits=12)),
                        ('amount', models.DecimalField(decimal_places=2, max_digits=12)),
                        ('invoice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lines', to='billing.invoice')),
                        ('tickets', models.ManyToManyField(blank=True, related_name='+', to='desk.ticket')),
                        ('time_entries', models.ManyToManyField(blank=True, related_name='invoice_lines', to='billing.timeentry')),
                    ],
                    options={
                        'db_table': 'contracts_invoiceline',
                        'ordering': ['invoice', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='BlockAlert',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('month', models.DateField()),
                        ('threshold', models.PositiveIntegerField()),
                        ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contracts.agreement')),
                    ],
                    options={
                        'db_table': 'contracts_blockalert',
                        'constraints': [models.UniqueConstraint(fields=('agreement', 'month', 'threshold'), name='block_alert_once')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='invoice',
                    constraint=models.UniqueConstraint(condition=models.Q(('credited', False), ('credits__isnull', True)), fields=('agreement', 'period_start'), name='one_invoice_per_month'),
                ),
                migrations.AddIndex(
                    model_name='timeentry',
                    index=models.Index(fields=['ticket', 'started_at'], name='contracts_t_ticket__68c3cd_idx'),
                ),
                migrations.AddConstraint(
                    model_name='timeentry',
                    constraint=models.UniqueConstraint(condition=models.Q(('minutes__isnull', True)), fields=('user',), name='one_timer'),
                ),
            ],
        ),
    ]
