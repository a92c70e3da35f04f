"""The six default sources, and every candidate's old free-text source mapped onto the list.

A text matches a source when, trimmed and with its spaces collapsed, it equals the
source's name or slug ignoring case ("job board", "Job-Board" and "JOB BOARD" are all the
job board). A non-empty text that matches nothing becomes a new source of its own, named
as it was typed (its most frequent spelling), so no candidate loses where they came from;
spellings that differ only in case become one source. An empty text leaves no source.

``plan_sources`` is the mapping, pure so that it can be tested on hand-made values.
"""

from collections import Counter

from django.db import migrations
from django.utils.text import slugify

DEFAULT_SOURCES = [  # name, slug, in order
    ("Referral", "referral"),
    ("Job board", "job-board"),
    ("Agency", "agency"),
    ("Inbound", "inbound"),
    ("Sourced by recruiter", "sourced-by-recruiter"),
    ("Internal", "internal"),
]
NAME_LENGTH = 80


def clean(text) -> str:
    """The text trimmed, its runs of spaces one space."""
    return " ".join((text or "").split())


def plan_sources(texts, known) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Which source each text becomes, and the sources to create for unknown texts.

    ``texts``: the candidates' source texts, with repeats (the most frequent spelling of a
    new source names it). ``known``: (name, slug) of the sources that exist. Returns
    ``{text: slug}`` for every non-empty text, and the new (name, slug) pairs in the order
    of their names. New slugs never collide with a known slug or with each other.
    """
    by_key = {}
    for name, slug in known:
        by_key.setdefault(clean(name).casefold(), slug)
        by_key.setdefault(slug.casefold(), slug)
    taken = {slug for _, slug in known}
    spellings: dict[str, Counter] = {}
    mapping: dict[str, str] = {}
    for text in texts:
        key = clean(text).casefold()
        if not key:
            continue
        if key in by_key:
            mapping[text] = by_key[key]
        else:
            spellings.setdefault(key, Counter())[clean(text)] += 1
    new = []
    for key in sorted(spellings):
        name = sorted(spellings[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        name = name[:NAME_LENGTH]
        base = slugify(name)[:NAME_LENGTH - 4] or "source"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        by_key[key] = slug
        new.append((name, slug))
    for text in texts:
        key = clean(text).casefold()
        if key and text not in mapping:
            mapping[text] = by_key[key]
    return mapping, sorted(new, key=lambda pair: pair[0].casefold())


def forwards(apps, schema_editor):
    CandidateSource = apps.get_model("selection", "CandidateSource")
    Candidate = apps.get_model("selection", "Candidate")
    for order, (name, slug) in enumerate(DEFAULT_SOURCES, start=1):
        if not CandidateSource.objects.filter(slug=slug).exists() and \
                not CandidateSource.objects.filter(name__iexact=name).exists():
            CandidateSource.objects.create(name=name, slug=slug, order=order)
    texts = list(Candidate.objects.exclude(source_text="").values_list("source_text",
                                                                       flat=True))
    known = list(CandidateSource.objects.values_list("name", "slug"))
    mapping, new = plan_sources(texts, known)
    last = max(CandidateSource.objects.values_list("order", flat=True), default=0)
    for k, (name, slug) in enumerate(new, start=1):
        CandidateSource.objects.create(name=name, slug=slug, order=last + k)
    ids = dict(CandidateSource.objects.values_list("slug", "pk"))
    for text, slug in mapping.items():
        Candidate.objects.filter(source_text=text).update(source_id=ids[slug])


def backwards(apps, schema_editor):
    Candidate = apps.get_model("selection", "Candidate")
    for candidate in Candidate.objects.exclude(source=None).select_related("source"):
        candidate.source_text = candidate.source.name[:NAME_LENGTH]
        candidate.save(update_fields=["source_text"])


class Migration(migrations.Migration):

    dependencies = [
        ('selection', '0006_candidate_source_list'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
