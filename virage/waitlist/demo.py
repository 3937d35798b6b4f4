"""Demo callback list: 30 retailers across the regions (some through Paul's and Rita's
referral links, a few not confirmed yet) and one open intake wave that invited the first 8."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from virage.programs.models import Region, Subsector
from virage.programs.selectors import program_current

from . import services
from .models import CallbackConsent, CallbackEntry, ConsentPurpose, EntryStatus, IntakeWave, Source
from .selectors import eligibility_criteria

# (business, contact, region, subsector, employees, locations, postal code, language, referral)
DEMO_ENTRIES = [
    ("Fromagerie du Vieux-Port", "Julie Pelletier", "03", "445", 8, 1, "G1K 3Y5", "fr", ""),
    ("Librairie La Page tournée", "Martin Bélanger", "06", "459", 5, 1, "H2T 1S4", "fr", ""),
    ("Boutique Rose-Aimée", "Rose-Aimée Fortin", "16", "458", 3, 1, "J4K 2T3", "fr", "paul"),
    ("Quincaillerie Beauce-Nord", "Sylvain Poulin", "12", "444", 22, 2, "G5Y 4P2", "fr", ""),
    ("Épicerie fine Chez Lin", "Lin Chen", "06", "445", 12, 1, "H2X 1Y4", "en", ""),
    ("Vélo Plein Air Magog", "Annie Lessard", "05", "459", 9, 1, "J1X 2B8", "fr", "rita"),
    ("Meubles Lavoie & fils", "Denis Lavoie", "04", "449", 31, 3, "G8T 3N1", "fr", ""),
    ("Pharmacie du Rocher", "Karine Dubé", "11", "456", 18, 1, "G4X 1L3", "fr", ""),
    ("Bijouterie Sainte-Rose", "Nathalie Caron", "13", "458", 4, 1, "H7L 3A2", "fr", ""),
    ("Marché Lakeshore", "Evan Murphy", "06", "445", 40, 2, "H9S 4J8", "en", ""),
    ("Animalerie Boréale", "Kevin Tremblay", "02", "459", 7, 1, "G7H 5B6", "fr", ""),
    ("Chaussures Richelieu", "Isabelle Ménard", "16", "458", 11, 2, "J3B 6X4", "fr", "paul"),
    ("Jardinerie des Laurentides", "Patrick Gagné", "15", "444", 15, 1, "J8C 2Z7", "fr", ""),
    ("La Boîte à musique", "Sophie Bergeron", "07", "459", 6, 1, "J8X 2K5", "fr", ""),
    ("Dépanneur du Lac", "Mario Gauthier", "08", "445", 5, 1, "J9X 4P6", "fr", ""),
    ("Électro Côte-Nord", "Guy Boudreau", "09", "449", 14, 1, "G4Z 1B8", "fr", ""),
    ("Boutique Nordik", "Alexandre Roy", "10", "458", 3, 1, "G8P 1C1", "fr", ""),
    ("Sports Lanaudière", "Mélanie Rivest", "14", "459", 19, 1, "J6E 3V1", "fr", ""),
    ("Mode Victoriaville", "Chantal Boucher", "17", "458", 8, 1, "G6P 6S9", "fr", ""),
    ("Alimentation Rimouski", "Benoît Ouellet", "01", "445", 27, 1, "G5L 1X2", "fr", ""),
    ("Cadeaux et cie Granby", "Valérie Lemieux", "16", "455", 6, 1, "J2G 3H7", "fr", "paul"),
    ("Outillage Saint-Hyacinthe", "François Morin", "16", "444", 35, 2, "J2S 2N5", "fr", "paul"),
    ("Papeterie Sherbrooke", "Émilie Demers", "05", "459", 4, 1, "J1H 1Z1", "fr", "rita"),
    ("Pièces Auto Longueuil", "Stéphane Côté", "16", "441", 16, 1, "J4J 2H4", "fr", "paul"),
    ("Santé Nature Québec", "Hélène Giroux", "03", "456", 9, 2, "G1R 2L2", "fr", ""),
    ("Plateau Vintage", "Olivia Grant", "06", "458", 2, 1, "H2J 2L3", "en", ""),
    ("Boulangerie Trois-Rivières", "Louis Paquette", "04", "445", 13, 1, "G9A 4K2", "fr", ""),
    ("Décor Brossard", "Nadia Haddad", "16", "449", 10, 1, "J4W 3B6", "fr", "paul"),
    ("Cordonnerie Laval", "Pierre Lachance", "13", "458", 3, 1, "H7N 5L6", "fr", ""),
    ("Terroir Gaspésien", "Marie-Ève Synnott", "11", "445", 5, 1, "G0C 1V0", "fr", ""),
]
UNCONFIRMED = {"Plateau Vintage", "Cordonnerie Laval", "Terroir Gaspésien"}
WAVE_NAME = "Vague 1 — printemps 2026"


def _email(index: int) -> str:
    return f"rappel{index:02d}@demo.virage.example"


def seed(*, users, stdout) -> None:
    regions = {r.code: r for r in Region.objects.all()}
    subsectors = {s.code: s for s in Subsector.objects.all()}
    program = program_current()
    codes = {
        key: services.referral_code_ensure(partner=users[key])
        for key in ("paul", "rita")
        if key in users
    }
    criteria = eligibility_criteria() if program else None
    now = timezone.now()
    created = 0
    for index, spec in enumerate(DEMO_ENTRIES, start=1):
        name, contact, region, sub, employees, locations, postal, language, referral = spec
        if CallbackEntry.objects.filter(email=_email(index)).exists():
            continue
        signed_up_at = now - timedelta(days=200 - index * 5, hours=index)
        confirmed = name not in UNCONFIRMED
        result = services.eligibility_of(
            criteria=criteria,
            subsector_code=sub,
            employees=employees,
            postal_code=postal,
            region_code=region,
        )
        entry = CallbackEntry.objects.create(
            business_name=name,
            contact_name=contact,
            email=_email(index),
            postal_code=postal,
            region=regions[region],
            subsector=subsectors.get(sub),
            employees=employees,
            locations_count=locations,
            language=language,
            status=EntryStatus.WAITING if confirmed else EntryStatus.UNCONFIRMED,
            source=Source.WEB,
            signed_up_at=signed_up_at,
            confirmed_at=signed_up_at + timedelta(minutes=7) if confirmed else None,
            confirmation_expires_at=None if confirmed else now + services.CONFIRMATION_LIFETIME,
            referral_partner=codes[referral].partner if referral in codes else None,
            eligibility_outcome=result.outcome,
            eligibility_reasons=result.codes(),
        )
        CallbackConsent.objects.create(
            entry=entry,
            purpose=ConsentPurpose.CONTACT,
            text_version=services.CONSENT_TEXT_VERSION,
            language=language,
            source=Source.WEB,
            given_at=signed_up_at,
        )
        if index % 3 == 0:
            CallbackConsent.objects.create(
                entry=entry,
                purpose=ConsentPurpose.NEWSLETTER,
                text_version=services.CONSENT_TEXT_VERSION,
                language=language,
                source=Source.WEB,
                given_at=signed_up_at,
            )
        created += 1
    wave = IntakeWave.objects.filter(name=WAVE_NAME).first()
    invited = 0
    if wave is None and "ada" in users:
        montreal = regions.get("06")
        wave = services.wave_create(
            actor=users["ada"],
            name=WAVE_NAME,
            places=8,
            invitation_days=14,
            reminder_days=3,
            quotas={montreal: 2} if montreal else {},
        )
        invited = services.wave_send_invitations(wave=wave, actor=users["ada"])
    stdout.write(
        f"  callback list: {created} entries added, wave « {WAVE_NAME} » "
        f"({invited} invitations sent now)"
    )
