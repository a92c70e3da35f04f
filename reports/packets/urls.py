"""Calibration packets of an opening (mounted at /reports/)."""

from django.urls import path

from reports.packets import views

urlpatterns = [
    path("openings/<slug:slug>/packets/", views.packet_request, name="report_packet_request"),
    path("openings/<slug:slug>/packets/<int:pk>/", views.packet_status,
         name="report_packet_status"),
    path("openings/<slug:slug>/packets/<int:pk>/retry/", views.packet_retry,
         name="report_packet_retry"),
    path("openings/<slug:slug>/packets/<int:pk>/packet.pdf", views.packet_download,
         name="report_packet_download"),
]
