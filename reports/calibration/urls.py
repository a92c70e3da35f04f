from django.urls import path

from reports.calibration import views

urlpatterns = [
    path(
        "openings/<slug:slug>/calibration/",
        views.calibration,
        name="opening_calibration",
    ),
    path(
        "openings/<slug:slug>/calibration/recompute/",
        views.recompute,
        name="opening_calibration_recompute",
    ),
    path("fairness/", views.fairness, name="fairness"),
    path("fairness/<slug:slug>/", views.fairness, name="opening_fairness"),
]
