"""Role-matrix routes of the callback list (public pages, partner link, admin pages)."""

from virage.core.testing.matrix import Route, everyone, only
from virage.waitlist import services
from virage.waitlist.tests.factories import csv_file, csv_row, make_entry, make_unconfirmed

ADMIN_ONLY = only({"ada": 200})

ROUTES = [
    Route("waitlist:eligibility", everyone(200)),
    Route("waitlist:signup", everyone(200)),
    Route("waitlist:signup_done", everyone(200)),
    Route(
        "waitlist:confirm",
        everyone(200),
        kwargs=lambda w: {"token": w.callback_confirm_token},
        note="GET shows a button; only POST confirms",
    ),
    Route("waitlist:status", everyone(200), kwargs=lambda w: {"token": w.callback_status_token}),
    Route("waitlist:referral", everyone(302), kwargs=lambda w: {"code": w.referral_code}),
    Route("waitlist:admin_list", ADMIN_ONLY),
    Route(
        "waitlist:entry_detail",
        ADMIN_ONLY,
        kwargs=lambda w: {"pk": w.callback_entry.pk},
        note="GET shows the entry; only POST withdraws it (tests/test_admin_withdraw.py)",
    ),
    Route("waitlist:admin_export", ADMIN_ONLY),
    Route("waitlist:import_upload", ADMIN_ONLY),
    Route("waitlist:import_detail", ADMIN_ONLY, kwargs=lambda w: {"pk": w.callback_import.pk}),
    Route("waitlist:import_report", ADMIN_ONLY, kwargs=lambda w: {"pk": w.callback_import.pk}),
    Route("waitlist:wave_list", ADMIN_ONLY),
    Route("waitlist:wave_create", ADMIN_ONLY),
    Route("waitlist:wave_detail", ADMIN_ONLY, kwargs=lambda w: {"pk": w.intake_wave.pk}),
]


def build_world(world) -> None:
    entry = make_entry()
    world.callback_entry = entry
    world.callback_status_token = services.status_token(entry)
    _unconfirmed, world.callback_confirm_token = make_unconfirmed()
    world.referral_code = services.referral_code_ensure(partner=world.paul).code
    world.callback_import = services.callback_import_check(
        filename="list.csv", content=csv_file([csv_row(1), "bad,row"]), actor=world.ada
    )
    world.intake_wave = services.wave_create(actor=world.ada, name="Matrix wave", places=3)
