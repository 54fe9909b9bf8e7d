"""The provider's settings pages: its own details, client organizations, people, and the
getting-started checklist. They compose accounts, the SLA calendars and policies, agreements
and mail (an organization's mail domains, the mailboxes), so they sit above every app, with
the project's URLs, and own no models."""
