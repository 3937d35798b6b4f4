"""Reference data from DOMAIN.md: Québec's 17 administrative regions, NAICS 2022 retail
subsectors and the default program figures. Loaded by a data migration; editable afterwards."""

REGIONS = [
    ("01", "Bas-Saint-Laurent", "Bas-Saint-Laurent"),
    ("02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"),
    ("03", "Capitale-Nationale", "Capitale-Nationale"),
    ("04", "Mauricie", "Mauricie"),
    ("05", "Estrie", "Estrie"),
    ("06", "Montréal", "Montréal"),
    ("07", "Outaouais", "Outaouais"),
    ("08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue"),
    ("09", "Côte-Nord", "Côte-Nord"),
    ("10", "Nord-du-Québec", "Nord-du-Québec"),
    ("11", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine"),
    ("12", "Chaudière-Appalaches", "Chaudière-Appalaches"),
    ("13", "Laval", "Laval"),
    ("14", "Lanaudière", "Lanaudière"),
    ("15", "Laurentides", "Laurentides"),
    ("16", "Montérégie", "Montérégie"),
    ("17", "Centre-du-Québec", "Centre-du-Québec"),
]

# (code, French name, English name, retail and eligible by default)
SUBSECTORS = [
    (
        "441",
        "Marchands de véhicules automobiles et de leurs pièces",
        "Motor vehicle and parts dealers",
        True,
    ),
    (
        "444",
        "Marchands de matériaux de construction et de matériel et fournitures de jardinage",
        "Building material and garden equipment and supplies dealers",
        True,
    ),
    ("445", "Détaillants d'aliments et de boissons", "Food and beverage retailers", True),
    (
        "449",
        "Détaillants de meubles, d'accessoires de maison, d'appareils électroniques et "
        "d'appareils ménagers",
        "Furniture, home furnishings, electronics and appliance retailers",
        True,
    ),
    ("455", "Détaillants de marchandises diverses", "General merchandise retailers", True),
    (
        "456",
        "Détaillants de produits de santé et de soins personnels",
        "Health and personal care retailers",
        True,
    ),
    (
        "457",
        "Stations-service et vendeurs de carburant",
        "Gasoline stations and fuel vendors",
        True,
    ),
    (
        "458",
        "Détaillants de vêtements, d'accessoires vestimentaires, de chaussures et de bijoux",
        "Clothing, clothing accessories, shoe and jewellery retailers",
        True,
    ),
    (
        "459",
        "Détaillants d'articles de sport, d'articles de passe-temps, d'instruments de "
        "musique, de livres et d'autres marchandises",
        "Sporting goods, hobby, musical instrument, book and miscellaneous retailers",
        True,
    ),
]

PROGRAM = {
    "slug": "virage-2026",
    "name_fr": "Virage numérique des commerces de détail",
    "name_en": "Digital Shift for Retailers",
    "duration_months": 36,
    "target_businesses": 5000,
    "capsule_reach_target": 25000,
    "training_hours_default": 10,
    "coaching_hours_default": 10,
    "employee_limit": 100,
    "budget_cents": 22_500_000 * 100,
    "transactional_baseline_percent": 36,
    "eligible_postal_prefixes": "G,H,J",
    "privacy_officer_title_fr": "Responsable de la protection des renseignements personnels",
    "privacy_officer_title_en": "Person in charge of the protection of personal information",
    "privacy_officer_email": "vie-privee@virage.example",
}
