"""`plancompare review`: a keyboard-driven terminal app over a review `Session` (Textual).

One screen per proposal, least certain first: the proposal with its base measure, the engine's
verdict, confidence and reasons, and up to three candidate passages of different next measures with
the words they share with the ask highlighted. One key per decision; digits pick the measures that
answer; `/` searches another measure by number or words; `v` shows a candidate measure's whole text.
Each decision is written at once (`Session.decide`), and the queue re-ordered.

`m` switches to the base measures (and back); the app goes there itself once every proposal is
decided. One screen per base measure, least certain first (in the base plan's order with another
`--order`): what the table says it became, where its proposals went, and its candidate next measures;
one key says what became of it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from plancompare.errors import PlanCompareError
from plancompare.models import Measure, MeasureResult, ProposalResult, is_measure_id, measure_id
from plancompare.report.i18n import labels
from plancompare.review.session import MissingMeasure, Session
from plancompare.review.texts import percent, texts
from plancompare.review.views import Shown, base_text, highlighted, measure_body, proposal_body

VERDICT_KEYS = {"a": "adopted", "c": "changed", "d": "dropped", "n": "n-a"}
# What became of a base measure, one key each; « d » is dropped for both.
MEASURE_KEYS = {"equals_sign": "kept", "r": "revised", "f": "merged", "x": "split", "d": "dropped"}


class MeasureScreen(ModalScreen[None]):
    """A next measure's whole text; 1-5 show another candidate."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v,q", "close", "close"),
        *(Binding(str(k + 1), f"show({k})", show=False) for k in range(5)),
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
    """The review loop over `session`: its proposals, then its base measures."""

    TITLE = "plancompare review"
    CSS = """
    #progress { height: 1; background: $primary; color: $text; padding: 0 1; }
    #body { height: 1fr; padding: 0 1; }
    #message { height: 1; padding: 0 1; color: $warning; }
    #prompt { display: none; height: 3; }
    #keys { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"decide('{verdict}')", show=False) for key, verdict in VERDICT_KEYS.items()),
        *(
            Binding(key, f"decide('{verdict}')", show=False)
            for key, verdict in MEASURE_KEYS.items()
            if key != "d"
        ),
        *(Binding(str(k + 1), f"pick({k})", show=False) for k in range(5)),
        Binding("v", "view", show=False),
        Binding("slash", "ask('search')", show=False),
        Binding("k", "ask('comment')", show=False),
        Binding("m", "switch", show=False),
        Binding("u", "undo", show=False),
        Binding("s", "skip", show=False),
        Binding("q", "quit", show=False),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, session: Session, lang: str = "fr") -> None:
        super().__init__()
        self.session, self.lang = session, lang
        self.t = texts(lang)
        self.walking = "proposals"  # or "measures": the base measures
        self.proposal: ProposalResult | None = None
        self.measure: MeasureResult | None = None
        self.shown: Shown = []
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
        yield Static(id="keys")

    def on_mount(self) -> None:
        self.show_current(self.memory())

    def memory(self) -> str:
        """What the model remembers besides the shipped drafts, when the analyst changed it: said
        once, so that a review that learns from earlier ones (or from none) shows it."""
        settings = self.session.result.settings
        if settings.own_history:
            key = "memory_alone" if settings.history_from else "memory_none"
        else:
            key = "memory_beside" if settings.history_from else ""
        n = settings.history_from
        counted = self.t["counted_one" if n == 1 else "counted_many"].format(n=n)
        return self.t[key].format(counted=counted) if key else ""

    # --- drawing ---------------------------------------------------------------------------------

    def show_current(self, message: str = "") -> None:
        """Draw the first item of the queue walked (the base measures once every proposal is decided)."""
        measures = self.session.next_measures
        self.picked, self.shown = [], []
        self.proposal = self.session.current() if self.walking == "proposals" else None
        if (
            self.walking == "proposals"
            and self.proposal is None
            and self.session.current_measure() is not None
        ):
            self.walking = "measures"
            message = f"{message} {self.t['to_measures']}".strip()
        self.measure = self.session.current_measure() if self.walking == "measures" else None
        if self.proposal is not None:
            self.shown = [
                (measures[c.measure], c.passage, c.score, c.before)
                for c in self.session.candidates(self.proposal.id)
            ]
        if self.measure is not None:
            self.shown = [
                (measures[n], passage, score, before)
                for n, passage, score, before in self.session.measure_candidates(self.measure.number)
            ]
        self.redraw(message)

    def redraw(self, message: str | None = None) -> None:
        """Draw the screen; `message` replaces the last one (None keeps it)."""
        if message is not None:
            self.message = message
        on_measures = self.walking == "measures"
        progress = self.session.measure_progress() if on_measures else self.session.progress()
        order = "document" if on_measures else self.session.order
        self.query_one("#progress", Static).update(
            self.t["measure_progress" if on_measures else "progress"].format(
                decided=progress.decided,
                total=progress.total,
                accuracy=percent(progress.estimated_accuracy, self.lang),
                order=self.t.get(f"order_{order}", order),
            )
        )
        self.query_one("#proposal", Static).update(self._body())
        self.query_one("#message", Static).update(Text(self.message))
        self.query_one("#keys", Static).update(self.t["measure_keys" if on_measures else "keys"])

    def _body(self) -> Text:
        if self.proposal is not None:
            return proposal_body(self.session, self.proposal, self.shown, self.picked, self.lang)
        if self.measure is not None:
            return measure_body(self.session, self.measure, self.shown, self.picked, self.lang)
        left = self.walking == "measures" and self.session.current() is not None
        done = "measures_done" if left else "done"
        return Text(self.t[done], style="bold")

    # --- actions ----------------------------------------------------------------------------------

    def refusal(self, error: PlanCompareError) -> str:
        """The refusal in the app's language for the errors an analyst meets, else as raised."""
        if isinstance(error, MissingMeasure):
            why = self.t["no_measure"].format(name=error.name)
        else:
            why = error.one_line()
        return self.t["refused"].format(error=why)

    def action_decide(self, verdict: str) -> None:
        if self.asking:
            return
        on_measures = self.walking == "measures"
        if verdict not in (MEASURE_KEYS if on_measures else VERDICT_KEYS).values():
            self.redraw(self.t["measure_keys_here" if on_measures else "proposal_keys_here"])
            return
        try:
            if self.measure is not None:
                decision = self.session.decide_measure(
                    self.measure.number, verdict, self.picked, comment=self.comment
                )
                shown = labels(self.lang).measure_verdict(verdict)
            elif self.proposal is not None:
                decision = self.session.decide(self.proposal.id, verdict, self.picked, comment=self.comment)
                shown = self.t[verdict]
            else:
                return
        except PlanCompareError as error:
            self.redraw(self.refusal(error))
            return
        self.comment = None
        names = ", ".join(self.session.next_measures[m.number].name for m in decision.measures)
        self.show_current(
            self.t["recorded"].format(pid=decision.id, verdict=shown, measures=f" → {names}" if names else "")
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
        if not self.shown:
            return
        if self.proposal is not None:
            ask = self.proposal.text
        elif self.measure is not None:
            ask = base_text(self.session, self.measure)
        else:
            return
        chosen = [i for i, (m, *_) in enumerate(self.shown) if m.number in self.picked]
        measures: list[Measure] = [m for m, *_ in self.shown]
        self.push_screen(MeasureScreen(measures, chosen[0] if chosen else 0, ask, self.lang))

    def action_switch(self) -> None:
        if self.asking:
            return
        self.walking = "proposals" if self.walking == "measures" else "measures"
        self.show_current()

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
        self.shown = [(m, None, None, "") for m in found]
        self.picked = [found[0].number] if len(found) == 1 else []
        self.redraw()

    def action_undo(self) -> None:
        if self.asking:
            return
        pid = self.session.undo()
        if pid is None:
            self.redraw(self.t["nothing_to_undo"])
            return
        self.walking = "measures" if is_measure_id(pid) else "proposals"
        self.show_current(self.t["undone"].format(pid=pid))

    def action_skip(self) -> None:
        if self.asking:
            return
        if self.proposal is not None:
            pid = self.proposal.id
        elif self.measure is not None:
            pid = measure_id(self.measure.name)
        else:
            return
        self.session.skip(pid)
        self.show_current(self.t["skipped"].format(pid=pid))
