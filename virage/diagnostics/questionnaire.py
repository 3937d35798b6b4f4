"""The digital diagnostic questionnaire, as versioned, immutable data.

Pure Python: no Django import, so scoring and tests run without settings or a database.

Two modules (DOMAIN.md, section 5):

- ``m2``: the structure of the EU "Digital Maturity Assessment" for SMEs (six dimensions D1-D6,
  eleven questions ``m2_<dimension>_<question>``), worded for Québec retailers, so that the
  score stays comparable with Europe;
- ``r``: the program's retail essentials (seven groups R1-R7). Each group is one
  :class:`Question` (key ``r1``..``r7``) whose items (``r<group>_<n>``) are answered one by
  one: the answers file uses the item keys (``"r2_1": "yes"``).

Every text has a French (default) and an English version: read them with
``virage.core.i18n.localized(obj, "title")``, which falls back to French.

Items that only make sense in manufacturing (simulation, CAD/CAM, manufacturing execution,
additive manufacturing, robotics) carry ``relevant_to_retail=False``: they count in the
comparable M2 score, but the recommendation code must never present them as a gap.

Changing a wording is fine within a version; adding, removing or reordering items, or changing
an answer type, needs a new ``QUESTIONNAIRE_VERSION`` (stored answers refer to item numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

QUESTIONNAIRE_VERSION = "2026.1"

MODULE_M2 = "m2"
MODULE_R = "r"
MODULES_KEYS = (MODULE_M2, MODULE_R)

# Answer types.
INVEST_MATRIX = "invest_matrix"  # per area, two boxes: "already" invested, "plans" to invest
MULTI = "multi"  # multi-select: list of ticked item numbers
LEVELS = "levels"  # one level 0-5 per row
TRISTATE = "tristate"  # one of no / partially / yes per row
RETAIL = "retail"  # per item: yes / partially / no / na
ANSWER_TYPES = (INVEST_MATRIX, MULTI, LEVELS, TRISTATE, RETAIL)

# Solution categories of the catalog that module R items map to (DOMAIN.md, section 6).
SOLUTION_CATEGORIES = (
    "ecommerce",
    "marketplace",
    "payments",
    "pos",
    "inventory",
    "shipping",
    "supply_chain",
    "hr_payroll",
    "accounting",
    "crm_email",
    "loyalty",
    "booking",
    "visibility",
    "cybersecurity",
    "analytics",
)


@dataclass(frozen=True)
class Choice:
    """One possible value of a row (level, tri-state or retail answer), with its labels."""

    value: int | str
    label_fr: str
    label_en: str


# Level rows (Q4, Q9): 0 to 5.
LEVEL_CHOICES = (
    Choice(0, "Non utilisée", "Not used"),
    Choice(1, "Envisagée", "Considering"),
    Choice(2, "En prototypage", "Prototyping"),
    Choice(3, "À l'essai", "Testing"),
    Choice(4, "En cours d'implantation", "Implementing"),
    Choice(5, "Opérationnelle", "Operational"),
)
LEVEL_MIN = 0
LEVEL_MAX = 5

# Tri-state rows (Q11).
TRISTATE_CHOICES = (
    Choice("no", "Non", "No"),
    Choice("partially", "Partiellement", "Partially"),
    Choice("yes", "Oui", "Yes"),
)
TRISTATE_VALUES = tuple(c.value for c in TRISTATE_CHOICES)

# Module R items.
RETAIL_CHOICES = (
    Choice("yes", "Oui", "Yes"),
    Choice("partially", "Partiellement", "Partially"),
    Choice("no", "Non", "No"),
    Choice("na", "Sans objet", "Not applicable"),
)
RETAIL_VALUES = tuple(c.value for c in RETAIL_CHOICES)

# Invest matrix (Q1): the two boxes of each area.
INVEST_BOXES = ("already", "plans")
INVEST_BOX_LABELS = {
    "already": Choice("already", "Déjà investi", "Already invested"),
    "plans": Choice("plans", "Investissement prévu", "Plans to invest"),
}


@dataclass(frozen=True)
class Module:
    """One of the two modules of the diagnostic."""

    key: str
    title_fr: str
    title_en: str
    intro_fr: str
    intro_en: str


@dataclass(frozen=True)
class Dimension:
    """An M2 dimension (D1-D6) or a module R group (R1-R7)."""

    key: str
    module: str
    title_fr: str
    title_en: str


@dataclass(frozen=True)
class Band:
    """A maturity band on the 0-100 scale (bounds apply to the value rounded half-up)."""

    key: str
    low: int
    high: int
    label_fr: str
    label_en: str


@dataclass(frozen=True)
class Item:
    """An area, a statement to tick, a row to rate or a retail essential.

    ``number`` is 1-based, in DOMAIN.md order: answers refer to items by this number (M2) or by
    ``key`` (module R). ``weight`` only matters for multi-select questions (Q7's "data not
    collected digitally" weighs -1). ``gap_label_*`` replaces the label when the item is named
    as something to improve (needed for a negative item).
    """

    number: int
    key: str
    label_fr: str
    label_en: str
    weight: int = 1
    relevant_to_retail: bool = True
    categories: tuple[str, ...] = ()
    gap_label_fr: str = ""
    gap_label_en: str = ""

    @property
    def is_negative(self) -> bool:
        return self.weight < 0


@dataclass(frozen=True)
class Question:
    """One question. ``dimension`` holds the M2 dimension (D1-D6) or the R group (R1-R7)."""

    key: str
    module: str
    dimension: str
    answer_type: str
    short_fr: str
    short_en: str
    title_fr: str
    title_en: str
    help_fr: str
    help_en: str
    items: tuple[Item, ...] = field(default_factory=tuple)

    @property
    def number(self) -> int:
        """Question number within its module (Q1-Q11 for M2, group number for R)."""
        return int(self.key.rsplit("_", 1)[-1].lstrip("r"))

    def item(self, number: int) -> Item:
        return self.items[number - 1]


@dataclass(frozen=True)
class Page:
    """A page of the questionnaire, so it can be answered over several sittings."""

    key: str
    module: str
    title_fr: str
    title_en: str
    questions: tuple[Question, ...]


MODULES = {
    MODULE_M2: Module(
        key=MODULE_M2,
        title_fr="Maturité numérique",
        title_en="Digital maturity",
        intro_fr=(
            "Ces onze questions reprennent la structure de l'évaluation de la maturité "
            "numérique utilisée en Europe, ce qui permet de comparer votre commerce à "
            "d'autres PME. Certaines technologies visent surtout la fabrication : elles "
            "comptent dans le score comparable, mais ne vous seront jamais proposées comme "
            "des lacunes à combler."
        ),
        intro_en=(
            "These eleven questions follow the structure of the digital maturity assessment "
            "used in Europe, so your business can be compared with other SMEs. Some "
            "technologies mostly concern manufacturing: they count in the comparable score, "
            "but will never be suggested to you as gaps to close."
        ),
    ),
    MODULE_R: Module(
        key=MODULE_R,
        title_fr="Essentiels du commerce de détail",
        title_en="Retail essentials",
        intro_fr=(
            "Ces questions portent sur les outils numériques de base d'un commerce de "
            "détail. Pour chaque élément, répondez Oui, Partiellement, Non ou Sans objet. "
            "Les éléments sans objet ne comptent pas dans votre score."
        ),
        intro_en=(
            "These questions cover the basic digital tools of a retail business. For each "
            "item, answer Yes, Partially, No or Not applicable. Items that do not apply are "
            "left out of your score."
        ),
    ),
}

DIMENSIONS = {
    d.key: d
    for d in (
        Dimension("D1", MODULE_M2, "Stratégie d'affaires numérique", "Digital business strategy"),
        Dimension("D2", MODULE_M2, "Préparation numérique", "Digital readiness"),
        Dimension("D3", MODULE_M2, "Numérique centré sur l'humain", "Human-centric digitalisation"),
        Dimension("D4", MODULE_M2, "Gestion des données", "Data management"),
        Dimension(
            "D5",
            MODULE_M2,
            "Automatisation et intelligence artificielle",
            "Automation and artificial intelligence",
        ),
        Dimension("D6", MODULE_M2, "Numérique vert", "Green digitalisation"),
    )
}

R_GROUPS = {
    g.key: g
    for g in (
        Dimension("R1", MODULE_R, "Présence en ligne", "Online presence"),
        Dimension("R2", MODULE_R, "Vente en ligne", "Online sales"),
        Dimension("R3", MODULE_R, "Paiements et point de vente", "Payments and point of sale"),
        Dimension("R4", MODULE_R, "Opérations et logistique", "Operations and logistics"),
        Dimension("R5", MODULE_R, "Gestion", "Business management"),
        Dimension("R6", MODULE_R, "Clientèle et marketing", "Customers and marketing"),
        Dimension("R7", MODULE_R, "Sécurité et confidentialité", "Security and privacy"),
    )
}

BANDS = (
    Band("basic", 0, 25, "De base", "Basic"),
    Band("average", 26, 50, "Moyen", "Average"),
    Band("moderate", 51, 75, "Modérément avancé", "Moderately advanced"),
    Band("advanced", 76, 100, "Avancé", "Advanced"),
)
BANDS_BY_KEY = {b.key: b for b in BANDS}


def _items(question_key: str, rows, *, categories: bool = False) -> tuple[Item, ...]:
    """Build numbered items from ``(label_fr, label_en[, options])`` rows.

    M2 item keys are ``<question key>_<number>``; module R rows give their own key first.
    """
    items = []
    for number, row in enumerate(rows, start=1):
        if categories:
            key, label_fr, label_en, cats, *rest = row
        else:
            key, (label_fr, label_en, *rest), cats = f"{question_key}_{number}", row, ()
        options = rest[0] if rest else {}
        items.append(
            Item(
                number=number,
                key=key,
                label_fr=label_fr,
                label_en=label_en,
                categories=cats,
                **options,
            )
        )
    return tuple(items)


MANUFACTURING = {"relevant_to_retail": False}

_M2_QUESTIONS = (
    Question(
        key="m2_1_1",
        module=MODULE_M2,
        dimension="D1",
        answer_type=INVEST_MATRIX,
        short_fr="Investissements numériques",
        short_en="Digital investments",
        title_fr=(
            "Dans quels secteurs de votre entreprise avez-vous déjà investi dans le numérique, "
            "et dans lesquels prévoyez-vous de le faire?"
        ),
        title_en=(
            "In which areas of your business have you already invested in digital technology, "
            "and in which do you plan to invest?"
        ),
        help_fr=(
            "Pour chaque secteur, cochez « Déjà investi », « Investissement prévu », les deux "
            "(vous avez investi et comptez aller plus loin) ou aucune case. Un investissement "
            "peut être un logiciel, de l'équipement, un service ou de la formation."
        ),
        help_en=(
            "For each area, tick “Already invested”, “Plans to invest”, both (you have "
            "invested and mean to go further) or neither. An investment can be software, "
            "equipment, a service or training."
        ),
        items=_items(
            "m2_1_1",
            (
                ("Conception de produits ou de services", "Product or service design"),
                ("Planification et gestion de projets", "Project planning and management"),
                ("Opérations courantes du commerce", "Day-to-day operations"),
                (
                    "Collaboration avec d'autres établissements ou partenaires (fournisseurs, "
                    "distributeurs)",
                    "Collaboration with other locations or partners (suppliers, distributors)",
                ),
                (
                    "Logistique d'approvisionnement et entreposage",
                    "Inbound logistics and warehousing",
                ),
                (
                    "Marketing, ventes et service à la clientèle",
                    "Marketing, sales and customer service",
                ),
                (
                    "Livraison (expédition aux clients, facturation électronique)",
                    "Delivery (shipping to customers, e-invoicing)",
                ),
                ("Administration et ressources humaines", "Administration and human resources"),
                ("Achats et approvisionnement", "Purchasing and procurement"),
                (
                    "Cybersécurité et conformité en protection des renseignements personnels",
                    "Cybersecurity and privacy compliance",
                ),
            ),
        ),
    ),
    Question(
        key="m2_1_2",
        module=MODULE_M2,
        dimension="D1",
        answer_type=MULTI,
        short_fr="Préparation au virage numérique",
        short_en="Readiness for the digital shift",
        title_fr=(
            "Votre entreprise est-elle prête pour le virage numérique? Cochez tous les énoncés "
            "qui la décrivent."
        ),
        title_en=(
            "Is your business ready for its digital shift? Tick every statement that describes it."
        ),
        help_fr=(
            "Cochez un énoncé seulement s'il est vrai aujourd'hui. Il n'y a pas de mauvaise "
            "réponse : ce portrait sert à bâtir votre plan d'action."
        ),
        help_en=(
            "Tick a statement only if it is true today. There is no wrong answer: this picture "
            "is used to build your action plan."
        ),
        items=_items(
            "m2_1_2",
            (
                (
                    "Nos besoins numériques sont cernés et alignés sur nos objectifs d'affaires",
                    "Our digital needs are identified and aligned with our business goals",
                ),
                (
                    "Nous avons les fonds pour soutenir nos projets numériques pendant au "
                    "moins un an",
                    "We have the money to fund our digital projects for at least a year",
                ),
                (
                    "Notre infrastructure informatique (matériel, réseau, logiciels) peut "
                    "soutenir nos projets",
                    "Our IT infrastructure (hardware, network, software) can support our projects",
                ),
                (
                    "Nous avons accès à des spécialistes des TI, à l'interne ou en sous-traitance",
                    "We have access to IT specialists, employed or outsourced",
                ),
                (
                    "La direction est prête à mener le virage numérique",
                    "Management is ready to lead the digital shift",
                ),
                (
                    "Le personnel est prêt à adopter de nouveaux outils numériques",
                    "Staff are ready to adopt new digital tools",
                ),
                (
                    "Nos façons de faire peuvent s'adapter aux outils numériques",
                    "Our ways of working can be adapted to digital tools",
                ),
                (
                    "Nous offrons certains produits sous forme de service (location, abonnement)",
                    "We offer some products as a service (rental, subscription)",
                ),
                (
                    "Nous suivons en ligne la satisfaction de notre clientèle (avis, sondages)",
                    "We monitor customer satisfaction online (reviews, surveys)",
                ),
                (
                    "Nous tenons compte des risques liés au numérique (cyberattaques, pannes, "
                    "dépendance à un fournisseur)",
                    "We take digital risks into account (cyberattacks, outages, dependence on "
                    "one vendor)",
                ),
            ),
        ),
    ),
    Question(
        key="m2_2_3",
        module=MODULE_M2,
        dimension="D2",
        answer_type=MULTI,
        short_fr="Technologies numériques de base",
        short_en="Basic digital technologies",
        title_fr="Quelles technologies numériques de base votre entreprise utilise-t-elle?",
        title_en="Which basic digital technologies does your business use?",
        help_fr="Cochez chaque technologie utilisée régulièrement, même de façon simple.",
        help_en="Tick every technology you use regularly, even in a simple way.",
        items=_items(
            "m2_2_3",
            (
                (
                    "Connectivité : Internet haute vitesse (fibre), services infonuagiques, "
                    "accès à distance",
                    "Connectivity: high-speed Internet (fibre), cloud services, remote access",
                ),
                ("Site Web", "Web site"),
                ("Formulaires Web ou blogue", "Web forms or blog"),
                (
                    "Clavardage en direct, médias sociaux ou agent conversationnel",
                    "Live chat, social media or chatbot",
                ),
                ("Vente en ligne (commerce électronique)", "Online sales (e-commerce)"),
                (
                    "Marketing numérique (publicité en ligne, infolettres, référencement)",
                    "Digital marketing (online ads, newsletters, search optimisation)",
                ),
                (
                    "Services gouvernementaux en ligne (taxes, permis, subventions)",
                    "Online government services (taxes, permits, grants)",
                ),
                (
                    "Outils de collaboration à distance (visioconférence, documents partagés)",
                    "Remote collaboration tools (video calls, shared documents)",
                ),
                ("Intranet ou portail interne", "Intranet or internal portal"),
                (
                    "Systèmes de gestion : PGI, gestion de la relation client, chaîne "
                    "d'approvisionnement, facturation électronique",
                    "Management systems: ERP, CRM, supply-chain management, e-invoicing",
                ),
            ),
        ),
    ),
    Question(
        key="m2_2_4",
        module=MODULE_M2,
        dimension="D2",
        answer_type=LEVELS,
        short_fr="Technologies avancées",
        short_en="Advanced technologies",
        title_fr="Où en est votre entreprise avec chacune de ces technologies avancées?",
        title_en="How far along is your business with each of these advanced technologies?",
        help_fr=(
            "Choisissez un niveau par ligne, de 0 (non utilisée) à 5 (opérationnelle). "
            "Plusieurs de ces technologies visent surtout la fabrication : répondez « non "
            "utilisée » sans crainte, elles ne vous seront pas proposées comme des lacunes."
        ),
        help_en=(
            "Pick one level per row, from 0 (not used) to 5 (operational). Several of these "
            "technologies mostly concern manufacturing: answer “not used” without worry, "
            "they will not be suggested to you as gaps."
        ),
        items=_items(
            "m2_2_4",
            (
                ("Simulation et jumeaux numériques", "Simulation and digital twins", MANUFACTURING),
                ("Réalité virtuelle ou augmentée", "Virtual or augmented reality"),
                (
                    "Conception et fabrication assistées par ordinateur (CAO/FAO)",
                    "Computer-aided design and manufacturing (CAD/CAM)",
                    MANUFACTURING,
                ),
                (
                    "Systèmes de pilotage de la production",
                    "Manufacturing execution systems",
                    MANUFACTURING,
                ),
                (
                    "Internet des objets (capteurs connectés)",
                    "Internet of Things (connected sensors)",
                ),
                ("Chaîne de blocs", "Blockchain"),
                (
                    "Fabrication additive (impression 3D)",
                    "Additive manufacturing (3D printing)",
                    MANUFACTURING,
                ),
            ),
        ),
    ),
    Question(
        key="m2_3_5",
        module=MODULE_M2,
        dimension="D3",
        answer_type=MULTI,
        short_fr="Développement des compétences numériques",
        short_en="Digital skills development",
        title_fr=(
            "Comment votre entreprise développe-t-elle les compétences numériques de son personnel?"
        ),
        title_en="How does your business build its staff's digital skills?",
        help_fr="Cochez tout ce que vous avez fait au cours des deux dernières années.",
        help_en="Tick everything you have done in the last two years.",
        items=_items(
            "m2_3_5",
            (
                (
                    "Évaluation des compétences numériques qui manquent",
                    "Assessment of missing digital skills",
                ),
                ("Plan de formation", "Training plan"),
                ("Formations courtes ou en ligne", "Short training or e-learning"),
                (
                    "Apprentissage par la pratique (accompagnement, mentorat)",
                    "Learning by doing (coaching, mentoring)",
                ),
                ("Stages", "Traineeships"),
                (
                    "Formations externes payées par l'entreprise",
                    "External training paid for by the business",
                ),
                (
                    "Programmes subventionnés (gouvernement, association)",
                    "Subsidised programs (government, industry association)",
                ),
            ),
        ),
    ),
    Question(
        key="m2_3_6",
        module=MODULE_M2,
        dimension="D3",
        answer_type=MULTI,
        short_fr="Engagement du personnel",
        short_en="Staff engagement",
        title_fr="Comment associez-vous votre personnel au virage numérique?",
        title_en="How do you involve your staff in the digital shift?",
        help_fr=(
            "Si vous travaillez seul, cochez ce qui s'applique à vous et à vos collaborateurs "
            "réguliers."
        ),
        help_en="If you work alone, tick what applies to you and your regular collaborators.",
        items=_items(
            "m2_3_6",
            (
                (
                    "Sensibilisation du personnel aux nouvelles technologies",
                    "Raising staff awareness of new technologies",
                ),
                (
                    "Communication claire des projets numériques",
                    "Clear communication of digital plans",
                ),
                (
                    "Suivi de l'adoption des nouveaux outils par le personnel",
                    "Monitoring how staff take to new tools",
                ),
                (
                    "Participation du personnel à la conception des changements",
                    "Staff involved in designing changes",
                ),
                (
                    "Autonomie et outils numériques adaptés à chaque poste",
                    "Autonomy and suitable digital tools for each role",
                ),
                (
                    "Tâches réorganisées à partir des commentaires du personnel",
                    "Jobs redesigned from staff feedback",
                ),
                (
                    "Horaires ou lieux de travail flexibles grâce au numérique",
                    "Flexible hours or places of work thanks to digital tools",
                ),
                (
                    "Personne-ressource ou équipe pour soutenir le personnel",
                    "A contact person or team to support staff",
                ),
            ),
        ),
    ),
    Question(
        key="m2_4_7",
        module=MODULE_M2,
        dimension="D4",
        answer_type=MULTI,
        short_fr="Gestion des données",
        short_en="Data management",
        title_fr="Comment votre entreprise recueille-t-elle et utilise-t-elle ses données?",
        title_en="How does your business collect and use its data?",
        help_fr=(
            "Vos données : ventes, stocks, clientèle, fournisseurs. Cochez « Nos données ne "
            "sont pas recueillies sous forme numérique » si une bonne partie est encore sur "
            "papier ou n'est pas notée : cet énoncé abaisse le score."
        ),
        help_en=(
            "Your data: sales, stock, customers, suppliers. Tick “Our data is not collected "
            "digitally” if much of it is still on paper or not recorded: this statement "
            "lowers the score."
        ),
        items=_items(
            "m2_4_7",
            (
                (
                    "Politique ou règles de gestion des données",
                    "A data management policy or rules",
                ),
                (
                    "Nos données ne sont pas recueillies sous forme numérique (papier, mémoire)",
                    "Our data is not collected digitally (paper, memory)",
                    {
                        "weight": -1,
                        "gap_label_fr": "Recueillir les données sous forme numérique",
                        "gap_label_en": "Collecting data digitally",
                    },
                ),
                ("Données conservées sous forme numérique", "Data stored digitally"),
                (
                    "Systèmes reliés qui échangent leurs données (API, connecteurs)",
                    "Connected systems that exchange data (APIs, connectors)",
                ),
                ("Accès aux données en temps réel", "Real-time access to data"),
                (
                    "Données analysées pour prendre des décisions",
                    "Data analysed to make decisions",
                ),
                (
                    "Données enrichies par des sources externes (données publiques, marché)",
                    "Data enriched with external sources (public or market data)",
                ),
                (
                    "Tableaux de bord utilisables sans l'aide d'un expert",
                    "Dashboards usable without expert help",
                ),
            ),
        ),
    ),
    Question(
        key="m2_4_8",
        module=MODULE_M2,
        dimension="D4",
        answer_type=MULTI,
        short_fr="Sécurité des données",
        short_en="Data security",
        title_fr="Comment protégez-vous vos données et vos systèmes?",
        title_en="How do you protect your data and systems?",
        help_fr="Cochez chaque mesure en place aujourd'hui, même si elle est simple.",
        help_en="Tick every measure in place today, even a simple one.",
        items=_items(
            "m2_4_8",
            (
                ("Politique de sécurité de l'information", "Information security policy"),
                (
                    "Renseignements de la clientèle protégés (accès limités, chiffrement)",
                    "Customer information protected (restricted access, encryption)",
                ),
                ("Personnel formé à la cybersécurité", "Staff trained in cybersecurity"),
                (
                    "Surveillance des menaces (antivirus, alertes)",
                    "Threats monitored (antivirus, alerts)",
                ),
                ("Sauvegardes hors site ou infonuagiques", "Off-site or cloud backups"),
                ("Plan de continuité des activités", "Business continuity plan"),
            ),
        ),
    ),
    Question(
        key="m2_5_9",
        module=MODULE_M2,
        dimension="D5",
        answer_type=LEVELS,
        short_fr="Automatisation et intelligence artificielle",
        short_en="Automation and artificial intelligence",
        title_fr=(
            "Où en est votre entreprise avec ces technologies d'automatisation et "
            "d'intelligence artificielle?"
        ),
        title_en=(
            "How far along is your business with these automation and artificial "
            "intelligence technologies?"
        ),
        help_fr=(
            "Choisissez un niveau par ligne, de 0 (non utilisée) à 5 (opérationnelle). Un "
            "outil en ligne qui utilise l'intelligence artificielle compte aussi."
        ),
        help_en=(
            "Pick one level per row, from 0 (not used) to 5 (operational). An online tool "
            "that uses artificial intelligence counts too."
        ),
        items=_items(
            "m2_5_9",
            (
                (
                    "Traitement du langage (agent conversationnel, traduction, rédaction)",
                    "Language processing (chatbot, translation, writing aids)",
                ),
                (
                    "Vision par ordinateur (reconnaissance d'images, comptage de la clientèle)",
                    "Computer vision (image recognition, customer counting)",
                ),
                ("Traitement de l'audio et de la parole", "Audio and speech processing"),
                (
                    "Robotique (robots, véhicules autonomes)",
                    "Robotics (robots, autonomous vehicles)",
                    MANUFACTURING,
                ),
                (
                    "Intelligence d'affaires et systèmes de recommandation",
                    "Business intelligence and recommender systems",
                ),
            ),
        ),
    ),
    Question(
        key="m2_6_10",
        module=MODULE_M2,
        dimension="D6",
        answer_type=MULTI,
        short_fr="Numérique au service de l'environnement",
        short_en="Digital tools for the environment",
        title_fr=(
            "De quelles façons le numérique aide-t-il votre entreprise à réduire son empreinte "
            "environnementale?"
        ),
        title_en=(
            "How does digital technology help your business reduce its environmental footprint?"
        ),
        help_fr="Cochez chaque façon dont un outil numérique y contribue déjà.",
        help_en="Tick every way in which a digital tool already contributes.",
        items=_items(
            "m2_6_10",
            (
                ("Modèle d'affaires durable", "Sustainable business model"),
                ("Services offerts de façon durable", "Services provided sustainably"),
                (
                    "Produits durables (conception, réparation, réemploi)",
                    "Sustainable products (design, repair, reuse)",
                ),
                ("Activités quotidiennes plus durables", "More sustainable day-to-day operations"),
                (
                    "Réduction des émissions, de la pollution et des déchets",
                    "Less emissions, pollution and waste",
                ),
                (
                    "Production d'énergie renouvelable sur place",
                    "Renewable energy produced on site",
                ),
                ("Utilisation optimisée des matières", "Optimised use of materials"),
                ("Moins de transport et d'emballages", "Less transport and packaging"),
                (
                    "Clientèle incitée à consommer de façon responsable",
                    "Customers nudged toward responsible consumption",
                ),
                ("Administration sans papier", "Paperless administration"),
            ),
        ),
    ),
    Question(
        key="m2_6_11",
        module=MODULE_M2,
        dimension="D6",
        answer_type=TRISTATE,
        short_fr="Environnement dans les choix numériques",
        short_en="Environment in digital choices",
        title_fr=(
            "Dans quelle mesure tenez-vous compte de l'environnement dans vos choix numériques?"
        ),
        title_en="To what extent do you take the environment into account in your digital choices?",
        help_fr="Répondez Non, Partiellement ou Oui pour chaque ligne.",
        help_en="Answer No, Partially or Yes for each row.",
        items=_items(
            "m2_6_11",
            (
                (
                    "L'environnement fait partie de notre stratégie numérique",
                    "The environment is part of our digital strategy",
                ),
                ("Système de gestion environnementale", "Environmental management system"),
                (
                    "Critères environnementaux dans nos achats",
                    "Environmental criteria in our purchasing",
                ),
                (
                    "Suivi de la consommation d'énergie de nos équipements informatiques",
                    "Energy use of our IT equipment is monitored",
                ),
                (
                    "Recyclage ou réemploi de nos équipements informatiques",
                    "Our IT equipment is recycled or reused",
                ),
            ),
        ),
    ),
)

_R_HELP_FR = (
    "Répondez « Sans objet » seulement si l'élément ne convient vraiment pas à votre commerce. "
    "Les éléments sans objet ne comptent pas dans le score."
)
_R_HELP_EN = (
    "Answer “Not applicable” only if the item truly does not fit your business. Items that "
    "do not apply are left out of the score."
)


def _r_question(group: int, title_fr: str, title_en: str, rows, help_fr="", help_en=""):
    dimension = R_GROUPS[f"R{group}"]
    return Question(
        key=f"r{group}",
        module=MODULE_R,
        dimension=dimension.key,
        answer_type=RETAIL,
        short_fr=dimension.title_fr,
        short_en=dimension.title_en,
        title_fr=title_fr,
        title_en=title_en,
        help_fr=" ".join(filter(None, (help_fr, _R_HELP_FR))),
        help_en=" ".join(filter(None, (help_en, _R_HELP_EN))),
        items=_items(f"r{group}", rows, categories=True),
    )


_R_QUESTIONS = (
    _r_question(
        1,
        "Votre commerce est-il facile à trouver en ligne?",
        "Is your business easy to find online?",
        (
            (
                "r1_1",
                "Site Web à jour (heures, adresse, produits)",
                "Up-to-date web site (hours, address, products)",
                ("visibility",),
            ),
            (
                "r1_2",
                "Fiche d'entreprise sur les cartes et les moteurs de recherche",
                "Business listing on maps and search engines",
                ("visibility",),
            ),
            (
                "r1_3",
                "Présence active dans les médias sociaux",
                "Active social media presence",
                ("visibility",),
            ),
            (
                "r1_4",
                "Gestion des avis en ligne (les lire et y répondre)",
                "Online review management (reading and answering reviews)",
                ("visibility",),
            ),
        ),
    ),
    _r_question(
        2,
        "Votre clientèle peut-elle acheter chez vous en ligne?",
        "Can your customers buy from you online?",
        (
            (
                "r2_1",
                "Site Web transactionnel : commande et paiement en ligne",
                "Transactional web site: order and pay online",
                ("ecommerce", "payments"),
            ),
            (
                "r2_2",
                "Vente sur une place de marché en ligne",
                "Selling on an online marketplace",
                ("marketplace",),
            ),
            (
                "r2_3",
                "Commande en ligne et cueillette en magasin",
                "Click-and-collect (order online, pick up in store)",
                ("ecommerce", "pos", "inventory"),
            ),
            (
                "r2_4",
                "Réservation ou prise de rendez-vous en ligne",
                "Online booking or appointments",
                ("booking",),
            ),
        ),
        "La réservation en ligne peut être sans objet si vous n'offrez ni service ni rendez-vous.",
        "Online booking may not apply if you offer no service or appointment.",
    ),
    _r_question(
        3,
        "Comment votre clientèle peut-elle payer?",
        "How can your customers pay?",
        (
            ("r3_1", "Paiements en ligne", "Online payments", ("payments",)),
            (
                "r3_2",
                "Point de vente moderne (paiement sans contact, rapports de ventes)",
                "Modern point of sale (contactless payment, sales reports)",
                ("pos",),
            ),
            (
                "r3_3",
                "Stocks synchronisés entre le point de vente et le site Web",
                "Stock kept in sync between the point of sale and the web site",
                ("pos", "inventory", "ecommerce"),
            ),
        ),
    ),
    _r_question(
        4,
        "Comment gérez-vous vos stocks, vos commandes et vos fournisseurs?",
        "How do you manage your stock, orders and suppliers?",
        (
            (
                "r4_1",
                "Logiciel de gestion des stocks",
                "Inventory management software",
                ("inventory",),
            ),
            (
                "r4_2",
                "Préparation et expédition des commandes (étiquettes, suivi, transporteurs)",
                "Order fulfilment and shipping (labels, tracking, carriers)",
                ("shipping",),
            ),
            (
                "r4_3",
                "Commandes aux fournisseurs et approvisionnement gérés avec un outil numérique",
                "Supplier ordering and supply chain managed with a digital tool",
                ("supply_chain",),
            ),
        ),
    ),
    _r_question(
        5,
        "Quels logiciels de gestion utilisez-vous?",
        "Which management software do you use?",
        (
            ("r5_1", "Logiciel comptable", "Accounting software", ("accounting",)),
            (
                "r5_2",
                "Logiciel de ressources humaines, d'horaires et de paie",
                "HR, scheduling and payroll software",
                ("hr_payroll",),
            ),
        ),
    ),
    _r_question(
        6,
        "Comment entretenez-vous le lien avec votre clientèle?",
        "How do you keep in touch with your customers?",
        (
            (
                "r6_1",
                "Fichier clients ou logiciel de gestion de la relation client",
                "Customer database or CRM software",
                ("crm_email",),
            ),
            (
                "r6_2",
                "Marketing par courriel ou texto, avec le consentement de la clientèle",
                "Email or text-message marketing, with customers' consent",
                ("crm_email",),
            ),
            ("r6_3", "Programme de fidélisation", "Loyalty program", ("loyalty",)),
            (
                "r6_4",
                "Mesure de la fréquentation du site Web (statistiques Web)",
                "Web site traffic measurement (web analytics)",
                ("analytics",),
            ),
        ),
    ),
    _r_question(
        7,
        "Comment protégez-vous votre commerce et les renseignements de votre clientèle?",
        "How do you protect your business and your customers' information?",
        (
            (
                "r7_1",
                "Sauvegardes régulières et testées",
                "Regular, tested backups",
                ("cybersecurity",),
            ),
            (
                "r7_2",
                "Authentification multifacteur sur les comptes importants",
                "Multi-factor authentication on key accounts",
                ("cybersecurity",),
            ),
            (
                "r7_3",
                "Politique de confidentialité et consentements conformes à la Loi 25",
                "Privacy policy and consent practices that meet Québec's Law 25",
                ("cybersecurity",),
            ),
            (
                "r7_4",
                "Personnel sensibilisé à la sécurité (hameçonnage, mots de passe)",
                "Staff aware of security risks (phishing, passwords)",
                ("cybersecurity",),
            ),
        ),
    ),
)

QUESTIONS: tuple[Question, ...] = _M2_QUESTIONS + _R_QUESTIONS


def _check_module(module: str | None) -> None:
    if module is not None and module not in MODULES:
        raise ValueError(f"unknown module {module!r}; expected one of {MODULES_KEYS}")


def questions(module: str | None = None) -> tuple[Question, ...]:
    """All questions in questionnaire order, optionally of one module."""
    _check_module(module)
    return tuple(q for q in QUESTIONS if module is None or q.module == module)


@cache
def questions_by_key() -> dict[str, Question]:
    """Every question by key: ``m2_1_1``..``m2_6_11`` and the R groups ``r1``..``r7``."""
    return {q.key: q for q in QUESTIONS}


@cache
def items_by_key() -> dict[str, tuple[Question, Item]]:
    """Every item by key, with its question: ``m2_4_7_2``, ``r2_1``..."""
    return {item.key: (q, item) for q in QUESTIONS for item in q.items}


def all_item_keys(module: str | None = None) -> tuple[str, ...]:
    """Keys of every item in questionnaire order, optionally of one module."""
    return tuple(item.key for q in questions(module) for item in q.items)


def answer_keys(module: str | None = None) -> tuple[str, ...]:
    """The keys of an answers mapping: M2 question keys, then module R item keys."""
    keys: list[str] = []
    for q in questions(module):
        if q.answer_type == RETAIL:
            keys.extend(item.key for item in q.items)
        else:
            keys.append(q.key)
    return tuple(keys)


def dimension_questions(dimension: str) -> tuple[Question, ...]:
    """The questions of an M2 dimension (``D1``) or a module R group (``R1``)."""
    if dimension not in DIMENSIONS and dimension not in R_GROUPS:
        raise ValueError(f"unknown dimension or group {dimension!r}")
    return tuple(q for q in QUESTIONS if q.dimension == dimension)


def dimension_or_group(key: str) -> Dimension:
    return DIMENSIONS.get(key) or R_GROUPS[key]


@cache
def pages() -> tuple[Page, ...]:
    """The questionnaire split into pages: one per M2 dimension, then one per R group."""
    return tuple(
        Page(
            key=d.key.lower(),
            module=d.module,
            title_fr=d.title_fr,
            title_en=d.title_en,
            questions=dimension_questions(d.key),
        )
        for d in (*DIMENSIONS.values(), *R_GROUPS.values())
    )
