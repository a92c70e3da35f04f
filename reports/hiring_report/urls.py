"""Hiring reports and calibration packets (mounted at /reports/)."""

from django.urls import path

from reports.hiring_report import views

urlpatterns = [
    path("openings/<slug:slug>/candidates/<int:pk>/report/", views.report_page,
         name="candidate_report"),
    path("openings/<slug:slug>/candidates/<int:pk>/report.pdf", views.report_pdf,
         name="candidate_report_pdf"),
    path("openings/<slug:slug>/packets/", views.packet_request, name="report_packet_request"),
    path("openings/<slug:slug>/packets/<int:pk>/", views.packet_status,
         name="report_packet_status"),
    path("openings/<slug:slug>/packets/<int:pk>/retry/", views.packet_retry,
         name="report_packet_retry"),
    path("openings/<slug:slug>/packets/<int:pk>/packet.pdf", views.packet_download,
         name="report_packet_download"),
]
