from django.urls import include, path

from generator.accounts import views

app_name = "accounts"
urlpatterns = [
    path("account/aanmelden/", views.signup, name="signup"),
    path("werkruimtes/<int:pk>/leden/", views.workspace_members, name="members"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
]

# Django's login, logout and password reset views, under their standard names.
auth_urlpatterns = [
    path("account/", include("django.contrib.auth.urls")),
]
