"""Everything ``reports`` serves under /reports/: each package brings its own URLs."""

from django.urls import include, path

urlpatterns = [
    path("", include("reports.calibration.urls")),
    path("", include("reports.hiring_report.urls")),
    path("", include("reports.packets.urls")),
    path("", include("reports.validity.urls")),
]
