"""HR's integration pages (signed in, HR only): /integrations/."""

from django.urls import path

from . import views

app_name = "integrations"

urlpatterns = [
    path("", views.client_list, name="clients"),
    path("clients/<int:pk>/rotate/", views.client_rotate, name="client_rotate"),
    path("clients/<int:pk>/revoke/", views.client_revoke, name="client_revoke"),
    path("calls/", views.call_log, name="calls"),
    path("webhooks/", views.webhook_list, name="webhooks"),
    path("webhooks/<int:pk>/toggle/", views.webhook_toggle, name="webhook_toggle"),
    path("deliveries/<int:pk>/replay/", views.delivery_replay, name="delivery_replay"),
]
