"""Who: the bodies an ask and a passage name. A task given to another body, a body whose
involvement is asked and that the measure never names, an ask that only wants a body to take part
in the measure it was written on, training that answers other people, and a passage that gives the
ask to some and something else to the others."""

from __future__ import annotations

import re

from plancompare.judge.quoting import quote
from plancompare.judge.scope import CLAUSE_END, INVOLVED
from plancompare.models import Measure, Reason
from plancompare.text.normalise import fold, stem, tokens
from plancompare.text.patterns import PREFIX, whole_words

# --------------------------------------------------------------------------------------

# Bodies that French plans name as responsible (generic public actors, not one plan's list).
ACTORS: dict[str, str] = {
    r"associations?|secteur associatif|acteurs associatifs": "associations",
    # Plans define the MIPROF once, then call it « la mission interministérielle »; another such
    # mission (« … de vigilance … », the MIVILUDES) is named with its own words.
    r"miprof|mission interministerielle(?! de vigilance)": "MIPROF",
    r"prefe(?:t|ts|ture|tures|ctoral)": "préfet",
    # « les inspecteurs » alone: in plans against trafficking, the labour inspection's.
    r"inspect(?:eurs?|ion) du travail|inspecteurs|controleurs du travail": "inspection du travail",
    r"parquets?|procureurs?": "parquet",
    r"magistrats?|magistrature|juges?|juridictions?": "magistrats",
    r"police|gendarmerie|services d.enquete|enqueteurs?|forces de l.ordre|ocrteh|oclti": "police",
    r"ofpra|cnda": "OFPRA",
    r"ofii": "OFII",
    # Not « conseil départemental de prévention de la délinquance », a body of the préfet.
    r"aide sociale a l.enfance|ase|"
    r"services? (?:de (?:la )?|charges? de (?:la )?)?(?:protection de )?l.enfance|"
    r"conseils? departementa\w*(?! de (?:la )?prevention)|"
    r"departements": "départements (ASE)",
    r"collectivites territoriales|communes|maires?": "collectivités",
    # « École nationale de la magistrature », « écoles de service public » train officials: not schools.
    r"education nationale|ecoles?(?! nationale| superieure| de (?:la )?(?:service|police|gendarmerie"
    r"|magistrature))|etablissements scolaires|enseignants?|professeurs?": "éducation nationale",
    r"agences? regionales? de sante|ars|hopita\w*": "santé",
    r"douanes?": "douanes",
    # Consulates issue visas and see applicants; embassies (their attachés) deal with States.
    r"consula\w*|postes consulaires": "consulats",
    r"ambassades?|ministere des affaires etrangeres|ministere de l.europe et des affaires etrangeres|"
    r"diplomati\w*": "affaires étrangères",
    r"entreprises?|employeurs?": "entreprises",
    r"siao|115|services? integres? d.accueil et d.orientation": "SIAO",
    r"caf|caisses? d.allocations familiales": "CAF",
    r"pole emploi|france travail|missions? locales?": "France Travail",
    r"cpam|assurance maladie|caisses? primaires? d.assurance maladie": "assurance maladie",
    r"defenseur des droits": "Défenseur des droits",
    # The central directorates a plan makes pilots: the social affairs', the foreigners', the labour's.
    r"dgcs|direction generale de la cohesion sociale": "DGCS",
    r"dgef|direction generale des etrangers en france": "DGEF",
    r"dgt|direction generale du travail": "DGT",
    r"dihal|delegation interministerielle a l.hebergement": "DIHAL",
    r"cncdh|commission nationale consultative des droits de l.homme": "CNCDH",
}
_ACTOR_RES = [(re.compile(rf"\b(?:{pattern})\b"), name) for pattern, name in ACTORS.items()]


def actors(text: str) -> dict[str, str]:
    """Actor name → the words that named it."""
    folded = fold(text)
    found: dict[str, str] = {}
    for regex, name in _ACTOR_RES:
        m = regex.search(folded)
        if m and name not in found:
            found[name] = quote(text, m.start(), m.end())
    return found


def actor_reasons(ask: str, passage: str, measure: Measure | None = None) -> list[Reason]:
    """The ask gives a task to one actor; the passage (and the measure's pilots) to others only."""
    asked = actors(ask)
    given = actors(passage)
    if not asked or not given:
        return []
    named_by_measure: set[str] = set()
    if measure is not None:
        for resp in measure.responsible:
            named_by_measure |= set(actors(resp.text))
    if set(asked) & (set(given) | named_by_measure):
        return []
    return [
        Reason(
            code="actor",
            base=", ".join(asked.values()),
            next=", ".join(given.values()),
            detail="the next plan gives it to another body",
        )
    ]


_ACTIVE = re.compile(r"impliquer|associer|cooperations? avec|co-?constru\w*|co-?elabor\w*")


def absent_actor_reasons(ask: str, passage: str, measure: Measure | None = None) -> list[Reason]:
    """The ask wants a body involved (« les associations souhaitent être impliquées »); neither the
    passage nor its measure names that body at all."""
    folded = fold(ask)
    asked: dict[str, str] = {}
    for involved in INVOLVED.finditer(folded):
        # The body to involve: the object of an active verb (« impliquer les collectivités »,
        # « coopérations avec … le secteur associatif »), else the clause's subject (« les
        # associations … souhaitent être impliquées aux côtés des enseignants »).
        active = _ACTIVE.match(involved.group()) is not None
        if active:
            offset = involved.end()
            where = re.split(r"[.;:,]|\bafin\b", folded[offset:])[0]
        else:
            where = re.split(r"[.;:]", folded[: involved.start()])[-1]
            offset = involved.start() - len(where)
        named_here = sorted(
            (m.start(), m.end(), name) for regex, name in _ACTOR_RES for m in regex.finditer(where)
        )
        for start, end, name in named_here if active else named_here[:1]:
            asked.setdefault(name, quote(ask, offset + start, offset + end))
    if not asked:
        return []
    named = set(actors(passage))
    if measure is not None:
        named |= set(actors(f"{measure.title}\n{measure.text}"))
        for resp in measure.responsible:
            named |= set(actors(resp.text))
    missing = [words for name, words in asked.items() if name not in named]
    if not missing:
        return []
    return [
        Reason(
            code="actor",
            base=", ".join(missing),
            next=None,
            detail="the ask wants this body involved; the next measure does not name it",
        )
    ]


# The words of an ask that only says who should take part (« La MIPROF doit être impliquée dans la
# mise en œuvre de cette mesure »): with the body named and these left out, nothing of its own is left.
_ONLY_INVOLVEMENT = frozenset(
    stem(w)[:PREFIX]
    for w in (
        "impliquee", "impliquer", "associee", "associer", "participer", "participation", "mise", "oeuvre",
        "mesure", "mesures", "dispositif", "processus", "action", "actions", "travail", "travaux",
    )
)  # fmt: skip


def about_its_measure(ask: str) -> bool:
    """An ask that only wants a body to take part in the measure it was written on: it can be taken
    up only by a measure that continues that one (« La MIPROF doit être impliquée »)."""
    folded = fold(ask)
    if not INVOLVED.search(folded) or not actors(ask):
        return False
    for regex, _ in _ACTOR_RES:
        folded = regex.sub(" ", folded)
    rest = {t[:PREFIX] for t in tokens(folded, content_only=True)} - _ONLY_INVOLVEMENT
    return len(rest) <= 1


# An ask about training (« la formation des enseignants », « des modules … des inspecteurs »).
_TRAINING = re.compile(r"\b(?:formations?|former|formes?|modules?)\b")
# The bodies that are trained, not those that train or run a plan (associations, the MIPROF, préfet).
_AUDIENCES = frozenset(
    {
        "inspection du travail", "magistrats", "police", "OFPRA", "OFII", "départements (ASE)",
        "éducation nationale", "santé", "douanes", "affaires étrangères", "consulats", "SIAO", "parquet",
    }
)  # fmt: skip


def audience_reasons(ask: str, passage: str, measure: Measure | None = None) -> list[Reason]:
    """Training asked for some professions (« que la formation des enseignants inclue un module »);
    neither the passage nor its measure names any of them: the training answers other people."""
    if measure is None or not _TRAINING.search(fold(ask)):
        return []
    asked = {name: words for name, words in actors(ask).items() if name in _AUDIENCES}
    if not asked:
        return []
    # A passage that names whom it trains (« intégré à la formation initiale des écoles de police »)
    # answers for them; one that names no one often leaves its audience to the sentence before, and
    # then only the whole measure can show that no one asked for is trained.
    trained = set(actors(passage)) & _AUDIENCES
    named = trained or set(actors(f"{measure.title}\n{measure.text}"))
    if not trained:
        for resp in measure.responsible:
            named |= set(actors(resp.text))
    if not named & set(asked):
        return [
            Reason(
                code="actor",
                base=", ".join(asked.values()),
                next=None,
                detail="training was asked for these professions; the next measure does not name them",
            )
        ]
    # Many professions asked (« l'ASE, la PJJ, les magistrats, la police … »), the passage trains
    # half of them or fewer (« les professionnels de l'ASE et de la PJJ »): the others are left out.
    if not trained or len(asked) < _MANY or 2 * len(trained & set(asked)) > len(asked):
        return []
    left_out = [words for name, words in asked.items() if name not in trained]
    return [
        Reason(
            code="actor",
            base=", ".join(left_out),
            next=", ".join(words for name, words in actors(passage).items() if name in trained),
            detail="training was asked for these professions too; the next plan trains only some",
        )
    ]


# How many professions make a list that a passage may answer only in part.
_MANY = 3


# « … ; pour les autres professions, il sera proposé en formation continue »: the passage gives the ask
# to some and says what the rest get instead.
_THE_OTHERS = re.compile(
    r"\bpour (?:les|tous les|toutes les) autres (?:publics|professions|professionnels|agents|personnels|"
    r"acteurs|services|categories|departements|regions|territoires|victimes|structures|etablissements|"
    r"juridictions|ministeres|administrations|beneficiaires|ecoles|formations)\b"
)
# « pour les autres publics, le module sera également proposé »: the rest get it too.
_LIKEWISE = whole_words(r"egalement|aussi|de meme|de la meme (?:maniere|facon)|pareillement")


def others_reasons(ask: str, passage: str) -> list[Reason]:
    """The passage gives the ask to some and something else to the others (« pour les autres publics,
    le module est dispensé sous forme de conférences »): a narrower take, unless the others get it
    too or the ask itself makes that difference."""
    folded = fold(passage)
    found = _THE_OTHERS.search(folded)
    if found is None or _THE_OTHERS.search(fold(ask)):
        return []
    # The clause that names the others and the one after it say what they get.
    start = max((m.end() for m in CLAUSE_END.finditer(folded, 0, found.start())), default=0)
    end = CLAUSE_END.search(folded, found.end() + 1)
    if _LIKEWISE.search(folded[start : end.start() if end else len(folded)]):
        return []
    return [
        Reason(
            code="scope",
            base=None,
            next=quote(passage, found.start(), found.end()),
            detail="the next plan gives it to some; the others get something else",
        )
    ]
