"""A reviewer's demands: paragraphs grouped into one proposal per demand (a lead-in stays with its
first item, sub-items with their item, a connective with the paragraph it leans on), the general
demands of a review's opening pages (G01, G02 …), and the ids that sort proposals in plan order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.paragraphs import paragraphs, starts_with_bullet
from plancompare.extract.textclean import is_upper_text, normalise_spaces
from plancompare.extract.titles import document_title
from plancompare.models import Proposal
from plancompare.text.patterns import SUB_ITEM

_OPEN_END = re.compile(r"[^.!?…»)]$")
# Connectives that lean on the sentence before (« now », « moreover », « to do so »): the paragraph
# they open supports the same demand. « En revanche », « Enfin », « Par ailleurs » open a new point.
_CONTINUING = re.compile(
    r"^(?:Or|De plus|En outre|Pour ce faire|Pour cela|À cet effet|A cet effet|Dès lors),\s"
)
# A short paragraph that only leads into what follows (« Cependant, », « En outre : »).
_LEAD_IN = re.compile(r"^.{1,40}[,:]$")


def split_proposals(lines: list[Line]) -> list[tuple[str, int]]:
    """Column-3 paragraphs, one proposal per demand (`group_demands`)."""
    if not lines:
        return []
    return group_demands([p for p in paragraphs(lines) if p.text.strip()])


class Paragraph(Protocol):
    """What grouping demands reads of a paragraph: its text and the pages it is on."""

    @property
    def text(self) -> str: ...
    @property
    def page(self) -> int: ...
    @property
    def last_page(self) -> int: ...


P = TypeVar("P", bound=Paragraph)


def group_demands(paras: Sequence[P]) -> list[tuple[str, int]]:
    """(text, page) of each demand in a run of paragraphs.

    A new paragraph starts a new proposal, except: the item after a lead-in ending with « : »
    stays with it; sub-items (« - l’aide ... », a dash then lower case) stay with their item;
    a short « Il s’agit de : » spelling out the paragraph before it stays with that paragraph.
    """
    groups: list[list[P]] = []
    for i, para in enumerate(paras):
        text = para.text.strip()
        if not groups:
            groups.append([para])
            continue
        prev = groups[-1][-1].text.strip()
        following = paras[i + 1].text.strip() if i + 1 < len(paras) else ""
        if (SUB_ITEM.match(text) and prev.endswith((":", ";", ","))) or (
            SUB_ITEM.match(text) and _in_sub_list(groups[-1])
        ):
            groups[-1].append(para)
        elif (
            len(groups[-1]) == 1
            and not SUB_ITEM.match(groups[-1][0].text)
            and (prev.endswith(":") or (_OPEN_END.search(prev) and starts_with_bullet(text)))
        ):
            groups[-1].append(para)  # the first item after a lead-in (« : », or an open sentence)
        elif text.endswith(":") and len(text.split()) <= 6 and SUB_ITEM.match(following):
            groups[-1].append(para)  # « Il s’agit d’aider : » and its sub-list spell out the paragraph
        elif _CONTINUING.match(text):
            groups[-1].append(para)
        elif (
            para.page != groups[-1][-1].last_page
            and starts_with_bullet(groups[-1][0].text)
            and not starts_with_bullet(text)
        ):
            groups[-1].append(para)  # a dash item cut by the page break goes on without its dash
        elif _item_goes_on(groups[-1], text, following, last=i + 1 == len(paras)):
            groups[-1].append(para)  # a second paragraph of a list item: the list goes on after it
        else:
            groups.append([para])
    return [
        ("\n\n".join(normalise_spaces(p.text) for p in group), group[0].page) for group in groups if group
    ]


def _item_goes_on(group: Sequence[Paragraph], text: str, following: str, *, last: bool) -> bool:
    """A paragraph without a bullet after a list item (« - Le Collectif souhaite … ») is the item's
    next paragraph when the list goes on after it (the next paragraph is an item again) or when it
    closes the column: the list is not over, so it is no demand of its own. A paragraph without
    bullet followed by another is prose again after the list: a new demand. A lead-in (« … : »)
    opens a list of its own."""
    item = starts_with_bullet(group[0].text) or starts_with_bullet(group[-1].text)
    if starts_with_bullet(text) or text.endswith(":") or not item:
        return False
    return last or (starts_with_bullet(following) and not SUB_ITEM.match(following))


def _in_sub_list(group: Sequence[Paragraph]) -> bool:
    """The group's last paragraphs are a sub-list introduced by an item ending with « : »."""
    for para in reversed(group):
        text = para.text.strip()
        if SUB_ITEM.match(text):
            continue
        return text.endswith(":")
    return False


def general_demands(layouts: list[PageLayout], first_table: int) -> list[Proposal]:
    """Bullet paragraphs before the table become G01, G02, ...; a lead-in joins the next one."""
    lines = [
        ln
        for page in layouts
        if page.number <= first_table
        for ln in page.lines
        if page.number < first_table or (page.table_top is not None and ln.bottom <= page.table_top + 1)
    ]
    return demands_in(lines, document_title(layouts) or "")


def demands_in(lines: list[Line], title: str) -> list[Proposal]:
    """The general demands of a review's opening pages (`lines`): its bullet paragraphs, from the
    first to the next heading, each with the lead-in before it."""
    if not lines:
        return []
    paras = paragraphs(lines)
    demands: list[tuple[str, int]] = []
    started = False
    lead: list[str] = []
    for para in paras:
        text = normalise_spaces(para.text)
        if not text:
            continue
        bullet = starts_with_bullet(text)
        heading = (para.bold or is_upper_text(text)) and not bullet
        if not started:
            if bullet:
                started = True
            elif _LEAD_IN.match(text) and not heading:
                lead.append(text)
                continue
            else:
                continue
        elif heading and not bullet:
            break  # the demands end at the next heading (member list, contacts)
        if normalise_spaces(text) in title:
            continue
        if _LEAD_IN.match(text) and not bullet:
            lead.append(text)
            continue
        demands.append((" ".join([*lead, text]), para.page))
        lead = []
    return [
        Proposal(id=f"G{i:02d}", measure=None, text=text, page=page)
        for i, (text, page) in enumerate(demands, start=1)
    ]
