"""A candidate's hiring report (mounted at /reports/)."""

from django.urls import path

from reports.hiring_report import views

urlpatterns = [
    path("openings/<slug:slug>/candidates/<int:pk>/report/", views.report_page,
         name="candidate_report"),
    path("openings/<slug:slug>/candidates/<int:pk>/report.pdf", views.report_pdf,
         name="candidate_report_pdf"),
]
