from django.urls import path

from .views import (
    about_you,
    imports,
    references_public,
    references_staff,
    roleplay,
    staff,
    taking,
)

app_name = "assessments"

urlpatterns = [
    # The candidate's or producer's signed link: no account.
    path("t/<str:token>/", taking.take_test, name="take_test"),
    path("t/<str:token>/start/", taking.start_test, name="start_test"),
    path("t/<str:token>/answers/", taking.save_test, name="save_test"),
    # The candidate's voluntary self-identification, from the same link.
    path("t/<str:token>/about-you/", about_you.about_you, name="about_you"),
    # References: the candidate's link to name referees, each referee's own link.
    path("c/<str:token>/referees/", references_public.name_referees, name="name_referees"),
    path("r/<str:token>/", references_public.reference_form, name="reference_form"),
    path("r/<str:token>/answers/", references_public.reference_save, name="reference_save"),
    path("r/<str:token>/decline/", references_public.reference_decline,
         name="reference_decline"),
    # Hiring managers and HR: an opening's reference form; HR: its background checks.
    path("openings/<slug:slug>/references/", references_staff.form_page,
         name="reference_form_page"),
    path("openings/<slug:slug>/references/edit/", references_staff.form_edit,
         name="reference_form_edit"),
    path("openings/<slug:slug>/checks/", references_staff.checks_edit, name="checks_edit"),
    path("candidates/<int:pk>/references/", references_staff.request_references,
         name="request_references"),
    path("candidates/<int:pk>/background/", references_staff.record_background,
         name="record_background"),
    path("candidates/<int:pk>/background/notice/", references_staff.record_notice,
         name="record_notice"),
    # Hiring managers and HR, from the candidate page.
    path("candidates/<int:pk>/sjt/", staff.invite_candidate, name="invite_candidate"),
    path("candidates/<int:pk>/roleplay/", roleplay.assign_candidate, name="assign_roleplay"),
    # Assessors.
    path("roleplay/<int:pk>/", roleplay.scorecard, name="roleplay_scorecard"),
    # HR only.
    path("producers/", staff.producer_list, name="producer_list"),
    path("invitations/", staff.invitation_list_page, name="invitation_list"),
    path("tests/", staff.test_list, name="test_list"),
    path("tests/<int:pk>/analysis/", staff.test_analysis, name="test_analysis"),
    path("imports/psychometrics/", imports.psychometrics, name="import_psychometrics"),
    path("imports/performance/", imports.performance, name="import_performance"),
    path("imports/candidates/", imports.candidates, name="import_candidates"),
    path("imports/candidates/template.csv", imports.candidates_template,
         name="import_candidates_template"),
]
