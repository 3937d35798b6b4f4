"""Pages of the capsules app: public library and capsule pages (no account needed), the light
sign-up, learner progress and certificates, and the program admin's authoring pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format, localize
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit import UNSAFE
from django_ratelimit.core import is_ratelimited

from virage.accounts.permissions import role_required
from virage.programs.selectors import program_for

from . import selectors, services
from .forms import (
    CapsuleForm,
    CertificateVerifyForm,
    LearnerPreferencesForm,
    LearnerSigninForm,
    LearnerSignupForm,
    LibraryFilterForm,
    QuestionForm,
    QuizForm,
)
from .models import Capsule, QuizQuestion
from .permissions import can_use_light_signup, records_progress_with_account
from .rendering import render_markdown
from .session import current_learner, learner_sign_in, learner_sign_out

PAGE_SIZE = 24
# Sign-up and sign-in links sent from one IP address: "10/10m" is 10 per 10 minutes.
LINK_RATE = "10/10m"


def _links_limited(request) -> bool:
    """Against e-mail bombing: both forms share one budget per IP address."""
    return is_ratelimited(
        request,
        group="capsules.links",
        key="ip",
        rate=LINK_RATE,
        method=UNSAFE,
        increment=True,
    )


def _too_many(request):
    return render(request, "capsules/rate_limited.html", status=429)


# --- Public library ----------------------------------------------------------------------------


def library(request):
    """Browse and search published capsules, in either language, without an account."""
    topics = list(selectors.topic_list())
    form = LibraryFilterForm(request.GET or None, topics=topics)
    filters = form.filters()
    page = Paginator(selectors.capsule_library(**filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    learner = current_learner(request)
    progress = selectors.progress_by_capsule(learner=learner, capsule_ids=[c.pk for c in page])
    searching = any(filters.values())
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    return render(
        request,
        "capsules/library.html",
        {
            "form": form,
            "page": page,
            "cards": [(c, progress.get(c.pk)) for c in page],
            "searching": searching,
            "paths": [] if searching else list(selectors.path_list()),
            "learner": learner,
            "querystring": urlencode(query),
        },
    )


def _quiz_rows(capsule, form, result=None):
    """What the template needs per question: the field (errors), its answers with what was
    chosen and, after scoring, what was right."""
    rows = []
    for question in capsule.questions.all():
        bound = form[f"q{question.pk}"]
        value = bound.value()
        question_result = result.for_question(question.pk) if result else None
        rows.append(
            {
                "question": question,
                "field": bound,
                "result": question_result,
                "choices": [
                    {
                        "choice": choice,
                        "checked": str(choice.pk) == str(value),
                        "correct": choice.is_correct,
                    }
                    for choice in question.choices.all()
                ],
            }
        )
    return rows


def _capsule_page(request, capsule, *, form=None, outcome=None, status=200):
    if outcome is not None and outcome.recorded:
        progress = outcome.progress
        learner = progress.learner
    else:
        learner = current_learner(request)
        progress = selectors.progress_by_capsule(learner=learner, capsule_ids=[capsule.pk]).get(
            capsule.pk
        )
    form = form or QuizForm(questions=capsule.questions.all())
    return render(
        request,
        "capsules/detail.html",
        {
            "capsule": capsule,
            "form": form,
            "quiz_rows": _quiz_rows(capsule, form, outcome.result if outcome else None),
            "outcome": outcome,
            "result": outcome.result if outcome else None,
            "progress": progress,
            "learner": learner,
            "paths": list(selectors.capsule_paths(capsule=capsule)),
            "records_with_account": records_progress_with_account(request.user),
            "can_sign_up": can_use_light_signup(request.user),
        },
        status=status,
    )


def capsule_detail(request, key):
    """The lesson (sanitised Markdown), its video and transcript, and the quiz (a plain form)."""
    capsule = selectors.capsule_for_page(user=request.user, key=key)
    if capsule is None:
        raise Http404
    return _capsule_page(request, capsule)


@require_POST
def quiz_submit(request, key):
    """Score the quiz; the explanations show after answering. Recorded for a merchant or a
    signed-in light learner; anyone else sees their score only."""
    capsule = selectors.capsule_for_page(user=request.user, key=key)
    if capsule is None:
        raise Http404
    form = QuizForm(request.POST, questions=capsule.questions.all())
    if not form.is_valid():
        return _capsule_page(request, capsule, form=form)
    learner = current_learner(request)
    outcome = services.quiz_submit(
        capsule=capsule, answers=form.answers(), learner=learner, user=request.user
    )
    for certificate in outcome.certificates:
        messages.success(
            request,
            _("Well done! You earned the certificate “%(path)s”.") % {"path": certificate.path},
        )
    return _capsule_page(request, capsule, form=form, outcome=outcome)


def path_detail(request, key):
    path = selectors.path_detail(key=key)
    if path is None:
        raise Http404
    steps = list(path.steps.all())
    learner = current_learner(request)
    progress = selectors.progress_by_capsule(
        learner=learner, capsule_ids=[s.capsule_id for s in steps]
    )
    passed = sum(1 for s in steps if progress.get(s.capsule_id) and progress[s.capsule_id].passed)
    certificate = (
        selectors.learner_certificates(learner=learner).filter(path=path).first()
        if learner
        else None
    )
    return render(
        request,
        "capsules/path_detail.html",
        {
            "path": path,
            "steps": [(s, progress.get(s.capsule_id)) for s in steps],
            "passed": passed,
            "learner": learner,
            "certificate": certificate,
            "can_sign_up": can_use_light_signup(request.user),
        },
    )


# --- Light sign-up and learner pages ----------------------------------------------------------


def learner_signup(request):
    """E-mail, business name, region, subsector and an unticked consent; a link by e-mail
    confirms the address (no password)."""
    if not can_use_light_signup(request.user):
        return redirect("capsules:library")
    if request.method == "POST":
        if _links_limited(request):
            return _too_many(request)
        form = LearnerSignupForm(request.POST)
        if form.is_valid():
            services.learner_signup_request(
                **form.cleaned_data, language=translation.get_language() or "fr"
            )
            return render(request, "capsules/link_sent.html", {"email": form.cleaned_data["email"]})
    else:
        form = LearnerSignupForm()
    return render(request, "capsules/signup.html", {"form": form})


def learner_signin(request):
    """A new sign-in link for a learner who already signed up."""
    if not can_use_light_signup(request.user):
        return redirect("capsules:library")
    if request.method == "POST":
        if _links_limited(request):
            return _too_many(request)
        form = LearnerSigninForm(request.POST)
        if form.is_valid():
            services.learner_link_request(email=form.cleaned_data["email"])
            return render(request, "capsules/link_sent.html", {"email": form.cleaned_data["email"]})
    else:
        form = LearnerSigninForm()
    return render(request, "capsules/signin.html", {"form": form})


def learner_confirm(request, token):
    """GET shows a button (mail scanners may open links); POST uses the one-time link."""
    if request.method == "POST":
        try:
            learner = services.learner_confirm(token=token)
        except services.LinkInvalid as exc:
            return render(request, "capsules/link_invalid.html", {"reason": exc.reason}, status=400)
        learner_sign_in(request, learner)
        messages.success(request, _("You are signed in: your progress is now recorded."))
        return redirect("capsules:me")
    try:
        signing.loads(token, salt=services.LINK_SALT, max_age=services.LINK_MAX_AGE)
    except signing.SignatureExpired:
        return render(request, "capsules/link_invalid.html", {"reason": "expired"})
    except signing.BadSignature:
        return render(request, "capsules/link_invalid.html", {"reason": "invalid"})
    return render(request, "capsules/confirm.html", {"token": token})


@require_POST
def learner_signout(request):
    learner_sign_out(request)
    messages.success(request, _("You are signed out of the capsules."))
    return redirect("capsules:library")


def learner_me(request):
    """My progress and certificates; a light learner also manages consent and language."""
    user = request.user
    if user.is_authenticated and not records_progress_with_account(user):
        raise PermissionDenied
    learner = current_learner(request)
    if learner is None and not user.is_authenticated:
        return redirect("capsules:signup")
    form = None
    if learner is not None and learner.is_light:
        if request.method == "POST":
            form = LearnerPreferencesForm(request.POST)
            if form.is_valid():
                services.learner_update_preferences(learner=learner, **form.cleaned_data)
                messages.success(request, _("Your preferences were saved."))
                return redirect("capsules:me")
        else:
            form = LearnerPreferencesForm(
                initial={"consent_contact": learner.consent_contact, "language": learner.language}
            )
    return render(
        request,
        "capsules/me.html",
        {
            "learner": learner,
            "progress_list": list(selectors.learner_progress_list(learner=learner))
            if learner
            else [],
            "certificates": list(selectors.learner_certificates(learner=learner))
            if learner
            else [],
            "form": form,
        },
    )


def certificate_detail(request, code):
    """The printable certificate, in the learner's language, for its holder (or an admin)."""
    learner = current_learner(request)
    certificate = selectors.certificate_for_owner(code=code, learner=learner, user=request.user)
    if certificate is None:
        if not request.user.is_authenticated and learner is None:
            return redirect("capsules:signin")
        raise Http404
    with translation.override(certificate.language):
        verify_path = reverse("capsules:verify_code", kwargs={"code": certificate.code})
        response = render(
            request,
            "capsules/certificate.html",
            {
                "certificate": certificate,
                "verify_url": request.build_absolute_uri(verify_path),
                "capsule_count": certificate.path.steps.count(),
            },
        )
    return response


def certificate_verify(request):
    """Anyone checks a certificate with its code."""
    form = CertificateVerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("capsules:verify_code", code=form.cleaned_data["code"])
    return render(request, "capsules/verify.html", {"form": form})


def certificate_verify_code(request, code):
    certificate = selectors.certificate_for_verification(code=code)
    return render(
        request,
        "capsules/verify.html",
        {
            "form": CertificateVerifyForm(initial={"code": code}),
            "certificate": certificate,
            "checked_code": code,
        },
        status=200 if certificate else 404,
    )


# --- Program admin: authoring -----------------------------------------------------------------


@role_required("admin")
def manage_list(request):
    return render(
        request,
        "capsules/manage/list.html",
        {"capsules": list(selectors.capsule_manage_list())},
    )


def _preview(request):
    return {
        "fr": render_markdown(request.POST.get("body_fr", "")),
        "en": render_markdown(request.POST.get("body_en", "")),
    }


@role_required("admin")
def manage_create(request):
    preview = None
    if request.method == "POST":
        form = CapsuleForm(request.POST)
        if "preview" in request.POST:
            preview = _preview(request)
            form.is_valid()
        elif form.is_valid():
            try:
                capsule = services.capsule_create(
                    actor=request.user,
                    fields=form.service_fields(),
                    topics=form.cleaned_data["topics"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The capsule was created as a draft."))
                return redirect("capsules:manage_edit", pk=capsule.pk)
    else:
        form = CapsuleForm()
    return render(request, "capsules/manage/capsule_form.html", {"form": form, "preview": preview})


@role_required("admin")
def manage_edit(request, pk):
    capsule = get_object_or_404(Capsule.objects.visible_to(request.user), pk=pk)
    preview = None
    if request.method == "POST":
        form = CapsuleForm(request.POST, instance=Capsule.objects.get(pk=capsule.pk))
        if "preview" in request.POST:
            preview = _preview(request)
            form.is_valid()
        elif form.is_valid():
            try:
                services.capsule_update(
                    capsule=capsule,
                    actor=request.user,
                    fields=form.service_fields(),
                    topics=form.cleaned_data["topics"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The capsule was saved."))
                return redirect("capsules:manage_edit", pk=capsule.pk)
    else:
        form = CapsuleForm(instance=capsule)
    questions = list(capsule.questions.order_by("order", "id").prefetch_related("choices"))
    return render(
        request,
        "capsules/manage/capsule_form.html",
        {
            "form": form,
            "capsule": capsule,
            "preview": preview,
            "questions": questions,
            "problems": services.capsule_publish_problems(capsule=capsule),
        },
    )


@role_required("admin")
@require_POST
def manage_publish(request, pk):
    capsule = get_object_or_404(Capsule.objects.visible_to(request.user), pk=pk)
    action = request.POST.get("action")
    try:
        if action == "publish":
            services.capsule_publish(capsule=capsule, actor=request.user)
            messages.success(request, _("The capsule is published."))
        elif action == "unpublish":
            services.capsule_unpublish(capsule=capsule, actor=request.user)
            messages.success(
                request, _("The capsule is back to draft: the public no longer sees it.")
            )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("capsules:manage_edit", pk=capsule.pk)


def _question_page(request, capsule, question=None):
    if request.method == "POST":
        form = QuestionForm(request.POST)
        if form.is_valid():
            choices, correct_index = form.choices_and_correct()
            try:
                services.question_save(
                    capsule=capsule,
                    question=question,
                    actor=request.user,
                    prompt_fr=form.cleaned_data["prompt_fr"],
                    prompt_en=form.cleaned_data["prompt_en"],
                    explanation_fr=form.cleaned_data["explanation_fr"],
                    explanation_en=form.cleaned_data["explanation_en"],
                    choices=choices,
                    correct_index=correct_index,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The question was saved."))
                return redirect("capsules:manage_edit", pk=capsule.pk)
    else:
        form = QuestionForm(initial=QuestionForm.initial_for(question) if question else None)
    return render(
        request,
        "capsules/manage/question_form.html",
        {"form": form, "capsule": capsule, "question": question},
    )


@role_required("admin")
def question_create(request, pk):
    capsule = get_object_or_404(Capsule.objects.visible_to(request.user), pk=pk)
    return _question_page(request, capsule)


@role_required("admin")
def question_edit(request, pk):
    question = get_object_or_404(
        QuizQuestion.objects.select_related("capsule").prefetch_related("choices"), pk=pk
    )
    return _question_page(request, question.capsule, question)


@role_required("admin")
def question_delete(request, pk):
    question = get_object_or_404(QuizQuestion.objects.select_related("capsule"), pk=pk)
    capsule = question.capsule
    if request.method == "POST":
        try:
            services.question_delete(question=question, actor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The question was deleted."))
        return redirect("capsules:manage_edit", pk=capsule.pk)
    return render(
        request,
        "capsules/manage/question_delete.html",
        {"question": question, "capsule": capsule},
    )


@role_required("admin", "funder", "partner")
def reach_report(request):
    """Businesses reached by the capsules, by month and region, against the target."""
    report = selectors.capsule_reach(user=request.user, program=program_for(request))
    return render(request, "capsules/reach.html", {"report": report, "cells": _reach_cells(report)})


def _reach_cells(report) -> str:
    """The rows of the month × region table (hundreds: about 17 regions a month), built with
    `format_html_join` (every value escaped) rather than by template tags on each row; month
    labels are formatted once per month."""
    fewer, unknown = _("fewer than 5"), _("Region unknown")
    months: dict = {}
    rows = []
    for cell in report.cells:
        month = cell["month"]
        if month not in months:
            months[month] = date_format(month, "YEAR_MONTH_FORMAT")
        code = cell["region_code"]
        region = f"{code} {cell['region_name']}" if code else unknown
        n = cell["businesses"]
        rows.append((months[month], region, fewer if n is None else localize(n)))
    return format_html_join("\n", '<tr><td>{}</td><td>{}</td><td class="num">{}</td></tr>', rows)
