"""`{% load capsules %}`: capsule bodies as sanitised HTML."""

from __future__ import annotations

from django import template

from virage.capsules.rendering import render_markdown

register = template.Library()


@register.filter
def markdown(text: str):
    """`{{ capsule|tr:"body"|markdown }}`: Markdown → HTML through the nh3 allow-list."""
    return render_markdown(text or "")
