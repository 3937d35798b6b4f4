"""Role-matrix routes of the enterprises app, and the persona businesses for other apps'
routes (world.marie_business, world.luc_business)."""

from virage.core.testing.matrix import Route, everyone, only
from virage.enterprises.testing import persona_businesses

MERCHANT_PAGE = {"marie": 200, "luc": 200}
ADMIN_PAGE = {"ada": 200}


def _marie_only():
    """Marie's own object: 200 for her, 404 for Luc (another business), 403 for other roles."""
    return only({"marie": 200, "luc": 404})


ROUTES: list = [
    # the invitation link works for a visitor; a signed-in person is told to sign out first
    # (the link is for the invited e-mail only); the GET changes nothing
    Route("enterprises:apply", everyone(200), kwargs=lambda w: {"token": w.invitation_token}),
    # Marie and Luc are enrolled: the application pages send them to their status page
    Route("enterprises:application", only({"marie": 302, "luc": 302})),
    Route(
        "enterprises:application_step",
        only({"marie": 302, "luc": 302}),
        kwargs=lambda w: {"step": "business"},
    ),
    Route("enterprises:locations", only(MERCHANT_PAGE)),
    Route(
        "enterprises:location_edit",
        _marie_only(),
        kwargs=lambda w: {"pk": w.marie_location.pk},
    ),
    Route(
        "enterprises:location_delete",
        _marie_only(),
        kwargs=lambda w: {"pk": w.marie_location.pk},
    ),
    Route("enterprises:contacts", only(MERCHANT_PAGE)),
    Route(
        "enterprises:contact_delete",
        _marie_only(),
        kwargs=lambda w: {"pk": w.marie_contact.pk},
    ),
    Route("enterprises:my_business", only(MERCHANT_PAGE)),
    Route("enterprises:status", only(MERCHANT_PAGE)),
    Route("enterprises:admin_applications", only(ADMIN_PAGE)),
    Route("enterprises:admin_applications_csv", only(ADMIN_PAGE)),
    Route(
        "enterprises:admin_application",
        only(ADMIN_PAGE),
        kwargs=lambda w: {"pk": w.marie_business.pk},
    ),
    # POST only: the admin gets 405 on GET, everyone else is stopped before
    Route(
        "enterprises:admin_decide",
        only({"ada": 405}),
        kwargs=lambda w: {"pk": w.marie_business.pk},
    ),
    Route(
        "enterprises:admin_enrol",
        only({"ada": 405}),
        kwargs=lambda w: {"pk": w.marie_business.pk},
    ),
]


def build_world(world) -> None:
    from virage.enterprises.models import Contact, Location

    users = {k: getattr(world, k) for k in ("marie", "luc", "antoine", "sofia")}
    businesses = persona_businesses(users)
    world.marie_business = businesses["marie"]
    world.luc_business = businesses["luc"]
    world.marie_location = Location.objects.filter(business=world.marie_business).first()
    world.marie_contact, _created = Contact.objects.get_or_create(
        business=world.marie_business,
        email="gerant@boutique-marie.example",
        defaults={"name": "Jérôme Tremblay", "role": "Gérant"},
    )
    world.invitation_token = _invitation_token()


def _invitation_token() -> str:
    """A valid invitation of the waitlist app (its models), for `enterprises:apply`."""
    from virage.enterprises.tests.factories import make_invitation

    return make_invitation(email="matrice@commerce.example").token
