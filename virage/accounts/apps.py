from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "virage.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from virage.privacy.registry import register_anonymiser, register_exporter

        from . import privacy
        from .security import on_user_logged_in

        # session clocks and the two-factor flag (session bookkeeping, not business logic)
        user_logged_in.connect(on_user_logged_in, dispatch_uid="virage.accounts.session_clocks")
        register_exporter("accounts", privacy.export_account)
        register_anonymiser("accounts", privacy.anonymise_account, order=90)
