"""Tags for the public landing page (core/landing.html includes waitlist templates)."""

from django import template

from virage.programs.selectors import subsector_list

register = template.Library()


@register.simple_tag
def eligible_subsectors():
    """The retail subsectors the program serves (one query)."""
    return list(subsector_list(eligible_only=True))
