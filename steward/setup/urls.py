"""The settings pages, under /desk/settings/ in the `settings` namespace."""

from __future__ import annotations

from django.urls import path

from steward.setup import views

urlpatterns = [
    path("", views.index, name="index"),
    path("provider/", views.provider, name="provider"),
    path("provider/logo/", views.logo, name="logo"),
    path("organizations/", views.organizations, name="organizations"),
    path("organizations/new/", views.organization_edit, name="organization_new"),
    path("organizations/<int:pk>/", views.organization_edit, name="organization"),
    path("people/", views.people, name="people"),
    path("people/invite/", views.invite_person, name="invite"),
    path("people/contacts/", views.contacts, name="contacts"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/invite/", views.person_invite, name="person_invite"),
]
