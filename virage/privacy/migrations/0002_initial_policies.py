"""First published privacy policy and terms of use (version 2026-09), so that a fresh
installation publishes them from day one. The privacy officer publishes later versions in the
administration (a change is a new version; published versions are never edited)."""

import datetime

from django.db import migrations

PUBLISHED = datetime.datetime(
    2026, 9, 1, 4, 0, tzinfo=datetime.UTC
)  # 1 Sept. 2026, midnight in Québec

PRIVACY_FR = """Le programme Virage accompagne les petits commerces de détail du Québec dans leur virage numérique. Pour le faire, nous recueillons des renseignements personnels sur les commerçants et les personnes qui travaillent avec eux. Cette politique explique lesquels, pourquoi, qui y a accès, combien de temps nous les gardons et quels sont vos droits.

Renseignements recueillis. Votre nom, votre adresse courriel, votre téléphone et votre langue de préférence ; les renseignements sur votre entreprise (nom, NEQ, adresses des établissements, nombre d'employés, secteur) ; vos réponses au diagnostic numérique, votre plan d'action, vos rencontres d'accompagnement, vos inscriptions aux formations et votre progression dans les capsules.

Fins. Ces renseignements servent à vous accompagner dans le programme, à planifier les rencontres et les formations, et à produire des statistiques sans nom pour les bailleurs de fonds. Toute autre utilisation (infolettre, sondages de recherche, partage de votre diagnostic avec le partenaire de votre région) demande votre consentement distinct, que vous pouvez retirer en tout temps, en un clic, dans la page « Mes consentements ».

Accès. Seuls votre conseiller, les formateurs des séances auxquelles vous êtes inscrit et l'équipe du programme voient vos renseignements. Les partenaires régionaux et les bailleurs de fonds ne voient que des totaux, jamais de nom, et aucun total portant sur moins de cinq entreprises. Chaque consultation du dossier d'une entreprise par un membre du personnel est journalisée.

Conservation. Vos renseignements sont conservés jusqu'à deux ans après la fin du programme, puis anonymisés. Le calendrier complet de conservation est publié avec cette politique.

Vos droits. Vous pouvez consulter vos renseignements et les télécharger dans un format structuré (page « Mes données »), demander qu'ils soient corrigés ou supprimés, et retirer un consentement. Nous répondons dans un délai de 30 jours. Vous pouvez porter plainte auprès de la Commission d'accès à l'information du Québec.

Sécurité. Les données sont hébergées au Canada, chiffrées en transit, et l'accès du personnel exige une authentification à deux facteurs. En cas d'incident de confidentialité présentant un risque de préjudice sérieux, nous avisons la Commission et les personnes concernées."""

PRIVACY_EN = """The Virage program accompanies small Québec retailers through their digital shift. To do so, we collect personal information about merchants and the people who work with them. This policy explains which information, why, who can see it, how long we keep it and what your rights are.

Information collected. Your name, e-mail address, phone number and preferred language; information about your business (name, NEQ, addresses of its locations, number of employees, sector); your answers to the digital diagnostic, your action plan, your coaching meetings, your training registrations and your progress in the capsules.

Purposes. This information is used to accompany you in the program, to plan meetings and training sessions, and to produce statistics without names for the funders. Any other use (newsletter, research surveys, sharing your diagnostic with your region's partner) requires your separate consent, which you can withdraw at any time, in one click, on the "My consents" page.

Access. Only your advisor, the trainers of the sessions you registered for and the program team see your information. Regional partners and funders only see totals, never names, and no total about fewer than five businesses. Every time a staff member views a business's record, it is logged.

Retention. Your information is kept until two years after the end of the program, then anonymised. The complete retention schedule is published with this policy.

Your rights. You can see your information and download it in a structured format ("My data" page), ask for it to be corrected or deleted, and withdraw a consent. We answer within 30 days. You may file a complaint with the Commission d'accès à l'information du Québec.

Security. Data is hosted in Canada, encrypted in transit, and staff access requires two-factor authentication. If a confidentiality incident presents a risk of serious injury, we notify the Commission and the persons concerned."""

TERMS_FR = """Ces conditions encadrent l'utilisation de la plateforme Virage par les commerçants et le personnel du programme.

Votre compte est personnel : ne partagez pas votre mot de passe ni vos codes de vérification. Les comptes du personnel exigent l'authentification à deux facteurs.

Vous vous engagez à fournir des renseignements exacts sur votre entreprise et à les tenir à jour.

Le catalogue de solutions est neutre : aucun fournisseur ne paie pour y figurer. Les recommandations sont des pistes ; le choix d'une solution vous appartient.

Le programme peut suspendre un compte utilisé de façon abusive. Ces conditions sont régies par les lois du Québec."""

TERMS_EN = """These terms govern the use of the Virage platform by merchants and program staff.

Your account is personal: do not share your password or your verification codes. Staff accounts require two-factor authentication.

You agree to provide accurate information about your business and to keep it up to date.

The solution catalog is vendor-neutral: no vendor pays to be listed. Recommendations are suggestions; choosing a solution is up to you.

The program may suspend an account that is misused. These terms are governed by the laws of Québec."""


def publish(apps, schema_editor):
    PolicyVersion = apps.get_model("privacy", "PolicyVersion")
    for kind, title_fr, title_en, body_fr, body_en in [
        (
            "privacy",
            "Politique de confidentialité",
            "Privacy policy",
            PRIVACY_FR,
            PRIVACY_EN,
        ),
        ("terms", "Conditions d'utilisation", "Terms of use", TERMS_FR, TERMS_EN),
    ]:
        PolicyVersion.objects.get_or_create(
            kind=kind,
            version="2026-09",
            defaults={
                "title_fr": title_fr,
                "title_en": title_en,
                "body_fr": body_fr,
                "body_en": body_en,
                "published_at": PUBLISHED,
            },
        )


def unpublish(apps, schema_editor):
    apps.get_model("privacy", "PolicyVersion").objects.filter(version="2026-09").delete()


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(publish, unpublish)]
