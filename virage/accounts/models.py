"""People who sign in, with their role in the program."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MERCHANT = "merchant", _("Merchant")
    ADVISOR = "advisor", _("Advisor")
    TRAINER = "trainer", _("Trainer")
    PARTNER = "partner", _("Regional partner")
    FUNDER = "funder", _("Funder")
    ADMIN = "admin", _("Program administrator")


STAFF_ROLES = frozenset({Role.ADVISOR, Role.TRAINER, Role.PARTNER, Role.FUNDER, Role.ADMIN})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("role", Role.ADMIN)
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address. `role` decides what they see;
    a regional partner belongs to one region; the privacy officer is a program admin with
    `is_privacy_officer`."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MERCHANT)
    region = models.ForeignKey(
        "programs.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("Regional partners only: the region whose figures they see."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    is_privacy_officer = models.BooleanField(_("privacy officer"), default=False)
    language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=[("fr", _("French")), ("en", _("English"))],
        default="fr",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("Django admin access"),
        default=False,
        help_text=_("Program administrators only."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    anonymised_at = models.DateTimeField(
        _("anonymised"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the person's data was anonymised (deletion or retention)."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]
        indexes = [
            # the staff of one role in the order their pick-lists show them (partners by
            # organisation, advisors…), among every merchant and learner account
            models.Index(fields=["role", "organisation", "email"], name="user_role_listing"),
        ]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
            models.CheckConstraint(
                condition=~models.Q(role="partner") | models.Q(region__isnull=False),
                name="user_partner_has_region",
            ),
            models.CheckConstraint(
                condition=models.Q(is_privacy_officer=False) | models.Q(role="admin"),
                name="user_privacy_officer_is_admin",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email
