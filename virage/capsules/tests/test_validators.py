"""Video host allow-list and the transcript a video requires."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from virage.capsules.validators import video_url_is_allowed

from .factories import make_capsule

CASES = [
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", True),
    ("https://WWW.YOUTUBE-NOCOOKIE.COM/embed/dQw4w9WgXcQ", True),
    ("https://player.vimeo.com/video/76979871", True),
    ("https://player.vimeo.com/video/76979871?h=8272103f6e", True),
    ("", False),
    ("http://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", False),  # not https
    ("https://www.youtube.com/embed/dQw4w9WgXcQ", False),  # tracking host
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", False),  # not an embed address
    ("https://youtu.be/dQw4w9WgXcQ", False),
    ("https://youtube-nocookie.com/embed/dQw4w9WgXcQ", False),  # host must be exact
    ("https://www.youtube-nocookie.com.evil.example/embed/dQw4w9WgXcQ", False),
    ("https://evil.example/www.youtube-nocookie.com/embed/dQw4w9WgXcQ", False),
    ("https://www.youtube-nocookie.com@evil.example/embed/dQw4w9WgXcQ", False),
    ("https://user@www.youtube-nocookie.com/embed/dQw4w9WgXcQ", False),
    ("https://www.youtube-nocookie.com:8443/embed/dQw4w9WgXcQ", False),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", False),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ#t=10", False),
    ("https://www.youtube-nocookie.com/embed/short", False),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ/../../x", False),
    ("https://vimeo.com/76979871", False),
    ("https://player.vimeo.com/video/abc", False),
    ("https://player.vimeo.com/video/76979871?autoplay=1", False),
    ("https://player.vimeo.com/video/76979871?h=8272103f6e&autoplay=1", False),
    ("javascript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    (" https://player.vimeo.com/video/76979871", False),
    ("https://player.vimeo.com:99999/video/76979871", False),
]


@pytest.mark.parametrize(("url", "allowed"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_video_host_allow_list(url, allowed):
    assert video_url_is_allowed(url) is allowed


@pytest.mark.django_db
def test_model_refuses_a_video_from_another_host_with_a_clear_message():
    capsule = make_capsule(published=False)
    capsule.video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    capsule.transcript_fr = "Transcription."
    capsule.transcript_en = "Transcript."
    with pytest.raises(ValidationError) as excinfo:
        capsule.full_clean()
    errors = excinfo.value.message_dict
    assert list(errors) == ["video_url"]
    assert "youtube-nocookie.com" in errors["video_url"][0]
    assert "player.vimeo.com" in errors["video_url"][0]


@pytest.mark.django_db
def test_a_video_requires_both_transcripts():
    capsule = make_capsule(published=False)
    capsule.video_url = "https://player.vimeo.com/video/76979871"
    with pytest.raises(ValidationError) as excinfo:
        capsule.full_clean()
    assert sorted(excinfo.value.message_dict) == ["transcript_en", "transcript_fr"]
    capsule.transcript_fr = "Transcription complète."
    with pytest.raises(ValidationError) as excinfo:
        capsule.full_clean()
    assert sorted(excinfo.value.message_dict) == ["transcript_en"]
    capsule.transcript_en = "Full transcript."
    capsule.full_clean()


@pytest.mark.django_db
def test_the_database_refuses_a_video_without_transcripts():
    capsule = make_capsule(published=False)
    capsule.video_url = "https://player.vimeo.com/video/76979871"
    capsule.transcript_fr = "Transcription."
    with pytest.raises(IntegrityError):
        capsule.save()


@pytest.mark.django_db
def test_reserved_keys_are_refused():
    capsule = make_capsule(published=False)
    capsule.key = "manage"
    with pytest.raises(ValidationError) as excinfo:
        capsule.full_clean()
    assert list(excinfo.value.message_dict) == ["key"]
