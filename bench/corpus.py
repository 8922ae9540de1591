"""Generated content folders of a given size, for measuring the portal beyond its real pages.

A corpus is the real content plus generated topics up to the requested number, so the real
search queries still find their pages. Generated text comes from a word-pair (Markov) chain
trained on the real pages, so the vocabulary, word lengths and sentence shapes are the site's
own; page lengths, headings, lists, care cards and links follow the real pages' proportions.
Deterministic: the same size and seed always give the same files.
"""

import random
import re
import shutil
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL_CONTENT = REPO / "content"
TOPICS_PER_SECTION = 100
# Generated pages cite no one: the front matter still needs a source to load.
GENERATED_SOURCES = (
    "sources:\n  - title: Generated page\n    publisher: bench/corpus.py\n    year: 2026\n"
)
SEED = 20261124

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[.,]?")
CARD_KINDS = ("emergency", "urgent", "info")


def _real_pages() -> list[tuple[str, str]]:
    """(front matter, body) of every real topic."""
    pages = []
    for path in sorted(REAL_CONTENT.glob("*/*.md")):
        if path.name == "_index.md":
            continue
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        pages.append((front, body))
    return pages


class Vocabulary:
    """What the generator learns from the real pages."""

    def __init__(self, pages: list[tuple[str, str]]):
        self.chain: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        self.headings: list[str] = []
        self.words: list[str] = []
        self.lengths: list[int] = []
        for _, body in pages:
            self.lengths.append(len(body.split()))
            for line in body.splitlines():
                line = line.strip()
                if line.startswith("## "):
                    self.headings.append(line[3:].strip())
                    continue
                if not line or line.startswith(("!!!", "|", "#")):
                    continue
                tokens = WORD.findall(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.lstrip("-* ")))
                if len(tokens) < 3:
                    continue
                self.starts.append(tokens[0])
                for first, second in zip(tokens, tokens[1:], strict=False):
                    self.chain[first].append(second)
                self.words.extend(t.strip(".,").lower() for t in tokens if len(t) > 5)

    def sentence(self, rng: random.Random) -> str:
        word = rng.choice(self.starts)
        out = [word]
        for _ in range(rng.randint(8, 22)):
            following = self.chain.get(word)
            if not following:
                break
            word = rng.choice(following)
            out.append(word)
        text = " ".join(out).rstrip(",")
        text = text[0].upper() + text[1:]
        return text if text.endswith(".") else text + "."


def _body(vocab: Vocabulary, rng: random.Random, words: int, links: list[str]) -> str:
    parts: list[str] = []
    count = 0
    while count < words:
        heading = rng.choice(vocab.headings)
        paragraph = " ".join(vocab.sentence(rng) for _ in range(rng.randint(2, 4)))
        if links and rng.random() < 0.3:
            target = rng.choice(links)
            paragraph += f" See [{target.split('/')[-1].replace('-', ' ')}](/{target}/)."
        block = [f"## {heading}", "", paragraph, ""]
        roll = rng.random()
        if roll < 0.35:
            block += [f"- {vocab.sentence(rng)}" for _ in range(rng.randint(3, 6))] + [""]
        elif roll < 0.45:
            kind = rng.choice(CARD_KINDS)
            block += [f'!!! {kind} "{vocab.sentence(rng)[:40].rstrip(".")}"', ""]
            block += [f"    - {vocab.sentence(rng)}" for _ in range(rng.randint(2, 4))] + [""]
        parts.append("\n".join(block))
        count += sum(len(line.split()) for line in block)
    return "\n".join(parts)


def generate(target: Path, topics: int, seed: int = SEED) -> Path:
    """Write the real content plus generated topics (``topics`` in all) into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REAL_CONTENT, target)
    real_count = sum(1 for p in REAL_CONTENT.glob("*/*.md") if p.name != "_index.md")
    rng = random.Random(seed)
    vocab = Vocabulary(_real_pages())
    extra = max(0, topics - real_count)
    sections = [f"topics-{n:03d}" for n in range((extra + TOPICS_PER_SECTION - 1) // 100)]
    keys = [f"{sections[i // TOPICS_PER_SECTION]}/page-{i:05d}" for i in range(extra)]
    for index, section in enumerate(sections):
        folder = target / section
        folder.mkdir()
        (folder / "_index.md").write_text(
            f"---\ntitle: More topics {index + 1}\nsummary: {vocab.sentence(rng)}\n"
            f"order: {10 + index}\nupdated: 2026-11-01\nnext_review: 2027-11-01\n"
            f"{GENERATED_SOURCES}---\n{vocab.sentence(rng)}\n",
            encoding="utf-8",
        )
    for i, key in enumerate(keys):
        section, slug = key.split("/")
        title_words = rng.sample(vocab.words, rng.randint(2, 4))
        title = " ".join(title_words).capitalize()
        # Real pages are 370 to 600 words; generated ones spread a little wider either side.
        words = int(rng.choice(vocab.lengths) * rng.uniform(0.6, 1.6))
        related = rng.sample(keys, 3) if len(keys) > 3 else []
        also = rng.sample(vocab.words, rng.randint(0, 4))
        front = [
            f'title: "{title}"',
            f'summary: "{vocab.sentence(rng)}"',
            f"order: {i % TOPICS_PER_SECTION}",
            "updated: 2026-11-01",
            "next_review: 2027-11-01",
            GENERATED_SOURCES.rstrip("\n"),
        ]
        if also:
            front += ["also_known_as:"] + [f'  - "{word}"' for word in also]
        if related:
            front += ["related:"] + [f"  - {item}" for item in related]
        body = _body(vocab, rng, words, related)
        (target / section / f"{slug}.md").write_text(
            "---\n" + "\n".join(front) + "\n---\n" + body, encoding="utf-8"
        )
    return target


if __name__ == "__main__":
    import sys

    folder = generate(Path(sys.argv[1]), int(sys.argv[2]))
    print(folder, sum(1 for p in folder.glob("*/*.md") if p.name != "_index.md"), "topics")
