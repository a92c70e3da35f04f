from django.urls import path

from . import manage_views, schedule_views, views

app_name = "interviews"

urlpatterns = [
    path("", views.my_interviews, name="my_interviews"),
    path("scorecards/<int:pk>/", views.scorecard, name="scorecard"),
    path("scorecards/<int:pk>/autosave/", views.autosave, name="autosave"),
    path("scorecards/<int:pk>/amend/", views.amend, name="amend"),
    path("scorecards/<int:pk>/others/", views.others, name="others"),
    path("openings/<slug:slug>/kit/", manage_views.kit, name="kit"),
    path("openings/<slug:slug>/kit/build/", manage_views.kit_build, name="kit_build"),
    path("openings/<slug:slug>/kit/swap/", manage_views.kit_swap, name="kit_swap"),
    path("openings/<slug:slug>/plan/", manage_views.plan, name="plan"),
    path("openings/<slug:slug>/pipeline.csv", manage_views.pipeline_export,
         name="pipeline_csv"),
    path("openings/<slug:slug>/plan/auto/", manage_views.plan_auto, name="plan_auto"),
    path(
        "openings/<slug:slug>/candidates/<int:pk>/schedule/",
        manage_views.schedule,
        name="schedule",
    ),
    path(
        "openings/<slug:slug>/candidates/<int:pk>/times/",
        schedule_views.schedule_times,
        name="schedule_times",
    ),
    path("calendar/reset/", schedule_views.calendar_reset, name="calendar_reset"),
    path("calendar/<str:token>.ics", schedule_views.calendar_feed, name="calendar_feed"),
    path(
        "openings/<slug:slug>/calibration-session/",
        manage_views.calibration_session,
        name="calibration_session",
    ),
]
