"""Forms of the training pages. They parse and validate input; the services write."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from virage.accounts.models import Role, User
from virage.core.i18n import localized
from virage.programs.models import Region

from . import topics as topic_data
from .models import Attendance, Language, Level, TrainingModule, TrainingSession


def _topic_choices(kind: str) -> list[tuple[str, str]]:
    return [(t.key, localized(t, "label")) for t in topic_data.all_topics() if t.kind == kind]


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class CatalogFilterForm(forms.Form):
    """GET filters of the catalog; invalid values are ignored with a message."""

    region = RegionChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("code"),
        required=False,
        empty_label=_("All regions"),
        help_text=_("In-person sessions only. Online sessions are open to every region."),
    )
    mode = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("", _("Online and in person")),
            (TrainingSession.Mode.ONLINE, _("Online")),
            (TrainingSession.Mode.IN_PERSON, _("In person")),
        ],
        required=False,
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages")), *Language.choices], required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [
            ("", _("All topics")),
            (_("Solution categories"), _topic_choices(topic_data.CATEGORY)),
            (_("Diagnostic dimensions"), _topic_choices(topic_data.DIMENSION)),
        ]


class ModuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ModuleMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class TrainerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.email
        return f"{name} ({obj.organisation})" if obj.organisation else name


class ModuleForm(forms.Form):
    key = forms.SlugField(
        label=_("Key"),
        max_length=60,
        help_text=_("Short stable identifier: lowercase letters, digits and underscores."),
    )
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    description_fr = forms.CharField(
        label=_("Description (French)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=1, max_value=600)
    level = forms.ChoiceField(
        label=_("Level"), choices=[(value, capfirst(label)) for value, label in Level.choices]
    )
    categories = forms.MultipleChoiceField(
        label=_("Solution categories"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Diagnostic dimensions"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    prerequisites = ModuleMultipleChoiceField(
        label=_("Recommended before this module"),
        queryset=TrainingModule.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    is_active = forms.BooleanField(label=_("Offered"), required=False, initial=True)

    def __init__(self, *args, module: TrainingModule | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = _topic_choices(topic_data.CATEGORY)
        self.fields["dimensions"].choices = _topic_choices(topic_data.DIMENSION)
        others = TrainingModule.objects.order_by("title_fr")
        if module is not None:
            others = others.exclude(pk=module.pk)
        self.fields["prerequisites"].queryset = others

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("categories") and not cleaned.get("dimensions"):
            self.add_error("categories", _("Choose at least one topic."))
        return cleaned

    @staticmethod
    def initial_for(module: TrainingModule) -> dict:
        return {
            "key": module.key,
            "title_fr": module.title_fr,
            "title_en": module.title_en,
            "description_fr": module.description_fr,
            "description_en": module.description_en,
            "duration_minutes": module.duration_minutes,
            "level": module.level,
            "categories": module.category_keys,
            "dimensions": module.dimension_keys,
            "prerequisites": list(module.prerequisites.all()),
            "is_active": module.is_active,
        }


class SessionForm(forms.Form):
    module = ModuleChoiceField(label=_("Module"), queryset=TrainingModule.objects.none())
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    mode = forms.ChoiceField(
        label=_("Format"),
        choices=[
            (TrainingSession.Mode.ONLINE, _("Online")),
            (TrainingSession.Mode.IN_PERSON, _("In person")),
        ],
        widget=forms.RadioSelect,
    )
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Online sessions: shown only to registered people, the trainer and admins."),
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=250, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    region = RegionChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("code"), required=False
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    capacity = forms.IntegerField(label=_("Capacity (seats)"), min_value=0, max_value=1000)
    trainer = TrainerChoiceField(label=_("Trainer"), queryset=User.objects.none())
    cancellation_deadline_hours = forms.IntegerField(
        label=_("Cancellation deadline (hours before the start)"),
        min_value=0,
        max_value=720,
        required=False,
    )
    replay_url = forms.URLField(
        label=_("Replay link"), required=False, max_length=500, assume_scheme="https"
    )

    def __init__(self, *args, default_deadline: int = 24, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = TrainingModule.objects.filter(is_active=True).order_by(
            "title_fr"
        )
        self.fields["trainer"].queryset = User.objects.filter(
            role=Role.TRAINER, is_active=True
        ).order_by("last_name", "first_name")
        self.fields["cancellation_deadline_hours"].help_text = _(
            "Leave empty for the program default (%(hours)s h)."
        ) % {"hours": default_deadline}

    def clean(self):
        from .services import session_times

        cleaned = super().clean()
        day, start, end = cleaned.get("day"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            if end <= start:
                self.add_error("end_time", _("The session must end after it starts."))
            else:
                cleaned["starts_at"], cleaned["ends_at"] = session_times(day, start, end)
        mode = cleaned.get("mode")
        if mode == TrainingSession.Mode.ONLINE and not cleaned.get("online_url"):
            self.add_error("online_url", _("An online session needs its link."))
        if mode == TrainingSession.Mode.IN_PERSON:
            for name, message in (
                ("address", _("An in-person session needs an address.")),
                ("city", _("An in-person session needs a city.")),
                ("region", _("An in-person session needs a region.")),
            ):
                if not cleaned.get(name):
                    self.add_error(name, message)
        return cleaned

    def service_data(self) -> dict:
        data = {
            k: v for k, v in self.cleaned_data.items() if k not in {"day", "start_time", "end_time"}
        }
        return data

    @staticmethod
    def initial_for(session: TrainingSession) -> dict:
        start = timezone.localtime(session.starts_at)
        end = timezone.localtime(session.ends_at)
        return {
            "module": session.module,
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "mode": session.mode,
            "online_url": session.online_url,
            "venue": session.venue,
            "address": session.address,
            "city": session.city,
            "region": session.region,
            "language": session.language,
            "capacity": session.capacity,
            "trainer": session.trainer,
            "cancellation_deadline_hours": session.cancellation_deadline_hours,
            "replay_url": session.replay_url,
        }


class SessionCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the participants)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class ReplayForm(forms.Form):
    replay_url = forms.URLField(
        label=_("Replay link"), required=False, max_length=500, assume_scheme="https"
    )


class RegisterOnBehalfForm(forms.Form):
    """An advisor picks one person of an assigned business."""

    person = forms.ChoiceField(label=_("Person to register"))

    def __init__(self, *args, people: list[tuple], **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {f"{b.pk}:{u.pk}": (b, u) for b, u in people}
        self.fields["person"].choices = [("", "—")] + [
            (key, f"{u.get_full_name() or u.email} — {b.name}")
            for key, (b, u) in self.people.items()
        ]

    def clean_person(self):
        value = self.cleaned_data["person"]
        if value not in self.people:
            raise forms.ValidationError(_("Choose a person from the list."))
        return self.people[value]


class RosterForm(forms.Form):
    """One status and one minutes field per registered person."""

    STATUS_CHOICES = Attendance.Status.choices

    def __init__(self, *args, registrations, duration: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for registration in registrations:
            attendance = getattr(registration, "attendance", None)
            name = registration.person.get_full_name() or registration.person.email
            status = forms.ChoiceField(
                label=_("Attendance: %(name)s") % {"name": name},
                choices=self.STATUS_CHOICES,
                widget=forms.RadioSelect,
                required=False,
                initial=attendance.status if attendance else None,
            )
            minutes = forms.IntegerField(
                label=_("Minutes attended (partial): %(name)s") % {"name": name},
                min_value=1,
                max_value=max(duration - 1, 1),
                required=False,
                initial=attendance.minutes
                if attendance and attendance.status == Attendance.Status.PARTIAL
                else None,
            )
            self.fields[f"status_{registration.pk}"] = status
            self.fields[f"minutes_{registration.pk}"] = minutes
            self.rows.append(registration)

    def bound_rows(self):
        return [(r, self[f"status_{r.pk}"], self[f"minutes_{r.pk}"]) for r in self.rows]

    def entries(self) -> dict[int, tuple[str, int | None]]:
        """{registration id: (status, minutes)} for the rows filled in."""
        result = {}
        for r in self.rows:
            status = self.cleaned_data.get(f"status_{r.pk}")
            if status:
                result[r.pk] = (status, self.cleaned_data.get(f"minutes_{r.pk}"))
        return result
