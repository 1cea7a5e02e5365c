"""`plancompare review`: a keyboard-driven terminal app over a review `Session` (Textual).

One screen per proposal, least certain first: the proposal with its base measure, the engine's
verdict, confidence and reasons, and up to three candidate passages of different next measures with
the words they share with the ask highlighted. One key per decision; digits pick the measures that
answer; `/` searches another measure by number or words; `v` shows a candidate measure's whole text.
Each decision is written at once (`Session.decide`), and the queue re-ordered.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from plancompare.errors import PlanCompareError
from plancompare.models import Measure, ProposalResult
from plancompare.report.i18n import labels
from plancompare.review.session import MissingMeasure, Session
from plancompare.review.texts import decimal, percent, texts
from plancompare.text.normalise import marked_tokens

_WORD = re.compile(r"[\w’'-]+|[^\w’'-]+")
VERDICT_KEYS = {"a": "adopted", "c": "changed", "d": "dropped", "n": "n-a"}


def highlighted(passage: str, ask: str) -> Text:
    """`passage` with the words it shares with `ask` (same stems) in bold."""
    wanted = set(marked_tokens(ask))
    out = Text()
    for piece in _WORD.findall(passage):
        shared = piece[0].isalnum() and bool(wanted & set(marked_tokens(piece)))
        out.append(piece, style="bold yellow" if shared else "")
    return out


class MeasureScreen(ModalScreen[None]):
    """A next measure's whole text; 1-3 show another candidate."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v,q", "close", "close"),
        Binding("1", "show(0)", show=False),
        Binding("2", "show(1)", show=False),
        Binding("3", "show(2)", show=False),
    ]
    DEFAULT_CSS = """
    MeasureScreen { align: center middle; }
    #measure-box { width: 100%; height: 100%; border: round $accent; padding: 0 1; }
    """

    def __init__(self, measures: list[Measure], index: int, ask: str, lang: str) -> None:
        super().__init__()
        self.measures, self.index, self.ask, self.lang = measures, index, ask, lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="measure-box"):
            yield Static(self._body(), id="measure-text")

    def _body(self) -> Text:
        t = texts(self.lang)
        m = self.measures[self.index]
        body = Text(f"{m.name} · {m.title}\n\n", style="bold")
        body.append_text(highlighted(m.text, self.ask))
        for resp in m.responsible:
            body.append(f"\n\n{resp.role} : {resp.text}", style="dim")
        body.append(f"\n\n{t['measure_help']}", style="italic dim")
        return body

    def action_close(self) -> None:
        self.dismiss(None)

    def action_show(self, index: int) -> None:
        if index < len(self.measures):
            self.index = index
            self.query_one("#measure-text", Static).update(self._body())


class ReviewApp(App[None]):
    """The review loop over `session`."""

    TITLE = "plancompare review"
    CSS = """
    #progress { height: 1; background: $primary; color: $text; padding: 0 1; }
    #body { height: 1fr; padding: 0 1; }
    #message { height: 1; padding: 0 1; color: $warning; }
    #prompt { display: none; height: 3; }
    #keys { height: 2; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('adopted')", show=False),
        Binding("c", "decide('changed')", show=False),
        Binding("d", "decide('dropped')", show=False),
        Binding("n", "decide('n-a')", show=False),
        Binding("1", "pick(0)", show=False),
        Binding("2", "pick(1)", show=False),
        Binding("3", "pick(2)", show=False),
        Binding("v", "view", show=False),
        Binding("slash", "ask('search')", show=False),
        Binding("k", "ask('comment')", show=False),
        Binding("u", "undo", show=False),
        Binding("s", "skip", show=False),
        Binding("q", "quit", show=False),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, session: Session, lang: str = "fr") -> None:
        super().__init__()
        self.session, self.lang = session, lang
        self.t = texts(lang)
        self.proposal: ProposalResult | None = None
        self.shown: list[tuple[Measure, str | None, float | None]] = []  # measure, passage, score
        self.picked: list[int] = []  # measure numbers
        self.comment: str | None = None
        self.asking: str | None = None
        self.message = ""

    def compose(self) -> ComposeResult:
        yield Static(id="progress")
        with VerticalScroll(id="body"):
            yield Static(id="proposal")
        yield Static(id="message")
        yield Input(id="prompt")
        yield Static(self.t["keys"], id="keys")

    def on_mount(self) -> None:
        self.show_current()

    # --- drawing ---------------------------------------------------------------------------------

    def show_current(self, message: str = "") -> None:
        """Draw the first proposal of the queue (or say that all are decided)."""
        self.proposal = self.session.current()
        self.picked = []
        self.shown = []
        if self.proposal is not None:
            measures = self.session.next_measures
            for c in self.session.candidates(self.proposal.id):
                self.shown.append((measures[c.measure], c.passage, c.score))
        self.redraw(message)

    def redraw(self, message: str | None = None) -> None:
        """Draw the screen; `message` replaces the last one (None keeps it)."""
        if message is not None:
            self.message = message
        progress = self.session.progress()
        order = self.t.get(f"order_{self.session.order}", self.session.order)
        self.query_one("#progress", Static).update(
            self.t["progress"].format(
                decided=progress.decided,
                total=progress.total,
                accuracy=percent(progress.estimated_accuracy, self.lang),
                order=order,
            )
        )
        self.query_one("#proposal", Static).update(self._body())
        self.query_one("#message", Static).update(Text(self.message))

    def _body(self) -> Text:
        t, p = self.t, self.proposal
        if p is None:
            return Text(t["done"], style="bold")
        base = self.session.adapter.base
        title = next((m.title for m in base.plan.measures if m.number == p.measure), "")
        where = t["general"] if p.measure is None else t["base_measure"].format(number=p.measure)
        body = Text(f"{p.id}", style="bold")
        body.append(f" · {where}" + (f" « {' '.join(title.split())} »" if title else ""), style="dim")
        body.append(f"\n{p.text}\n\n")
        body.append(
            t["engine"].format(verdict=t[p.verdict], confidence=decimal(p.confidence, self.lang)),
            style="bold",
        )
        words = labels(self.lang)
        reasons = words.sep.join(words.reasons(p.reasons))
        if reasons:
            body.append("\n" + t["reasons"].format(reasons=reasons), style="dim")
        if p.decision is not None and p.decision.stale:
            body.append(
                "\n" + t["stale"].format(verdict=t[p.decision.verdict], reason=p.decision.stale_reason),
                style="bold red",
            )
        body.append("\n")
        if not self.shown:
            body.append("\n" + t["no_candidate"], style="dim")
        for i, (m, passage, score) in enumerate(self.shown):
            box = "[x]" if m.number in self.picked else "[ ]"
            name = " ".join(m.title.split())
            name = name if len(name) <= 40 else name[:39] + "…"
            line = (
                t["candidate"].format(key=i + 1, box=box, name=m.name, title=name, score=f"{score:g}")
                if score is not None
                else t["search_result"].format(key=i + 1, box=box, name=m.name, title=name)
            )
            body.append("\n" + line, style="bold cyan" if m.number in self.picked else "cyan")
            if passage:
                body.append("\n  ")
                body.append_text(highlighted(passage, p.text))
        return body

    # --- actions ----------------------------------------------------------------------------------

    def refusal(self, error: PlanCompareError) -> str:
        """The refusal in the app's language for the errors an analyst meets, else as raised."""
        if isinstance(error, MissingMeasure):
            why = self.t["no_measure"].format(name=error.name)
        else:
            why = error.one_line()
        return self.t["refused"].format(error=why)

    def action_decide(self, verdict: str) -> None:
        if self.proposal is None or self.asking:
            return
        try:
            decision = self.session.decide(self.proposal.id, verdict, self.picked, comment=self.comment)
        except PlanCompareError as error:
            self.redraw(self.refusal(error))
            return
        self.comment = None
        names = ", ".join(self.session.next_measures[m.number].name for m in decision.measures)
        self.show_current(
            self.t["recorded"].format(
                pid=decision.id,
                verdict=self.t[verdict],
                measures=f" → {names}" if names else "",
            )
        )

    def action_pick(self, index: int) -> None:
        if index >= len(self.shown):
            return
        number = self.shown[index][0].number
        if number in self.picked:
            self.picked.remove(number)
        else:
            self.picked.append(number)
        self.redraw()

    def action_view(self) -> None:
        if self.proposal is None or not self.shown:
            return
        chosen = [i for i, (m, *_) in enumerate(self.shown) if m.number in self.picked]
        measures = [m for m, *_ in self.shown]
        self.push_screen(MeasureScreen(measures, chosen[0] if chosen else 0, self.proposal.text, self.lang))

    def action_ask(self, what: str) -> None:
        prompt = self.query_one("#prompt", Input)
        self.asking = what
        prompt.value = ""
        prompt.placeholder = self.t["search_prompt" if what == "search" else "comment_prompt"]
        prompt.display = True
        prompt.focus()

    def action_cancel(self) -> None:
        if self.asking:
            self._close_prompt()
            self.redraw("")

    def _close_prompt(self) -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.display = False
        self.asking = None
        self.set_focus(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        what, value = self.asking, event.value.strip()
        self._close_prompt()
        if what == "comment":
            self.comment = value or None
            self.redraw(self.t["comment_set"].format(comment=value) if value else "")
            return
        if not value:
            self.redraw()
            return
        try:
            found = self.session.search(value)
        except PlanCompareError as error:
            self.redraw(self.refusal(error))
            return
        if not found:
            self.redraw(self.t["no_match"])
            return
        self.shown = [(m, None, None) for m in found]
        self.picked = [found[0].number] if len(found) == 1 else []
        self.redraw()

    def action_undo(self) -> None:
        if self.asking:
            return
        pid = self.session.undo()
        if pid is None:
            self.redraw(self.t["nothing_to_undo"])
            return
        self.show_current(self.t["undone"].format(pid=pid))

    def action_skip(self) -> None:
        if self.proposal is None or self.asking:
            return
        pid = self.proposal.id
        self.session.skip(pid)
        self.show_current(self.t["skipped"].format(pid=pid))
