"""Forms of the capsules app: library filters, quiz, light sign-up, authoring."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from virage.core.i18n import localized
from virage.programs.models import Region, Subsector

from . import rules
from .models import LANGUAGE_CHOICES, Capsule, Level, Topic
from .seed_data import CATEGORY_KEYS

LENGTH_CHOICES = [
    ("", _("Any length")),
    ("short", _("5 minutes or less")),
    ("medium", _("6 to 10 minutes")),
    ("long", _("More than 10 minutes")),
]


class LibraryFilterForm(forms.Form):
    """GET filters of the library; unknown values are ignored, never an error page."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any level")), *Level.choices]
    )
    length = forms.ChoiceField(label=_("Length"), required=False, choices=LENGTH_CHOICES)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (t.key, localized(t, "name")) for t in topics
        ]

    def filters(self) -> dict:
        """The valid filters (an invalid one is dropped) and whether any is active."""
        if not self.is_bound:
            return {"query": "", "topic": "", "level": "", "length": ""}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": data.get("q", "") or "",
            "topic": data.get("topic", "") or "",
            "level": data.get("level", "") or "",
            "length": data.get("length", "") if data.get("length") in rules.LENGTHS else "",
        }


class QuizForm(forms.Form):
    """One radio group per question (`q<question id>`); every question needs an answer."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=localized(question, "prompt"),
                choices=[(c.pk, localized(c, "text")) for c in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer to this question.")},
            )

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}

    def rows(self):
        """(question, bound field) pairs for the template."""
        return [(q, self[f"q{q.pk}"]) for q in self.questions]


class LearnerSignupForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send you a sign-in link; there is no password to remember."),
    )
    business_name = forms.CharField(label=_("Business name"), max_length=200)
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("code"),
        empty_label=_("Choose your region"),
    )
    subsector = forms.ModelChoiceField(
        label=_("Kind of business"),
        queryset=Subsector.objects.order_by("code"),
        required=False,
        empty_label=_("Other or not listed"),
    )
    consent_contact = forms.BooleanField(
        label=_(
            "The program team may e-mail me about my progress in the capsules "
            "(optional; you can withdraw this at any time)."
        ),
        required=False,
        initial=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["business_name"].widget.attrs["autocomplete"] = "organization"


class LearnerSigninForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class LearnerPreferencesForm(forms.Form):
    consent_contact = forms.BooleanField(
        label=_("The program team may e-mail me about my progress in the capsules."),
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language of e-mails and certificates"), choices=LANGUAGE_CHOICES
    )


class CertificateVerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=20,
        help_text=_("Printed on the certificate, e.g. ABCD-EFGH-JKMN."),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


def category_choices():
    names = {t.key: localized(t, "name") for t in Topic.objects.filter(key__in=CATEGORY_KEYS)}
    return [(key, names.get(key, key)) for key in CATEGORY_KEYS]


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class CapsuleForm(forms.ModelForm):
    """Authoring form: both languages side by side; the model checks the video host and the
    transcripts."""

    categories = forms.MultipleChoiceField(
        label=_("Related solution categories"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The plans link this capsule to actions of these categories."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("order", "key"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Capsule
        formfield_callback = _formfield
        fields = [
            "key",
            "title_fr",
            "title_en",
            "summary_fr",
            "summary_en",
            "body_fr",
            "body_en",
            "video_url",
            "transcript_fr",
            "transcript_en",
            "minutes",
            "level",
            "pass_mark_percent",
            "topics",
            "categories",
        ]
        widgets = {
            "summary_fr": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "body_fr": forms.Textarea(attrs={"rows": 18}),
            "body_en": forms.Textarea(attrs={"rows": 18}),
            "transcript_fr": forms.Textarea(attrs={"rows": 6}),
            "transcript_en": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = category_choices()
        if self.instance.pk and not self.is_bound:
            self.initial["categories"] = list(self.instance.categories or [])

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "topics"}


CHOICE_ROWS = 4


class QuestionForm(forms.Form):
    """A question with up to four answers (two at least) and the correct one."""

    prompt_fr = forms.CharField(label=_("Question (French)"), max_length=400)
    prompt_en = forms.CharField(label=_("Question (English)"), max_length=400)
    explanation_fr = forms.CharField(
        label=_("Explanation shown after answering (French)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    explanation_en = forms.CharField(
        label=_("Explanation shown after answering (English)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    correct = forms.TypedChoiceField(
        label=_("Correct answer"), coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["correct"].choices = [
            (i, gettext("Answer %(n)s") % {"n": i}) for i in range(1, CHOICE_ROWS + 1)
        ]
        for i in range(1, CHOICE_ROWS + 1):
            self.fields[f"choice_{i}_fr"] = forms.CharField(
                label=gettext("Answer %(n)s (French)") % {"n": i}, max_length=300, required=False
            )
            self.fields[f"choice_{i}_en"] = forms.CharField(
                label=gettext("Answer %(n)s (English)") % {"n": i}, max_length=300, required=False
            )

    @classmethod
    def initial_for(cls, question) -> dict:
        initial = {
            "prompt_fr": question.prompt_fr,
            "prompt_en": question.prompt_en,
            "explanation_fr": question.explanation_fr,
            "explanation_en": question.explanation_en,
        }
        for i, choice in enumerate(question.choices.all(), start=1):
            initial[f"choice_{i}_fr"] = choice.text_fr
            initial[f"choice_{i}_en"] = choice.text_en
            if choice.is_correct:
                initial["correct"] = i
        return initial

    def choice_rows(self):
        return [
            (i, self[f"choice_{i}_fr"], self[f"choice_{i}_en"]) for i in range(1, CHOICE_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        filled = []
        for i in range(1, CHOICE_ROWS + 1):
            text_fr = (data.get(f"choice_{i}_fr") or "").strip()
            text_en = (data.get(f"choice_{i}_en") or "").strip()
            if bool(text_fr) != bool(text_en):
                missing = f"choice_{i}_en" if text_fr else f"choice_{i}_fr"
                self.add_error(missing, _("Write this answer in both languages."))
            elif text_fr:
                filled.append(i)
        if len(filled) < 2:
            self.add_error("choice_1_fr", _("Write at least two answers."))
        correct = data.get("correct")
        if correct and correct not in filled:
            self.add_error("correct", _("The correct answer must be one of the answers written."))
        return data

    def choices_and_correct(self) -> tuple[list[tuple[str, str]], int]:
        choices, correct_index = [], 0
        for i in range(1, CHOICE_ROWS + 1):
            text_fr = self.cleaned_data[f"choice_{i}_fr"].strip()
            text_en = self.cleaned_data[f"choice_{i}_en"].strip()
            if text_fr:
                if i == self.cleaned_data["correct"]:
                    correct_index = len(choices)
                choices.append((text_fr, text_en))
        return choices, correct_index
