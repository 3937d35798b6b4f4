"""Starting content of the solution catalog and of the training modules, as plain data.

Pure Python: no Django import. A data migration or a seed command loads it into the catalog
and training models; program admins then edit it in the admin.

The catalog is vendor-neutral (DOMAIN.md, section 6): no vendor pays for placement, and the
descriptions state what a product does, without marketing claims or rankings. Facts were
chosen conservatively: when a fact was uncertain, the entry says less (``french_interface``,
``quebec_vendor`` and ``multi_location`` are ``True`` only when the fact is well established)
and the price band is the higher plausible one.

Fields of a solution:

- ``key``: stable slug; ``name``, ``vendor``; ``url``: the vendor's public home page (https);
- ``category``: primary category key; ``extra_categories``: other categories it also covers;
- ``price_range``: approximate monthly cost, in Canadian dollars before taxes and transaction
  fees, of the entry plan a small retailer would use (per user where priced per user):
  ``free``, ``under_50``, ``50_200`` or ``over_200``;
- ``price_model``: ``subscription``, ``per_transaction``, ``one_time``, ``free`` (the software
  itself is free; hosting or paid add-ons may apply) or ``quote``;
- ``french_interface``: the merchant-facing interface exists in French;
- ``quebec_vendor``: the vendor is based in Québec;
- ``multi_location``: the product manages several stores or locations of one business;
- ``setup_effort``: ``low`` (an afternoon), ``medium`` (days, data to import) or ``high``
  (weeks, or technical skills needed).
"""

from __future__ import annotations

PRICE_RANGES = ("free", "under_50", "50_200", "over_200")
PRICE_MODELS = ("subscription", "per_transaction", "one_time", "free", "quote")
SETUP_EFFORTS = ("low", "medium", "high")
TRAINING_LEVELS = ("beginner", "intermediate", "advanced")
M2_DIMENSION_KEYS = ("D1", "D2", "D3", "D4", "D5", "D6")

CATEGORIES: list[dict] = [
    {
        "key": "ecommerce",
        "name_fr": "Boutique en ligne",
        "name_en": "Online store",
        "description_fr": (
            "Plateformes pour vendre sur son propre site Web, avec commande et paiement en ligne."
        ),
        "description_en": (
            "Platforms to sell on your own web site, with online ordering and payment."
        ),
    },
    {
        "key": "marketplace",
        "name_fr": "Places de marché",
        "name_en": "Marketplaces",
        "description_fr": (
            "Sites de vente exploités par un tiers, où un commerçant offre ses produits à une "
            "clientèle déjà présente."
        ),
        "description_en": (
            "Selling sites run by a third party, where a merchant offers products to an "
            "existing audience."
        ),
    },
    {
        "key": "payments",
        "name_fr": "Paiements",
        "name_en": "Payments",
        "description_fr": "Services pour accepter les paiements en ligne et en magasin.",
        "description_en": "Services to accept payments online and in store.",
    },
    {
        "key": "pos",
        "name_fr": "Point de vente et omnicanal",
        "name_en": "Point of sale and omnichannel",
        "description_fr": (
            "Systèmes de caisse qui enregistrent les ventes en magasin et les relient aux stocks "
            "et à la vente en ligne."
        ),
        "description_en": (
            "Checkout systems that record in-store sales and connect them to stock and online "
            "sales."
        ),
    },
    {
        "key": "inventory",
        "name_fr": "Gestion des stocks",
        "name_en": "Inventory management",
        "description_fr": (
            "Logiciels pour suivre les quantités en stock, par magasin ou entrepôt, et éviter "
            "les ruptures."
        ),
        "description_en": (
            "Software to track stock levels, by store or warehouse, and avoid running out."
        ),
    },
    {
        "key": "shipping",
        "name_fr": "Expédition et exécution des commandes",
        "name_en": "Shipping and fulfilment",
        "description_fr": (
            "Transporteurs et outils pour préparer les commandes, imprimer les étiquettes et "
            "suivre les colis."
        ),
        "description_en": "Carriers and tools to prepare orders, print labels and track parcels.",
    },
    {
        "key": "supply_chain",
        "name_fr": "Approvisionnement et achats",
        "name_en": "Supply chain and purchasing",
        "description_fr": (
            "Outils pour commander auprès des fournisseurs et planifier le réapprovisionnement."
        ),
        "description_en": "Tools to order from suppliers and plan restocking.",
    },
    {
        "key": "hr_payroll",
        "name_fr": "RH, horaires et paie",
        "name_en": "HR, scheduling and payroll",
        "description_fr": (
            "Logiciels pour faire les horaires, compter les heures travaillées et produire la paie."
        ),
        "description_en": "Software to build schedules, track hours worked and run payroll.",
    },
    {
        "key": "accounting",
        "name_fr": "Comptabilité",
        "name_en": "Accounting",
        "description_fr": (
            "Logiciels pour tenir les livres, facturer, suivre les dépenses et préparer les "
            "déclarations de taxes."
        ),
        "description_en": (
            "Software to keep the books, invoice, track expenses and prepare sales tax returns."
        ),
    },
    {
        "key": "crm_email",
        "name_fr": "Gestion de la clientèle et marketing courriel",
        "name_en": "CRM and email marketing",
        "description_fr": (
            "Outils pour tenir un fichier clients et envoyer des courriels ou des textos aux "
            "personnes qui y ont consenti."
        ),
        "description_en": (
            "Tools to keep a customer file and send emails or text messages to people who "
            "consented."
        ),
    },
    {
        "key": "loyalty",
        "name_fr": "Fidélisation",
        "name_en": "Loyalty",
        "description_fr": (
            "Programmes de points, de récompenses ou de parrainage pour faire revenir la clientèle."
        ),
        "description_en": "Points, rewards or referral programs that bring customers back.",
    },
    {
        "key": "booking",
        "name_fr": "Réservation en ligne",
        "name_en": "Online booking",
        "description_fr": (
            "Outils de prise de rendez-vous en ligne pour les services, les essais ou les "
            "consultations."
        ),
        "description_en": "Online appointment tools for services, fittings or consultations.",
    },
    {
        "key": "visibility",
        "name_fr": "Visibilité et médias sociaux",
        "name_en": "Visibility and social media",
        "description_fr": (
            "Site Web vitrine, fiches d'entreprise, médias sociaux et avis en ligne."
        ),
        "description_en": "Showcase web site, business listings, social media and online reviews.",
    },
    {
        "key": "cybersecurity",
        "name_fr": "Cybersécurité et sauvegardes",
        "name_en": "Cybersecurity and backups",
        "description_fr": (
            "Gestionnaires de mots de passe, authentification multifacteur, sauvegardes et "
            "protection des renseignements personnels."
        ),
        "description_en": (
            "Password managers, multi-factor authentication, backups and protection of "
            "personal information."
        ),
    },
    {
        "key": "analytics",
        "name_fr": "Analytique",
        "name_en": "Analytics",
        "description_fr": (
            "Outils pour mesurer la fréquentation du site Web et suivre les ventes dans des "
            "tableaux de bord."
        ),
        "description_en": "Tools to measure web site traffic and follow sales in dashboards.",
    },
]

CATEGORY_KEYS: tuple[str, ...] = tuple(c["key"] for c in CATEGORIES)

SOLUTIONS: list[dict] = [
    # ---------------------------------------------------------------- ecommerce
    {
        "key": "shopify",
        "name": "Shopify",
        "vendor": "Shopify Inc.",
        "category": "ecommerce",
        "extra_categories": ("pos", "inventory"),
        "description_fr": (
            "Plateforme infonuagique pour créer et gérer une boutique en ligne. Elle comprend une "
            "application de point de vente et le suivi des stocks par emplacement."
        ),
        "description_en": (
            "Cloud platform to build and run an online store. It includes a point-of-sale app "
            "and inventory tracking by location."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": True,
        "setup_effort": "medium",
        "url": "https://www.shopify.com",
    },
    {
        "key": "woocommerce",
        "name": "WooCommerce",
        "vendor": "Automattic",
        "category": "ecommerce",
        "extra_categories": (),
        "description_fr": (
            "Extension libre qui ajoute une boutique en ligne à un site WordPress. L'hébergement, "
            "le nom de domaine et certaines extensions sont payants."
        ),
        "description_en": (
            "Open-source plugin that adds an online store to a WordPress site. Hosting, the "
            "domain name and some extensions are paid."
        ),
        "price_range": "under_50",
        "price_model": "free",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "high",
        "url": "https://woocommerce.com",
    },
    {
        "key": "wix",
        "name": "Wix",
        "vendor": "Wix.com",
        "category": "ecommerce",
        "extra_categories": ("visibility", "booking"),
        "description_fr": (
            "Créateur de sites Web par glisser-déposer, avec des forfaits qui ajoutent la vente "
            "en ligne et la prise de rendez-vous."
        ),
        "description_en": (
            "Drag-and-drop web site builder, with plans that add online selling and appointment "
            "booking."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.wix.com",
    },
    {
        "key": "squarespace",
        "name": "Squarespace",
        "vendor": "Squarespace",
        "category": "ecommerce",
        "extra_categories": ("visibility",),
        "description_fr": (
            "Créateur de sites Web à partir de modèles, avec des forfaits qui permettent de "
            "vendre des produits en ligne."
        ),
        "description_en": (
            "Template-based web site builder, with plans that allow selling products online."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.squarespace.com",
    },
    {
        "key": "ecwid",
        "name": "Ecwid",
        "vendor": "Lightspeed Commerce",
        "category": "ecommerce",
        "extra_categories": (),
        "description_fr": (
            "Boutique en ligne qui peut s'ajouter à un site Web existant ou à une page de média "
            "social."
        ),
        "description_en": (
            "Online store that can be added to an existing web site or a social media page."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.ecwid.com",
    },
    # ---------------------------------------------------------------- marketplace
    {
        "key": "amazon_marketplace",
        "name": "Amazon Marketplace (Amazon.ca)",
        "vendor": "Amazon",
        "category": "marketplace",
        "extra_categories": (),
        "description_fr": (
            "Place de marché où un commerçant vend ses produits sur Amazon.ca. Des frais "
            "s'appliquent à chaque vente, et le compte professionnel comporte un forfait mensuel."
        ),
        "description_en": (
            "Marketplace where a merchant sells products on Amazon.ca. Fees apply to each sale, "
            "and the professional account has a monthly fee."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://sell.amazon.ca",
    },
    {
        "key": "etsy",
        "name": "Etsy",
        "vendor": "Etsy",
        "category": "marketplace",
        "extra_categories": (),
        "description_fr": (
            "Place de marché consacrée aux produits faits à la main, aux articles vintage et aux "
            "fournitures d'artisanat. Des frais s'appliquent à chaque mise en vente et à chaque "
            "vente."
        ),
        "description_en": (
            "Marketplace for handmade goods, vintage items and craft supplies. Fees apply to each "
            "listing and each sale."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.etsy.com",
    },
    {
        "key": "walmart_marketplace",
        "name": "Walmart Marketplace (Canada)",
        "vendor": "Walmart Canada",
        "category": "marketplace",
        "extra_categories": (),
        "description_fr": (
            "Place de marché qui permet à des vendeurs tiers d'offrir leurs produits sur "
            "Walmart.ca. Les vendeurs doivent présenter une demande d'admission."
        ),
        "description_en": (
            "Marketplace where third-party sellers offer products on Walmart.ca. Sellers must "
            "apply to be admitted."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.walmart.ca",
    },
    {
        "key": "bestbuy_marketplace",
        "name": "Best Buy Marketplace (Canada)",
        "vendor": "Best Buy Canada",
        "category": "marketplace",
        "extra_categories": (),
        "description_fr": (
            "Place de marché qui permet à des vendeurs tiers d'offrir leurs produits sur "
            "BestBuy.ca, surtout en électronique et en articles connexes. Les vendeurs doivent "
            "présenter une demande d'admission."
        ),
        "description_en": (
            "Marketplace where third-party sellers offer products on BestBuy.ca, mostly "
            "electronics and related goods. Sellers must apply to be admitted."
        ),
        "price_range": "50_200",
        "price_model": "per_transaction",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.bestbuy.ca",
    },
    # ---------------------------------------------------------------- payments
    {
        "key": "stripe",
        "name": "Stripe",
        "vendor": "Stripe",
        "category": "payments",
        "extra_categories": (),
        "description_fr": (
            "Service de paiement en ligne facturé par transaction, qui s'intègre à de nombreuses "
            "plateformes de boutique en ligne. Une intégration sur mesure peut demander un "
            "développeur."
        ),
        "description_en": (
            "Online payment service billed per transaction, which integrates with many online "
            "store platforms. A custom integration may need a developer."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://stripe.com",
    },
    {
        "key": "paypal",
        "name": "PayPal",
        "vendor": "PayPal",
        "category": "payments",
        "extra_categories": (),
        "description_fr": (
            "Service de paiement en ligne facturé par transaction, qui s'ajoute à la plupart des "
            "plateformes de boutique en ligne."
        ),
        "description_en": (
            "Online payment service billed per transaction, which can be added to most online "
            "store platforms."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.paypal.com",
    },
    {
        "key": "moneris",
        "name": "Moneris",
        "vendor": "Moneris Solutions",
        "category": "payments",
        "extra_categories": (),
        "description_fr": (
            "Fournisseur canadien de traitement des paiements, avec des terminaux en magasin et "
            "des solutions de paiement en ligne. Les tarifs sont établis sur soumission."
        ),
        "description_en": (
            "Canadian payment processor, with in-store terminals and online payment solutions. "
            "Pricing is quoted."
        ),
        "price_range": "50_200",
        "price_model": "quote",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.moneris.com",
    },
    {
        "key": "desjardins_monetico",
        "name": "Solutions de paiement Desjardins (Monetico)",
        "vendor": "Desjardins",
        "category": "payments",
        "extra_categories": (),
        "description_fr": (
            "Terminaux de paiement et paiement en ligne offerts aux commerçants par Desjardins. "
            "Les tarifs sont établis sur soumission."
        ),
        "description_en": (
            "Payment terminals and online payments offered to merchants by Desjardins. Pricing "
            "is quoted."
        ),
        "price_range": "50_200",
        "price_model": "quote",
        "french_interface": True,
        "quebec_vendor": True,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.desjardins.com",
    },
    # ---------------------------------------------------------------- pos
    {
        "key": "lightspeed_retail",
        "name": "Lightspeed Retail",
        "vendor": "Lightspeed Commerce",
        "category": "pos",
        "extra_categories": ("inventory", "ecommerce", "supply_chain"),
        "description_fr": (
            "Système de point de vente infonuagique pour le commerce de détail, avec des stocks "
            "partagés entre plusieurs magasins et des bons de commande aux fournisseurs. Une "
            "boutique en ligne intégrée est offerte en option."
        ),
        "description_en": (
            "Cloud point-of-sale system for retail, with stock shared across several stores and "
            "purchase orders to suppliers. An integrated online store is available as an option."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": True,
        "multi_location": True,
        "setup_effort": "medium",
        "url": "https://www.lightspeedhq.com",
    },
    {
        "key": "square",
        "name": "Square",
        "vendor": "Block, Inc.",
        "category": "pos",
        "extra_categories": ("payments", "inventory", "ecommerce", "loyalty"),
        "description_fr": (
            "Application de point de vente et de paiement facturée surtout par des frais sur "
            "chaque transaction. Elle comprend aussi un site de vente en ligne et un suivi des "
            "stocks."
        ),
        "description_en": (
            "Point-of-sale and payment app billed mainly through fees on each transaction. It "
            "also includes an online store and inventory tracking."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": True,
        "setup_effort": "low",
        "url": "https://squareup.com",
    },
    {
        "key": "clover",
        "name": "Clover",
        "vendor": "Fiserv",
        "category": "pos",
        "extra_categories": ("payments",),
        "description_fr": (
            "Système de point de vente avec terminaux de paiement, vendu par Fiserv et ses "
            "partenaires. Le prix dépend du matériel et du forfait choisis."
        ),
        "description_en": (
            "Point-of-sale system with payment terminals, sold by Fiserv and its partners. The "
            "price depends on the hardware and plan chosen."
        ),
        "price_range": "50_200",
        "price_model": "quote",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.clover.com",
    },
    # ---------------------------------------------------------------- inventory
    {
        "key": "zoho_inventory",
        "name": "Zoho Inventory",
        "vendor": "Zoho Corporation",
        "category": "inventory",
        "extra_categories": ("supply_chain",),
        "description_fr": (
            "Logiciel infonuagique de gestion des stocks, des commandes et des bons de commande, "
            "avec plusieurs entrepôts. Il se connecte à des plateformes de vente en ligne."
        ),
        "description_en": (
            "Cloud software for stock, orders and purchase orders across several warehouses. It "
            "connects to online selling platforms."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": True,
        "setup_effort": "medium",
        "url": "https://www.zoho.com/inventory/",
    },
    {
        "key": "inflow",
        "name": "inFlow Inventory",
        "vendor": "Archon Systems",
        "category": "inventory",
        "extra_categories": ("supply_chain",),
        "description_fr": (
            "Logiciel de gestion des stocks pour petites entreprises, avec suivi par "
            "emplacement, bons de commande et codes-barres."
        ),
        "description_en": (
            "Inventory software for small businesses, with tracking by location, purchase "
            "orders and barcodes."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": True,
        "setup_effort": "medium",
        "url": "https://www.inflowinventory.com",
    },
    {
        "key": "cin7",
        "name": "Cin7",
        "vendor": "Cin7",
        "category": "inventory",
        "extra_categories": ("supply_chain",),
        "description_fr": (
            "Logiciel de gestion des stocks et des commandes pour les entreprises qui vendent "
            "sur plusieurs canaux (magasins, site Web, places de marché, vente en gros)."
        ),
        "description_en": (
            "Inventory and order management software for businesses selling on several channels "
            "(stores, web site, marketplaces, wholesale)."
        ),
        "price_range": "over_200",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": True,
        "setup_effort": "high",
        "url": "https://www.cin7.com",
    },
    # ---------------------------------------------------------------- supply_chain
    {
        "key": "odoo",
        "name": "Odoo",
        "vendor": "Odoo S.A.",
        "category": "supply_chain",
        "extra_categories": ("inventory", "accounting", "pos"),
        "description_fr": (
            "Progiciel de gestion modulaire (achats, stocks, point de vente, comptabilité, site "
            "Web). Une édition communautaire libre existe, mais l'hébergement et la "
            "configuration demandent des compétences techniques."
        ),
        "description_en": (
            "Modular business management suite (purchasing, inventory, point of sale, "
            "accounting, web site). A free community edition exists, but hosting and "
            "configuration require technical skills."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": True,
        "setup_effort": "high",
        "url": "https://www.odoo.com",
    },
    {
        "key": "faire",
        "name": "Faire",
        "vendor": "Faire Wholesale",
        "category": "supply_chain",
        "extra_categories": (),
        "description_fr": (
            "Plateforme de vente en gros où les détaillants commandent des produits auprès de "
            "marques indépendantes. L'inscription est gratuite pour les détaillants."
        ),
        "description_en": (
            "Wholesale platform where retailers order products from independent brands. Signing "
            "up is free for retailers."
        ),
        "price_range": "free",
        "price_model": "free",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.faire.com",
    },
    # ---------------------------------------------------------------- shipping
    {
        "key": "canada_post_small_business",
        "name": "Solutions pour petites entreprises de Postes Canada",
        "vendor": "Postes Canada",
        "category": "shipping",
        "extra_categories": (),
        "description_fr": (
            "Programme gratuit qui donne accès à des rabais sur les envois et à des outils "
            "d'expédition en ligne. Chaque envoi est payé à l'unité."
        ),
        "description_en": (
            "Free program giving access to shipping discounts and online shipping tools. Each "
            "parcel is paid for separately."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.canadapost-postescanada.ca",
    },
    {
        "key": "purolator",
        "name": "Purolator",
        "vendor": "Purolator",
        "category": "shipping",
        "extra_categories": (),
        "description_fr": (
            "Entreprise canadienne de messagerie et de livraison de colis, avec des outils "
            "d'expédition en ligne pour les entreprises."
        ),
        "description_en": (
            "Canadian courier and parcel delivery company, with online shipping tools for "
            "businesses."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.purolator.com",
    },
    {
        "key": "chit_chats",
        "name": "Chit Chats",
        "vendor": "Chit Chats",
        "category": "shipping",
        "extra_categories": (),
        "description_fr": (
            "Service canadien d'expédition de colis à tarifs réduits, notamment vers les "
            "États-Unis. Il faut vérifier la présence de points de dépôt dans sa région."
        ),
        "description_en": (
            "Canadian discounted parcel shipping service, notably to the United States. Check "
            "whether drop-off points exist in your region."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://chitchats.com",
    },
    {
        "key": "stallion_express",
        "name": "Stallion Express",
        "vendor": "Stallion Express",
        "category": "shipping",
        "extra_categories": (),
        "description_fr": (
            "Service canadien d'expédition de colis pour le commerce en ligne, notamment vers "
            "les États-Unis. Il faut vérifier la présence de points de dépôt dans sa région."
        ),
        "description_en": (
            "Canadian parcel shipping service for online sellers, notably to the United States. "
            "Check whether drop-off points exist in your region."
        ),
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://stallionexpress.ca",
    },
    {
        "key": "shipstation",
        "name": "ShipStation",
        "vendor": "Auctane",
        "category": "shipping",
        "extra_categories": (),
        "description_fr": (
            "Logiciel qui regroupe les commandes de plusieurs canaux de vente pour imprimer les "
            "étiquettes et comparer les transporteurs."
        ),
        "description_en": (
            "Software that gathers orders from several sales channels to print labels and "
            "compare carriers."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.shipstation.com",
    },
    # ---------------------------------------------------------------- hr_payroll
    {
        "key": "agendrix",
        "name": "Agendrix",
        "vendor": "Agendrix",
        "category": "hr_payroll",
        "extra_categories": (),
        "description_fr": (
            "Logiciel québécois de confection d'horaires, de pointage et de communication avec "
            "les employés. Il se connecte à plusieurs logiciels de paie."
        ),
        "description_en": (
            "Québec software for employee scheduling, time clock and team communication. It "
            "connects to several payroll systems."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": True,
        "multi_location": True,
        "setup_effort": "low",
        "url": "https://www.agendrix.com",
    },
    {
        "key": "employeur_d",
        "name": "Employeur D",
        "vendor": "Desjardins",
        "category": "hr_payroll",
        "extra_categories": (),
        "description_fr": (
            "Service de paie en ligne de Desjardins pour les entreprises, qui produit les paies, "
            "les relevés et les remises gouvernementales."
        ),
        "description_en": (
            "Desjardins' online payroll service for businesses, producing pay runs, slips and "
            "government remittances."
        ),
        "price_range": "50_200",
        "price_model": "quote",
        "french_interface": True,
        "quebec_vendor": True,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.employeurd.com",
    },
    {
        "key": "nethris",
        "name": "Nethris",
        "vendor": "Nethris",
        "category": "hr_payroll",
        "extra_categories": (),
        "description_fr": (
            "Service de paie et de gestion des ressources humaines en ligne conçu au Québec."
        ),
        "description_en": "Online payroll and human resources service developed in Québec.",
        "price_range": "50_200",
        "price_model": "quote",
        "french_interface": True,
        "quebec_vendor": True,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.nethris.com",
    },
    {
        "key": "7shifts",
        "name": "7shifts",
        "vendor": "7shifts",
        "category": "hr_payroll",
        "extra_categories": (),
        "description_fr": (
            "Logiciel de confection d'horaires et de gestion d'équipe conçu d'abord pour la "
            "restauration."
        ),
        "description_en": (
            "Scheduling and team management software designed primarily for restaurants."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": True,
        "setup_effort": "low",
        "url": "https://www.7shifts.com",
    },
    # ---------------------------------------------------------------- accounting
    {
        "key": "acomba",
        "name": "Acomba",
        "vendor": "Acomba",
        "category": "accounting",
        "extra_categories": ("hr_payroll",),
        "description_fr": "Logiciel de comptabilité et de paie conçu au Québec pour les PME.",
        "description_en": (
            "Accounting and payroll software developed in Québec for small and medium-sized "
            "businesses."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": True,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.acomba.com",
    },
    {
        "key": "sage_50",
        "name": "Sage 50 Comptabilité",
        "vendor": "Sage",
        "category": "accounting",
        "extra_categories": (),
        "description_fr": (
            "Logiciel de comptabilité installé sur l'ordinateur et offert par abonnement, avec "
            "une édition canadienne."
        ),
        "description_en": (
            "Desktop accounting software sold by subscription, with a Canadian edition."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.sage.com",
    },
    {
        "key": "quickbooks_online",
        "name": "QuickBooks Online",
        "vendor": "Intuit",
        "category": "accounting",
        "extra_categories": (),
        "description_fr": (
            "Logiciel de comptabilité infonuagique avec facturation, suivi des dépenses et "
            "rapprochement bancaire. L'édition canadienne gère la TPS et la TVQ."
        ),
        "description_en": (
            "Cloud accounting software with invoicing, expense tracking and bank reconciliation. "
            "The Canadian edition handles GST and QST."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://quickbooks.intuit.com",
    },
    {
        "key": "xero",
        "name": "Xero",
        "vendor": "Xero",
        "category": "accounting",
        "extra_categories": (),
        "description_fr": (
            "Logiciel de comptabilité infonuagique avec facturation, rapprochement bancaire et "
            "connexions à d'autres applications."
        ),
        "description_en": (
            "Cloud accounting software with invoicing, bank reconciliation and connections to "
            "other apps."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.xero.com",
    },
    # ---------------------------------------------------------------- crm_email
    {
        "key": "mailchimp",
        "name": "Mailchimp",
        "vendor": "Intuit",
        "category": "crm_email",
        "extra_categories": (),
        "description_fr": (
            "Plateforme de marketing par courriel avec gestion des listes d'abonnés, modèles et "
            "envois automatisés."
        ),
        "description_en": (
            "Email marketing platform with subscriber list management, templates and automated "
            "sends."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://mailchimp.com",
    },
    {
        "key": "cyberimpact",
        "name": "Cyberimpact",
        "vendor": "Cyberimpact",
        "category": "crm_email",
        "extra_categories": (),
        "description_fr": (
            "Plateforme québécoise de marketing par courriel conçue en fonction de la Loi "
            "canadienne anti-pourriel."
        ),
        "description_en": (
            "Québec email marketing platform designed around Canada's Anti-Spam Legislation."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": True,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.cyberimpact.com",
    },
    {
        "key": "brevo",
        "name": "Brevo",
        "vendor": "Brevo",
        "category": "crm_email",
        "extra_categories": (),
        "description_fr": (
            "Plateforme de marketing par courriel et par texto, anciennement appelée Sendinblue, "
            "avec un module de gestion de la clientèle."
        ),
        "description_en": (
            "Email and text-message marketing platform, formerly called Sendinblue, with a "
            "customer management module."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.brevo.com",
    },
    {
        "key": "klaviyo",
        "name": "Klaviyo",
        "vendor": "Klaviyo",
        "category": "crm_email",
        "extra_categories": (),
        "description_fr": (
            "Plateforme de marketing par courriel et par texto qui utilise les données de la "
            "boutique en ligne pour cibler les envois."
        ),
        "description_en": (
            "Email and text-message marketing platform that uses online store data to target sends."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.klaviyo.com",
    },
    {
        "key": "zoho_crm",
        "name": "Zoho CRM",
        "vendor": "Zoho Corporation",
        "category": "crm_email",
        "extra_categories": (),
        "description_fr": (
            "Logiciel infonuagique de gestion de la relation client (contacts, ventes, suivis)."
        ),
        "description_en": (
            "Cloud customer relationship management software (contacts, sales, follow-ups)."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.zoho.com/crm/",
    },
    {
        "key": "hubspot",
        "name": "HubSpot CRM",
        "vendor": "HubSpot",
        "category": "crm_email",
        "extra_categories": (),
        "description_fr": (
            "Logiciel de gestion de la relation client offert en version gratuite, avec des "
            "modules payants de marketing et de vente."
        ),
        "description_en": (
            "Customer relationship management software with a free version and paid marketing "
            "and sales modules."
        ),
        "price_range": "free",
        "price_model": "free",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.hubspot.com",
    },
    # ---------------------------------------------------------------- loyalty
    {
        "key": "smile_io",
        "name": "Smile.io",
        "vendor": "Smile.io",
        "category": "loyalty",
        "extra_categories": (),
        "description_fr": (
            "Application de programme de fidélité (points, parrainage, paliers) pour les "
            "boutiques en ligne."
        ),
        "description_en": "Loyalty program app (points, referrals, tiers) for online stores.",
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://smile.io",
    },
    {
        "key": "stamped",
        "name": "Stamped",
        "vendor": "Stamped",
        "category": "loyalty",
        "extra_categories": ("visibility",),
        "description_fr": (
            "Application de collecte d'avis clients et de programme de fidélité pour les "
            "boutiques en ligne."
        ),
        "description_en": (
            "App for collecting customer reviews and running a loyalty program for online stores."
        ),
        "price_range": "50_200",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://stamped.io",
    },
    # ---------------------------------------------------------------- booking
    {
        "key": "gorendezvous",
        "name": "GOrendezvous",
        "vendor": "GOrendezvous",
        "category": "booking",
        "extra_categories": (),
        "description_fr": (
            "Logiciel québécois de prise de rendez-vous en ligne pour les entreprises de services."
        ),
        "description_en": "Québec online appointment booking software for service businesses.",
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": True,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.gorendezvous.com",
    },
    {
        "key": "fresha",
        "name": "Fresha",
        "vendor": "Fresha",
        "category": "booking",
        "extra_categories": (),
        "description_fr": (
            "Logiciel de prise de rendez-vous en ligne pour les salons, les spas et les services "
            "de soins personnels."
        ),
        "description_en": "Online booking software for salons, spas and personal care services.",
        "price_range": "under_50",
        "price_model": "per_transaction",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.fresha.com",
    },
    {
        "key": "acuity_scheduling",
        "name": "Acuity Scheduling",
        "vendor": "Squarespace",
        "category": "booking",
        "extra_categories": (),
        "description_fr": (
            "Outil de prise de rendez-vous en ligne avec rappels automatiques et paiement à la "
            "réservation."
        ),
        "description_en": (
            "Online appointment tool with automatic reminders and payment at booking."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://acuityscheduling.com",
    },
    # ---------------------------------------------------------------- visibility
    {
        "key": "google_business_profile",
        "name": "Google Business Profile",
        "vendor": "Google",
        "category": "visibility",
        "extra_categories": (),
        "description_fr": (
            "Fiche gratuite qui présente le commerce dans la recherche Google et Google Maps "
            "(heures, adresse, photos) et permet de répondre aux avis."
        ),
        "description_en": (
            "Free listing that shows the business in Google Search and Google Maps (hours, "
            "address, photos) and lets it reply to reviews."
        ),
        "price_range": "free",
        "price_model": "free",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": True,
        "setup_effort": "low",
        "url": "https://www.google.com/business/",
    },
    {
        "key": "meta_business_suite",
        "name": "Meta Business Suite",
        "vendor": "Meta",
        "category": "visibility",
        "extra_categories": (),
        "description_fr": (
            "Outil gratuit pour gérer la page Facebook et le compte Instagram d'une entreprise, "
            "planifier les publications et répondre aux messages."
        ),
        "description_en": (
            "Free tool to manage a business's Facebook page and Instagram account, schedule "
            "posts and answer messages."
        ),
        "price_range": "free",
        "price_model": "free",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://business.facebook.com",
    },
    {
        "key": "canva",
        "name": "Canva",
        "vendor": "Canva",
        "category": "visibility",
        "extra_categories": (),
        "description_fr": (
            "Outil de conception graphique en ligne pour créer, à partir de modèles, des visuels "
            "pour les médias sociaux, des affiches et des dépliants. Des forfaits payants "
            "ajoutent des fonctions."
        ),
        "description_en": (
            "Online graphic design tool to create social media visuals, posters and flyers from "
            "templates. Paid plans add features."
        ),
        "price_range": "free",
        "price_model": "free",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.canva.com",
    },
    # ---------------------------------------------------------------- cybersecurity
    {
        "key": "bitwarden",
        "name": "Bitwarden",
        "vendor": "Bitwarden",
        "category": "cybersecurity",
        "extra_categories": (),
        "description_fr": (
            "Gestionnaire de mots de passe à code source ouvert, avec des forfaits pour partager "
            "des accès au sein d'une équipe."
        ),
        "description_en": (
            "Open-source password manager, with plans for sharing access within a team."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://bitwarden.com",
    },
    {
        "key": "1password",
        "name": "1Password",
        "vendor": "1Password",
        "category": "cybersecurity",
        "extra_categories": (),
        "description_fr": (
            "Gestionnaire de mots de passe avec des forfaits pour les entreprises et le partage "
            "d'accès en équipe."
        ),
        "description_en": "Password manager with business plans and shared access for teams.",
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://1password.com",
    },
    {
        "key": "backblaze",
        "name": "Backblaze",
        "vendor": "Backblaze",
        "category": "cybersecurity",
        "extra_categories": (),
        "description_fr": (
            "Service de sauvegarde infonuagique des ordinateurs et de stockage de fichiers, "
            "facturé par ordinateur ou selon l'espace utilisé."
        ),
        "description_en": (
            "Cloud backup for computers and file storage, billed per computer or by storage used."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://www.backblaze.com",
    },
    {
        "key": "microsoft_365_business",
        "name": "Microsoft 365 Business",
        "vendor": "Microsoft",
        "category": "cybersecurity",
        "extra_categories": (),
        "description_fr": (
            "Suite bureautique infonuagique qui permet d'exiger l'authentification multifacteur "
            "pour les comptes du personnel. Les forfaits supérieurs ajoutent des protections de "
            "sécurité."
        ),
        "description_en": (
            "Cloud office suite that can require multi-factor authentication for staff accounts. "
            "Higher plans add security protections."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://www.microsoft.com/microsoft-365/business",
    },
    {
        "key": "google_workspace",
        "name": "Google Workspace",
        "vendor": "Google",
        "category": "cybersecurity",
        "extra_categories": (),
        "description_fr": (
            "Suite bureautique infonuagique (courriel, documents, stockage) dans laquelle "
            "l'administrateur peut imposer la validation en deux étapes."
        ),
        "description_en": (
            "Cloud office suite (email, documents, storage) in which the administrator can "
            "enforce 2-step verification."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://workspace.google.com",
    },
    # ---------------------------------------------------------------- analytics
    {
        "key": "google_analytics_4",
        "name": "Google Analytics 4",
        "vendor": "Google",
        "category": "analytics",
        "extra_categories": (),
        "description_fr": (
            "Outil gratuit de mesure de l'audience et des conversions d'un site Web. Son "
            "utilisation demande de gérer le consentement aux témoins (cookies)."
        ),
        "description_en": (
            "Free tool measuring a web site's audience and conversions. Using it requires "
            "managing consent to cookies."
        ),
        "price_range": "free",
        "price_model": "free",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://marketingplatform.google.com/about/analytics/",
    },
    {
        "key": "matomo",
        "name": "Matomo",
        "vendor": "Matomo",
        "category": "analytics",
        "extra_categories": (),
        "description_fr": (
            "Outil d'analytique Web à code source ouvert, qu'on peut héberger soi-même ou "
            "utiliser en version infonuagique payante."
        ),
        "description_en": (
            "Open-source web analytics tool that can be self-hosted or used as a paid cloud "
            "service."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://matomo.org",
    },
    {
        "key": "plausible",
        "name": "Plausible Analytics",
        "vendor": "Plausible Insights",
        "category": "analytics",
        "extra_categories": (),
        "description_fr": (
            "Outil d'analytique Web léger qui n'utilise pas de témoins (cookies), facturé selon "
            "le nombre de pages vues."
        ),
        "description_en": (
            "Lightweight web analytics tool that uses no cookies, billed by page views."
        ),
        "price_range": "under_50",
        "price_model": "subscription",
        "french_interface": False,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "low",
        "url": "https://plausible.io",
    },
    {
        "key": "looker_studio",
        "name": "Looker Studio",
        "vendor": "Google",
        "category": "analytics",
        "extra_categories": (),
        "description_fr": (
            "Outil gratuit de tableaux de bord qui réunit des données de ventes, de site Web et "
            "de publicité."
        ),
        "description_en": (
            "Free dashboard tool that brings together sales, web site and advertising data."
        ),
        "price_range": "free",
        "price_model": "free",
        "french_interface": True,
        "quebec_vendor": False,
        "multi_location": False,
        "setup_effort": "medium",
        "url": "https://lookerstudio.google.com",
    },
]

TRAINING_MODULES: list[dict] = [
    {
        "key": "launch_online_store",
        "title_fr": "Lancer sa boutique en ligne",
        "title_en": "Launching your online store",
        "description_fr": (
            "Choisir une plateforme, mettre ses produits en ligne, accepter les paiements et "
            "décider s'il vaut la peine de vendre aussi sur une place de marché."
        ),
        "description_en": (
            "Choosing a platform, putting products online, accepting payments and deciding "
            "whether to also sell on a marketplace."
        ),
        "duration_minutes": 90,
        "level": "beginner",
        "categories": ("ecommerce", "payments", "marketplace"),
        "m2_dimensions": ("D2",),
    },
    {
        "key": "multi_location_inventory",
        "title_fr": "Gérer l'inventaire sur plusieurs points de vente",
        "title_en": "Managing inventory across several locations",
        "description_fr": (
            "Relier les caisses, les magasins et le site Web à un seul inventaire, faire les "
            "transferts entre magasins et commander aux fournisseurs au bon moment."
        ),
        "description_en": (
            "Connecting tills, stores and the web site to one inventory, transferring stock "
            "between stores and ordering from suppliers at the right time."
        ),
        "duration_minutes": 90,
        "level": "intermediate",
        "categories": ("pos", "inventory", "supply_chain"),
        "m2_dimensions": ("D1", "D4"),
    },
    {
        "key": "cybersecurity_essentials",
        "title_fr": "Cybersécurité essentielle",
        "title_en": "Cybersecurity essentials",
        "description_fr": (
            "Mettre en place des sauvegardes testées, l'authentification multifacteur et un "
            "gestionnaire de mots de passe, et reconnaître l'hameçonnage."
        ),
        "description_en": (
            "Setting up tested backups, multi-factor authentication and a password manager, and "
            "recognising phishing."
        ),
        "duration_minutes": 60,
        "level": "beginner",
        "categories": ("cybersecurity",),
        "m2_dimensions": ("D4",),
    },
    {
        "key": "email_marketing_law25",
        "title_fr": "Marketing courriel et Loi 25",
        "title_en": "Email marketing and Law 25",
        "description_fr": (
            "Bâtir un fichier clients avec des consentements valides, envoyer des infolettres "
            "utiles et lancer un programme de fidélité, dans le respect de la Loi 25 et de la "
            "Loi canadienne anti-pourriel."
        ),
        "description_en": (
            "Building a customer file with valid consents, sending useful newsletters and "
            "starting a loyalty program, in line with Law 25 and Canada's Anti-Spam Legislation."
        ),
        "duration_minutes": 75,
        "level": "intermediate",
        "categories": ("crm_email", "loyalty", "cybersecurity"),
        "m2_dimensions": ("D4",),
    },
    {
        "key": "payroll_scheduling",
        "title_fr": "Paie et horaires",
        "title_en": "Payroll and scheduling",
        "description_fr": (
            "Faire les horaires en ligne, compter les heures travaillées et les transmettre à la "
            "paie sans ressaisie."
        ),
        "description_en": (
            "Building schedules online, tracking hours worked and sending them to payroll "
            "without re-entering them."
        ),
        "duration_minutes": 60,
        "level": "beginner",
        "categories": ("hr_payroll",),
        "m2_dimensions": ("D3",),
    },
    {
        "key": "cloud_accounting",
        "title_fr": "Comptabilité infonuagique",
        "title_en": "Cloud accounting",
        "description_fr": (
            "Passer à un logiciel comptable en ligne, le relier à la banque et au point de vente, "
            "et partager les données avec son comptable."
        ),
        "description_en": (
            "Moving to online accounting software, connecting it to the bank and the point of "
            "sale, and sharing the data with your accountant."
        ),
        "duration_minutes": 60,
        "level": "beginner",
        "categories": ("accounting",),
        "m2_dimensions": ("D2",),
    },
    {
        "key": "shipping_quebec",
        "title_fr": "Expédition au Québec",
        "title_en": "Shipping in Québec",
        "description_fr": (
            "Comparer les transporteurs, préparer les commandes, imprimer les étiquettes, gérer "
            "les retours et réduire l'emballage."
        ),
        "description_en": (
            "Comparing carriers, preparing orders, printing labels, handling returns and "
            "reducing packaging."
        ),
        "duration_minutes": 60,
        "level": "intermediate",
        "categories": ("shipping", "supply_chain"),
        "m2_dimensions": ("D2", "D6"),
    },
    {
        "key": "sales_analytics",
        "title_fr": "Analyser ses ventes",
        "title_en": "Analysing your sales",
        "description_fr": (
            "Mesurer la fréquentation du site Web, lire les rapports du point de vente et bâtir "
            "un tableau de bord simple pour décider."
        ),
        "description_en": (
            "Measuring web site traffic, reading point-of-sale reports and building a simple "
            "dashboard to make decisions."
        ),
        "duration_minutes": 75,
        "level": "intermediate",
        "categories": ("analytics",),
        "m2_dimensions": ("D4", "D5"),
    },
    {
        "key": "local_visibility",
        "title_fr": "Être trouvé en ligne près de chez soi",
        "title_en": "Getting found online locally",
        "description_fr": (
            "Soigner sa fiche d'entreprise, publier dans les médias sociaux, répondre aux avis "
            "et offrir la prise de rendez-vous en ligne."
        ),
        "description_en": (
            "Keeping your business listing up to date, posting on social media, answering "
            "reviews and offering online booking."
        ),
        "duration_minutes": 60,
        "level": "beginner",
        "categories": ("visibility", "booking"),
        "m2_dimensions": ("D2",),
    },
]
