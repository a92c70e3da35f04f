from django.urls import path

from . import hire_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("openings/", views.opening_list, name="opening_list"),
    path("openings/<slug:slug>/", views.opening_detail, name="opening_detail"),
    path(
        "openings/<slug:slug>/candidates/<int:pk>/",
        views.application_detail,
        name="application_detail",
    ),
    path(
        "openings/<slug:slug>/candidates/<int:pk>/stage/",
        views.move_stage,
        name="application_move_stage",
    ),
    path(
        "openings/<slug:slug>/candidates/<int:pk>/decision/",
        views.decide,
        name="application_decide",
    ),
    path(
        "openings/<slug:slug>/candidates/<int:pk>/start/",
        hire_views.start,
        name="application_start",
    ),
    path("people/invite/", views.invite, name="invite_user"),
    path("people/me/notifications/", views.account_notifications,
         name="account_notifications"),
]
