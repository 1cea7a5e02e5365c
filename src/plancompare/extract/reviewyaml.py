"""Reviews written as YAML (the format of `corpus-src/collectif-2017-review.yaml`).

Analysts who type a review rather than publish a PDF can give plancompare this file; the
project also uses it as the reference of what extracting the bundled review must give.
"""

from __future__ import annotations

from pathlib import Path

from plancompare.errors import BadDataError
from plancompare.extract.fields import parse_responsibilities
from plancompare.files import load_yaml
from plancompare.models import Priority, Proposal, Review, ReviewMeasure, Source


def _paragraphs(text: str | None) -> str:
    if not text:
        return ""
    paras = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paras if p)


def _strip_label(text: str | None, labels: tuple[str, ...]) -> str | None:
    if not text:
        return None
    stripped = text.strip()
    for label in labels:
        if stripped.lower().startswith(label.lower()):
            rest = stripped[len(label) :].lstrip()
            return rest[1:].strip() if rest.startswith(":") else rest
    return stripped


def load_review_yaml(path: Path) -> Review:
    data = load_yaml(path, "fix the file")
    if not isinstance(data, dict) or "measures" not in data:
        raise BadDataError(f"{path} has no `measures`", "see corpus-src/collectif-2017-review.yaml")
    try:
        doc = data.get("document") or {}
        section_of: dict[int, tuple[str, str | None]] = {}
        priorities = []
        for prio in data.get("priorities") or []:
            sections = [s["title"] for s in prio.get("sections") or [] if s.get("title")]
            priorities.append(Priority(id=str(prio["id"]), title=prio["title"], sections=sections))
            for sec in prio.get("sections") or []:
                for number in sec.get("measures") or []:
                    section_of[int(number)] = (str(prio["id"]), sec.get("title"))
        measures = []
        proposals = []
        for item in data.get("general_demands") or []:
            proposals.append(Proposal(id=item["id"], measure=None, text=_paragraphs(item["text"])))
        for m in data["measures"]:
            number = int(m["number"])
            responsible = parse_responsibilities(m.get("implementation") or "")
            measures.append(
                ReviewMeasure(
                    number=number,
                    title=" ".join(str(m["title"]).split()),
                    priority=str(m.get("priority") or section_of.get(number, (None,))[0] or "") or None,
                    section=m.get("section"),
                    responsible=responsible,
                    instrument=_strip_label(m.get("instrument"), ("Instruments", "Instrument")),
                    text=_paragraphs(m.get("plan_text")),
                    observations=_paragraphs(m.get("constats")) or None,
                )
            )
            for p in m.get("proposals") or []:
                proposals.append(Proposal(id=p["id"], measure=number, text=_paragraphs(p["text"])))
    except (KeyError, TypeError, ValueError) as exc:
        raise BadDataError(f"{path} does not follow the review YAML format ({exc})", "fix the file") from exc
    return Review(
        title=doc.get("title"),
        author=doc.get("author"),
        source=Source(file=path.name),
        priorities=priorities,
        measures=measures,
        proposals=proposals,
    )
