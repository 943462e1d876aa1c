"""Run extraction: spaCy parses each document, the domain rules read the parse. Each document's facts are a
self-contained DocumentFacts (cacheable by document id and EXTRACTOR_VERSION); merging them gives the
corpus Extraction with missions gathered across articles."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

from missiondesk.corpus.document import Document
from missiondesk.extract.context import DocContext
from missiondesk.extract.gazetteer import gazetteer_for, mentions_in
from missiondesk.extract.gazetteer import missions as known_missions
from missiondesk.extract.missions import (
    also_placed,
    deployment_words,
    find_mentions,
    hosts_as_senders,
    kind_of,
    localised,
    mission_for_count,
    national_described,
)
from missiondesk.extract.model import ModelMissing, load_model, model_package
from missiondesk.extract.records import Extraction, Mission, MissionMention, Statement, TroopCount, from_saved
from missiondesk.extract.sentences import text_of
from missiondesk.extract.speakers import SpeakerResolver
from missiondesk.extract.statements import find_statements
from missiondesk.extract.topics import mission_for_statement, topic_of
from missiondesk.extract.troops import find_counts
from missiondesk.extract.voices import speaker_sides

EXTRACTOR_VERSION = "16"  # raised whenever the rules find something else: saved facts of another version are redone
# The parser shares the cost of each of its steps among the documents it parses together, so it takes 64 at
# once (12% faster than 32, which was 25% faster than 16; 128 gains nothing more); tok2vec and the tagger are
# faster on 8 at once, whose arrays stay in the processor's cache. The parses are the same whatever the batch.
BATCH_SIZE = 64
COMPONENT_BATCHES = {"tok2vec": {"batch_size": 8}, "tagger": {"batch_size": 8}}
PARALLEL_MIN_DOCUMENTS = 24  # below this, starting worker processes costs more than it saves
CHUNK = 64  # documents a worker process takes at a time, at most: one batch of the parser
TASKS_PER_WORKER = 4  # a small load is cut finer, so that the workers finish together
SMALL_CHUNK = 8  # each worker's first task, and the last tasks: no core waits long for the first or the last


def fact_id(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:12]


@dataclass
class MissionHitRecord:
    mission: str
    start: int
    end: int
    text: str
    described: dict | None = None


@dataclass
class DocumentFacts:
    """Everything extracted from one document."""

    document: str
    version: str = EXTRACTOR_VERSION
    troop_counts: list[TroopCount] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    missions: list[MissionHitRecord] = field(default_factory=list)
    error: str | None = None  # what went wrong when the rules failed on it (its facts are then stale)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> DocumentFacts:
        return cls(document=data["document"], version=data.get("version", ""),
                   troop_counts=[from_saved(TroopCount, c) for c in data.get("troop_counts", [])],
                   statements=[from_saved(Statement, s) for s in data.get("statements", [])],
                   missions=[from_saved(MissionHitRecord, m) for m in data.get("missions", [])],
                   error=data.get("error"))


def extract_documents(documents: Sequence[Document],
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> Extraction:
    """Facts for every document, merged into one corpus extraction."""
    return merge(extract_each(documents, progress, cancelled))


def worker_count() -> int:
    """Worker processes to use: one per core, at most four; MISSIONDESK_WORKERS overrides."""
    import os

    wanted = os.environ.get("MISSIONDESK_WORKERS")
    if wanted and wanted.isdigit():
        return max(1, int(wanted))
    return max(1, min(4, os.cpu_count() or 1))


def extract_each(documents: Sequence[Document], progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, workers: int | None = None) -> list[DocumentFacts]:
    """One DocumentFacts per document, in order; stops early (returning what is done) when cancelled.
    Large batches are spread over worker processes; the result is the same either way."""
    return extract_stream(documents, len(documents), progress, cancelled, workers)


def extract_stream(documents: Iterable[Document], expected: int,
                   progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None,
                   workers: int | None = None) -> list[DocumentFacts]:
    """As extract_each, for documents that are still arriving (being read): with `expected` of them or more
    the worker processes start on the first ones while the rest are read. Progress counts against `expected`."""
    workers = worker_count() if workers is None else workers
    if workers > 1 and expected >= PARALLEL_MIN_DOCUMENTS:
        return _extract_parallel(documents, expected, workers, progress, cancelled)
    return _extract_serial(list(documents), progress, cancelled, expected)


def _extract_serial(documents: Sequence[Document], progress, cancelled, expected: int | None = None
                    ) -> list[DocumentFacts]:
    out: list[DocumentFacts] = []
    if not documents:
        return out
    nlp = load_model()
    gazetteer = gazetteer_for(nlp)
    total = max(expected or 0, len(documents))
    for start in range(0, len(documents), BATCH_SIZE):
        batch = documents[start:start + BATCH_SIZE]
        for document, doc in zip(batch, _parse(nlp, batch)):
            failed = isinstance(doc, str)  # what stopped spaCy on it
            out.append(_failed(document, doc) if failed else _guarded_facts(document, doc, nlp, gazetteer))
            if progress:
                progress(len(out), total)
            if cancelled and cancelled():
                return out
    return out


def _parse(nlp, batch: Sequence[Document]) -> list:
    """spaCy's parse of each document, or what stopped it (a string): one article spaCy cannot take (too long
    for it) does not cost the others theirs."""
    too_long = {d.id for d in batch if len(d.body) > nlp.max_length}
    bodies = [d.body for d in batch if d.id not in too_long]
    try:
        parsed = iter(list(nlp.pipe(bodies, batch_size=BATCH_SIZE, component_cfg=COMPONENT_BATCHES)))
    except Exception:
        parsed = iter([_parse_one(nlp, body) for body in bodies])
    return [f"the article is {len(d.body):,} characters long, more than the {nlp.max_length:,} MissionDesk "
            "analyses at once; split it into smaller files" if d.id in too_long else next(parsed) for d in batch]


def _parse_one(nlp, body: str):
    try:
        return next(iter(nlp.pipe([body])))
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def _failed(document: Document, error: str) -> DocumentFacts:
    """No facts for the document, and why; no version, so the project lists it as still to extract."""
    return DocumentFacts(document.id, version="", error=error)


def _extract_parallel(documents: Iterable[Document], expected: int, workers: int, progress, cancelled
                      ) -> list[DocumentFacts]:
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    model_package()  # a missing model is reported here with its remedy, not as a worker that died
    out: list[DocumentFacts] = []
    pending: deque = deque()  # (future, its documents), in order

    def take() -> None:
        future, chunk = pending.popleft()
        try:
            out.extend(future.result())
        except Exception as exc:  # a worker that died (out of memory, killed): its articles only are lost
            out.extend(_failed(d, f"the process extracting it stopped ({type(exc).__name__}); extract it again")
                       for d in chunk)

    def collect(wait: bool) -> bool:
        """Take finished chunks, in order; False once cancelled."""
        while pending and (wait or pending[0][0].done()):
            take()
            if progress:
                progress(len(out), max(expected, len(out)))
            if cancelled and cancelled():
                return False
        return True

    sizes = chunk_sizes(expected, workers)
    size = next(sizes)
    with ProcessPoolExecutor(max_workers=workers, mp_context=_process_context(),
                             initializer=_start_worker) as pool:
        chunk: list[Document] = []
        going = True
        for document in documents:
            chunk.append(document)
            if len(chunk) == size:
                pending.append((_submit(pool, chunk), chunk))
                chunk = []
                size = next(sizes)
            if not collect(False):
                going = False
                break
        going = going and not (cancelled and cancelled())  # reading may have stopped on a cancel
        if going and chunk:
            pending.append((_submit(pool, chunk), chunk))
        if not going or not collect(True):
            # what is running finishes; what is done is kept, in order, up to the first chunk that is not
            pool.shutdown(wait=True, cancel_futures=True)
            while pending and pending[0][0].done() and not pending[0][0].cancelled():
                take()
    return out


def chunk_size(expected: int, workers: int) -> int:
    """Documents per worker task: CHUNK, or fewer when `expected` documents would give each worker fewer than
    TASKS_PER_WORKER tasks (100 articles in chunks of 64 would leave one worker with 64 and the other 36)."""
    return max(1, min(CHUNK, -(-expected // (workers * TASKS_PER_WORKER))))


def chunk_sizes(expected: int, workers: int) -> Iterator[int]:
    """Documents per worker task, task after task, for `expected` documents: chunk_size's, except that each
    worker's first task is SMALL_CHUNK (it starts once 8 articles are read, not 64) and the last ones shrink
    to SMALL_CHUNK (a worker left with the other's last 64 articles would keep a core idle for as long)."""
    size = chunk_size(expected, workers)
    smallest = min(SMALL_CHUNK, size)
    for _ in range(workers):
        yield smallest
    given = workers * smallest
    while True:
        left = expected - given
        next_size = min(size, max(smallest, -(-left // (2 * workers))))
        yield next_size
        given += next_size


def _submit(pool, chunk: list[Document]):
    """The chunk's future; a pool that broke (a worker died) gives one that failed, not an exception here."""
    from concurrent.futures import Future

    try:
        return pool.submit(_extract_chunk, chunk)
    except Exception as exc:
        failed: Future = Future()
        failed.set_exception(exc)
        return failed


def _process_context():
    """Workers forked from a server that has the model loaded already (one load per session, not one per
    worker per run); where there is no forkserver (Windows, macOS app bundles), spawned workers load their own."""
    import multiprocessing
    import os

    # One BLAS thread a worker: the workers already fill the cores, and more threads only contend.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["missiondesk.extract.preloaded"])
        return context
    return multiprocessing.get_context("spawn")


def prepare_workers(paths: Sequence) -> None:
    """When `paths` hold enough articles for worker processes, start the worker server now, so that its model
    loads while the files are read rather than after."""
    from missiondesk.corpus.files import expand

    if len(expand(paths)[0]) >= PARALLEL_MIN_DOCUMENTS:
        start_workers()


def start_workers() -> None:
    """Start the worker server (it loads the model in the background) if this machine will use workers: the
    window calls it once it is shown, so the first large load does not wait for it."""
    if worker_count() < 2:
        return
    try:
        model_package()
    except ModelMissing:
        return  # extraction will say so
    context = _process_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _start_worker() -> None:
    gazetteer_for(load_model())


def _extract_chunk(documents: list[Document]) -> list[DocumentFacts]:
    return _extract_serial(documents, None, None)


def _guarded_facts(document: Document, doc, nlp, gazetteer) -> DocumentFacts:
    """The document's facts; a rule that fails on one article loses that article's facts only, and says why
    (no version, so the project lists it as still to extract)."""
    try:
        return _facts(document, doc, nlp, gazetteer)
    except Exception as exc:
        return _failed(document, f"{type(exc).__name__}: {exc}")


def _facts(document: Document, doc, nlp, gazetteer) -> DocumentFacts:
    facts = DocumentFacts(document.id)
    title = nlp.make_doc(document.title or "")
    ctx = DocContext.build(document.body, document.published, mentions_in(doc, gazetteer), gazetteer.find(title),
                           doc=doc, title_doc=title)
    hits = find_mentions(doc, ctx)
    ctx.main_mission = _most_named(hits)
    facts.missions = [MissionHitRecord(h.mission_id, h.start, h.end, h.text, h.described) for h in hits]
    # a headline's "X says ..." is the article's summary of a statement made below it, never one of its own
    headline = len(document.title) if document.title and document.body.startswith(document.title + "\n") else 0
    said_list = [said for said in find_statements(doc, SpeakerResolver(ctx)) if said.start >= headline]
    ctx.sides = speaker_sides(doc, said_list, ctx)
    linked: list[str] = []
    made_by_counts: set[str] = set()
    for count in find_counts(doc, ctx):
        count.mission = mission_for_count(count, ctx, hits, linked)
        for placed in (count, *also_placed(count, ctx, hits, linked)):  # "5,600 to Belgium and Italy": both
            if placed.mission:
                if placed.mission not in linked and not any(h.mission_id == placed.mission for h in hits):
                    # the count is itself the article's reference to the mission
                    described = None if placed.mission in known_missions() else national_described(
                        placed.whose, placed.where)
                    start, end = deployment_words(placed, ctx)
                    facts.missions.append(MissionHitRecord(placed.mission, start, end, text_of(doc)[start:end],
                                                           described))
                    made_by_counts.add(placed.mission)
                linked.append(placed.mission)
        facts.troop_counts.append(TroopCount(
            id=fact_id(document.id, "count", count.start, count.end, count.value),
            document=document.id, value=count.value, value_to=count.value_to, qualifier=count.qualifier,
            unit=count.unit, whose=count.whose, where=count.where, mission=count.mission,
            sentence=count.sentence.text.strip(), start=count.start, end=count.end, period=count.period,
            delta=count.delta, derived_from=count.derived_from))
    swapped = hosts_as_senders(facts.missions, made_by_counts, [c.mission for c in facts.troop_counts if c.mission])
    facts.missions = [hit for hit in facts.missions if hit.mission not in swapped]
    linked = [mission for mission in linked if mission not in swapped]
    for fact in facts.troop_counts:
        fact.mission = None if fact.mission in swapped else fact.mission
    local = _localise_missions(facts, ctx)
    for said in said_list:
        facts.statements.append(Statement(
            id=fact_id(document.id, "statement", said.start, said.end, said.actor.name),
            document=document.id, actor=said.actor.name, actor_role=said.actor.role, kind=said.kind,
            content=said.content, sentence=text_of(doc)[said.start:said.end].strip(),
            topic=topic_of(doc, said.start, said.end),
            mission=mission_for_statement(said.start, said.end, hits, linked), start=said.start,
            end=said.end, actor_text=said.actor.text or None))
    for statement in facts.statements:
        statement.mission = local.get(statement.mission, statement.mission)
    return facts


def _localise_missions(facts: DocumentFacts, ctx: DocContext) -> dict[str, str]:
    """Known missions across several countries become the part in the country the article places them in
    ("Operation Barkhane in Mali"); returns the ids changed, old -> new."""
    changed: dict[str, str] = {}
    for mission_id in dict.fromkeys(h.mission for h in facts.missions):
        places = [c.where for c in facts.troop_counts if c.mission == mission_id and c.where]
        found = localised(mission_id, ctx, places)
        if found:
            changed[mission_id] = found
    for hit in facts.missions:
        if hit.mission in changed:
            hit.mission, hit.described = changed[hit.mission]
    for count in facts.troop_counts:
        if count.mission in changed:
            count.mission = changed[count.mission][0]
    return {old: new for old, (new, _) in changed.items()}


def merge(per_document: Iterable[DocumentFacts]) -> Extraction:
    """The corpus extraction: facts in document order, missions gathered across articles."""
    result = Extraction()
    found: dict[str, Mission] = {}
    for facts in per_document:
        for hit in facts.missions:
            _mission(found, hit.mission, hit.described).mentions.append(
                MissionMention(facts.document, hit.start, hit.end, hit.text))
        result.troop_counts.extend(facts.troop_counts)
        result.statements.extend(facts.statements)
    result.missions = list(found.values())
    return result


def _most_named(hits) -> str | None:
    counts = Counter(h.mission_id for h in hits if not h.aside)
    return counts.most_common(1)[0][0] if counts else None


def _mission(found: dict[str, Mission], mission_id: str, described: dict | None = None) -> Mission:
    if mission_id not in found:
        described = described or {}
        known = known_missions().get(described.get("known_as", mission_id))
        if known and "known_as" in described:  # a known mission's part in one country
            found[mission_id] = Mission(id=mission_id, name=described["name"], lead=known["lead"],
                                        theater=described["theater"], start=known.get("start"), end=known.get("end"),
                                        aliases=list(known.get("aliases", [])), region=described["region"],
                                        kind=known.get("kind"))
        elif known:
            found[mission_id] = Mission(id=mission_id, name=known["name"], lead=known["lead"],
                                        theater=known["theater"], start=known.get("start"), end=known.get("end"),
                                        aliases=list(known.get("aliases", [])), region=known.get("region"),
                                        kind=known.get("kind"))
        else:
            found[mission_id] = Mission(id=mission_id, name=described.get("name", mission_id),
                                        lead=described.get("lead"), theater=described.get("theater"), known=False,
                                        region=described.get("region"),
                                        kind=described.get("kind") or kind_of(described.get("lead")))
    return found[mission_id]
