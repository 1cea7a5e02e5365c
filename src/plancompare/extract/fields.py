"""Responsible bodies of a measure: « Mise en œuvre : ministère A, ministère B • Partenaires : C ».

Ministry names hold commas (« ministère des Droits des femmes, de la Ville, de la Jeunesse et des
Sports »), so a comma only separates two bodies when what follows does not continue a name.
"""

from __future__ import annotations

import re

from plancompare.models import Responsibility
from plancompare.text.patterns import ROLE_LABEL

_ROLE_RE = re.compile(rf"(?:^|[•·;]\s*|\s-\s|^-\s*)(?P<role>{ROLE_LABEL})\s*[:?]\s*", re.IGNORECASE)
# A chunk after a comma that starts like this continues the previous body's name.
_CONTINUES = re.compile(r"^(?:de la|de l[’']|des|du|de|d[’']|et|à la|aux?|en charge|chargée?s?)\b", re.I)


# A comma or semicolon between two bodies, not one inside brackets (« ministère de l’Intérieur
# (OCRTEH, PHAROS) » is one body).
_BETWEEN = re.compile(r"\s*[,;]\s*(?![^()]*\))")


def split_bodies(text: str) -> list[str]:
    text = text.strip().rstrip(".").strip()
    bodies: list[str] = []
    for chunk in _BETWEEN.split(text):
        if not chunk:
            continue
        if bodies and _CONTINUES.match(chunk):
            bodies[-1] = f"{bodies[-1]}, {chunk}"
        else:
            bodies.append(chunk)
    return [b.strip(" .…") for b in bodies if b.strip(" .…")]


def parse_responsibilities(text: str) -> list[Responsibility]:
    """All « Role : bodies » parts of a responsibility box, in order."""
    matches = list(_ROLE_RE.finditer(text))
    result: list[Responsibility] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[match.end() : end].strip().rstrip("•·;").strip()
        role = match.group("role")
        role = role[0].upper() + role[1:]
        result.append(Responsibility(role=role, text=body, bodies=split_bodies(body)))
    return result
