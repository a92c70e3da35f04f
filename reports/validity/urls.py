from django.urls import path

from reports.validity import views

urlpatterns = [
    path("profiles/<int:pk>/validity/", views.validity, name="profile_validity"),
    path("profiles/<int:pk>/pipeline/", views.profile_pipeline, name="profile_pipeline"),
    path("profiles/<int:pk>/pipeline.csv", views.profile_pipeline_csv,
         name="profile_pipeline_csv"),
    path("openings/<slug:slug>/pipeline/", views.opening_pipeline, name="opening_pipeline"),
    path("openings/<slug:slug>/pipeline.csv", views.opening_pipeline_csv,
         name="opening_pipeline_csv"),
]
