"""Integrity checks for the capsule seed content.

Pure data checks: no database and no Django, so they run anywhere with plain pytest.
"""

import json
import re

import pytest

from virage.capsules.seed_data import (
    CAPSULES,
    CATEGORY_KEYS,
    LEARNING_PATHS,
    LEVELS,
    PASS_MARK_PERCENT,
    TOPIC_KEYS,
)

CAPSULE_FIELDS = {
    "key",
    "title_fr",
    "title_en",
    "summary_fr",
    "summary_en",
    "body_fr",
    "body_en",
    "minutes",
    "level",
    "topics",
    "categories",
    "video_url",
    "pass_mark_percent",
    "quiz",
}
QUESTION_FIELDS = {"prompt_fr", "prompt_en", "choices", "explanation_fr", "explanation_en"}
CHOICE_FIELDS = {"text_fr", "text_en", "correct"}
PATH_FIELDS = {"key", "title_fr", "title_en", "description_fr", "description_en", "capsules"}

# The subjects the program asked for, by capsule key.
REQUIRED_CAPSULE_KEYS = {
    "ecommerce-platform",
    "law-25-privacy-basics",
    "inventory-multi-location",
    "cybersecurity-essentials",
    "business-listings",
    "shipping-quebec",
    "online-payments-fees",
    "email-marketing-casl",
    "social-media-local",
    "marketplaces-pros-cons",
    "modern-pos",
    "accounting-einvoicing",
    "scheduling-payroll",
    "web-analytics",
    "loyalty-programs",
    "french-language-websites",
}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
HEADING = re.compile(r"^#{2,3} \S", re.MULTILINE)
BULLET = re.compile(r"^- \S", re.MULTILINE)
ENGLISH_EMAIL_IN_FRENCH = re.compile(r"\be-?mails?\b", re.IGNORECASE)

CAPSULE_IDS = [capsule["key"] for capsule in CAPSULES]


def word_count(text):
    """Words of running text: Markdown markers (#, -, **) are not words."""
    return len(WORD.findall(text))


def bilingual_pairs(capsule):
    """Every (field name, French text, English text) of a capsule, quiz included."""
    pairs = [
        (name, capsule[f"{name}_fr"], capsule[f"{name}_en"])
        for name in ("title", "summary", "body")
    ]
    for q_index, question in enumerate(capsule["quiz"]):
        pairs.append((f"quiz[{q_index}].prompt", question["prompt_fr"], question["prompt_en"]))
        pairs.append(
            (
                f"quiz[{q_index}].explanation",
                question["explanation_fr"],
                question["explanation_en"],
            )
        )
        for c_index, choice in enumerate(question["choices"]):
            pairs.append(
                (f"quiz[{q_index}].choices[{c_index}]", choice["text_fr"], choice["text_en"])
            )
    return pairs


# --- The collection as a whole ------------------------------------------------------------


def test_there_are_at_least_fourteen_capsules():
    assert len(CAPSULES) >= 14


def test_capsule_keys_are_unique_slugs():
    keys = [capsule["key"] for capsule in CAPSULES]
    assert len(keys) == len(set(keys))
    assert [key for key in keys if not SLUG.match(key)] == []


def test_required_subjects_are_present():
    assert REQUIRED_CAPSULE_KEYS - {capsule["key"] for capsule in CAPSULES} == set()


def test_titles_are_unique_in_each_language():
    for lang in ("fr", "en"):
        titles = [capsule[f"title_{lang}"] for capsule in CAPSULES]
        assert len(titles) == len(set(titles)), lang


def test_category_keys_are_the_topic_keys_without_privacy_and_strategy():
    assert set(CATEGORY_KEYS) == set(TOPIC_KEYS) - {"privacy", "strategy"}


def test_pass_mark_is_a_percentage():
    assert isinstance(PASS_MARK_PERCENT, int)
    assert 1 <= PASS_MARK_PERCENT <= 100


def test_seed_data_is_json_serializable():
    """Plain data only, so a data migration or a fixture can store it as is."""
    assert json.loads(json.dumps(CAPSULES)) == CAPSULES
    assert json.loads(json.dumps(LEARNING_PATHS)) == LEARNING_PATHS


def test_correct_answers_are_not_always_in_the_same_position():
    positions = {
        [choice["correct"] for choice in question["choices"]].index(True)
        for capsule in CAPSULES
        for question in capsule["quiz"]
    }
    assert len(positions) >= 3


# --- Each capsule -------------------------------------------------------------------------


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_capsule_has_exactly_the_expected_fields(capsule):
    assert set(capsule) == CAPSULE_FIELDS


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_every_text_is_filled_in_both_languages_and_translated(capsule):
    for name, text_fr, text_en in bilingual_pairs(capsule):
        assert isinstance(text_fr, str), name
        assert isinstance(text_en, str), name
        assert text_fr.strip(), name
        assert text_en.strip(), name
        assert text_fr != text_en, name


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_summaries_are_one_or_two_sentences(capsule):
    for lang in ("fr", "en"):
        summary = capsule[f"summary_{lang}"]
        assert 1 <= len(SENTENCE_END.findall(summary)) <= 2, lang
        assert len(summary) <= 300, lang


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_bodies_are_between_250_and_450_words(capsule):
    for lang in ("fr", "en"):
        assert 250 <= word_count(capsule[f"body_{lang}"]) <= 450, lang


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_bodies_are_markdown_with_headings_lists_and_a_closing_checklist(capsule):
    checklist_heading = {"fr": "## Liste de vérification", "en": "## Checklist"}
    for lang in ("fr", "en"):
        body = capsule[f"body_{lang}"]
        assert len(HEADING.findall(body)) >= 3, lang
        assert body.startswith("## "), lang
        # The checklist is the last section and holds at least three items.
        head, _, checklist = body.rpartition(checklist_heading[lang] + "\n")
        assert head, lang
        assert "\n## " not in checklist, lang
        assert len(BULLET.findall(checklist)) >= 3, lang


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_no_raw_html_anywhere(capsule):
    for name, text_fr, text_en in bilingual_pairs(capsule):
        assert "<" not in text_fr, name
        assert "<" not in text_en, name


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_french_follows_quebec_usage(capsule):
    for name, text_fr, text_en in bilingual_pairs(capsule):
        assert not ENGLISH_EMAIL_IN_FRENCH.search(text_fr), f"{name}: say « courriel »"
        assert '"' not in text_fr, f"{name}: use « » in French"
        assert text_fr.count("«") == text_fr.count("»"), name
        assert "«" not in text_en, f"{name}: use straight quotes in English"


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_metadata_uses_known_values(capsule):
    assert isinstance(capsule["minutes"], int)
    assert 4 <= capsule["minutes"] <= 10
    assert capsule["level"] in LEVELS
    assert capsule["video_url"] is None
    assert capsule["pass_mark_percent"] == PASS_MARK_PERCENT
    for field, allowed in (("topics", TOPIC_KEYS), ("categories", CATEGORY_KEYS)):
        values = capsule[field]
        assert values, field
        assert len(values) == len(set(values)), field
        assert set(values) <= set(allowed), field


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_quiz_has_three_or_four_questions_each_with_one_correct_choice(capsule):
    quiz = capsule["quiz"]
    assert 3 <= len(quiz) <= 4
    for question in quiz:
        assert set(question) == QUESTION_FIELDS
        choices = question["choices"]
        assert 3 <= len(choices) <= 4
        assert all(set(choice) == CHOICE_FIELDS for choice in choices)
        assert all(isinstance(choice["correct"], bool) for choice in choices)
        assert sum(choice["correct"] for choice in choices) == 1
        for lang in ("fr", "en"):
            texts = [choice[f"text_{lang}"] for choice in choices]
            assert len(texts) == len(set(texts)), lang


@pytest.mark.parametrize("capsule", CAPSULES, ids=CAPSULE_IDS)
def test_pass_mark_can_be_reached_with_one_mistake(capsule):
    questions = len(capsule["quiz"])
    needed = -(-questions * capsule["pass_mark_percent"] // 100)  # ceiling
    assert needed == questions - 1


# --- Learning paths -----------------------------------------------------------------------


def test_there_are_three_or_four_learning_paths_with_unique_keys():
    keys = [path["key"] for path in LEARNING_PATHS]
    assert 3 <= len(keys) <= 4
    assert len(keys) == len(set(keys))
    assert [key for key in keys if not SLUG.match(key)] == []


@pytest.mark.parametrize("path", LEARNING_PATHS, ids=[path["key"] for path in LEARNING_PATHS])
def test_learning_path_is_bilingual_and_references_existing_capsules(path):
    assert set(path) == PATH_FIELDS
    for name in ("title", "description"):
        text_fr, text_en = path[f"{name}_fr"], path[f"{name}_en"]
        assert text_fr.strip(), name
        assert text_en.strip(), name
        assert text_fr != text_en, name
        assert "<" not in text_fr + text_en, name
    capsule_keys = {capsule["key"] for capsule in CAPSULES}
    assert len(path["capsules"]) >= 3
    assert len(path["capsules"]) == len(set(path["capsules"]))
    assert [key for key in path["capsules"] if key not in capsule_keys] == []


def test_every_capsule_belongs_to_at_least_one_learning_path():
    in_paths = {key for path in LEARNING_PATHS for key in path["capsules"]}
    assert [capsule["key"] for capsule in CAPSULES if capsule["key"] not in in_paths] == []


def test_topics_are_the_topic_keys_with_names_in_both_languages():
    from virage.capsules.seed_data import TOPICS

    assert [topic["key"] for topic in TOPICS] == list(TOPIC_KEYS)
    for topic in TOPICS:
        assert set(topic) == {"key", "name_fr", "name_en"}
        assert topic["name_fr"].strip() and topic["name_en"].strip()
        assert "<" not in topic["name_fr"] + topic["name_en"]
