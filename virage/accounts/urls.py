from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("home/", views.home, name="home"),
    path("profile/", views.profile, name="profile"),
    path("profile/email/", views.email_change, name="email_change"),
    path("security/", views.mfa, name="mfa"),
    path("security/setup/", views.mfa_setup, name="mfa_setup"),
    path("security/verify/", views.mfa_verify, name="mfa_verify"),
    path("security/recovery-codes/", views.mfa_recovery, name="mfa_recovery"),
    path("security/remove/", views.mfa_remove, name="mfa_remove"),
    path("security/confirm/", views.reauth, name="reauth"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
