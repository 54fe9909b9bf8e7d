"""Recurring problems: tickets of one organization that say the same thing in different words
(character n-gram TF-IDF, cosine similarity, average-linkage clustering), or that concern the
same asset or check, in clusters of at least 3 within a period.

Character n-grams need no word segmenter, so Chinese and Greek work as English does; they do
not join the same problem said in two languages: a shared asset or check does that.

Tickets already linked to a Problem stay in their cluster: the page shows the problem beside
it ("problem #N already open") rather than hiding a fault that keeps coming back."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from steward.accounts.models import Organization
from steward.desk.models import Ticket
from steward.monitoring.models import Alert
from steward.reports.period import Period
from steward.vault.models import TicketAsset

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# The smallest group called recurring.
MIN_CLUSTER = 3

# Two groups of texts join while their average cosine distance is below this. Tuned on the
# hand-written paraphrases of tests/paraphrases.py (4 wordings of 3 faults in 3 languages,
# and unrelated tickets) and on bench/reports_recurring.py's generator: paraphrases of one
# fault sit at 0.3-0.77 from each other, unrelated tickets mostly above 0.85. 0.80 keeps
# every hand-written paraphrase set whole with nothing else in it (adjusted Rand 1.0) and
# scores 0.996 on the generator; 0.85 lets "wifi keeps disconnecting" join "VPN keeps
# disconnecting" there (0.85), 0.75 starts to split (0.98).
DISTANCE_THRESHOLD = 0.80

# How much of the description is read: its first lines say what is wrong; the rest is
# signatures, logs and quoted mail that would make every ticket look like every other.
DESCRIPTION_CHARS = 160

# Average linkage holds the n x n distances of the distinct texts in memory (4 bytes each):
# 4,000 texts are 64 MB. Beyond that, the most frequent texts are clustered by wording and
# the rest join clusters only through identical text, a shared asset or a shared check.
MAX_TEXTS = 4_000

# Character n-grams within words (alphabets); Chinese runs get characters and pairs (grams).
NGRAMS = (2, 4)

# A label is read in a list: one line.
LABEL_CHARS = 80

# Ticket numbers (ACME-123, #123), numbers, punctuation and symbols say nothing about what is
# wrong, and differ between two tickets about the same thing.
_REF = re.compile(r"\b[A-Z]{2,}-\d+\b|#\d+")
# "Re:", "Fwd:", "回复：", "ΣΧΕΤ:" before a mailed ticket's subject.
_REPLY = re.compile(r"^\s*((re|fw|fwd|aw|sv|σχετ|回复|答复|转发)\s*[:：]\s*)+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cluster:
    label: str  # "printer on 2F does not print"
    tickets: list[int]  # ticket ids, oldest first
    since: datetime  # the oldest ticket's creation


@dataclass(frozen=True)
class Doc:
    """A ticket as the clustering reads it."""

    pk: int
    title: str
    text: str  # title and the start of the description, as written
    created_at: datetime


def normalise(text: str) -> str:
    """Lowercase NFKC text without ticket references, digits, punctuation, symbols or accents,
    with single spaces: two tickets that differ only in those read the same (Greek is often
    typed without its accents)."""
    text = _REF.sub(" ", _REPLY.sub("", unicodedata.normalize("NFKC", text))).lower()
    kept = []
    for c in unicodedata.normalize("NFKD", text):
        kind = unicodedata.category(c)
        if kind == "Mn":
            continue
        kept.append(" " if kind[0] in "NPSZC" else c)
    return _SPACE.sub(" ", unicodedata.normalize("NFC", "".join(kept))).strip()


def clusters(org: Organization, period: Period) -> list[Cluster]:
    """The recurring groups of the organization's tickets created in the period, largest
    first."""
    start, end = period.bounds(org.timezone)
    rows = (
        Ticket.objects.filter(organization=org, created_at__gte=start, created_at__lt=end)
        .order_by("created_at", "id")
        .values_list("pk", "title", "description", "created_at")
    )
    docs = [
        Doc(pk, title, f"{title} {description[:DESCRIPTION_CHARS]}", created_at)
        for pk, title, description, created_at in rows
    ]
    ids = [d.pk for d in docs]
    by_asset = TicketAsset.objects.filter(ticket_id__in=ids).values_list("asset_id", "ticket_id")
    by_check = Alert.objects.filter(ticket_id__in=ids).values_list("owner_id", "ticket_id")
    return group(docs, [list(by_asset), list(by_check)])


def group(docs: Sequence[Doc], links: Iterable[Iterable[tuple[int, int]]]) -> list[Cluster]:
    """The clustering itself, without the database (the benchmark calls it): texts that say
    the same thing, joined with tickets that share a key (`links`: (key, ticket) pairs, one
    list per kind of key), in groups of at least MIN_CLUSTER."""
    if not docs:
        return []
    texts = [normalise(d.text) for d in docs]
    unique = list(Counter(texts))  # first-seen order: stable
    index = {t: i for i, t in enumerate(unique)}
    matrix = vectors(unique)
    found = UnionFind(len(docs))
    members: dict[int, list[int]] = defaultdict(list)  # distinct text -> positions in docs
    for position, text in enumerate(texts):
        members[index[text]].append(position)
    for positions in members.values():
        found.join_all(positions)
    for alike in _text_groups(matrix, [len(members[i]) for i in range(len(unique))]):
        found.join_all([members[i][0] for i in alike])
    position_of = {d.pk: n for n, d in enumerate(docs)}
    for pairs in links:
        by_key: dict[int, list[int]] = defaultdict(list)
        for key, ticket in pairs:
            if ticket in position_of:
                by_key[key].append(position_of[ticket])
        for positions in by_key.values():
            found.join_all(positions)
    text_of = [index[t] for t in texts]
    result = [
        _cluster([docs[p] for p in together], matrix, [text_of[p] for p in together])
        for together in found.groups()
        if len(together) >= MIN_CLUSTER
    ]
    result.sort(key=lambda c: (-len(c.tickets), c.since))
    return result


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def grams(text: str) -> list[str]:
    """The n-grams of a normalised text: 2- to 4-grams within each word, and for a run of
    Chinese (or Japanese, Korean) characters, which has no spaces between its words and whose
    words are mostly two characters, its characters and their pairs: its longer grams are
    nearly all unique and would make two sentences about one printer look unrelated."""
    found: list[str] = []
    low, high = NGRAMS
    for word in text.split():
        for run in _CJK.findall(word):
            found.extend(run)
            found.extend(run[i : i + 2] for i in range(len(run) - 1))
        rest = _CJK.sub(" ", word).split()
        for part in rest:
            padded = f" {part} "
            for n in range(low, high + 1):
                found.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return found


def vectors(texts: list[str]) -> csr_matrix:
    """Each text as unit-length TF-IDF over its grams; sublinear tf so that a word said twice
    does not outweigh a word said once elsewhere."""
    # Imported here, not at the top: scikit-learn and scipy take about a second to import, and
    # every process loads this module with the URLs, most of them never to cluster anything.
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=grams, sublinear_tf=True, dtype=np.float32)
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # every text empty once normalised (a ticket titled "???")
        return csr_matrix((len(texts), 1), dtype=np.float32)


def _text_groups(vectors: csr_matrix, counts: list[int]) -> list[list[int]]:
    """Groups of distinct texts (row numbers) that average linkage puts together below the
    distance threshold; only groups of two or more."""
    from scipy.cluster.hierarchy import fcluster, linkage  # see vectors()

    n = vectors.shape[0]
    if n < 2:
        return []
    rows = np.arange(n)
    if n > MAX_TEXTS:
        rows = np.argsort(-np.asarray(counts), kind="stable")[:MAX_TEXTS]
    similar = (vectors[rows] @ vectors[rows].T).toarray()
    distance = np.clip(1.0 - similar, 0.0, 2.0)
    condensed = distance[np.triu_indices(len(rows), k=1)].astype(np.float64)
    labels = fcluster(
        linkage(condensed, method="average"), t=DISTANCE_THRESHOLD, criterion="distance"
    )
    grouped: dict[int, list[int]] = defaultdict(list)
    for row, label in zip(rows, labels, strict=True):
        grouped[int(label)].append(int(row))
    return [g for g in grouped.values() if len(g) > 1]


def _cluster(docs: list[Doc], vectors: csr_matrix, text_rows: list[int]) -> Cluster:
    """A group as shown: labelled by the ticket closest to the group's centroid."""
    mine = vectors[text_rows]
    centroid = np.asarray(mine.mean(axis=0)).ravel()
    scores = mine @ centroid
    best = docs[int(np.argmax(scores))] if scores.size else docs[0]
    ordered = sorted(docs, key=lambda d: (d.created_at, d.pk))
    return Cluster(
        label=short(best.title), tickets=[d.pk for d in ordered], since=ordered[0].created_at
    )


def short(title: str) -> str:
    """A title as a label: without "Re:", on one line, cut at LABEL_CHARS."""
    title = _SPACE.sub(" ", _REPLY.sub("", title)).strip()
    return title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1].rstrip() + "…"


class UnionFind:
    """Disjoint sets over 0..n-1: which tickets ended up together, by any relation."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join_all(self, items: Sequence[int]) -> None:
        if not items:
            return
        root = self.find(items[0])
        for item in items[1:]:
            other = self.find(item)
            if other != root:
                self.parent[other] = root

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for x in range(len(self.parent)):
            found[self.find(x)].append(x)
        return list(found.values())
