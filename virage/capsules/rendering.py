"""Capsule bodies: Markdown rendered to HTML, then sanitised with an allow-list (nh3).

Authors write Markdown; Markdown lets raw HTML through, so every rendering goes through
`nh3.clean` with a short allow-list of tags and attributes. Whatever the author typed, no
<script>, <style>, <iframe>, event-handler attribute (onclick, onerror…), style attribute or
javascript:/data: URL reaches the page. Headings are shifted so that the body never has an
<h1> (the capsule's title is the page's only <h1>).
"""

from __future__ import annotations

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "b",
        "i",
        "a",
        "blockquote",
        "code",
        "pre",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "abbr",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


class _DemoteHeadings(Treeprocessor):
    """# → <h2>, ## → <h2>, ### → <h3>…: the page title stays the only <h1>."""

    def run(self, root):
        for element in root.iter():
            if element.tag == "h1":
                element.tag = "h2"


class _DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_DemoteHeadings(md), "virage_demote_headings", 5)


def sanitise_html(html: str) -> str:
    """Keep only allow-listed tags, attributes and URL schemes (nh3 / ammonia)."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(text: str) -> SafeString:
    """Markdown → sanitised HTML, safe to put in a template."""
    html = markdown.markdown(
        text or "",
        extensions=["sane_lists", "tables", _DemoteHeadingsExtension()],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    return mark_safe(sanitise_html(html))  # noqa: S308 - sanitised by nh3 just above
