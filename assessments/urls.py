from django.urls import path

from .views import about_you, imports, roleplay, staff, taking

app_name = "assessments"

urlpatterns = [
    # The candidate's or producer's signed link: no account.
    path("t/<str:token>/", taking.take_test, name="take_test"),
    path("t/<str:token>/start/", taking.start_test, name="start_test"),
    path("t/<str:token>/answers/", taking.save_test, name="save_test"),
    # The candidate's voluntary self-identification, from the same link.
    path("t/<str:token>/about-you/", about_you.about_you, name="about_you"),
    # Hiring managers and HR, from the candidate page.
    path("candidates/<int:pk>/sjt/", staff.invite_candidate, name="invite_candidate"),
    path("candidates/<int:pk>/roleplay/", roleplay.assign_candidate, name="assign_roleplay"),
    # Assessors.
    path("roleplay/<int:pk>/", roleplay.scorecard, name="roleplay_scorecard"),
    # HR only.
    path("producers/", staff.producer_list, name="producer_list"),
    path("tests/", staff.test_list, name="test_list"),
    path("tests/<int:pk>/analysis/", staff.test_analysis, name="test_analysis"),
    path("imports/psychometrics/", imports.psychometrics, name="import_psychometrics"),
    path("imports/performance/", imports.performance, name="import_performance"),
]
