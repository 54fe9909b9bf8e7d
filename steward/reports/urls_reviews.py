"""The reviews pages: `desk` (namespace reports), `portal` (reports_portal)."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.reports import views_reviews

desk: list[URLPattern] = [
    path("reviews/", views_reviews.reviews_list, name="reviews"),
    path("tickets/<str:number>/review/", views_reviews.review, name="review"),
]
portal: list[URLPattern] = [
    path("reviews/<str:number>/", views_reviews.portal_review, name="review"),
]
