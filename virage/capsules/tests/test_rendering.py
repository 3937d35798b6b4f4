"""Sanitisation: whatever an author types, no script, event handler or javascript: URL
reaches the page (Markdown → HTML → nh3 allow-list)."""

import pytest
from django.urls import reverse

from virage.capsules.rendering import render_markdown

from .factories import make_capsule

ATTACKS = [
    ("script tag", "<script>alert('x')</script>"),
    ("script tag, mixed case", "<ScRiPt src='https://evil.example/x.js'></ScRiPt>"),
    ("img onerror", "<img src=x onerror=alert(1)>"),
    ("onclick on a paragraph", '<p onclick="alert(1)">clic</p>'),
    ("svg onload", "<svg onload=alert(1)><circle r=5 /></svg>"),
    ("body onload", "<body onload=alert(1)>x</body>"),
    ("iframe", "<iframe src='https://evil.example'></iframe>"),
    ("object", "<object data='https://evil.example/x.swf'></object>"),
    ("style attribute", '<p style="background:url(javascript:alert(1))">x</p>'),
    ("style tag", "<style>body{display:none}</style>"),
    ("markdown javascript link", "[cliquez ici](javascript:alert(1))"),
    ("markdown javascript link, upper case", "[x](JaVaScRiPt:alert(1))"),
    ("html javascript link", '<a href="javascript:alert(1)">x</a>'),
    ("html javascript link, entity-encoded", '<a href="jav&#x61;script:alert(1)">x</a>'),
    ("html javascript link, tab inside", '<a href="java\tscript:alert(1)">x</a>'),
    ("data URL link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
    ("markdown image with onerror", '![x](https://x.example/a.png" onerror="alert(1))'),
    ("vbscript link", "[x](vbscript:msgbox(1))"),
    ("form and input", "<form action='https://evil.example'><input name=x></form>"),
    ("meta refresh", "<meta http-equiv='refresh' content='0;url=https://evil.example'>"),
    (
        "event handler on an allowed tag",
        '<a href="https://ok.example" onmouseover="alert(1)">x</a>',
    ),
    ("nested in a list", "- <span onmouseover=alert(1)>x</span>\n- <script>alert(2)</script>"),
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onclick",
    "onload",
    "onmouseover",
    "javascript:",
    "<iframe",
    "<object",
    "style=",
    "<style",
    "vbscript:",
    "data:text",
    "<form",
    "<input",
    "<meta",
    "<svg",
    "<img",
]


@pytest.mark.parametrize(("name", "attack"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_attack_never_reaches_the_html(name, attack):
    html = str(render_markdown(f"## Titre\n\nAvant.\n\n{attack}\n\nAprès."))
    lowered = html.lower()
    assert [bad for bad in FORBIDDEN if bad in lowered] == []
    assert "<h2>Titre</h2>" in html
    assert "Après." in html


def test_plain_markdown_renders_as_expected():
    html = str(
        render_markdown(
            "# Grand titre\n\n## Section\n\nDu **gras**, de l'*italique* et un "
            "[lien](https://www.quebec.ca).\n\n- un\n- deux\n"
        )
    )
    assert html == (
        "<h2>Grand titre</h2>\n<h2>Section</h2>\n"
        "<p>Du <strong>gras</strong>, de l'<em>italique</em> et un "
        '<a href="https://www.quebec.ca" rel="noopener noreferrer nofollow">lien</a>.</p>\n'
        "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"
    )


def test_mailto_links_are_kept():
    html = str(render_markdown("[Écrivez-nous](mailto:info@virage.example)"))
    assert 'href="mailto:info@virage.example"' in html


@pytest.mark.django_db
def test_capsule_page_never_shows_an_attack(client):
    body = "\n\n".join(attack for _, attack in ATTACKS)
    capsule = make_capsule(
        "malicious", body_fr=f"## Leçon\n\n{body}", body_en=f"## Lesson\n\n{body}"
    )
    for language in ("fr", "en"):
        response = client.get(
            reverse("capsules:detail", kwargs={"key": capsule.key}).replace("/fr/", f"/{language}/")
        )
        assert response.status_code == 200
        content = response.content.decode().lower()
        article = content[content.index('<div class="capsule-body">') : content.index('id="quiz"')]
        assert [bad for bad in FORBIDDEN if bad in article] == []
        # the page has no script at all (CSP: no inline scripts)
        assert "<script" not in content
