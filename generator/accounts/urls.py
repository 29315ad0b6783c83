from django.contrib.auth import views as auth_views
from django.urls import include, path

from generator.accounts import views
from generator.accounts.forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path("account/aanmelden/", views.signup, name="signup"),
    path("account/aanmelden/verstuurd/", views.signup_sent, name="signup_sent"),
    path("account/bevestigen/<str:uidb64>/<str:token>/", views.activate, name="activate"),
    path("werkruimtes/<int:pk>/leden/", views.workspace_members, name="members"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
]

# Django's login, logout and password reset views, under their standard names.
auth_urlpatterns = [
    path(
        "account/login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"
    ),
    path("account/", include("django.contrib.auth.urls")),
]
