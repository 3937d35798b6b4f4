from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _partner_panel(request):
    """The partner's referral link and the sign-ups it brought (counts only, "< 5")."""
    from django.urls import reverse

    from .selectors import referral_panel
    from .services import referral_code_ensure

    code = referral_code_ensure(partner=request.user)
    context = referral_panel(partner=request.user, code=code)
    context["url"] = request.build_absolute_uri(
        reverse("waitlist:referral", kwargs={"code": code.code})
    )
    return context


def _admin_panel(request):
    from .models import IntakeWave
    from .selectors import callback_summary

    summary = callback_summary(user=request.user)
    summary["open_waves"] = IntakeWave.objects.filter(status=IntakeWave.Status.OPEN).count()
    return summary


class WaitlistConfig(AppConfig):
    name = "virage.waitlist"
    label = "waitlist"
    verbose_name = _("Callback list")

    def ready(self):
        from virage.core.scheduling import register_periodic

        register_periodic(
            "waitlist.intake_housekeeping",
            "virage.waitlist.services.intake_housekeeping",
            every_minutes=60,
        )
        from virage.core.navigation import register_nav, register_panel
        from virage.privacy.registry import register_anonymiser, register_exporter

        from . import privacy

        register_exporter("waitlist", privacy.export_person)
        register_anonymiser("waitlist", privacy.anonymise_person)

        register_nav(
            roles={"admin"}, url_name="waitlist:admin_list", label=_("Callback list"), order=10
        )
        register_nav(
            roles={"admin"}, url_name="waitlist:wave_list", label=_("Intake waves"), order=11
        )
        register_panel(
            roles={"partner"},
            template="waitlist/panel_partner.html",
            context=_partner_panel,
            order=10,
        )
        register_panel(
            roles={"admin"}, template="waitlist/panel_admin.html", context=_admin_panel, order=10
        )
