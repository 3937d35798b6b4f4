"""Seed content for the e-learning capsules and learning paths (pure Python data).

Each capsule is a short bilingual lesson (French first, English complete) for owners of small
retail businesses in Québec, with a Markdown body that doubles as the transcript and a short
quiz. The content is vendor-neutral and gives general guidance only, never legal advice.

This module holds plain data and imports nothing from Django, so it can be checked without a
database and loaded by a data migration or a management command.

Shapes:

- ``CAPSULES``: list of dicts with ``key`` (slug), ``title_fr``/``title_en``,
  ``summary_fr``/``summary_en``, ``body_fr``/``body_en`` (Markdown), ``minutes``, ``level``
  (one of ``LEVELS``), ``topics`` (keys from ``TOPIC_KEYS``), ``categories`` (keys from
  ``CATEGORY_KEYS``, the solution catalog categories), ``video_url`` (``None``),
  ``pass_mark_percent`` and ``quiz`` (questions with ``prompt_fr``/``prompt_en``, ``choices``
  of ``text_fr``/``text_en``/``correct``, and ``explanation_fr``/``explanation_en``).
- ``TOPICS``: list of dicts with ``key`` (one of ``TOPIC_KEYS``), ``name_fr`` and ``name_en``.
- ``LEARNING_PATHS``: list of dicts with ``key``, ``title_fr``/``title_en``,
  ``description_fr``/``description_en`` and ``capsules`` (capsule keys, in order).
"""

TOPIC_KEYS = (
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
    "privacy",
    "strategy",
)

# Labels of the topics, shown in the library's filter and searched in both languages.
TOPICS = [
    {"key": "ecommerce", "name_fr": "Boutique en ligne", "name_en": "Online store"},
    {"key": "marketplace", "name_fr": "Places de marché", "name_en": "Marketplaces"},
    {"key": "payments", "name_fr": "Paiements", "name_en": "Payments"},
    {"key": "pos", "name_fr": "Point de vente", "name_en": "Point of sale"},
    {"key": "inventory", "name_fr": "Inventaire", "name_en": "Inventory"},
    {"key": "shipping", "name_fr": "Livraison et expédition", "name_en": "Shipping"},
    {
        "key": "supply_chain",
        "name_fr": "Approvisionnement",
        "name_en": "Supply chain and purchasing",
    },
    {"key": "hr_payroll", "name_fr": "Horaires, RH et paie", "name_en": "HR, scheduling, payroll"},
    {"key": "accounting", "name_fr": "Comptabilité", "name_en": "Accounting"},
    {
        "key": "crm_email",
        "name_fr": "Relation client et courriels",
        "name_en": "CRM and email marketing",
    },
    {"key": "loyalty", "name_fr": "Fidélisation", "name_en": "Loyalty"},
    {"key": "booking", "name_fr": "Réservation en ligne", "name_en": "Online booking"},
    {
        "key": "visibility",
        "name_fr": "Visibilité et médias sociaux",
        "name_en": "Visibility and social media",
    },
    {
        "key": "cybersecurity",
        "name_fr": "Cybersécurité et sauvegardes",
        "name_en": "Cybersecurity and backups",
    },
    {"key": "analytics", "name_fr": "Statistiques Web", "name_en": "Web analytics"},
    {"key": "privacy", "name_fr": "Renseignements personnels", "name_en": "Privacy"},
    {"key": "strategy", "name_fr": "Stratégie numérique", "name_en": "Digital strategy"},
]

# Solution catalog categories: the topics that name a kind of solution.
CATEGORY_KEYS = tuple(key for key in TOPIC_KEYS if key not in {"privacy", "strategy"})

LEVELS = ("beginner", "intermediate", "advanced")

# With four questions per quiz, 70 % means three correct answers out of four.
PASS_MARK_PERCENT = 70


def _choice(text_fr, text_en, *, correct=False):
    return {"text_fr": text_fr, "text_en": text_en, "correct": correct}


def _question(prompt_fr, prompt_en, choices, explanation_fr, explanation_en):
    return {
        "prompt_fr": prompt_fr,
        "prompt_en": prompt_en,
        "choices": choices,
        "explanation_fr": explanation_fr,
        "explanation_en": explanation_en,
    }


CAPSULES = [
    {
        "key": "ecommerce-platform",
        "title_fr": "Choisir sa plateforme de commerce électronique",
        "title_en": "Choosing an e-commerce platform",
        "summary_fr": (
            "Comparer les grandes familles de plateformes de boutique en ligne et les critères "
            "qui comptent vraiment pour un petit commerce québécois."
        ),
        "summary_en": (
            "Compare the main families of online store platforms and the criteria that really "
            "matter for a small Québec retailer."
        ),
        "body_fr": """\
## Pourquoi ce choix compte

Votre boutique en ligne devient un deuxième magasin, ouvert jour et nuit. Changer de plateforme
après deux ans coûte cher : produits à réimporter, adresses Web à rediriger, équipe à former de
nouveau. Prenez le temps de bien choisir dès le départ.

## Les grandes familles de solutions

- **Plateforme hébergée par abonnement** : l'hébergement, la sécurité et les mises à jour sont
  inclus. Rapide à lancer, mais vous dépendez des règles et des tarifs du fournisseur.
- **Solution à code source ouvert** : très souple et sans frais de licence, mais quelqu'un doit
  l'héberger, la mettre à jour et la sécuriser (vous ou une agence).
- **Constructeur de site avec module boutique** : simple pour un petit catalogue, parfois
  limité quand les ventes augmentent.
- **Boutique offerte par votre système de point de vente** : l'inventaire est partagé d'office,
  mais le design est souvent moins personnalisable.

## Les critères qui comptent

- **Le français partout** : vitrine, panier, paiement, courriels de confirmation et factures.
- **Les taxes** : calcul automatique de la TPS et de la TVQ selon l'adresse du client.
- **Le paiement** : modes offerts, frais par transaction et frais ajoutés si vous utilisez un
  autre fournisseur de paiement que celui de la plateforme.
- **La livraison** : tarifs de Postes Canada et des messageries, livraison locale, cueillette
  en magasin.
- **Le lien avec votre caisse** : un inventaire unique évite de vendre un article déjà parti.
- **Vos données** : pouvez-vous exporter produits, clients et commandes dans un format courant
  (CSV) ? C'est votre porte de sortie.
- **L'accessibilité** : un thème conforme aux règles d'accessibilité (WCAG) sert toute votre
  clientèle.
- **Le soutien** : service en français, heures d'ouverture, documentation.

## Calculer le coût réel

Additionnez sur trois ans l'abonnement, les frais de transaction, les applications payantes, le
thème, l'aide externe et le temps de votre équipe. Une plateforme bon marché au départ peut
coûter plus cher qu'une autre une fois les extensions ajoutées.

## Tester avant de signer

Retenez deux ou trois options, ouvrez un compte d'essai et refaites le même scénario : ajouter
dix vrais produits avec leurs variantes, passer une commande test, faire un remboursement. Vous
verrez vite laquelle convient à votre façon de travailler.

## Liste de vérification

- J'ai listé mes besoins (catalogue, variantes, livraison, caisse).
- J'ai vérifié le français du panier et des courriels.
- J'ai calculé le coût total sur trois ans.
- Je peux exporter mes données.
- J'ai testé au moins deux plateformes avec une vraie commande.
""",
        "body_en": """\
## Why this choice matters

Your online store becomes a second shop, open day and night. Switching platforms after two
years is costly: products to re-import, web addresses to redirect, staff to retrain. Take the
time to choose well from the start.

## The main families of solutions

- **Hosted subscription platform**: hosting, security and updates are included. Quick to
  launch, but you depend on the provider's rules and prices.
- **Open-source solution**: very flexible with no licence fees, but someone has to host,
  update and secure it (you or an agency).
- **Website builder with a store module**: simple for a small catalogue, sometimes limiting
  as sales grow.
- **Store offered by your point-of-sale system**: inventory is shared from day one, but the
  design is often less customizable.

## The criteria that matter

- **French everywhere**: storefront, cart, checkout, confirmation emails and invoices.
- **Taxes**: automatic calculation of GST and QST based on the customer's address.
- **Payment**: methods offered, per-transaction fees and extra fees if you use a payment
  provider other than the platform's own.
- **Shipping**: Canada Post and courier rates, local delivery, click-and-collect.
- **The link with your till**: a single inventory keeps you from selling an item that is
  already gone.
- **Your data**: can you export products, customers and orders in a common format (CSV)?
  That is your way out.
- **Accessibility**: a theme that follows accessibility guidelines (WCAG) serves all your
  customers.
- **Support**: service in French, opening hours, documentation.

## Work out the real cost

Add up over three years the subscription, transaction fees, paid apps, the theme, outside help
and your team's time. A platform that is cheap at first can cost more than another once the
add-ons are included.

## Test before you sign

Shortlist two or three options, open a trial account and run the same scenario on each: add ten
real products with their variants, place a test order, issue a refund. You will quickly see
which one suits the way you work.

## Checklist

- I have listed my needs (catalogue, variants, shipping, till).
- I have checked the French in the cart and the emails.
- I have worked out the total cost over three years.
- I can export my data.
- I have tested at least two platforms with a real order.
""",
        "minutes": 6,
        "level": "beginner",
        "topics": ["ecommerce", "strategy"],
        "categories": ["ecommerce"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Quel est le principal avantage d'une plateforme hébergée par abonnement ?",
                "What is the main advantage of a hosted subscription platform?",
                [
                    _choice("Il n'y a aucuns frais mensuels.", "There is no monthly fee."),
                    _choice(
                        "L'hébergement, la sécurité et les mises à jour sont inclus.",
                        "Hosting, security and updates are included.",
                        correct=True,
                    ),
                    _choice(
                        "On peut modifier librement tout le code source.",
                        "You can freely modify all of the source code.",
                    ),
                ],
                "Le fournisseur s'occupe de l'hébergement, de la sécurité et des mises à jour ; "
                "en échange, vous payez un abonnement et suivez ses règles.",
                "The provider takes care of hosting, security and updates; in exchange, you pay "
                "a subscription and follow its rules.",
            ),
            _question(
                "Pourquoi vérifier qu'on peut exporter ses produits, clients et commandes ?",
                "Why check that you can export your products, customers and orders?",
                [
                    _choice(
                        "Pour pouvoir changer de plateforme sans tout recommencer.",
                        "To be able to switch platforms without starting over.",
                        correct=True,
                    ),
                    _choice(
                        "Pour accélérer l'affichage du site.",
                        "To make the site load faster.",
                    ),
                    _choice(
                        "Parce que c'est obligatoire pour percevoir la TVQ.",
                        "Because it is required to collect QST.",
                    ),
                ],
                "Un export complet dans un format courant (CSV) est votre porte de sortie si la "
                "plateforme ne vous convient plus.",
                "A full export in a common format (CSV) is your way out if the platform no "
                "longer suits you.",
            ),
            _question(
                "Que faut-il inclure pour comparer le coût de deux plateformes ?",
                "What should you include to compare the cost of two platforms?",
                [
                    _choice(
                        "Seulement l'abonnement mensuel affiché.",
                        "Only the advertised monthly subscription.",
                    ),
                    _choice(
                        "Seulement le prix du thème.",
                        "Only the price of the theme.",
                    ),
                    _choice(
                        "L'abonnement, les frais de transaction, les applications, le thème et "
                        "le temps, sur plusieurs années.",
                        "The subscription, transaction fees, apps, the theme and time, over "
                        "several years.",
                        correct=True,
                    ),
                ],
                "Le coût réel se calcule sur trois ans, avec tous les frais et les extensions.",
                "The real cost is worked out over three years, with all fees and add-ons.",
            ),
            _question(
                "Quelle est la meilleure façon de tester une plateforme ?",
                "What is the best way to test a platform?",
                [
                    _choice(
                        "Lire la page d'accueil du fournisseur.",
                        "Read the provider's home page.",
                    ),
                    _choice(
                        "Refaire le même scénario réel (produits, commande test, remboursement) "
                        "sur deux ou trois comptes d'essai.",
                        "Run the same real scenario (products, test order, refund) on two or "
                        "three trial accounts.",
                        correct=True,
                    ),
                    _choice(
                        "Choisir celle qui offre le plus d'applications.",
                        "Pick the one with the most apps.",
                    ),
                ],
                "Un même scénario réel, joué sur chaque option, révèle vite les différences.",
                "The same real scenario, run on each option, quickly reveals the differences.",
            ),
        ],
    },
    {
        "key": "law-25-privacy-basics",
        "title_fr": "La Loi 25 : l'essentiel pour un commerce",
        "title_en": "Law 25: the essentials for a shop",
        "summary_fr": (
            "Les obligations de base de la loi québécoise sur la protection des renseignements "
            "personnels, traduites en gestes concrets pour un commerce de détail."
        ),
        "summary_en": (
            "The basic obligations of Québec's privacy law, turned into concrete steps for a "
            "retail business."
        ),
        "body_fr": """\
## De quoi parle-t-on ?

La Loi 25 a modernisé la Loi sur la protection des renseignements personnels dans le secteur
privé ; ses obligations sont entrées en vigueur entre 2022 et 2024. Elle vise toute
entreprise, même petite, qui recueille des renseignements sur des personnes : nom, courriel,
adresse de livraison, historique d'achats, dossiers d'employés.

## Un responsable désigné

Par défaut, la personne ayant la plus haute autorité dans l'entreprise est responsable de la
protection des renseignements personnels. Elle peut déléguer cette fonction par écrit. Le titre
et les coordonnées du responsable doivent être publiés sur votre site Web.

## Recueillir moins, et l'expliquer

- Ne demandez que le nécessaire : la date de naissance sert-elle vraiment à une commande ?
- Au moment de la collecte, dites à quoi servira l'information, qui y aura accès et comment
  exercer ses droits.
- Publiez une politique de confidentialité en termes simples et clairs.

## Un consentement valable

Le consentement doit être manifeste, libre, éclairé et donné à des fins précises. Demandez-le
séparément pour chaque fin : accepter les conditions de vente ne vaut pas accord pour recevoir
des promotions. Pas de case cochée d'avance, et la personne peut retirer son consentement en
tout temps. Les fonctions qui permettent d'identifier, de localiser ou de profiler une personne
doivent être désactivées par défaut.

## Les droits de vos clients

Vos clients peuvent demander l'accès à leurs renseignements, leur rectification et, depuis
septembre 2024, leur transmission dans un format technologique structuré et couramment
utilisé. Répondez dans les 30 jours.

## Conserver, puis détruire

Une fois la fin visée atteinte, détruisez ou anonymisez les renseignements, sous réserve des
délais de conservation prévus par d'autres lois, en fiscalité par exemple.

## Les incidents de confidentialité

Un courriel envoyé à la mauvaise personne, un ordinateur volé, un compte piraté : ce sont des
incidents de confidentialité. Vous devez :

- prendre des mesures pour réduire le risque de préjudice ;
- aviser la Commission d'accès à l'information et les personnes concernées si l'incident
  présente un risque de préjudice sérieux ;
- inscrire chaque incident, même mineur, dans un registre : renseignements visés,
  circonstances, date ou période, date où vous l'avez appris, nombre de personnes, évaluation
  du risque, avis transmis et mesures prises. Conservez chaque inscription au moins cinq ans
  après la date où vous avez appris l'incident.

## Liste de vérification

- Le responsable est désigné et ses coordonnées sont sur mon site.
- Ma politique de confidentialité est publiée.
- Chaque consentement est demandé à part, sans case cochée d'avance.
- Mon registre des incidents existe, même s'il est vide.
- Je sais répondre à une demande d'accès.
""",
        "body_en": """\
## What are we talking about?

Law 25 modernized Québec's Act respecting the protection of personal information in the
private sector; its obligations came into force between 2022 and 2024. It applies to every
business, however small, that collects information about people: name, email, shipping
address, purchase history, employee files.

## A designated person in charge

By default, the person with the highest authority in the business is the person in charge of
the protection of personal information. They may delegate this role in writing. The title and
contact details of the person in charge must be published on your website.

## Collect less, and explain it

- Ask only for what you need: does an order really require a date of birth?
- When you collect information, say what it will be used for, who will have access to it and
  how people can exercise their rights.
- Publish a privacy policy in clear and simple terms.

## Valid consent

Consent must be manifest, free, informed and given for specific purposes. Ask for it separately
for each purpose: accepting the terms of sale does not mean agreeing to receive promotions. No
pre-ticked boxes, and people can withdraw their consent at any time. Functions that can
identify, locate or profile a person must be turned off by default.

## Your customers' rights

Your customers can ask for access to their information, for its correction and, since
September 2024, for its transfer in a structured, commonly used technological format. Reply
within 30 days.

## Keep, then destroy

Once the purpose has been achieved, destroy or anonymize the information, subject to retention
periods set by other laws, such as tax law.

## Confidentiality incidents

An email sent to the wrong person, a stolen computer, a hacked account: these are
confidentiality incidents. You must:

- take measures to reduce the risk of injury;
- notify the Commission d'accès à l'information and the people concerned if the incident
  presents a risk of serious injury;
- record every incident, even a minor one, in a register: information involved, circumstances,
  date or period, date you became aware of it, number of people, risk assessment, notices sent
  and measures taken. Keep each entry for at least five years after the date you became aware
  of the incident.

## Checklist

- The person in charge is designated and their contact details are on my website.
- My privacy policy is published.
- Each consent is requested separately, with no pre-ticked box.
- My incident register exists, even if it is empty.
- I know how to answer an access request.
""",
        "minutes": 7,
        "level": "beginner",
        "topics": ["privacy", "cybersecurity", "crm_email"],
        "categories": ["cybersecurity", "crm_email"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Par défaut, qui est responsable de la protection des renseignements personnels "
                "dans une entreprise ?",
                "By default, who is in charge of the protection of personal information in a "
                "business?",
                [
                    _choice(
                        "Le fournisseur informatique.",
                        "The IT provider.",
                    ),
                    _choice(
                        "La Commission d'accès à l'information.",
                        "The Commission d'accès à l'information.",
                    ),
                    _choice(
                        "La personne ayant la plus haute autorité dans l'entreprise.",
                        "The person with the highest authority in the business.",
                        correct=True,
                    ),
                ],
                "C'est la personne ayant la plus haute autorité, qui peut déléguer la fonction "
                "par écrit. Son titre et ses coordonnées sont publiés sur le site.",
                "It is the person with the highest authority, who may delegate the role in "
                "writing. Their title and contact details are published on the website.",
            ),
            _question(
                "Une cliente accepte vos conditions de vente en ligne. Pouvez-vous lui envoyer "
                "des promotions ?",
                "A customer accepts your online terms of sale. Can you send her promotions?",
                [
                    _choice(
                        "Oui, les conditions de vente le prévoient.",
                        "Yes, the terms of sale cover it.",
                    ),
                    _choice(
                        "Non, il faut un consentement distinct pour cette fin.",
                        "No, a separate consent is needed for that purpose.",
                        correct=True,
                    ),
                    _choice(
                        "Oui, si la case était cochée d'avance.",
                        "Yes, if the box was pre-ticked.",
                    ),
                ],
                "Le consentement est demandé séparément pour chaque fin, sans case cochée "
                "d'avance.",
                "Consent is requested separately for each purpose, with no pre-ticked box.",
            ),
            _question(
                "Un employé envoie par erreur une liste de clients à la mauvaise personne ; le "
                "risque est jugé faible. Que faites-vous ?",
                "An employee sends a customer list to the wrong person by mistake; the risk is "
                "judged low. What do you do?",
                [
                    _choice(
                        "Rien, l'incident est mineur.",
                        "Nothing, the incident is minor.",
                    ),
                    _choice(
                        "J'avise seulement la police.",
                        "I only notify the police.",
                    ),
                    _choice(
                        "Je réduis le risque et j'inscris l'incident au registre.",
                        "I reduce the risk and record the incident in the register.",
                        correct=True,
                    ),
                ],
                "Tout incident, même mineur, est inscrit au registre. Les avis à la Commission "
                "et aux personnes sont requis quand le risque de préjudice est sérieux.",
                "Every incident, even a minor one, is recorded in the register. Notices to the "
                "Commission and to the people concerned are required when the risk of injury "
                "is serious.",
            ),
            _question(
                "Que devez-vous publier sur votre site Web ?",
                "What must you publish on your website?",
                [
                    _choice(
                        "Le titre et les coordonnées du responsable de la protection des "
                        "renseignements personnels.",
                        "The title and contact details of the person in charge of the "
                        "protection of personal information.",
                        correct=True,
                    ),
                    _choice(
                        "Votre registre des incidents.",
                        "Your incident register.",
                    ),
                    _choice(
                        "La liste de vos clients.",
                        "Your customer list.",
                    ),
                ],
                "Le titre et les coordonnées du responsable sont publiés, tout comme une "
                "politique de confidentialité claire. Le registre, lui, reste interne et peut "
                "être demandé par la Commission.",
                "The title and contact details of the person in charge are published, as is a "
                "clear privacy policy. The register stays internal and may be requested by the "
                "Commission.",
            ),
        ],
    },
    {
        "key": "inventory-multi-location",
        "title_fr": "Synchroniser l'inventaire entre plusieurs points de vente",
        "title_en": "Syncing inventory across several locations",
        "summary_fr": (
            "Garder un inventaire juste entre vos magasins et votre boutique en ligne, sans "
            "survente ni ruptures inutiles."
        ),
        "summary_en": (
            "Keep inventory accurate across your stores and your online shop, without "
            "overselling or needless stockouts."
        ),
        "body_fr": """\
## Le problème à régler

Avec deux magasins et une boutique en ligne, le même chandail peut être vendu trois fois alors
qu'il n'en reste qu'un. Le client déçu ne revient pas. La solution : un seul système qui connaît
le stock de chaque emplacement, et des habitudes rigoureuses.

## Une seule source de vérité

- Choisissez un système maître, souvent la caisse ou un logiciel de gestion des stocks. La
  boutique en ligne et les places de marché y lisent leurs quantités.
- Donnez à chaque produit et à chaque variante un code unique (UGS) et, si possible, un code à
  barres. Pas de doublons, pas de produit « divers ».
- Vérifiez la fréquence de synchronisation : en temps réel, c'est l'idéal ; toutes les heures,
  prévoyez une marge.

## Décider ce que vous montrez en ligne

- Quels emplacements alimentent le stock en ligne : tous, ou seulement l'entrepôt et le magasin
  principal ?
- Gardez une réserve de sécurité : par exemple, affichez « épuisé » en ligne quand il reste
  deux unités, pour couvrir les ventes en magasin pas encore synchronisées.
- Fixez une règle pour attribuer les commandes : le magasin le plus proche du client, ou celui
  qui a le plus de stock.

## Des mouvements bien enregistrés

- **Réception** : entrez chaque livraison de fournisseur dans le système, au bon emplacement,
  à partir du bon de commande.
- **Transfert** : un article qui passe d'un magasin à l'autre est un transfert, pas un
  ajustement. Le stock total reste juste et l'historique est clair.
- **Ajustement** : limitez qui peut en faire et exigez un motif (bris, vol, erreur).

## Compter souvent, un peu à la fois

Plutôt qu'un seul grand inventaire annuel, faites des dénombrements cycliques : une catégorie
par semaine, dans chaque emplacement. Les écarts sont repérés tôt, et leurs causes aussi.

## Commander au bon moment

Définissez un point de commande (minimum) et un maximum par produit et par emplacement. Le
système peut alors proposer les bons de commande aux fournisseurs et les transferts entre
magasins. Suivez aussi la rotation : un produit qui dort depuis six mois immobilise votre argent.

## Liste de vérification

- Mon système maître est choisi et tous les canaux s'y branchent.
- Chaque variante a un code unique.
- J'ai fixé une réserve de sécurité pour la vente en ligne.
- Les transferts et les ajustements sont enregistrés, avec un motif.
- Je fais un dénombrement cyclique chaque semaine.
""",
        "body_en": """\
## The problem to solve

With two stores and an online shop, the same sweater can be sold three times when only one is
left. The disappointed customer does not come back. The solution: a single system that knows
the stock at each location, and disciplined habits.

## A single source of truth

- Choose a master system, often the POS or inventory management software. The online shop
  and the marketplaces read their quantities from it.
- Give each product and each variant a unique code (SKU) and, if possible, a barcode. No
  duplicates, no "miscellaneous" product.
- Check how often the sync runs: real time is ideal; if it runs every hour, plan a margin.

## Decide what you show online

- Which locations feed the online stock: all of them, or only the warehouse and the main
  store?
- Keep a safety buffer: for example, show "sold out" online when two units are left, to cover
  in-store sales that have not synced yet.
- Set a rule for assigning orders: the store closest to the customer, or the one with the most
  stock.

## Record every movement properly

- **Receiving**: enter each supplier delivery into the system, at the right location, from
  the purchase order.
- **Transfer**: an item moving from one store to another is a transfer, not an adjustment.
  Total stock stays accurate and the history is clear.
- **Adjustment**: limit who can make one and require a reason (breakage, theft, error).

## Count often, a little at a time

Rather than one big annual count, do cycle counts: one category per week, at each location.
Discrepancies are spotted early, and so are their causes.

## Order at the right time

Set a reorder point (minimum) and a maximum per product and per location. The system can then
suggest purchase orders to suppliers and transfers between stores. Also track turnover: a
product that has been sitting for six months ties up your cash.

## Checklist

- My master system is chosen and every channel connects to it.
- Each variant has a unique code.
- I have set a safety buffer for online sales.
- Transfers and adjustments are recorded, with a reason.
- I do a cycle count every week.
""",
        "minutes": 6,
        "level": "intermediate",
        "topics": ["inventory", "pos", "ecommerce", "supply_chain"],
        "categories": ["inventory", "pos", "supply_chain"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Que veut dire avoir « une seule source de vérité » pour l'inventaire ?",
                'What does having "a single source of truth" for inventory mean?',
                [
                    _choice(
                        "Un chiffrier différent pour chaque magasin.",
                        "A different spreadsheet for each store.",
                    ),
                    _choice(
                        "Un système maître où tous les canaux lisent leurs quantités.",
                        "One master system from which every channel reads its quantities.",
                        correct=True,
                    ),
                    _choice(
                        "Le catalogue du fournisseur.",
                        "The supplier's catalogue.",
                    ),
                ],
                "Un système maître unique évite que chaque canal ait sa propre version du stock.",
                "A single master system keeps each channel from having its own version of the "
                "stock.",
            ),
            _question(
                "Pourquoi garder une réserve de sécurité pour la vente en ligne ?",
                "Why keep a safety buffer for online sales?",
                [
                    _choice(
                        "Pour couvrir les ventes en magasin pas encore synchronisées.",
                        "To cover in-store sales that have not synced yet.",
                        correct=True,
                    ),
                    _choice(
                        "Pour pouvoir augmenter les prix.",
                        "To be able to raise prices.",
                    ),
                    _choice(
                        "Parce que la loi l'exige.",
                        "Because the law requires it.",
                    ),
                ],
                "La réserve absorbe le délai de synchronisation et évite de vendre un article "
                "déjà parti.",
                "The buffer absorbs the sync delay and avoids selling an item that is already "
                "gone.",
            ),
            _question(
                "Cinq unités passent du magasin A au magasin B. Comment l'enregistrer ?",
                "Five units move from store A to store B. How should this be recorded?",
                [
                    _choice(
                        "Un ajustement dans chaque magasin.",
                        "An adjustment in each store.",
                    ),
                    _choice(
                        "Une vente puis un retour.",
                        "A sale followed by a return.",
                    ),
                    _choice(
                        "Un transfert entre les deux emplacements.",
                        "A transfer between the two locations.",
                        correct=True,
                    ),
                ],
                "Le transfert garde le stock total juste et laisse un historique clair.",
                "A transfer keeps total stock accurate and leaves a clear history.",
            ),
            _question(
                "Qu'est-ce qu'un dénombrement cyclique ?",
                "What is a cycle count?",
                [
                    _choice(
                        "Compter tout le stock une fois par année.",
                        "Counting all stock once a year.",
                    ),
                    _choice(
                        "Compter régulièrement une partie du stock, par exemple une catégorie "
                        "par semaine.",
                        "Regularly counting part of the stock, for example one category per week.",
                        correct=True,
                    ),
                    _choice(
                        "Compter seulement les articles vendus en ligne.",
                        "Counting only the items sold online.",
                    ),
                ],
                "Compter un peu à la fois permet de repérer les écarts et leurs causes plus tôt.",
                "Counting a little at a time finds discrepancies and their causes sooner.",
            ),
        ],
    },
    {
        "key": "cybersecurity-essentials",
        "title_fr": "Cybersécurité : les essentiels pour un commerce",
        "title_en": "Cybersecurity essentials for a shop",
        "summary_fr": (
            "Authentification multifacteur, sauvegardes testées et vigilance face à "
            "l'hameçonnage : trois habitudes qui évitent la plupart des mauvaises surprises."
        ),
        "summary_en": (
            "Multi-factor authentication, tested backups and vigilance against phishing: three "
            "habits that prevent most bad surprises."
        ),
        "body_fr": """\
## Les petits commerces sont visés aussi

Les fraudeurs ne choisissent pas leurs victimes selon leur taille : ils visent les comptes mal
protégés. Un compte de courriel piraté suffit pour détourner un paiement ou vider une boutique
en ligne.

## 1. L'authentification multifacteur (AMF)

L'AMF ajoute une deuxième preuve au mot de passe : un code dans une application
d'authentification, une clé de sécurité ou, à défaut, un texto. Activez-la d'abord sur :

- votre messagerie, qui donne accès à tous vos autres comptes ;
- les comptes bancaires et de paiement ;
- l'administration de la boutique en ligne et de la caisse ;
- le nom de domaine et les réseaux sociaux.

Utilisez un gestionnaire de mots de passe, un mot de passe unique par service et un compte par
employé. Quand un employé part, retirez ses accès le jour même.

## 2. Des sauvegardes qui fonctionnent vraiment

Appliquez la règle 3-2-1 : trois copies de vos données, sur deux supports différents, dont une
hors site ou hors ligne. Une sauvegarde toujours branchée peut être chiffrée par un rançongiciel
en même temps que vos fichiers. Pour vos services en ligne (boutique, comptabilité), exportez
vos données régulièrement. Surtout, testez une restauration chaque trimestre : une sauvegarde
jamais testée n'est qu'un espoir.

## 3. Reconnaître l'hameçonnage

Méfiez-vous des messages qui :

- créent l'urgence (« votre compte sera fermé aujourd'hui ») ;
- annoncent un changement des coordonnées bancaires d'un fournisseur ;
- demandent d'acheter des cartes-cadeaux ;
- mènent à une page de connexion par un lien.

Le bon réflexe : vérifier par un autre moyen, par exemple en appelant le fournisseur au numéro
que vous connaissez déjà, jamais à celui indiqué dans le message.

## Les autres bonnes habitudes

- Activez les mises à jour automatiques des ordinateurs, des téléphones et des terminaux.
- Offrez à la clientèle un réseau Wi-Fi invité, séparé de celui de la caisse.
- Formez votre équipe quelques minutes par mois, avec des exemples réels.

## En cas d'incident

Gardez à portée de main les numéros utiles : fournisseur informatique, banque, assureur.
Signalez la fraude au Centre antifraude du Canada et à la police. Si des renseignements
personnels sont touchés, inscrivez l'incident au registre exigé par la Loi 25.

## Liste de vérification

- L'AMF est active sur le courriel, la banque, la boutique et la caisse.
- Chaque employé a son propre compte.
- Une copie de mes données est hors ligne.
- J'ai testé une restauration ce trimestre.
- L'équipe sait vérifier une demande de paiement inhabituelle.
""",
        "body_en": """\
## Small shops are targets too

Fraudsters do not pick their victims by size: they go after poorly protected accounts. A
single hacked email account is enough to divert a payment or empty an online store.

## 1. Multi-factor authentication (MFA)

MFA adds a second proof to the password: a code in an authenticator app, a security key or,
failing that, a text message. Turn it on first for:

- your email, which opens the door to all your other accounts;
- bank and payment accounts;
- the administration of your online store and your POS;
- your domain name and social media.

Use a password manager, a unique password for each service and one account per employee. When
an employee leaves, remove their access the same day.

## 2. Backups that really work

Apply the 3-2-1 rule: three copies of your data, on two different media, one of them off-site
or offline. A backup that is always connected can be encrypted by ransomware along with your
files. For your online services (store, accounting), export your data regularly. Above all,
test a restore every quarter: a backup that has never been tested is only a hope.

## 3. Recognizing phishing

Be wary of messages that:

- create urgency ("your account will be closed today");
- announce a change in a supplier's banking details;
- ask you to buy gift cards;
- take you to a login page through a link.

The right reflex: check through another channel, for example by calling the supplier at the
number you already know, never the one given in the message.

## Other good habits

- Turn on automatic updates for computers, phones and terminals.
- Offer customers a guest Wi-Fi network, separate from the one used by the POS.
- Train your team a few minutes a month, with real examples.

## If something happens

Keep the useful numbers at hand: IT provider, bank, insurer. Report fraud to the Canadian
Anti-Fraud Centre and to the police. If personal information is affected, record the incident
in the register required by Law 25.

## Checklist

- MFA is on for email, banking, the online store and the POS.
- Each employee has their own account.
- One copy of my data is offline.
- I have tested a restore this quarter.
- The team knows how to check an unusual payment request.
""",
        "minutes": 6,
        "level": "beginner",
        "topics": ["cybersecurity", "privacy"],
        "categories": ["cybersecurity"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Sur quel compte faut-il activer l'AMF en priorité ?",
                "Which account should get MFA first?",
                [
                    _choice(
                        "Le compte de courriel.",
                        "The email account.",
                        correct=True,
                    ),
                    _choice(
                        "Le compte de la liste de musique du magasin.",
                        "The store's music playlist account.",
                    ),
                    _choice(
                        "Le compte de l'imprimante.",
                        "The printer account.",
                    ),
                ],
                "La messagerie permet de réinitialiser les mots de passe de presque tous vos "
                "autres comptes : c'est la première à protéger.",
                "Email can reset the passwords of almost all your other accounts: it is the "
                "first one to protect.",
            ),
            _question(
                "Que veut dire la règle de sauvegarde 3-2-1 ?",
                "What does the 3-2-1 backup rule mean?",
                [
                    _choice(
                        "Trois mots de passe, deux employés, un administrateur.",
                        "Three passwords, two employees, one administrator.",
                    ),
                    _choice(
                        "Trois copies, sur deux supports, dont une hors site ou hors ligne.",
                        "Three copies, on two media, one of them off-site or offline.",
                        correct=True,
                    ),
                    _choice(
                        "Une sauvegarde trois fois par année.",
                        "A backup three times a year.",
                    ),
                ],
                "La copie hors ligne échappe à un rançongiciel qui chiffrerait tout ce qui est "
                "branché.",
                "The offline copy escapes ransomware that would encrypt everything that is "
                "connected.",
            ),
            _question(
                "Un fournisseur vous écrit que ses coordonnées bancaires ont changé. Que "
                "faites-vous ?",
                "A supplier emails you that their banking details have changed. What do you do?",
                [
                    _choice(
                        "Je mets ses coordonnées à jour tout de suite.",
                        "I update the details right away.",
                    ),
                    _choice(
                        "Je réponds au courriel pour confirmer.",
                        "I reply to the email to confirm.",
                    ),
                    _choice(
                        "Je l'appelle au numéro que je connais déjà.",
                        "I call them at the number I already know.",
                        correct=True,
                    ),
                ],
                "Vérifiez toujours par un autre moyen : répondre au courriel, c'est peut-être "
                "écrire au fraudeur.",
                "Always check through another channel: replying to the email may mean writing "
                "to the fraudster.",
            ),
            _question(
                "Pourquoi offrir un réseau Wi-Fi invité séparé ?",
                "Why offer a separate guest Wi-Fi network?",
                [
                    _choice(
                        "Pour tenir les appareils des clients à l'écart du réseau de la caisse.",
                        "To keep customers' devices away from the POS network.",
                        correct=True,
                    ),
                    _choice(
                        "Pour que la connexion soit plus rapide.",
                        "To make the connection faster.",
                    ),
                    _choice(
                        "Parce que la Loi 25 l'exige expressément.",
                        "Because Law 25 expressly requires it.",
                    ),
                ],
                "Séparer les réseaux limite ce qu'un appareil infecté peut atteindre.",
                "Separating networks limits what an infected device can reach.",
            ),
        ],
    },
    {
        "key": "business-listings",
        "title_fr": "Être trouvé sur les cartes et les moteurs de recherche",
        "title_en": "Getting found on maps and search engines",
        "summary_fr": (
            "Créer, vérifier et tenir à jour les fiches de votre commerce sur les cartes et les "
            "moteurs de recherche, et bien gérer les avis."
        ),
        "summary_en": (
            "Create, verify and keep up to date your shop's listings on maps and search "
            "engines, and handle reviews well."
        ),
        "body_fr": """\
## Pourquoi c'est la priorité

Avant de se déplacer, la plupart des clients cherchent « quincaillerie près de moi » ou
vérifient vos heures sur leur téléphone. Une fiche d'entreprise complète est souvent le premier
contact avec votre commerce, et elle est gratuite.

## Où être présent

- Les fiches d'entreprise des principaux moteurs de recherche et services de cartes ;
- les répertoires locaux : chambre de commerce, association de commerçants, municipalité ;
- les sites d'avis propres à votre secteur, s'il y en a.

Commencez par revendiquer et vérifier les fiches existantes : quelqu'un en a peut-être déjà
créé une pour vous, avec des erreurs.

## Des renseignements cohérents partout

- Le même nom, la même adresse et le même numéro de téléphone, écrits de la même façon sur
  toutes les fiches et sur votre site.
- Les heures d'ouverture, y compris les heures spéciales des jours fériés et du temps des Fêtes.
- La bonne catégorie principale et quelques catégories secondaires.
- Une description en français qui dit ce que vous vendez et ce qui vous distingue.
- Les liens vers votre site, votre boutique en ligne ou votre prise de rendez-vous.
- Les attributs utiles : entrée accessible en fauteuil roulant, cueillette en magasin, modes
  de paiement.

## Des photos qui donnent envie

Ajoutez la devanture, pour qu'on la reconnaisse de la rue, l'intérieur, vos produits vedettes
et votre équipe, avec son accord. Renouvelez-les à chaque saison.

## Les avis : demander et répondre

- Demandez un avis aux clients satisfaits, par exemple avec un code QR à la caisse.
- Répondez à tous les avis, positifs comme négatifs, avec courtoisie et sans dévoiler de
  renseignements personnels.
- N'achetez jamais de faux avis et n'en écrivez pas pour vous-même : le Bureau de la
  concurrence considère les faux avis comme une pratique trompeuse.

## Plusieurs emplacements ?

Créez une fiche par emplacement, avec son adresse, son téléphone et ses heures, et reliez
chacune à la page de ce magasin sur votre site.

## Protéger l'accès

Gérez les fiches avec un compte d'entreprise protégé par l'authentification multifacteur, et
donnez un accès de gestion à au moins deux personnes.

## Liste de vérification

- Mes fiches sont revendiquées et vérifiées.
- Le nom, l'adresse et le téléphone sont identiques partout.
- Les heures des jours fériés sont à jour.
- J'ai ajouté des photos récentes.
- Je réponds aux avis chaque semaine.
""",
        "body_en": """\
## Why this comes first

Before heading out, most customers search for "hardware store near me" or check your hours on
their phone. A complete business listing is often the first contact with your shop, and it is
free.

## Where to be listed

- The business listings of the main search engines and map services;
- local directories: chamber of commerce, merchants' association, municipality;
- review sites specific to your sector, if there are any.

Start by claiming and verifying existing listings: someone may already have created one for
you, with errors.

## Consistent information everywhere

- The same name, address and phone number, written the same way on every listing and on your
  website.
- Opening hours, including special hours for statutory holidays and the holiday season.
- The right main category and a few secondary ones.
- A description in French that says what you sell and what sets you apart.
- Links to your website, your online store or your appointment booking.
- Useful attributes: wheelchair-accessible entrance, click-and-collect, payment methods.

## Photos that make people want to come

Add the storefront, so people recognize it from the street, the inside, your best-selling
products and your team, with their consent. Refresh them every season.

## Reviews: ask and respond

- Ask satisfied customers for a review, for example with a QR code at the till.
- Respond to every review, positive or negative, courteously and without revealing personal
  information.
- Never buy fake reviews and never write any for yourself: the Competition Bureau treats fake
  reviews as a deceptive practice.

## Several locations?

Create one listing per location, with its own address, phone number and hours, and link each
one to that store's page on your website.

## Protect access

Manage your listings with a business account protected by multi-factor authentication, and
give management access to at least two people.

## Checklist

- My listings are claimed and verified.
- Name, address and phone number are identical everywhere.
- Holiday hours are up to date.
- I have added recent photos.
- I respond to reviews every week.
""",
        "minutes": 6,
        "level": "beginner",
        "topics": ["visibility"],
        "categories": ["visibility"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Que faire avant de créer une nouvelle fiche d'entreprise ?",
                "What should you do before creating a new business listing?",
                [
                    _choice(
                        "Vérifier si une fiche existe déjà et la revendiquer.",
                        "Check whether a listing already exists and claim it.",
                        correct=True,
                    ),
                    _choice(
                        "Créer plusieurs fiches pour être plus visible.",
                        "Create several listings to be more visible.",
                    ),
                    _choice(
                        "Attendre que des clients la créent.",
                        "Wait for customers to create it.",
                    ),
                ],
                "Une fiche existe souvent déjà, parfois avec des erreurs ; les doublons nuisent "
                "à votre visibilité.",
                "A listing often already exists, sometimes with errors; duplicates hurt your "
                "visibility.",
            ),
            _question(
                "Pourquoi garder le nom, l'adresse et le téléphone identiques partout ?",
                "Why keep name, address and phone number identical everywhere?",
                [
                    _choice(
                        "Parce que la Loi anti-pourriel l'exige.",
                        "Because the anti-spam law requires it.",
                    ),
                    _choice(
                        "Pour que les moteurs de recherche et les clients fassent confiance à "
                        "l'information.",
                        "So that search engines and customers trust the information.",
                        correct=True,
                    ),
                    _choice(
                        "Pour réduire les frais de paiement.",
                        "To lower payment fees.",
                    ),
                ],
                "Des renseignements cohérents rassurent les clients et aident les moteurs à "
                "relier vos fiches à votre commerce.",
                "Consistent information reassures customers and helps search engines link your "
                "listings to your shop.",
            ),
            _question(
                "Un client laisse un avis négatif. Quelle est la bonne réaction ?",
                "A customer leaves a negative review. What is the right response?",
                [
                    _choice(
                        "L'ignorer.",
                        "Ignore it.",
                    ),
                    _choice(
                        "Publier quelques avis positifs pour le faire oublier.",
                        "Post a few positive reviews to bury it.",
                    ),
                    _choice(
                        "Répondre avec courtoisie, sans dévoiler de renseignements personnels.",
                        "Reply courteously, without revealing personal information.",
                        correct=True,
                    ),
                ],
                "Une réponse courtoise montre votre sérieux ; les faux avis sont une pratique "
                "trompeuse.",
                "A courteous reply shows you care; fake reviews are a deceptive practice.",
            ),
            _question(
                "Vous avez trois magasins. Combien de fiches faut-il ?",
                "You have three stores. How many listings do you need?",
                [
                    _choice(
                        "Une seule, pour le siège social.",
                        "Just one, for the head office.",
                    ),
                    _choice(
                        "Une par emplacement, avec son adresse et ses heures.",
                        "One per location, with its own address and hours.",
                        correct=True,
                    ),
                    _choice(
                        "Aucune, le site Web suffit.",
                        "None, the website is enough.",
                    ),
                ],
                "Chaque magasin a sa fiche, reliée à sa propre page sur votre site.",
                "Each store has its own listing, linked to its own page on your website.",
            ),
        ],
    },
    {
        "key": "shipping-quebec",
        "title_fr": "Les options de livraison au Québec",
        "title_en": "Shipping options in Québec",
        "summary_fr": (
            "Postes Canada, messageries, livraison locale et cueillette en magasin : comment "
            "combiner les options selon vos produits et votre clientèle."
        ),
        "summary_en": (
            "Canada Post, couriers, local delivery and click-and-collect: how to combine the "
            "options according to your products and your customers."
        ),
        "body_fr": """\
## Quatre options à combiner

La livraison pèse lourd dans la décision d'achat. Deux ou trois options bien choisies valent
mieux qu'une seule option chère.

### Postes Canada

- Dessert toutes les adresses du pays, y compris les régions éloignées et les cases postales.
- Plusieurs niveaux de service, du colis standard aux services express, avec suivi.
- Un programme pour petites entreprises offre des rabais.

### Les services de messagerie

- Entreprises nationales, internationales ou régionales ; certaines sont très concurrentielles
  à l'intérieur du Québec.
- Ramassage à votre commerce et délais rapides entre les grands centres.
- Vérifiez la couverture réelle : certaines adresses (Côte-Nord, Îles-de-la-Madeleine,
  Nord-du-Québec) coûtent plus cher ou passent par un partenaire.

### La livraison locale

- Définissez une zone, par exemple selon les trois premiers caractères du code postal.
- Un tarif fixe simple et des plages de livraison claires.
- Par votre équipe ou un service local ; vérifiez l'assurance du véhicule.

### L'achat en ligne, cueillette en magasin

- Aucuns frais d'envoi pour le client, et une visite en magasin pour vous, souvent avec un
  achat de plus.
- Envoyez un avis « commande prête », réservez une tablette aux commandes et fixez un délai de
  conservation.
- Demandez le numéro de commande et une pièce d'identité au moment de la remise.

## Maîtriser les coûts

- Pesez et mesurez vos colis : les transporteurs facturent souvent le poids volumétrique d'une
  grosse boîte légère.
- Comparez les tarifs avec un outil d'expédition qui interroge plusieurs transporteurs.
- Fixez un seuil de livraison gratuite, par exemple un peu au-dessus de votre panier moyen, et
  intégrez ce coût dans votre marge.
- Prévoyez l'emballage, les retours et l'assurance des envois de valeur.

## Être clair avec la clientèle

Affichez les délais et les frais avant le paiement, pas à la dernière étape. Publiez votre
politique de retour en français et envoyez le numéro de suivi dès l'expédition.

## Liste de vérification

- J'offre au moins deux options, dont une économique.
- Les frais et les délais sont visibles avant le paiement.
- Ma zone de livraison locale est définie.
- La cueillette en magasin suit une procédure écrite.
- Je compare les tarifs de plusieurs transporteurs.
""",
        "body_en": """\
## Four options to combine

Shipping weighs heavily in the decision to buy. Two or three well-chosen options are better
than a single expensive one.

### Canada Post

- Serves every address in the country, including remote regions and post office boxes.
- Several service levels, from standard parcels to express services, with tracking.
- A small business program offers discounts.

### Courier services

- National, international or regional companies; some are very competitive within Québec.
- Pickup at your shop and fast delivery times between major centres.
- Check the actual coverage: some addresses (Côte-Nord, Îles-de-la-Madeleine,
  Nord-du-Québec) cost more or go through a partner.

### Local delivery

- Define a zone, for example by the first three characters of the postal code.
- A simple flat rate and clear delivery windows.
- By your own team or a local service; check the vehicle's insurance.

### Buy online, pick up in store

- No shipping fee for the customer, and a store visit for you, often with one more purchase.
- Send an "order ready" notice, set aside a shelf for orders and set how long you hold them.
- Ask for the order number and a piece of ID at handover.

## Keep costs under control

- Weigh and measure your parcels: carriers often charge the dimensional weight of a large,
  light box.
- Compare rates with a shipping tool that queries several carriers.
- Set a free-shipping threshold, for example a little above your average order value, and
  build that cost into your margin.
- Plan for packaging, returns and insurance on valuable shipments.

## Be clear with customers

Show delivery times and fees before payment, not at the last step. Publish your return policy
in French and send the tracking number as soon as the parcel ships.

## Checklist

- I offer at least two options, including an economical one.
- Fees and delivery times are visible before payment.
- My local delivery zone is defined.
- Click-and-collect follows a written procedure.
- I compare rates from several carriers.
""",
        "minutes": 6,
        "level": "intermediate",
        "topics": ["shipping", "ecommerce"],
        "categories": ["shipping"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Qu'est-ce que le poids volumétrique ?",
                "What is dimensional weight?",
                [
                    _choice(
                        "Le poids du produit seul, sans emballage.",
                        "The weight of the product alone, without packaging.",
                    ),
                    _choice(
                        "Un poids calculé selon la taille du colis, facturé quand il dépasse le "
                        "poids réel.",
                        "A weight based on the parcel's size, charged when it exceeds the "
                        "actual weight.",
                        correct=True,
                    ),
                    _choice(
                        "Une taxe sur les colis lourds.",
                        "A tax on heavy parcels.",
                    ),
                ],
                "Une grosse boîte légère peut coûter plus cher qu'une petite boîte lourde : "
                "choisissez un emballage ajusté.",
                "A large, light box can cost more than a small, heavy one: choose snug packaging.",
            ),
            _question(
                "Quel est l'avantage de la cueillette en magasin pour le commerce ?",
                "What is the advantage of click-and-collect for the shop?",
                [
                    _choice(
                        "Le client vient en magasin, souvent avec un achat de plus.",
                        "The customer comes to the store, often making one more purchase.",
                        correct=True,
                    ),
                    _choice(
                        "Il n'y a plus de commande à préparer.",
                        "There are no more orders to prepare.",
                    ),
                    _choice(
                        "Les taxes ne s'appliquent pas.",
                        "Taxes do not apply.",
                    ),
                ],
                "Pas de frais d'envoi pour le client, et une occasion de vente de plus pour vous.",
                "No shipping fee for the customer, and one more sales opportunity for you.",
            ),
            _question(
                "Quand faut-il afficher les frais de livraison ?",
                "When should shipping fees be shown?",
                [
                    _choice(
                        "Après le paiement.",
                        "After payment.",
                    ),
                    _choice(
                        "Seulement sur la facture.",
                        "Only on the invoice.",
                    ),
                    _choice(
                        "Avant le paiement, le plus tôt possible.",
                        "Before payment, as early as possible.",
                        correct=True,
                    ),
                ],
                "Des frais découverts à la dernière étape sont une cause fréquente d'abandon de "
                "panier.",
                "Fees discovered at the last step are a common cause of abandoned carts.",
            ),
            _question(
                "Pourquoi vérifier la couverture réelle d'un service de messagerie ?",
                "Why check a courier's actual coverage?",
                [
                    _choice(
                        "Parce que les messageries ne livrent jamais au Québec.",
                        "Because couriers never deliver in Québec.",
                    ),
                    _choice(
                        "Parce que certaines régions éloignées coûtent plus cher ou passent par "
                        "un partenaire.",
                        "Because some remote regions cost more or go through a partner.",
                        correct=True,
                    ),
                    _choice(
                        "Parce que Postes Canada ne dessert pas les régions éloignées.",
                        "Because Canada Post does not serve remote regions.",
                    ),
                ],
                "Les tarifs et les délais varient beaucoup selon la destination ; Postes Canada "
                "dessert toutes les adresses.",
                "Rates and delivery times vary a lot by destination; Canada Post serves every "
                "address.",
            ),
        ],
    },
    {
        "key": "online-payments-fees",
        "title_fr": "Paiements en ligne : options et frais",
        "title_en": "Online payments: options and fees",
        "summary_fr": (
            "Comprendre comment fonctionne un paiement en ligne, ce qu'il coûte vraiment et "
            "comment limiter la fraude et les rétrofacturations."
        ),
        "summary_en": (
            "Understand how an online payment works, what it really costs and how to limit "
            "fraud and chargebacks."
        ),
        "body_fr": """\
## Qui fait quoi

Quand un client paie en ligne, plusieurs acteurs interviennent : la passerelle de paiement, qui
transmet la transaction de façon sécurisée, le fournisseur de services marchands, les réseaux
de cartes et la banque du client. Sur bien des plateformes, ces rôles sont réunis dans un seul
service intégré.

## Les modes de paiement à offrir

- Les cartes de crédit et les cartes de débit utilisables en ligne ;
- les portefeuilles mobiles, pratiques sur téléphone ;
- le virement Interac, utile pour les commandes locales ou entre entreprises, mais à
  rapprocher à la main ;
- le paiement par versements, si votre panier moyen est élevé (frais plus élevés).

## Ce que ça coûte

- **Tarif forfaitaire** : souvent de l'ordre de 2,5 à 3 % du montant, plus environ 0,30 $ par
  transaction. Simple et prévisible.
- **Tarif interchange majoré** : le coût réel de la carte, plus une marge fixe. Souvent plus
  avantageux quand le volume augmente, mais plus difficile à lire.
- **Les autres frais** : abonnement mensuel, frais de plateforme si vous utilisez un
  fournisseur externe, conversion de devises, rétrofacturations.
- Un remboursement ne redonne pas toujours les frais de la transaction initiale.

Calculez votre coût réel : le total des frais du mois divisé par le total des ventes en ligne.

## Au Québec, pas de supplément pour carte de crédit

Ailleurs au Canada, certains commerçants ajoutent un supplément aux paiements par carte de
crédit. Au Québec, la Loi sur la protection du consommateur interdit d'exiger un prix plus
élevé que celui annoncé : ce supplément n'est donc pas permis.

## Réduire la fraude et les rétrofacturations

- Utilisez une page de paiement hébergée par le fournisseur : les numéros de carte ne passent
  jamais par vos systèmes, ce qui simplifie la conformité à la norme PCI DSS.
- Activez l'authentification 3-D Secure et les filtres antifraude.
- Méfiez-vous des commandes qui cumulent un montant élevé, une livraison express et une
  adresse de livraison différente de celle de facturation.
- Conservez les preuves de livraison et répondez vite aux contestations.
- Utilisez un nom reconnaissable sur le relevé de carte du client.

## Comparer les offres

Demandez une simulation avec vos vrais chiffres : nombre de transactions, montant moyen. Lisez
la durée du contrat, les frais de résiliation et le délai de versement des fonds.

## Liste de vérification

- Je connais mon coût réel en pourcentage des ventes.
- Aucun supplément n'est ajouté aux paiements par carte.
- Les numéros de carte ne sont pas conservés chez moi.
- 3-D Secure et les filtres antifraude sont actifs.
- J'ai comparé au moins deux offres avec mes chiffres.
""",
        "body_en": """\
## Who does what

When a customer pays online, several players are involved: the payment gateway, which passes
the transaction on securely, the merchant services provider, the card networks and the
customer's bank. On many platforms, these roles are combined into a single integrated service.

## Payment methods to offer

- Credit cards and debit cards that can be used online;
- mobile wallets, handy on phones;
- Interac e-Transfer, useful for local or business-to-business orders, but reconciled by hand;
- instalment payments, if your average order value is high (higher fees).

## What it costs

- **Flat rate**: often around 2.5% to 3% of the amount, plus about $0.30 per transaction.
  Simple and predictable.
- **Interchange-plus pricing**: the actual cost of the card, plus a fixed markup. Often better
  value as volume grows, but harder to read.
- **Other fees**: monthly subscription, platform fees if you use an outside provider, currency
  conversion, chargebacks.
- A refund does not always give back the fees of the original transaction.

Work out your real cost: total fees for the month divided by total online sales.

## In Québec, no credit card surcharge

Elsewhere in Canada, some merchants add a surcharge to credit card payments. In Québec, the
Consumer Protection Act prohibits charging a price higher than the advertised price: such a
surcharge is therefore not allowed.

## Reduce fraud and chargebacks

- Use a payment page hosted by the provider: card numbers never pass through your systems,
  which makes PCI DSS compliance simpler.
- Turn on 3-D Secure authentication and fraud filters.
- Be wary of orders that combine a large amount, express shipping and a shipping address
  different from the billing address.
- Keep proof of delivery and respond quickly to disputes.
- Use a recognizable name on the customer's card statement.

## Compare offers

Ask for a simulation with your real figures: number of transactions, average amount. Read the
contract term, the cancellation fees and how long it takes for funds to reach your account.

## Checklist

- I know my real cost as a percentage of sales.
- No surcharge is added to card payments.
- Card numbers are not stored on my side.
- 3-D Secure and fraud filters are on.
- I have compared at least two offers using my own figures.
""",
        "minutes": 6,
        "level": "intermediate",
        "topics": ["payments", "ecommerce", "cybersecurity"],
        "categories": ["payments"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Comment calculer le coût réel de vos paiements en ligne ?",
                "How do you work out the real cost of your online payments?",
                [
                    _choice(
                        "Le taux affiché par le fournisseur suffit.",
                        "The provider's advertised rate is enough.",
                    ),
                    _choice(
                        "Le nombre de transactions multiplié par 0,30 $.",
                        "The number of transactions multiplied by $0.30.",
                    ),
                    _choice(
                        "Le total des frais du mois divisé par le total des ventes en ligne.",
                        "Total fees for the month divided by total online sales.",
                        correct=True,
                    ),
                ],
                "Ce pourcentage inclut tous les frais : abonnement, rétrofacturations, "
                "conversion de devises.",
                "That percentage includes every fee: subscription, chargebacks, currency "
                "conversion.",
            ),
            _question(
                "Au Québec, pouvez-vous ajouter un supplément aux paiements par carte de crédit ?",
                "In Québec, can you add a surcharge to credit card payments?",
                [
                    _choice(
                        "Oui, s'il est affiché à la caisse.",
                        "Yes, if it is posted at the till.",
                    ),
                    _choice(
                        "Non, la Loi sur la protection du consommateur l'interdit.",
                        "No, the Consumer Protection Act prohibits it.",
                        correct=True,
                    ),
                    _choice(
                        "Oui, jusqu'à 3 % du montant.",
                        "Yes, up to 3% of the amount.",
                    ),
                ],
                "Exiger un prix plus élevé que le prix annoncé n'est pas permis au Québec.",
                "Charging more than the advertised price is not allowed in Québec.",
            ),
            _question(
                "Pourquoi utiliser une page de paiement hébergée par le fournisseur ?",
                "Why use a payment page hosted by the provider?",
                [
                    _choice(
                        "Les numéros de carte ne passent jamais par vos systèmes.",
                        "Card numbers never pass through your systems.",
                        correct=True,
                    ),
                    _choice(
                        "Elle réduit les frais de livraison.",
                        "It lowers shipping costs.",
                    ),
                    _choice(
                        "Elle permet d'ajouter un supplément.",
                        "It allows you to add a surcharge.",
                    ),
                ],
                "Moins vous touchez aux données de carte, plus la conformité PCI DSS est simple "
                "et plus le risque est faible.",
                "The less you handle card data, the simpler PCI DSS compliance is and the lower "
                "the risk.",
            ),
            _question(
                "Qu'est-ce qu'une rétrofacturation ?",
                "What is a chargeback?",
                [
                    _choice(
                        "Un rabais accordé à un client fidèle.",
                        "A discount given to a loyal customer.",
                    ),
                    _choice(
                        "Un remboursement de taxes.",
                        "A tax refund.",
                    ),
                    _choice(
                        "Un paiement contesté par le client auprès de sa banque, qui l'annule.",
                        "A payment disputed by the customer with their bank, which reverses it.",
                        correct=True,
                    ),
                ],
                "Les rétrofacturations coûtent la vente et des frais : gardez vos preuves de "
                "livraison.",
                "Chargebacks cost you the sale plus fees: keep your proof of delivery.",
            ),
        ],
    },
    {
        "key": "email-marketing-casl",
        "title_fr": "Marketing par courriel et consentement",
        "title_en": "Email marketing and consent",
        "summary_fr": (
            "Les bases de la Loi canadienne anti-pourriel (LCAP) : consentement exprès ou "
            "tacite, identification et désabonnement. Et quelques pratiques simples pour une "
            "infolettre efficace."
        ),
        "summary_en": (
            "The basics of Canada's anti-spam legislation (CASL): express or implied consent, "
            "identification and unsubscribing. And a few simple practices for an effective "
            "newsletter."
        ),
        "body_fr": """\
## Ce que la loi vise

La Loi canadienne anti-pourriel (LCAP) encadre les messages électroniques commerciaux :
courriels, textos et messages directs qui font la promotion de vos produits, d'une vente ou
d'un événement. Chaque message doit respecter trois conditions : un consentement,
l'identification de l'expéditeur et un moyen simple de se désabonner.

## Le consentement exprès

La personne dit oui par un geste actif : cocher une case vide, inscrire son adresse dans un
formulaire d'abonnement à l'infolettre. La demande doit indiquer :

- la fin visée, par exemple recevoir vos promotions ;
- le nom de votre commerce et vos coordonnées ;
- que la personne peut retirer son consentement en tout temps.

Le consentement exprès n'expire pas, tant que la personne ne se désabonne pas.

## Le consentement tacite

Il découle d'une relation d'affaires existante et il est limité dans le temps :

- un achat chez vous : deux ans à partir de la date de l'achat ;
- une demande d'information ou de soumission : six mois.

Profitez de cette période pour demander un consentement exprès.

## Dans chaque message

- Le nom de votre commerce, votre adresse postale et un moyen de vous joindre.
- Un lien de désabonnement visible, gratuit et simple, qui fonctionne au moins 60 jours après
  l'envoi. Donnez suite à chaque demande dans un délai maximal de 10 jours ouvrables.

## La preuve vous revient

En cas de plainte, c'est à vous de prouver le consentement. Conservez la date, la source
(caisse, site, événement) et le texte de la demande. N'achetez jamais de liste d'adresses.
Votre liste de clients contient aussi des renseignements personnels protégés par la Loi 25. Les
sanctions prévues par la LCAP peuvent atteindre 10 millions de dollars par violation pour une
entreprise.

## Une infolettre qui donne envie

- Une fréquence régulière et réaliste, par exemple deux fois par mois.
- Des segments simples : clients de chaque magasin, intérêts déclarés.
- Un seul appel à l'action clair par message.
- Mesurez les clics et les ventes plutôt que les ouvertures, devenues peu fiables.

## Liste de vérification

- Mes formulaires n'ont aucune case cochée d'avance.
- Je conserve la preuve de chaque consentement.
- Je sais quand expire chaque consentement tacite.
- Chaque message contient mes coordonnées et un lien de désabonnement.
- Les désabonnements sont traités en moins de 10 jours ouvrables.
""",
        "body_en": """\
## What the law covers

Canada's anti-spam legislation (CASL) governs commercial electronic messages: emails, text
messages and direct messages that promote your products, a sale or an event. Every message
must meet three conditions: consent, identification of the sender and a simple way to
unsubscribe.

## Express consent

The person says yes through an active step: ticking an empty box, entering their address in a
newsletter sign-up form. The request must state:

- the purpose, for example receiving your promotions;
- your shop's name and contact information;
- that the person can withdraw their consent at any time.

Express consent does not expire, as long as the person does not unsubscribe.

## Implied consent

It comes from an existing business relationship and it is limited in time:

- a purchase from you: two years from the date of purchase;
- a request for information or a quote: six months.

Use that period to ask for express consent.

## In every message

- Your shop's name, your mailing address and a way to reach you.
- A visible, free and simple unsubscribe link that works for at least 60 days after sending.
  Act on each request within 10 business days at most.

## The burden of proof is yours

If there is a complaint, it is up to you to prove consent. Keep the date, the source (till,
website, event) and the wording of the request. Never buy an address list. Your customer list
also contains personal information protected by Law 25. Penalties under CASL can reach
$10 million per violation for a business.

## A newsletter people want to read

- A regular, realistic frequency, for example twice a month.
- Simple segments: customers of each store, stated interests.
- One clear call to action per message.
- Measure clicks and sales rather than opens, which have become unreliable.

## Checklist

- My forms have no pre-ticked box.
- I keep proof of every consent.
- I know when each implied consent expires.
- Every message includes my contact information and an unsubscribe link.
- Unsubscribe requests are handled within 10 business days.
""",
        "minutes": 6,
        "level": "intermediate",
        "topics": ["crm_email", "privacy"],
        "categories": ["crm_email"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Lequel de ces gestes est un consentement exprès ?",
                "Which of these is express consent?",
                [
                    _choice(
                        "Une case déjà cochée dans le formulaire de commande.",
                        "A box already ticked in the order form.",
                    ),
                    _choice(
                        "Le client coche lui-même une case vide pour recevoir vos promotions.",
                        "The customer personally ticks an empty box to receive your promotions.",
                        correct=True,
                    ),
                    _choice(
                        "Vous avez trouvé son adresse sur Internet.",
                        "You found their address on the internet.",
                    ),
                ],
                "Le consentement exprès demande un geste actif de la personne, pour une fin "
                "clairement indiquée.",
                "Express consent requires an active step by the person, for a clearly stated "
                "purpose.",
            ),
            _question(
                "Une cliente a acheté chez vous il y a 18 mois, sans s'abonner. Où en est son "
                "consentement ?",
                "A customer bought from you 18 months ago without subscribing. Where does her "
                "consent stand?",
                [
                    _choice(
                        "Consentement tacite encore valide ; demandez-lui un consentement exprès.",
                        "Implied consent still valid; ask her for express consent.",
                        correct=True,
                    ),
                    _choice(
                        "Aucun consentement, vous ne pouvez rien lui envoyer.",
                        "No consent, you cannot send her anything.",
                    ),
                    _choice(
                        "Consentement exprès pour toujours.",
                        "Express consent forever.",
                    ),
                ],
                "Un achat donne un consentement tacite de deux ans à partir de la date de l'achat.",
                "A purchase gives implied consent for two years from the date of purchase.",
            ),
            _question(
                "Dans quel délai faut-il traiter une demande de désabonnement ?",
                "How quickly must an unsubscribe request be handled?",
                [
                    _choice(
                        "Dans les 30 jours.",
                        "Within 30 days.",
                    ),
                    _choice(
                        "À la prochaine saison.",
                        "By next season.",
                    ),
                    _choice(
                        "Au plus tard 10 jours ouvrables après la demande.",
                        "No later than 10 business days after the request.",
                        correct=True,
                    ),
                ],
                "La LCAP fixe un maximum de 10 jours ouvrables ; le plus tôt est le mieux.",
                "CASL sets a maximum of 10 business days; the sooner the better.",
            ),
            _question(
                "En cas de plainte, qui doit prouver le consentement ?",
                "If there is a complaint, who must prove consent?",
                [
                    _choice(
                        "La personne qui a reçu le message.",
                        "The person who received the message.",
                    ),
                    _choice(
                        "Le commerce qui a envoyé le message.",
                        "The business that sent the message.",
                        correct=True,
                    ),
                    _choice(
                        "Le fournisseur de courriel du client.",
                        "The customer's email provider.",
                    ),
                ],
                "Gardez la date, la source et le texte de chaque demande de consentement.",
                "Keep the date, the source and the wording of each consent request.",
            ),
        ],
    },
    {
        "key": "social-media-local",
        "title_fr": "Les réseaux sociaux pour un commerce de quartier",
        "title_en": "Social media for a neighbourhood shop",
        "summary_fr": (
            "Choisir ses plateformes, planifier du contenu authentique et mesurer ce qui amène "
            "vraiment des clients en magasin."
        ),
        "summary_en": (
            "Choose your platforms, plan authentic content and measure what really brings "
            "customers into the store."
        ),
        "body_fr": """\
## Moins de plateformes, mieux tenues

Inutile d'être partout. Choisissez une ou deux plateformes où se trouve déjà votre clientèle :
demandez-le à vos clients, regardez où sont actifs les commerces voisins qui réussissent. Un
compte actif vaut mieux que cinq comptes abandonnés.

## Un profil complet

- Un compte professionnel, au nom de votre commerce.
- L'adresse, les heures et un lien vers votre site ou votre boutique en ligne.
- Une photo de profil reconnaissable, la même partout.
- Au moins deux administrateurs, chacun protégé par l'authentification multifacteur.

## Quoi publier

On suit un commerce local pour ses visages et ses découvertes. Alternez :

- les nouveautés et les arrivages, photographiés à la lumière naturelle ;
- les coulisses : réception de marchandise, montage des vitrines ;
- des conseils d'utilisation ou d'entretien ;
- les événements du quartier et vos partenaires locaux ;
- les photos de vos clients, **avec leur permission** : l'image d'une personne est un
  renseignement personnel.

Publiez en français ; ajoutez l'anglais si une partie de votre clientèle le souhaite.

## Un rythme réaliste

Deux ou trois publications par semaine suffisent si elles sont régulières. Réservez une heure
par semaine pour préparer et programmer vos publications à l'avance. Répondez aux commentaires
et aux messages dans la journée : pour bien des clients, c'est votre service à la clientèle.

## La publicité payante

Une publication commanditée, ciblée dans un rayon de quelques kilomètres, peut joindre de
nouveaux clients avec un petit budget. Testez un montant modeste pendant deux semaines et
comparez les résultats avant d'augmenter.

## Concours et partenariats

Au Québec, les concours publicitaires sont encadrés par la Régie des alcools, des courses et
des jeux : vérifiez vos obligations avant d'en lancer un. Si vous payez un créateur de contenu
ou lui offrez des produits, cette relation doit être clairement indiquée dans ses publications.

## Mesurer ce qui compte

Les mentions « J'aime » ne paient pas le loyer. Suivez plutôt les clics vers votre site, les
messages reçus, les demandes d'itinéraire et les ventes faites avec un code promotionnel
réservé aux réseaux sociaux.

## Liste de vérification

- J'ai choisi une ou deux plateformes.
- Mon profil est complet, avec deux administrateurs protégés par l'AMF.
- J'ai un calendrier de publications pour le mois.
- J'obtiens la permission avant de publier la photo d'un client.
- Je mesure les clics, les messages et les ventes.
""",
        "body_en": """\
## Fewer platforms, better kept

There is no need to be everywhere. Choose one or two platforms where your customers already
are: ask them, and look at where successful neighbouring shops are active. One active account
is worth more than five abandoned ones.

## A complete profile

- A business account, in your shop's name.
- Your address, hours and a link to your website or online store.
- A recognizable profile picture, the same everywhere.
- At least two administrators, each protected by multi-factor authentication.

## What to post

People follow a local shop for its faces and its finds. Alternate between:

- new products and arrivals, photographed in natural light;
- behind the scenes: receiving goods, setting up window displays;
- tips on using or caring for products;
- neighbourhood events and your local partners;
- photos of your customers, **with their permission**: a person's image is personal
  information.

Post in French; add English if some of your customers want it.

## A realistic pace

Two or three posts a week are enough if they are regular. Set aside one hour a week to prepare
and schedule your posts in advance. Answer comments and messages the same day: for many
customers, that is your customer service.

## Paid advertising

A sponsored post, targeted within a radius of a few kilometres, can reach new customers on a
small budget. Test a modest amount for two weeks and compare the results before spending more.

## Contests and partnerships

In Québec, promotional contests are regulated by the Régie des alcools, des courses et des
jeux: check your obligations before launching one. If you pay a content creator or give them
products, that relationship must be clearly disclosed in their posts.

## Measure what matters

Likes do not pay the rent. Track clicks to your website, messages received, requests for
directions and sales made with a promo code reserved for social media instead.

## Checklist

- I have chosen one or two platforms.
- My profile is complete, with two administrators protected by MFA.
- I have a posting calendar for the month.
- I get permission before posting a customer's photo.
- I measure clicks, messages and sales.
""",
        "minutes": 5,
        "level": "beginner",
        "topics": ["visibility", "strategy", "privacy"],
        "categories": ["visibility"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Sur combien de plateformes un petit commerce devrait-il être actif ?",
                "How many platforms should a small shop be active on?",
                [
                    _choice(
                        "Sur toutes, pour ne rien manquer.",
                        "All of them, so as not to miss anything.",
                    ),
                    _choice(
                        "Une ou deux, là où se trouve déjà sa clientèle.",
                        "One or two, where its customers already are.",
                        correct=True,
                    ),
                    _choice(
                        "Aucune, le bouche-à-oreille suffit.",
                        "None, word of mouth is enough.",
                    ),
                ],
                "Un ou deux comptes bien tenus valent mieux que plusieurs comptes abandonnés.",
                "One or two well-kept accounts are worth more than several abandoned ones.",
            ),
            _question(
                "Vous voulez publier la photo d'une cliente avec son achat. Que faites-vous ?",
                "You want to post a photo of a customer with her purchase. What do you do?",
                [
                    _choice(
                        "Je la publie : la photo a été prise dans mon magasin.",
                        "I post it: the photo was taken in my store.",
                    ),
                    _choice(
                        "Je la publie sans identifier la cliente.",
                        "I post it without tagging the customer.",
                    ),
                    _choice(
                        "Je lui demande d'abord sa permission.",
                        "I ask for her permission first.",
                        correct=True,
                    ),
                ],
                "L'image d'une personne est un renseignement personnel : demandez la permission.",
                "A person's image is personal information: ask for permission.",
            ),
            _question(
                "Que faire avant de lancer un concours publicitaire au Québec ?",
                "What should you do before launching a promotional contest in Québec?",
                [
                    _choice(
                        "Vérifier ses obligations auprès de la Régie des alcools, des courses et "
                        "des jeux.",
                        "Check your obligations with the Régie des alcools, des courses et des "
                        "jeux.",
                        correct=True,
                    ),
                    _choice(
                        "Rien, les concours ne sont pas encadrés.",
                        "Nothing, contests are not regulated.",
                    ),
                    _choice(
                        "Demander l'accord de chaque participant par téléphone.",
                        "Get each participant's approval by phone.",
                    ),
                ],
                "Les concours publicitaires destinés au public québécois sont encadrés par la "
                "Régie.",
                "Promotional contests aimed at the Québec public are regulated by the Régie.",
            ),
            _question(
                "Quel indicateur montre le mieux l'effet de vos réseaux sociaux sur les ventes ?",
                "Which indicator best shows the effect of your social media on sales?",
                [
                    _choice(
                        "Le nombre de mentions « J'aime ».",
                        "The number of likes.",
                    ),
                    _choice(
                        "Le nombre de publications du mois.",
                        "The number of posts this month.",
                    ),
                    _choice(
                        "Les ventes faites avec un code promotionnel réservé aux réseaux sociaux.",
                        "Sales made with a promo code reserved for social media.",
                        correct=True,
                    ),
                ],
                "Les clics, les messages, les itinéraires et les ventes mesurent l'effet réel.",
                "Clicks, messages, directions and sales measure the real effect.",
            ),
        ],
    },
    {
        "key": "marketplaces-pros-cons",
        "title_fr": "Vendre sur les places de marché : avantages et limites",
        "title_en": "Selling on marketplaces: pros and cons",
        "summary_fr": (
            "Ce que les places de marché en ligne apportent à un petit commerce, ce qu'elles "
            "coûtent et comment les utiliser sans en devenir dépendant."
        ),
        "summary_en": (
            "What online marketplaces bring a small retailer, what they cost and how to use "
            "them without becoming dependent on them."
        ),
        "body_fr": """\
## De quoi parle-t-on ?

Une place de marché est un site où de nombreux vendeurs offrent leurs produits à une clientèle
commune : grandes plateformes généralistes, sites spécialisés (artisanat, livres, pièces,
articles d'occasion) ou regroupements de commerçants d'une région. La plateforme attire les
acheteurs et gère souvent le paiement ; vous fournissez les produits et l'expédition.

## Les avantages

- **Un achalandage immédiat** : des acheteurs déjà présents, sans budget de publicité pour
  commencer.
- **La confiance** : les clients connaissent déjà le processus de paiement et de retour.
- **Des services logistiques** : certaines plateformes entreposent et expédient vos produits,
  moyennant des frais.
- **Un terrain d'essai** : pour tester un nouveau produit ou un nouveau marché.

## Les limites

- **Les commissions** : souvent de 5 à 15 % du prix de vente selon la catégorie, plus des
  frais d'abonnement, d'inscription ou de traitement.
- **La concurrence par les prix** : votre offre s'affiche à côté de celle de vos concurrents.
- **Le client ne vous appartient pas** : accès limité à ses coordonnées et règles strictes sur
  les communications.
- **La dépendance** : un changement de règles ou une suspension de compte peut couper vos
  ventes du jour au lendemain.
- **Des exigences de performance** : délais d'expédition, taux d'annulation, réponse aux
  messages.

## Faire le calcul par produit

Pour chaque produit : prix de vente, moins le coût d'achat, la commission, les frais de
plateforme, l'expédition, l'emballage, les retours et la publicité sur la plateforme. Certains
produits seront rentables, d'autres non. Ne mettez en ligne que les premiers.

## Bien s'y prendre

- Commencez par une seule place de marché et une sélection de produits.
- Branchez-la sur votre inventaire pour éviter la survente.
- Rédigez les fiches en français pour la clientèle québécoise, avec de bonnes photos et des
  caractéristiques complètes.
- Lisez les règles sur les retours, les délais et les messages aux clients.
- Gardez votre propre site comme base : c'est là que vous bâtissez la relation avec vos
  clients.

## Liste de vérification

- J'ai calculé la marge nette de chaque produit sur la place de marché.
- Mon inventaire est synchronisé.
- Mes fiches sont complètes et en français.
- Je connais les règles de retour et de performance.
- Mes ventes ne dépendent pas d'un seul canal.
""",
        "body_en": """\
## What are we talking about?

A marketplace is a site where many sellers offer their products to a shared customer base:
large general platforms, specialized sites (crafts, books, parts, second-hand goods) or groups
of merchants from one region. The platform attracts buyers and often handles payment; you
supply the products and the shipping.

## The advantages

- **Immediate traffic**: buyers who are already there, with no advertising budget to start.
- **Trust**: customers already know the payment and returns process.
- **Logistics services**: some platforms store and ship your products, for a fee.
- **A testing ground**: to try out a new product or a new market.

## The limits

- **Commissions**: often 5% to 15% of the selling price depending on the category, plus
  subscription, listing or processing fees.
- **Price competition**: your offer is displayed right next to your competitors'.
- **The customer is not yours**: limited access to their contact details and strict rules on
  communications.
- **Dependence**: a rule change or an account suspension can cut off your sales overnight.
- **Performance requirements**: shipping times, cancellation rate, response to messages.

## Do the math per product

For each product: selling price, minus purchase cost, commission, platform fees, shipping,
packaging, returns and advertising on the platform. Some products will be profitable, others
not. Only list the former.

## Go about it the right way

- Start with a single marketplace and a selection of products.
- Connect it to your inventory to avoid overselling.
- Write the listings in French for Québec customers, with good photos and complete
  specifications.
- Read the rules on returns, delivery times and messages to customers.
- Keep your own website as your base: that is where you build the relationship with your
  customers.

## Checklist

- I have worked out the net margin of each product on the marketplace.
- My inventory is synced.
- My listings are complete and in French.
- I know the return and performance rules.
- My sales do not depend on a single channel.
""",
        "minutes": 6,
        "level": "intermediate",
        "topics": ["marketplace", "ecommerce", "strategy"],
        "categories": ["marketplace"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Quel est le principal avantage d'une place de marché ?",
                "What is the main advantage of a marketplace?",
                [
                    _choice(
                        "Un accès immédiat à des acheteurs déjà présents.",
                        "Immediate access to buyers who are already there.",
                        correct=True,
                    ),
                    _choice(
                        "Il n'y a aucuns frais.",
                        "There are no fees.",
                    ),
                    _choice(
                        "Vous obtenez toutes les coordonnées des clients.",
                        "You get all of the customers' contact details.",
                    ),
                ],
                "L'achalandage est là dès le départ, mais il se paie en commissions et en frais.",
                "The traffic is there from the start, but you pay for it in commissions and fees.",
            ),
            _question(
                "Quel est le principal risque de vendre surtout sur une place de marché ?",
                "What is the main risk of selling mostly on a marketplace?",
                [
                    _choice(
                        "Il y a trop peu d'acheteurs.",
                        "There are too few buyers.",
                    ),
                    _choice(
                        "Un changement de règles ou une suspension peut couper vos ventes.",
                        "A rule change or a suspension can cut off your sales.",
                        correct=True,
                    ),
                    _choice(
                        "Il n'y a aucune concurrence.",
                        "There is no competition.",
                    ),
                ],
                "La plateforme fixe les règles : ne faites pas dépendre vos ventes d'un seul "
                "canal.",
                "The platform sets the rules: do not make your sales depend on a single channel.",
            ),
            _question(
                "Comment choisir les produits à vendre sur une place de marché ?",
                "How do you choose which products to sell on a marketplace?",
                [
                    _choice(
                        "Mettre en ligne tout le catalogue.",
                        "List the whole catalogue.",
                    ),
                    _choice(
                        "Choisir seulement les produits les moins chers.",
                        "Choose only the cheapest products.",
                    ),
                    _choice(
                        "Calculer la marge nette de chaque produit après tous les frais.",
                        "Work out the net margin of each product after all fees.",
                        correct=True,
                    ),
                ],
                "Commissions, expédition, retours et publicité peuvent rendre un produit non "
                "rentable.",
                "Commissions, shipping, returns and advertising can make a product unprofitable.",
            ),
            _question(
                "Pourquoi garder son propre site comme base ?",
                "Why keep your own website as your base?",
                [
                    _choice(
                        "Pour bâtir une relation directe avec ses clients.",
                        "To build a direct relationship with your customers.",
                        correct=True,
                    ),
                    _choice(
                        "Parce que les places de marché l'interdisent.",
                        "Because marketplaces forbid it.",
                    ),
                    _choice(
                        "Parce que la loi l'exige.",
                        "Because the law requires it.",
                    ),
                ],
                "Sur votre site, vous gérez directement la relation avec vos clients, dans le "
                "respect de leurs choix.",
                "On your own site, you manage the relationship with your customers directly, "
                "while respecting their choices.",
            ),
        ],
    },
    {
        "key": "modern-pos",
        "title_fr": "Choisir un système de point de vente moderne",
        "title_en": "Choosing a modern point-of-sale system",
        "summary_fr": (
            "Les critères pour choisir une caisse moderne qui gère les ventes, l'inventaire et "
            "la clientèle, en magasin comme en ligne."
        ),
        "summary_en": (
            "The criteria for choosing a modern point-of-sale system that handles sales, "
            "inventory and customers, in store and online."
        ),
        "body_fr": """\
## Plus qu'une caisse enregistreuse

Un système de point de vente (PDV) moderne enregistre les ventes, mais aussi l'inventaire, les
clients, les cartes-cadeaux et les rapports. Souvent infonuagique, il se consulte à distance et
se branche sur la boutique en ligne et sur le logiciel comptable.

## Les critères essentiels

- **En français** : écrans, reçus, rapports et soutien technique.
- **Les taxes** : TPS et TVQ bien calculées, produits détaxés et exemptions gérés.
- **L'inventaire** : variantes (taille, couleur), codes à barres, réception des commandes,
  stock par emplacement si vous en avez plusieurs.
- **Le lien avec la vente en ligne** : un seul catalogue et un seul inventaire pour le magasin
  et le site.
- **La clientèle** : fiches clients, historique d'achats, fidélisation, consentement aux
  communications.
- **Le mode hors ligne** : pouvez-vous encaisser si Internet tombe en panne ?
- **Les permissions** : chaque employé a son code ; les remboursements et les rabais importants
  exigent une approbation.
- **Les intégrations** : comptabilité, paie, livraison, prise de rendez-vous.
- **Vos données** : exportation complète des produits, des clients et des ventes.

## Le piège du paiement lié

Certains systèmes imposent leur propre service de paiement. Ce n'est pas forcément un
problème, mais comparez les frais de transaction et vérifiez si vous pourriez changer de
fournisseur de paiement sans changer de caisse.

## Le coût total sur trois ans

Additionnez l'abonnement par caisse et par emplacement, le matériel (terminal de paiement,
lecteur de codes à barres, imprimante de reçus, tiroir-caisse), les modules complémentaires,
les frais de paiement et la formation. Lisez la durée du contrat et les frais de résiliation.

## Réussir la transition

- Nettoyez vos données de produits avant l'importation : noms, codes, prix, taxes.
- Faites un essai avec de vraies transactions, y compris un remboursement et un échange.
- Formez l'équipe avant le lancement et laissez un aide-mémoire près de la caisse.
- Lancez pendant une période tranquille, jamais la veille d'une grande vente.
- Gardez l'ancien système accessible en consultation pendant quelques mois.

## Liste de vérification

- Le système est entièrement en français.
- Il partage l'inventaire avec ma boutique en ligne.
- Il fonctionne hors ligne.
- J'ai comparé le coût total sur trois ans.
- J'ai prévu la formation et une date de lancement tranquille.
""",
        "body_en": """\
## More than a cash register

A modern point-of-sale (POS) system records sales, but also inventory, customers, gift cards
and reports. Often cloud-based, it can be checked remotely and connects to your online store
and your accounting software.

## The essential criteria

- **In French**: screens, receipts, reports and technical support.
- **Taxes**: GST and QST calculated correctly, zero-rated products and exemptions handled.
- **Inventory**: variants (size, colour), barcodes, receiving orders, stock per location if you
  have several.
- **The link with online sales**: a single catalogue and a single inventory for the store and
  the website.
- **Customers**: customer profiles, purchase history, loyalty, consent to communications.
- **Offline mode**: can you still take payments if the internet goes down?
- **Permissions**: each employee has their own code; refunds and large discounts require
  approval.
- **Integrations**: accounting, payroll, shipping, appointment booking.
- **Your data**: full export of products, customers and sales.

## The tied-payment trap

Some systems require their own payment service. That is not necessarily a problem, but compare
transaction fees and check whether you could change payment provider without changing your POS.

## Total cost over three years

Add up the subscription per register and per location, the hardware (payment terminal, barcode
scanner, receipt printer, cash drawer), add-on modules, payment fees and training. Read the
contract term and the cancellation fees.

## A smooth transition

- Clean up your product data before importing: names, codes, prices, taxes.
- Run a trial with real transactions, including a refund and an exchange.
- Train the team before launch and leave a quick-reference sheet by the till.
- Launch during a quiet period, never the day before a big sale.
- Keep the old system available in read-only mode for a few months.

## Checklist

- The system is fully in French.
- It shares inventory with my online store.
- It works offline.
- I have compared the total cost over three years.
- I have planned the training and a quiet launch date.
""",
        "minutes": 6,
        "level": "intermediate",
        "topics": ["pos", "payments", "inventory"],
        "categories": ["pos", "payments", "inventory"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Pourquoi le mode hors ligne est-il important ?",
                "Why does offline mode matter?",
                [
                    _choice(
                        "Parce qu'il coûte moins cher.",
                        "Because it costs less.",
                    ),
                    _choice(
                        "Pour continuer à encaisser quand Internet est en panne.",
                        "To keep taking payments when the internet is down.",
                        correct=True,
                    ),
                    _choice(
                        "Parce que la loi l'exige.",
                        "Because the law requires it.",
                    ),
                ],
                "Une panne de réseau ne doit pas fermer votre caisse un samedi après-midi.",
                "A network outage should not shut down your till on a Saturday afternoon.",
            ),
            _question(
                "Le système impose son propre service de paiement. Que faites-vous ?",
                "The system requires its own payment service. What do you do?",
                [
                    _choice(
                        "Je compare les frais et je vérifie si je pourrais changer de fournisseur "
                        "de paiement.",
                        "I compare fees and check whether I could change payment provider.",
                        correct=True,
                    ),
                    _choice(
                        "Je l'ignore, les frais sont toujours les mêmes.",
                        "I ignore it, the fees are always the same.",
                    ),
                    _choice(
                        "Je refuse toujours ce genre de système.",
                        "I always turn down this kind of system.",
                    ),
                ],
                "Un paiement lié n'est pas un problème en soi, mais il faut en connaître le coût "
                "et les conditions de sortie.",
                "Tied payment is not a problem in itself, but you need to know its cost and the "
                "exit terms.",
            ),
            _question(
                "Quel est le meilleur moment pour lancer une nouvelle caisse ?",
                "When is the best time to launch a new POS?",
                [
                    _choice(
                        "La veille d'une grande vente.",
                        "The day before a big sale.",
                    ),
                    _choice(
                        "Pendant l'inventaire annuel.",
                        "During the annual stock count.",
                    ),
                    _choice(
                        "Pendant une période tranquille, après la formation de l'équipe.",
                        "During a quiet period, after the team has been trained.",
                        correct=True,
                    ),
                ],
                "Une période calme laisse le temps de corriger les petits problèmes du début.",
                "A quiet period leaves time to fix the small problems of the first days.",
            ),
            _question(
                "Que faire avant d'importer vos produits dans le nouveau système ?",
                "What should you do before importing your products into the new system?",
                [
                    _choice(
                        "Nettoyer les données : noms, codes, prix et taxes.",
                        "Clean up the data: names, codes, prices and taxes.",
                        correct=True,
                    ),
                    _choice(
                        "Supprimer toutes les fiches clients.",
                        "Delete all customer profiles.",
                    ),
                    _choice(
                        "Imprimer tous les anciens reçus.",
                        "Print all the old receipts.",
                    ),
                ],
                "Des données propres au départ évitent des erreurs de prix et de taxes à la "
                "caisse.",
                "Clean data from the start avoids price and tax errors at the till.",
            ),
        ],
    },
    {
        "key": "accounting-einvoicing",
        "title_fr": "Logiciel comptable et facturation électronique",
        "title_en": "Accounting software and e-invoicing",
        "summary_fr": (
            "Passer à un logiciel comptable en ligne, automatiser les tâches répétitives et "
            "comprendre les bases de la facturation électronique."
        ),
        "summary_en": (
            "Move to online accounting software, automate repetitive tasks and understand the "
            "basics of e-invoicing."
        ),
        "body_fr": """\
## Sortir de la boîte à chaussures

Des reçus dans une boîte et un chiffrier mis à jour une fois par année, ce sont des heures
perdues et des taxes mal réclamées. Un logiciel comptable en ligne vous donne une image à jour
de votre situation et simplifie le travail de votre comptable.

## Ce qu'un bon logiciel fait pour vous

- **Flux bancaires** : les transactions de vos comptes et de vos cartes arrivent
  automatiquement ; il reste à les classer et à les rapprocher.
- **Saisie des reçus** : une photo prise avec le téléphone, lue automatiquement et jointe à la
  dépense.
- **Ventes de la caisse** : un sommaire quotidien importé du point de vente, plutôt que
  chaque transaction.
- **Taxes** : suivi de la TPS (5 %) et de la TVQ (9,975 %) et préparation des déclarations.
- **Accès du comptable** : un accès à son nom, sans partager votre mot de passe.

Au moment de choisir, vérifiez le français, la gestion des taxes du Québec, les liens avec
votre caisse et votre paie, et la possibilité d'exporter vos données.

## Les taxes de vente en bref

L'inscription aux fichiers de la TPS et de la TVQ est obligatoire dès que vos ventes taxables
dépassent 30 000 $ sur quatre trimestres consécutifs. Vos factures doivent indiquer vos numéros
d'inscription pour que vos clients d'affaires puissent demander leurs crédits et leurs
remboursements de taxes.

## La facturation électronique

- Une facture en PDF envoyée par courriel est numérique, mais le client doit la ressaisir.
- Une facture électronique structurée, par exemple selon le cadre Peppol, transmet les données
  directement d'un logiciel à l'autre, sans ressaisie.
- Au Canada, la facture électronique structurée n'est généralement pas obligatoire entre
  entreprises, mais de plus en plus de grands clients et d'organismes publics la demandent.
  Un logiciel capable de l'émettre est un bon investissement.

## Conserver ses pièces

Revenu Québec et l'Agence du revenu du Canada exigent en général de conserver registres et
pièces justificatives pendant six ans après la fin de la dernière année d'imposition qu'ils
visent. Une copie numérique lisible et complète est acceptée ; sauvegardez-la.

## Une routine mensuelle

Rapprochez vos comptes, classez les reçus et relancez les clients en retard de paiement. Une
heure par mois évite une semaine de rattrapage en fin d'année.

## Liste de vérification

- Mes comptes bancaires sont reliés au logiciel.
- Les ventes de la caisse arrivent chaque jour.
- Mes numéros de TPS et de TVQ figurent sur mes factures.
- Mes pièces sont numérisées et sauvegardées.
- Mon comptable a son propre accès.
""",
        "body_en": """\
## Out of the shoebox

Receipts in a box and a spreadsheet updated once a year mean lost hours and taxes claimed
incorrectly. Online accounting software gives you an up-to-date picture of your situation and
makes your accountant's work simpler.

## What good software does for you

- **Bank feeds**: transactions from your accounts and cards come in automatically; all that
  is left is to categorize and reconcile them.
- **Receipt capture**: a photo taken with your phone, read automatically and attached to the
  expense.
- **POS sales**: a daily summary imported from the point of sale, rather than every single
  transaction.
- **Taxes**: tracking of GST (5%) and QST (9.975%) and preparation of returns.
- **Accountant access**: an account in their own name, without sharing your password.

When choosing, check the French, the handling of Québec taxes, the links with your POS and
your payroll, and the ability to export your data.

## Sales taxes in brief

Registering for GST and QST is mandatory once your taxable sales exceed $30,000 over four
consecutive quarters. Your invoices must show your registration numbers so that your business
customers can claim their input tax credits and refunds.

## E-invoicing

- A PDF invoice sent by email is digital, but the customer has to re-key it.
- A structured e-invoice, for example following the Peppol framework, passes the data directly
  from one piece of software to another, with no re-keying.
- In Canada, structured e-invoicing is generally not mandatory between businesses, but more
  and more large customers and public bodies ask for it. Software that can issue it is a good
  investment.

## Keep your records

Revenu Québec and the Canada Revenue Agency generally require you to keep records and
supporting documents for six years after the end of the last tax year they relate to. A
legible, complete digital copy is accepted; back it up.

## A monthly routine

Reconcile your accounts, file your receipts and follow up with customers who are late paying.
One hour a month saves a week of catching up at year-end.

## Checklist

- My bank accounts are connected to the software.
- POS sales come in every day.
- My GST and QST numbers appear on my invoices.
- My records are scanned and backed up.
- My accountant has their own access.
""",
        "minutes": 6,
        "level": "beginner",
        "topics": ["accounting", "pos"],
        "categories": ["accounting"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "À quoi servent les flux bancaires dans un logiciel comptable ?",
                "What are bank feeds for in accounting software?",
                [
                    _choice(
                        "À importer automatiquement les transactions des comptes et des cartes.",
                        "To import transactions from accounts and cards automatically.",
                        correct=True,
                    ),
                    _choice(
                        "À imprimer les relevés bancaires.",
                        "To print bank statements.",
                    ),
                    _choice(
                        "À payer les fournisseurs sans approbation.",
                        "To pay suppliers without approval.",
                    ),
                ],
                "Les transactions arrivent d'elles-mêmes ; il reste à les classer et à les "
                "rapprocher.",
                "Transactions come in on their own; all that is left is to categorize and "
                "reconcile them.",
            ),
            _question(
                "Quand l'inscription aux fichiers de la TPS et de la TVQ devient-elle "
                "obligatoire ?",
                "When does registering for GST and QST become mandatory?",
                [
                    _choice(
                        "Dès la première vente, dans tous les cas.",
                        "From the very first sale, in every case.",
                    ),
                    _choice(
                        "Quand les ventes taxables dépassent 30 000 $ sur quatre trimestres "
                        "consécutifs.",
                        "When taxable sales exceed $30,000 over four consecutive quarters.",
                        correct=True,
                    ),
                    _choice(
                        "Quand les ventes dépassent 100 000 $ par mois.",
                        "When sales exceed $100,000 a month.",
                    ),
                ],
                "Sous ce seuil, vous êtes un petit fournisseur et l'inscription est facultative.",
                "Below that threshold, you are a small supplier and registration is optional.",
            ),
            _question(
                "Qu'est-ce qui distingue une facture électronique structurée d'un PDF ?",
                "What sets a structured e-invoice apart from a PDF?",
                [
                    _choice(
                        "Il n'y a aucune différence.",
                        "There is no difference.",
                    ),
                    _choice(
                        "Le PDF n'est pas permis au Canada.",
                        "PDFs are not allowed in Canada.",
                    ),
                    _choice(
                        "Ses données passent directement d'un logiciel à l'autre, sans ressaisie.",
                        "Its data passes directly from one piece of software to another, with no "
                        "re-keying.",
                        correct=True,
                    ),
                ],
                "Le PDF reste une image à lire ; la facture structurée est lue par le logiciel "
                "du client.",
                "A PDF is still a picture to read; a structured invoice is read by the "
                "customer's software.",
            ),
            _question(
                "Combien de temps faut-il conserver ses registres et pièces justificatives ?",
                "How long must you keep your records and supporting documents?",
                [
                    _choice(
                        "En général six ans après la fin de la dernière année d'imposition "
                        "qu'ils visent.",
                        "Generally six years after the end of the last tax year they relate to.",
                        correct=True,
                    ),
                    _choice(
                        "Un an.",
                        "One year.",
                    ),
                    _choice(
                        "Jusqu'à la prochaine vérification.",
                        "Until the next audit.",
                    ),
                ],
                "Une copie numérique lisible et complète est acceptée, à condition de la "
                "sauvegarder.",
                "A legible, complete digital copy is accepted, as long as you back it up.",
            ),
        ],
    },
    {
        "key": "scheduling-payroll",
        "title_fr": "Horaires et paie : bien s'outiller",
        "title_en": "Scheduling and payroll: the right tools",
        "summary_fr": (
            "Des outils pour bâtir les horaires, suivre les heures travaillées et produire une "
            "paie juste, dans le respect des normes du travail du Québec."
        ),
        "summary_en": (
            "Tools to build schedules, track hours worked and run accurate payroll, in line "
            "with Québec's labour standards."
        ),
        "body_fr": """\
## Du papier au téléphone

Un horaire affiché dans l'arrière-boutique, des échanges de quarts par texto et des heures
recopiées à la main : c'est souvent là que naissent les erreurs de paie. Un logiciel d'horaires
relié à la paie réduit les erreurs et le temps de gestion.

## Bâtir les horaires

- Chaque employé inscrit ses disponibilités et ses demandes de congé dans une application.
- Vous bâtissez l'horaire à partir d'une semaine type et des ventes prévues.
- Les échanges de quarts passent par l'application, avec votre approbation.
- Le coût de la main-d'œuvre s'affiche pendant que vous planifiez.

Au Québec, un salarié peut refuser de travailler s'il n'a pas été informé de son horaire au
moins cinq jours à l'avance, sauf si la nature de ses fonctions exige qu'il reste disponible.
Publier l'horaire tôt, c'est aussi une marque de respect.

## Suivre les heures

- Le pointage se fait sur une tablette en magasin ou sur le téléphone. Si l'application
  utilise la géolocalisation, informez-en le personnel et limitez-la au pointage.
- Les heures supplémentaires se calculent en général au-delà de 40 heures par semaine, à taux
  et demi.
- Les heures approuvées passent directement à la paie.

## Produire la paie

Un logiciel de paie calcule les retenues à la source du Québec (impôt, Régime de rentes du
Québec, Régime québécois d'assurance parentale) et du fédéral (impôt, assurance-emploi), ainsi
que vos cotisations d'employeur. Il produit aussi :

- les talons de paie et les dépôts directs ;
- les remises aux gouvernements ;
- les relevés 1 et les feuillets T4, à remettre au plus tard le dernier jour de février ;
- l'indemnité de vacances (4 % ou 6 % selon l'ancienneté) et l'indemnité des jours fériés.

Assurez-vous que le logiciel est mis à jour pour les nouveaux taux de chaque 1er janvier.

## Plusieurs emplacements

Choisissez un outil qui gère des horaires par magasin et des employés qui travaillent à plus
d'un endroit, avec des rapports de coût par emplacement.

## Les données des employés

Numéro d'assurance sociale, adresse, coordonnées bancaires : ce sont des renseignements
personnels sensibles. Limitez l'accès, activez l'authentification multifacteur et n'envoyez
jamais ces données par courriel non protégé.

## Liste de vérification

- Les disponibilités et les horaires sont dans une application.
- L'horaire est publié au moins cinq jours à l'avance.
- Les heures approuvées alimentent la paie sans ressaisie.
- Les relevés 1 et les feuillets T4 sont produits par le logiciel.
- L'accès aux données de paie est limité.
""",
        "body_en": """\
## From paper to phone

A schedule posted in the back room, shift swaps by text message and hours copied by hand: that
is often where payroll errors come from. Scheduling software connected to payroll reduces
errors and time spent on administration.

## Building schedules

- Each employee enters their availability and time-off requests in an app.
- You build the schedule from a typical week and forecast sales.
- Shift swaps go through the app, with your approval.
- Labour cost is displayed while you plan.

In Québec, an employee may refuse to work if they were not informed of their schedule at least
five days in advance, unless the nature of their duties requires them to remain available.
Publishing the schedule early is also a matter of respect.

## Tracking hours

- Employees clock in on a tablet in the store or on their phone. If the app uses geolocation,
  tell staff about it and limit it to clocking in.
- Overtime is generally calculated beyond 40 hours a week, at time and a half.
- Approved hours flow straight into payroll.

## Running payroll

Payroll software calculates Québec source deductions (income tax, Québec Pension Plan, Québec
Parental Insurance Plan) and federal ones (income tax, employment insurance), as well as your
employer contributions. It also produces:

- pay stubs and direct deposits;
- remittances to governments;
- RL-1 slips and T4 slips, to be issued by the last day of February at the latest;
- vacation pay (4% or 6% depending on length of service) and statutory holiday pay.

Make sure the software is updated with the new rates every January 1.

## Several locations

Choose a tool that handles schedules per store and employees who work at more than one
location, with cost reports per location.

## Employee data

Social insurance number, address, banking details: this is sensitive personal information.
Limit access, turn on multi-factor authentication and never send this data by unprotected
email.

## Checklist

- Availability and schedules are in an app.
- The schedule is published at least five days in advance.
- Approved hours feed payroll with no re-keying.
- RL-1 and T4 slips are produced by the software.
- Access to payroll data is limited.
""",
        "minutes": 6,
        "level": "intermediate",
        "topics": ["hr_payroll", "privacy"],
        "categories": ["hr_payroll"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Combien de jours à l'avance faut-il informer un salarié de son horaire pour "
                "qu'il ne puisse pas refuser de travailler ?",
                "How many days in advance must an employee be informed of their schedule so "
                "that they cannot refuse to work?",
                [
                    _choice("24 heures.", "24 hours."),
                    _choice("Au moins cinq jours.", "At least five days.", correct=True),
                    _choice("Deux semaines.", "Two weeks."),
                ],
                "Sauf si la nature des fonctions exige que le salarié reste disponible, le "
                "préavis minimal est de cinq jours.",
                "Unless the nature of the duties requires the employee to remain available, the "
                "minimum notice is five days.",
            ),
            _question(
                "Au Québec, au-delà de combien d'heures par semaine les heures supplémentaires "
                "se calculent-elles en général ?",
                "In Québec, beyond how many hours a week is overtime generally calculated?",
                [
                    _choice("35 heures.", "35 hours."),
                    _choice("50 heures.", "50 hours."),
                    _choice("40 heures.", "40 hours.", correct=True),
                ],
                "La semaine normale de travail est en général de 40 heures ; au-delà, le taux "
                "est majoré de moitié.",
                "The standard work week is generally 40 hours; beyond that, the rate is "
                "increased by half.",
            ),
            _question(
                "Quels documents faut-il remettre aux employés au plus tard le dernier jour de "
                "février ?",
                "Which documents must be given to employees by the last day of February?",
                [
                    _choice(
                        "Les relevés 1 et les feuillets T4.",
                        "RL-1 and T4 slips.",
                        correct=True,
                    ),
                    _choice(
                        "Leur déclaration de revenus remplie.",
                        "Their completed income tax return.",
                    ),
                    _choice(
                        "Le registre des incidents de confidentialité.",
                        "The confidentiality incident register.",
                    ),
                ],
                "Un logiciel de paie produit ces relevés à partir des paies de l'année.",
                "Payroll software produces these slips from the year's pay runs.",
            ),
            _question(
                "Comment traiter les numéros d'assurance sociale des employés ?",
                "How should employees' social insurance numbers be handled?",
                [
                    _choice(
                        "Les afficher dans la salle des employés.",
                        "Post them in the staff room.",
                    ),
                    _choice(
                        "Les envoyer au comptable par courriel ordinaire.",
                        "Send them to the accountant by ordinary email.",
                    ),
                    _choice(
                        "Limiter l'accès et protéger les comptes par l'AMF.",
                        "Limit access and protect accounts with MFA.",
                        correct=True,
                    ),
                ],
                "Ce sont des renseignements personnels sensibles : accès limité et comptes "
                "bien protégés.",
                "This is sensitive personal information: limited access and well-protected "
                "accounts.",
            ),
        ],
    },
    {
        "key": "web-analytics",
        "title_fr": "Lire ses statistiques Web",
        "title_en": "Reading your web analytics",
        "summary_fr": (
            "Les quelques indicateurs qui comptent pour un site de commerce, comment les lire "
            "chaque mois et comment mesurer en respectant la vie privée."
        ),
        "summary_en": (
            "The few metrics that matter for a retail website, how to read them every month "
            "and how to measure while respecting privacy."
        ),
        "body_fr": """\
## Partir d'une question

Un tableau de bord de cinquante chiffres ne sert à rien si vous ne savez pas quoi chercher.
Partez d'une question : « D'où viennent mes ventes en ligne ? », « Ma campagne de courriels
a-t-elle fonctionné ? », « Pourquoi les paniers sont-ils abandonnés ? »

## Les indicateurs qui comptent

- **Visites (sessions)** : le nombre de passages sur votre site.
- **Sources de trafic** : recherche naturelle, accès direct, réseaux sociaux, courriel,
  publicité, autres sites. Elles montrent où investir votre temps.
- **Taux de conversion** : les commandes divisées par les visites. Pour une boutique en ligne,
  il se situe souvent entre 1 et 3 %.
- **Panier moyen** : les ventes divisées par les commandes.
- **Abandon de panier** : à quelle étape les clients partent-ils ? Des frais de livraison
  découverts trop tard sont une cause fréquente.
- **Pages et produits les plus vus** : comparez-les aux produits les plus vendus.
- **Part du mobile** : si la majorité des visites vient du téléphone, testez votre site sur un
  téléphone.

## Suivre vos campagnes

Ajoutez des paramètres de suivi (UTM) aux liens de vos infolettres et de vos publications. Vous
saurez quelles ventes viennent de quelle campagne.

## Une routine mensuelle de 30 minutes

1. Comparez le mois au même mois l'an dernier, pour tenir compte des saisons.
2. Notez trois chiffres clés : visites, taux de conversion, panier moyen.
3. Repérez une source ou une page qui a changé et cherchez pourquoi.
4. Choisissez une seule amélioration à tester le mois suivant.

N'oubliez pas le magasin : les demandes d'itinéraire et les appels venus de vos fiches
d'entreprise mesurent aussi l'effet de votre présence en ligne.

## Mesurer en respectant la vie privée

- Indiquez dans votre politique de confidentialité les outils de mesure et les témoins
  utilisés.
- Selon la Loi 25, les fonctions qui permettent d'identifier, de localiser ou de profiler une
  personne doivent être désactivées par défaut ; la personne peut choisir de les activer.
- Réglez vos outils pour ne recueillir que le nécessaire : adresses IP masquées, courte durée
  de conservation.
- Si des renseignements personnels sont communiqués hors du Québec, par exemple à un outil
  hébergé ailleurs, la loi exige d'abord une évaluation des facteurs relatifs à la vie privée.

## Liste de vérification

- J'ai trois chiffres clés et je les note chaque mois.
- Mes liens de campagne ont des paramètres UTM.
- Je compare avec l'année précédente.
- Mes témoins et mes outils de mesure sont décrits dans ma politique.
- Le profilage est désactivé par défaut.
""",
        "body_en": """\
## Start from a question

A dashboard with fifty figures is useless if you do not know what to look for. Start from a
question: "Where do my online sales come from?", "Did my email campaign work?", "Why are carts
being abandoned?"

## The metrics that matter

- **Visits (sessions)**: the number of times people come to your website.
- **Traffic sources**: organic search, direct, social media, email, advertising, other
  websites. They show where to invest your time.
- **Conversion rate**: orders divided by visits. For an online store, it is often between 1%
  and 3%.
- **Average order value**: sales divided by orders.
- **Cart abandonment**: at which step do customers leave? Shipping fees discovered too late
  are a common cause.
- **Most viewed pages and products**: compare them with your best-selling products.
- **Mobile share**: if most visits come from phones, test your website on a phone.

## Track your campaigns

Add tracking parameters (UTM) to the links in your newsletters and posts. You will know which
sales come from which campaign.

## A 30-minute monthly routine

1. Compare the month with the same month last year, to account for seasons.
2. Write down three key figures: visits, conversion rate, average order value.
3. Spot a source or a page that has changed and find out why.
4. Choose a single improvement to test the following month.

Do not forget the store: requests for directions and calls from your business listings also
measure the effect of your online presence.

## Measure while respecting privacy

- State in your privacy policy which measurement tools and cookies you use.
- Under Law 25, functions that can identify, locate or profile a person must be turned off by
  default; the person may choose to turn them on.
- Set up your tools to collect only what is needed: masked IP addresses, short retention
  period.
- If personal information is communicated outside Québec, for example to a tool hosted
  elsewhere, the law first requires a privacy impact assessment.

## Checklist

- I have three key figures and I write them down every month.
- My campaign links have UTM parameters.
- I compare with the previous year.
- My cookies and measurement tools are described in my policy.
- Profiling is turned off by default.
""",
        "minutes": 6,
        "level": "intermediate",
        "topics": ["analytics", "ecommerce", "privacy"],
        "categories": ["analytics"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Comment calcule-t-on le taux de conversion ?",
                "How is the conversion rate calculated?",
                [
                    _choice(
                        "Les visites divisées par les commandes.",
                        "Visits divided by orders.",
                    ),
                    _choice(
                        "Les commandes divisées par les visites.",
                        "Orders divided by visits.",
                        correct=True,
                    ),
                    _choice(
                        "Les ventes divisées par les visites.",
                        "Sales divided by visits.",
                    ),
                ],
                "Avec 40 commandes pour 2 000 visites, le taux de conversion est de 2 %.",
                "With 40 orders for 2,000 visits, the conversion rate is 2%.",
            ),
            _question(
                "Pourquoi comparer un mois au même mois de l'année précédente ?",
                "Why compare a month with the same month of the previous year?",
                [
                    _choice(
                        "Pour tenir compte des saisons.",
                        "To account for seasons.",
                        correct=True,
                    ),
                    _choice(
                        "Parce que la loi l'exige.",
                        "Because the law requires it.",
                    ),
                    _choice(
                        "Parce que c'est plus rapide.",
                        "Because it is faster.",
                    ),
                ],
                "Décembre se compare à décembre : les ventes d'un commerce varient beaucoup "
                "selon les saisons.",
                "December compares with December: a shop's sales vary a lot with the seasons.",
            ),
            _question(
                "À quoi servent les paramètres UTM ?",
                "What are UTM parameters for?",
                [
                    _choice(
                        "À accélérer le site.",
                        "To speed up the website.",
                    ),
                    _choice(
                        "À bloquer les robots.",
                        "To block bots.",
                    ),
                    _choice(
                        "À savoir quelle campagne a amené les visites et les ventes.",
                        "To know which campaign brought the visits and sales.",
                        correct=True,
                    ),
                ],
                "Ajoutés aux liens, ils identifient la source, le support et la campagne.",
                "Added to links, they identify the source, the medium and the campaign.",
            ),
            _question(
                "Selon la Loi 25, que faire des fonctions qui permettent de profiler un visiteur ?",
                "Under Law 25, what should be done with functions that can profile a visitor?",
                [
                    _choice(
                        "Les laisser actives en tout temps.",
                        "Leave them on at all times.",
                    ),
                    _choice(
                        "Les désactiver par défaut ; la personne peut choisir de les activer.",
                        "Turn them off by default; the person may choose to turn them on.",
                        correct=True,
                    ),
                    _choice(
                        "Elles sont interdites dans tous les cas.",
                        "They are forbidden in every case.",
                    ),
                ],
                "La personne doit être informée de ces fonctions et des moyens de les activer.",
                "The person must be informed of these functions and of how to turn them on.",
            ),
        ],
    },
    {
        "key": "loyalty-programs",
        "title_fr": "Programme de fidélisation : bien le concevoir",
        "title_en": "Loyalty programs: designing one well",
        "summary_fr": (
            "Choisir une formule de fidélisation simple et rentable, la relier à la caisse et "
            "respecter les règles sur les renseignements personnels."
        ),
        "summary_en": (
            "Choose a simple, profitable loyalty formula, connect it to your POS and follow the "
            "rules on personal information."
        ),
        "body_fr": """\
## Pourquoi fidéliser

Faire revenir un client coûte bien moins cher que d'en attirer un nouveau. Un programme de
fidélisation donne une raison de revenir, et il vous apprend qui sont vos meilleurs clients.

## Les formules courantes

- **Carte à tampons** : le dixième café ou la dixième coupe offert. Simple, idéale pour les
  achats fréquents.
- **Points** : des points par dollar dépensé, échangeables contre un rabais. Souple, mais il
  faut bien l'expliquer.
- **Paliers** : des avantages croissants selon les achats de l'année (livraison gratuite,
  accès en primeur).
- **Avantages non monétaires** : soirées privées, ateliers, petites réparations offertes. Ils
  coûtent peu et créent un lien.
- **Adhésion payante** : des avantages en échange d'un abonnement annuel, pour une clientèle
  très fidèle.

## Combien ça coûte

Fixez la valeur des récompenses en pourcentage des achats, souvent de 2 à 5 %. Vérifiez que
votre marge le permet ; au besoin, excluez les articles soldés ou à faible marge. Comptez aussi
le coût de l'outil et le temps de formation.

## Relier le programme à la caisse et au site

Le client doit pouvoir s'identifier en quelques secondes, par son numéro de téléphone ou son
courriel, en magasin comme en ligne. Un programme qui vit en dehors de la caisse finit souvent
abandonné par l'équipe.

## Respecter la vie privée

- Ne recueillez que l'essentiel : un nom et un moyen de contact suffisent souvent ; la date de
  naissance reste facultative.
- Expliquez à quoi servent les données : cumuler des points, et rien d'autre sans accord.
- L'adhésion au programme et l'abonnement à l'infolettre sont deux consentements distincts :
  deux cases séparées, non cochées d'avance.
- Au Québec, si une récompense prend la forme d'une carte-cadeau, la Loi sur la protection du
  consommateur s'applique, notamment l'interdiction générale des dates d'expiration.

## Des règles claires

Publiez les règles en français : comment on accumule, comment on échange, ce qui est exclu et
ce qui arrive si le programme change. Pas de conditions cachées.

## Mesurer

Comparez membres et non-membres : fréquence des visites, panier moyen, taux de retour après
90 jours. Faites un essai de trois mois avant de vous engager à long terme.

## Liste de vérification

- Ma formule s'explique en une phrase.
- Le coût des récompenses est calculé.
- Le programme est relié à la caisse et au site.
- L'adhésion et l'infolettre ont des consentements séparés.
- Les règles sont publiées en français.
""",
        "body_en": """\
## Why build loyalty

Bringing a customer back costs far less than attracting a new one. A loyalty program gives
people a reason to come back, and it teaches you who your best customers are.

## Common formulas

- **Stamp card**: the tenth coffee or the tenth haircut free. Simple, ideal for frequent
  purchases.
- **Points**: points per dollar spent, redeemable for a discount. Flexible, but it needs to be
  explained well.
- **Tiers**: growing benefits based on the year's purchases (free shipping, early access).
- **Non-monetary perks**: private evenings, workshops, small free repairs. They cost little
  and build a bond.
- **Paid membership**: benefits in exchange for an annual fee, for very loyal customers.

## What it costs

Set the value of rewards as a percentage of purchases, often 2% to 5%. Check that your margin
allows it; if needed, exclude sale items or low-margin items. Also count the cost of the tool
and the training time.

## Connect the program to the POS and the website

Customers must be able to identify themselves in a few seconds, by phone number or email, in
store as well as online. A program that lives outside the POS often ends up abandoned by the
team.

## Respect privacy

- Collect only the essentials: a name and a way to reach the person are often enough; date of
  birth stays optional.
- Explain what the data is for: collecting points, and nothing else without agreement.
- Joining the program and subscribing to the newsletter are two separate consents: two
  separate boxes, not pre-ticked.
- In Québec, if a reward takes the form of a gift card, the Consumer Protection Act applies,
  including the general ban on expiry dates.

## Clear rules

Publish the rules in French: how points are earned, how they are redeemed, what is excluded
and what happens if the program changes. No hidden conditions.

## Measure

Compare members and non-members: visit frequency, average order value, return rate after 90
days. Run a three-month trial before committing for the long term.

## Checklist

- My formula can be explained in one sentence.
- The cost of rewards is worked out.
- The program is connected to the POS and the website.
- Joining and the newsletter have separate consents.
- The rules are published in French.
""",
        "minutes": 5,
        "level": "intermediate",
        "topics": ["loyalty", "crm_email", "privacy"],
        "categories": ["loyalty", "crm_email"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Quelle valeur de récompense est courante dans un programme de fidélisation ?",
                "What reward value is common in a loyalty program?",
                [
                    _choice(
                        "Environ 25 % des achats.",
                        "About 25% of purchases.",
                    ),
                    _choice(
                        "Souvent de 2 à 5 % des achats.",
                        "Often 2% to 5% of purchases.",
                        correct=True,
                    ),
                    _choice(
                        "La moitié des achats.",
                        "Half of purchases.",
                    ),
                ],
                "La valeur des récompenses doit rester compatible avec votre marge.",
                "The value of rewards must stay compatible with your margin.",
            ),
            _question(
                "Un client adhère au programme. Peut-il être inscrit d'office à l'infolettre ?",
                "A customer joins the program. Can they be signed up for the newsletter "
                "automatically?",
                [
                    _choice(
                        "Non : ce sont deux consentements distincts, avec deux cases séparées.",
                        "No: these are two separate consents, with two separate boxes.",
                        correct=True,
                    ),
                    _choice(
                        "Oui, une seule case couvre les deux.",
                        "Yes, a single box covers both.",
                    ),
                    _choice(
                        "Oui, aucun consentement n'est nécessaire.",
                        "Yes, no consent is needed.",
                    ),
                ],
                "La Loi 25 et la LCAP demandent un consentement propre à chaque fin.",
                "Law 25 and CASL require a consent specific to each purpose.",
            ),
            _question(
                "Pourquoi relier le programme à la caisse ?",
                "Why connect the program to the POS?",
                [
                    _choice(
                        "Pour pouvoir augmenter les prix.",
                        "To be able to raise prices.",
                    ),
                    _choice(
                        "Parce que la loi l'exige.",
                        "Because the law requires it.",
                    ),
                    _choice(
                        "Pour que le client s'identifie en quelques secondes et que l'équipe "
                        "l'utilise vraiment.",
                        "So that customers identify themselves in seconds and the team "
                        "actually uses it.",
                        correct=True,
                    ),
                ],
                "Un programme séparé de la caisse ajoute des étapes et finit souvent abandonné.",
                "A program separate from the POS adds steps and often ends up abandoned.",
            ),
            _question(
                "Comment savoir si votre programme fonctionne ?",
                "How do you know whether your program works?",
                [
                    _choice(
                        "Comparer la fréquence des visites et le panier moyen des membres et "
                        "des non-membres.",
                        "Compare visit frequency and average order value of members and "
                        "non-members.",
                        correct=True,
                    ),
                    _choice(
                        "Compter les cartes imprimées.",
                        "Count the cards printed.",
                    ),
                    _choice(
                        "Compter les mentions « J'aime ».",
                        "Count the likes.",
                    ),
                ],
                "L'écart entre membres et non-membres, moins le coût des récompenses, mesure "
                "l'effet réel.",
                "The gap between members and non-members, minus the cost of rewards, measures "
                "the real effect.",
            ),
        ],
    },
    {
        "key": "french-language-websites",
        "title_fr": "Le français sur le site Web de votre commerce",
        "title_en": "French on your shop's website",
        "summary_fr": (
            "Ce que prévoit la Charte de la langue française pour le site Web et la boutique en "
            "ligne d'une entreprise établie au Québec, en repères généraux."
        ),
        "summary_en": (
            "What the Charter of the French language provides for the website and online store "
            "of a business established in Québec, as general guidelines."
        ),
        "body_fr": """\
## Le principe

La Charte de la langue française, modifiée en 2022, prévoit que les consommateurs ont le droit
d'être informés et servis en français. Les catalogues, brochures et autres publications
commerciales doivent être rédigés en français, et l'Office québécois de la langue française
(OQLF) applique cette règle aux sites Web des entreprises établies au Québec.

Concrètement, votre site commercial doit exister en français. Vous pouvez offrir une version
dans une autre langue, à condition que la version française soit accessible dans des conditions
au moins aussi favorables.

## « Au moins aussi favorables », en pratique

- La version française est complète : mêmes produits, mêmes renseignements, mêmes promotions.
- Elle n'est pas cachée : on la trouve facilement, idéalement par défaut pour la clientèle
  québécoise.
- Elle est mise à jour en même temps que les autres versions.

## Ce qui est visé sur une boutique en ligne

- Les fiches de produits, les descriptions et les guides de tailles ;
- le panier, le paiement et les messages d'erreur ;
- les courriels de confirmation, les factures et les reçus ;
- les conditions de vente, la politique de retour et la politique de confidentialité ;
- le service à la clientèle, y compris le clavardage.

Les inscriptions sur les produits et leurs emballages obéissent aussi à des règles propres, et
celles qui touchent les marques de commerce ont été resserrées le 1er juin 2025.

## La qualité de la langue

La traduction automatique peut aider à démarrer, mais faites relire le texte par une personne
qui maîtrise le français. Employez les termes en usage au Québec : « courriel », « magasiner »,
« panier d'achat », « clavardage ». La Vitrine linguistique et le Grand dictionnaire
terminologique de l'OQLF sont des outils gratuits.

## Au-delà du site

Vos autres communications commerciales, comme les infolettres, les publicités et les fiches sur
les places de marché destinées au Québec, sont aussi visées par la Charte, avec des règles qui
varient selon le support. Les entreprises de 25 employés ou plus ont en outre des obligations
de francisation auprès de l'OQLF.

## Une mise en garde

Cette capsule donne des repères généraux et ne constitue pas un avis juridique. Pour une
situation précise, consultez l'OQLF, qui accompagne gratuitement les entreprises, ou un
conseiller juridique.

## Liste de vérification

- Mon site existe au complet en français.
- La version française est aussi facile à trouver que les autres.
- Le panier, les courriels et les factures sont en français.
- Mes conditions de vente et mes politiques sont en français.
- Tout texte traduit automatiquement a été relu par une personne.
""",
        "body_en": """\
## The principle

The Charter of the French language, amended in 2022, provides that consumers have the right to
be informed and served in French. Catalogues, brochures and other commercial publications must
be drawn up in French, and the Office québécois de la langue française (OQLF) applies this
rule to the websites of businesses established in Québec.

In practice, your commercial website must exist in French. You may offer a version in another
language, provided the French version is accessible on terms at least as favourable.

## "At least as favourable", in practice

- The French version is complete: same products, same information, same promotions.
- It is not hidden: it is easy to find, ideally as the default for Québec customers.
- It is updated at the same time as the other versions.

## What is covered on an online store

- Product pages, descriptions and size guides;
- the cart, checkout and error messages;
- confirmation emails, invoices and receipts;
- terms of sale, the return policy and the privacy policy;
- customer service, including live chat.

Inscriptions on products and their packaging are also subject to their own rules, and those
concerning trademarks were tightened on June 1, 2025.

## Language quality

Machine translation can help you get started, but have the text reviewed by someone fluent in
French. Use the terms current in Québec: "courriel" (email), "magasiner" (to shop), "panier
d'achat" (shopping cart), "clavardage" (live chat). The OQLF's Vitrine linguistique and Grand
dictionnaire terminologique are free tools.

## Beyond the website

Your other commercial communications, such as newsletters, advertising and marketplace
listings aimed at Québec, are also covered by the Charter, with rules that vary by medium.
Businesses with 25 or more employees also have francization obligations with the OQLF.

## A word of caution

This capsule gives general guidelines and is not legal advice. For a specific situation,
consult the OQLF, which supports businesses free of charge, or a legal advisor.

## Checklist

- My whole website exists in French.
- The French version is as easy to find as the others.
- The cart, emails and invoices are in French.
- My terms of sale and my policies are in French.
- Any machine-translated text has been reviewed by a person.
""",
        "minutes": 5,
        "level": "beginner",
        "topics": ["ecommerce", "visibility", "strategy"],
        "categories": ["ecommerce"],
        "video_url": None,
        "pass_mark_percent": PASS_MARK_PERCENT,
        "quiz": [
            _question(
                "Une entreprise établie au Québec veut aussi un site en anglais. Est-ce permis ?",
                "A business established in Québec also wants a website in English. Is that "
                "allowed?",
                [
                    _choice(
                        "Non, seul le français est permis.",
                        "No, only French is allowed.",
                    ),
                    _choice(
                        "Oui, si la version française existe et est accessible dans des "
                        "conditions au moins aussi favorables.",
                        "Yes, if the French version exists and is accessible on terms at least "
                        "as favourable.",
                        correct=True,
                    ),
                    _choice(
                        "Oui, en anglais seulement si la clientèle est surtout anglophone.",
                        "Yes, in English only if most customers are English-speaking.",
                    ),
                ],
                "D'autres langues sont permises, mais la version française doit être complète "
                "et aussi accessible.",
                "Other languages are allowed, but the French version must be complete and just "
                "as accessible.",
            ),
            _question(
                "Qu'est-ce qui doit être en français sur une boutique en ligne ?",
                "What must be in French on an online store?",
                [
                    _choice(
                        "Seulement la page d'accueil.",
                        "Only the home page.",
                    ),
                    _choice(
                        "Seulement les mentions légales.",
                        "Only the legal notice.",
                    ),
                    _choice(
                        "Les fiches de produits, le panier, les courriels de confirmation et les "
                        "conditions de vente.",
                        "Product pages, the cart, confirmation emails and the terms of sale.",
                        correct=True,
                    ),
                ],
                "Tout le parcours d'achat est visé, jusqu'aux factures et au service à la "
                "clientèle.",
                "The whole purchase journey is covered, down to invoices and customer service.",
            ),
            _question(
                "Vous utilisez la traduction automatique. Que faire avant de publier ?",
                "You use machine translation. What should you do before publishing?",
                [
                    _choice(
                        "Faire relire le texte par une personne qui maîtrise le français.",
                        "Have the text reviewed by someone fluent in French.",
                        correct=True,
                    ),
                    _choice(
                        "Rien, la traduction automatique est toujours exacte.",
                        "Nothing, machine translation is always accurate.",
                    ),
                    _choice(
                        "La traduction automatique est interdite.",
                        "Machine translation is forbidden.",
                    ),
                ],
                "La traduction automatique est un point de départ ; la relecture garantit la "
                "qualité et les termes en usage au Québec.",
                "Machine translation is a starting point; a review ensures quality and the "
                "terms used in Québec.",
            ),
            _question(
                "Vous avez un doute sur une situation précise. À qui vous adresser ?",
                "You are unsure about a specific situation. Who should you turn to?",
                [
                    _choice(
                        "À un concurrent.",
                        "A competitor.",
                    ),
                    _choice(
                        "À l'OQLF ou à un conseiller juridique.",
                        "The OQLF or a legal advisor.",
                        correct=True,
                    ),
                    _choice(
                        "À personne, les règles ne s'appliquent pas aux petits commerces.",
                        "No one, the rules do not apply to small shops.",
                    ),
                ],
                "Cette capsule donne des repères généraux ; l'OQLF accompagne gratuitement les "
                "entreprises.",
                "This capsule gives general guidelines; the OQLF supports businesses free of "
                "charge.",
            ),
        ],
    },
]

LEARNING_PATHS = [
    {
        "key": "sell-online",
        "title_fr": "Vendre en ligne",
        "title_en": "Selling online",
        "description_fr": (
            "De la plateforme à la livraison : les étapes pour ouvrir une boutique en ligne "
            "rentable, en français, et suivre ses résultats."
        ),
        "description_en": (
            "From platform to delivery: the steps to open a profitable online store, in French, "
            "and track its results."
        ),
        "capsules": [
            "ecommerce-platform",
            "french-language-websites",
            "online-payments-fees",
            "shipping-quebec",
            "marketplaces-pros-cons",
            "web-analytics",
        ],
    },
    {
        "key": "protect-your-business",
        "title_fr": "Protéger son commerce",
        "title_en": "Protecting your business",
        "description_fr": (
            "Sécurité informatique, renseignements personnels, consentement aux courriels et "
            "langue française : les règles et les réflexes qui évitent les mauvaises surprises."
        ),
        "description_en": (
            "IT security, personal information, email consent and the French language: the "
            "rules and reflexes that prevent bad surprises."
        ),
        "capsules": [
            "cybersecurity-essentials",
            "law-25-privacy-basics",
            "email-marketing-casl",
            "french-language-websites",
        ],
    },
    {
        "key": "multi-location",
        "title_fr": "Gérer plusieurs points de vente",
        "title_en": "Managing several locations",
        "description_fr": (
            "Caisse, inventaire, horaires, comptabilité et cueillette en magasin : des outils "
            "qui tiennent plusieurs emplacements en phase."
        ),
        "description_en": (
            "POS, inventory, schedules, accounting and click-and-collect: tools that keep "
            "several locations in step."
        ),
        "capsules": [
            "modern-pos",
            "inventory-multi-location",
            "shipping-quebec",
            "scheduling-payroll",
            "accounting-einvoicing",
        ],
    },
    {
        "key": "attract-and-retain",
        "title_fr": "Attirer et fidéliser sa clientèle",
        "title_en": "Attracting and retaining customers",
        "description_fr": (
            "Être trouvé, animer sa communauté, écrire à ses clients avec leur accord, les "
            "récompenser et mesurer ce qui fonctionne."
        ),
        "description_en": (
            "Get found, engage your community, write to your customers with their consent, "
            "reward them and measure what works."
        ),
        "capsules": [
            "business-listings",
            "social-media-local",
            "email-marketing-casl",
            "loyalty-programs",
            "web-analytics",
        ],
    },
]
