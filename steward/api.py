"""The REST API under /api/v1/: this module only mounts each app's router."""

from __future__ import annotations

from ninja import NinjaAPI, Swagger
from ninja.security import SessionAuth

from steward.accounts.api import router as accounts_router
from steward.accounts.auth import TokenAuth
from steward.billing.api import router as billing_router
from steward.contracts.api import router as contracts_router
from steward.desk.api import router as desk_router
from steward.lib.api import ObjectParser, install_error_handlers
from steward.mail.api import router as mail_router
from steward.monitoring.api import router as monitoring_router
from steward.monitoring.api_plans import router as plans_router
from steward.reports.api_advice import router as reports_advice_router
from steward.reports.api_csat import router as reports_csat_router
from steward.reports.api_downtime import router as reports_downtime_router
from steward.reports.api_pack import router as reports_pack_router
from steward.reports.api_problems import router as reports_problems_router
from steward.reports.api_reviews import router as reports_reviews_router
from steward.reports.api_scorecard import router as reports_scorecard_router
from steward.sla.api import router as sla_router
from steward.vault.api_docs import router as vault_docs_router
from steward.vault.api_exit import router as vault_exit_router
from steward.vault.api_secrets import router as vault_secrets_router

api = NinjaAPI(
    title="Steward API",
    version="1",
    description="Service desk with contract-backed SLAs. Authenticate with "
    "`Authorization: Bearer <token>` (create one with `steward createtoken EMAIL` or on your "
    "account page) or a signed-in browser session.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
    docs_url="/docs",
    # No online validator badge: the docs page fetches nothing from outside this site.
    docs=Swagger(settings={"validatorUrl": None}),
    parser=ObjectParser(),
)
install_error_handlers(api)
api.add_router("", accounts_router)
api.add_router("", sla_router)
api.add_router("", contracts_router)
# Before the desk's, as when these routes were the contracts router's: the order of the schema.
api.add_router("", billing_router)
api.add_router("", desk_router)
api.add_router("", mail_router)
api.add_router("", vault_docs_router)
api.add_router("", vault_secrets_router)
api.add_router("", vault_exit_router)
api.add_router("", plans_router)
api.add_router("", monitoring_router)
api.add_router("", reports_scorecard_router)
api.add_router("", reports_csat_router)
api.add_router("", reports_downtime_router)
api.add_router("", reports_problems_router)
api.add_router("", reports_reviews_router)
api.add_router("", reports_advice_router)
api.add_router("", reports_pack_router)
