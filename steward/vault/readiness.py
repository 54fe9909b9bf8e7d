"""How ready a client is to leave its provider: the exit-readiness score (issue 12).

Three parts, each a share from 0 to 1, and the score is their mean as a percentage:
- accounts: the share of the client's vendors whose account the client holds itself;
- passwords: the share of credentials not revealed since they last changed (a password the
  provider looked at and nobody has changed since is one the provider still knows);
- documentation: of three plain facts (at least one document, at least one asset, at least one
  vendor recorded), the share that hold.
A part with nothing to count (no vendor, no credential) is whole: there is nothing to take
over; an empty vault is then caught by the documentation part."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from steward.accounts.models import Organization
from steward.vault.models import Asset, Credential, Document, Holder, Vendor


@dataclass(frozen=True)
class Part:
    done: int
    total: int

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def percent(self) -> int:
        return round(100 * self.share)


@dataclass(frozen=True)
class Readiness:
    percent: int
    accounts: Part  # vendors whose account the client holds, of all vendors
    passwords: Part  # credentials not revealed since they last changed, of all credentials
    documentation: Part  # of: a document, an asset, a vendor recorded
    has_documents: bool
    has_assets: bool
    has_vendors: bool


def score(org: Organization) -> Readiness:
    vendors = Vendor.objects.filter(organization=org)
    total_vendors = vendors.count()
    held = vendors.filter(account_holder=Holder.CLIENT).count()
    credentials = Credential.objects.filter(organization=org)
    at_risk = credentials.at_risk().count()
    total_credentials = credentials.count()
    has_documents = Document.objects.filter(organization=org).filter(~Q(body="")).exists()
    has_assets = Asset.objects.filter(organization=org).exists()
    has_vendors = total_vendors > 0
    accounts = Part(held, total_vendors)
    passwords = Part(total_credentials - at_risk, total_credentials)
    documentation = Part(sum((has_documents, has_assets, has_vendors)), 3)
    percent = round(100 * (accounts.share + passwords.share + documentation.share) / 3)
    return Readiness(
        percent=percent,
        accounts=accounts,
        passwords=passwords,
        documentation=documentation,
        has_documents=has_documents,
        has_assets=has_assets,
        has_vendors=has_vendors,
    )
