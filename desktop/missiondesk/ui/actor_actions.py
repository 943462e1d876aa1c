"""Merging and renaming actors from the Positions tab. The analyst selects the rows of two or more actors
(Ctrl+click) and chooses Merge Actors (Ctrl+Shift+M, the Edit menu or the table's context menu): they become one
actor under the name of the current row's actor. Rename Actor… (Shift+F2) gives the current row's actor another
name. Each is one undoable step whose reviews are keyed by the registry's actor ids (facts/actor_reviews.py), so
they are saved with the project and applied again after the articles are extracted again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu

from missiondesk.facts.actor_reviews import MERGED, RENAMED, actor_key, merge_changes, rename_changes
from missiondesk.store.workspace import Workspace


class ActorReviewsCommand(QUndoCommand):
    """Several actor reviews as one step (a merge of three actors is one undo), the window redrawn once."""

    def __init__(self, workspace: Workspace, reviews: dict[str, tuple[str, dict]], text: str,
                 changed: Callable[[str], None], shown: tuple[str, str], note: str | None = None) -> None:
        super().__init__(text)
        self._workspace = workspace
        self._reviews = reviews  # actor id -> (status, changes)
        self._before = {actor_id: workspace.review(actor_key(actor_id)) for actor_id in reviews}
        self._changed = changed  # told the actor to show: the one made (redo), the one given back (undo)
        self._shown = shown
        self._note = note

    def redo(self) -> None:
        for actor_id, (status, changes) in self._reviews.items():
            self._workspace.set_review(actor_key(actor_id), status, changes, note=self._note)
        self._changed(self._shown[0])

    def undo(self) -> None:
        for actor_id, before in self._before.items():
            self._workspace.restore_review(actor_key(actor_id), before)
        self._changed(self._shown[1])


class ActorActions:
    """Mixed into MainWindow: expects self.positions_view and positions_model, self.frames and self._frames_shown,
    self.workspace, self.undo_stack, self.evidence, self.status_label and self._articles_changed()."""

    def install_actor_actions(self, menu: QMenu) -> None:
        """The Merge Actors and Rename Actor actions in `menu` and the Positions table's context menu; the table
        takes Ctrl+click and Shift+click so two actors can be selected."""
        view = self.positions_view
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.merge_actors_action = QAction("Merge Ac&tors", self)
        self.merge_actors_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.merge_actors_action.setToolTip("Make the actors of the selected Positions rows one actor, under the "
                                            "name of the current row's")
        self.merge_actors_action.triggered.connect(lambda: self.merge_actors())
        self.rename_actor_action = QAction("Rename A&ctor…", self)
        self.rename_actor_action.setShortcut(QKeySequence("Shift+F2"))
        self.rename_actor_action.triggered.connect(lambda: self.rename_actor())
        for action in (self.merge_actors_action, self.rename_actor_action):
            menu.addAction(action)
            self.addAction(action)
        for widget in (view, view.verticalHeader()):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(lambda pos, w=widget: self._positions_menu(w.mapToGlobal(pos)))

    def _positions_menu(self, where: QPoint) -> None:
        actors = self.selected_actors()
        menu = QMenu(self)
        merge = menu.addAction(f"Merge {len(actors)} Actors" if len(actors) > 1 else "Merge Actors")
        merge.setEnabled(len(actors) > 1)
        merge.triggered.connect(lambda: self.merge_actors())
        rename = menu.addAction(f"Rename '{_short(actors[0]['name'])}'…" if actors else "Rename Actor…")
        rename.setEnabled(bool(actors))
        rename.triggered.connect(lambda: self.rename_actor())
        menu.exec(where)

    # -- which actors are selected --------------------------------------------------------------------------
    def selected_actors(self) -> list[dict]:
        """The actors of the Positions rows selected, the current row's first: each {'name', 'ids'}, the ids the
        registry gives the statements under that name (most statements first). A row is an actor and a topic;
        the rows of one name are one actor here, as the Positions tab groups them."""
        view, model = self.positions_view, self.positions_model
        rows = sorted({index.row() for index in view.selectionModel().selectedIndexes()})
        current = view.currentIndex().row()
        if current in rows:
            rows.remove(current)
            rows.insert(0, current)
        elif current >= 0 and not rows:
            rows = [current]
        frame = (self._frames_shown if self._frames_shown is not None else self.frames).statements
        if not len(frame) or not rows:
            return []
        name_of = dict(zip(frame["id"].tolist(), frame["actor"].tolist()))
        names = list(dict.fromkeys(name_of[i] for row in rows for i in model.row_facts(row) if i in name_of))
        ids: dict[str, Counter] = {name: Counter() for name in names}
        for name, actor_id in zip(frame["actor"].tolist(), frame["actor_id"].tolist()):
            if name in ids:
                ids[name][actor_id] += 1
        return [{"name": name, "ids": [i for i, _ in ids[name].most_common()]} for name in names]

    # -- merging and renaming -------------------------------------------------------------------------------
    def merge_actors(self, keep: str | None = None) -> None:
        """Merge the actors selected in the Positions tab into one, as one undoable step. The name kept is
        `keep`, else the one the analyst picks (the current row's actor first; taken without asking in a quiet
        window)."""
        self.show_pending_update()  # the rows of the step before, if it is still to be shown
        actors = self.selected_actors()
        if len(actors) < 2:
            self.status_label.setText("Select the rows of two or more actors in Positions (Ctrl+click) to merge "
                                      "them")
            return
        names = [a["name"] for a in actors]
        if keep is None and not self.quiet:
            keep, ok = QInputDialog.getItem(self, "Merge actors", f"{len(actors)} actors become one. Name to keep:",
                                            names, 0, False)
            if not ok:
                return
        target = next((a for a in actors if a["name"] == keep), actors[0])
        into = target["ids"][0]
        reviews: dict[str, tuple[str, dict]] = {}
        for other in actors:
            if other is target:
                continue
            for actor_id in other["ids"]:
                if actor_id == into:  # one registry actor the articles word two ways: it takes the name kept
                    reviews[into] = (RENAMED, rename_changes(target["name"], other["name"]))
                elif actor_id not in reviews:
                    reviews[actor_id] = (MERGED, merge_changes(into, target["name"], other["name"]))
        others = ", ".join(f"'{a['name']}'" for a in actors if a is not target)
        first_other = next(a["name"] for a in actors if a is not target)
        self.undo_stack.push(ActorReviewsCommand(self.workspace, reviews, f"Merge actors {others} into "
                                                 f"'{target['name']}'", self._actors_changed,
                                                 (target["name"], first_other), self.evidence.take_note()))
        self.status_label.setText(f"Merged {others} into '{target['name']}' (Ctrl+Z to undo)")

    def rename_actor(self, name: str | None = None) -> None:
        """Give the actor of the current Positions row another name (asked for when not given), as one undoable
        step; every statement of the actor, in every article, takes the name."""
        self.show_pending_update()  # the rows of the step before, if it is still to be shown
        actors = self.selected_actors()
        if not actors:
            self.status_label.setText("Select an actor's row in Positions to rename the actor")
            return
        actor = actors[0]
        if name is None:
            if self.quiet:
                return
            name, ok = QInputDialog.getText(self, "Rename actor", f"New name for '{actor['name']}' in every "
                                                                  "article:", text=actor["name"])
            if not ok:
                return
        name = " ".join(name.split())
        if not name or name == actor["name"]:
            return
        reviews = {actor_id: (RENAMED, rename_changes(name, actor["name"])) for actor_id in actor["ids"]}
        self.undo_stack.push(ActorReviewsCommand(self.workspace, reviews, f"Rename actor '{actor['name']}' to "
                                                 f"'{name}'", self._actors_changed, (name, actor["name"]),
                                                 self.evidence.take_note()))
        self.status_label.setText(f"Renamed '{actor['name']}' to '{name}' (Ctrl+Z to undo)")

    def _actors_changed(self, name: str) -> None:
        """Redraw everything as after any review (the articles chosen for Side by side stay chosen), then show
        the actor `name` in Positions: its first statement selected, so the analyst sees what the step did. The
        window shows it a turn of the event loop later (`_reviews_changed_later`).
        The comparisons change the rows of the actor's statements (facts/live_comparison.py); the actor filter
        offers the names as they now stand."""
        chosen = self.selected_documents()  # the Corpus list's selection, kept
        # this turn the comparisons, the next the tables and the actor shown, later the choosers' names
        self._reviews_changed_later(lambda: self._actor_shown(name, chosen))

    def _actor_shown(self, name: str, chosen: list[str]) -> None:
        self._keep_chosen(chosen)
        # the choosers' names, in a later turn; what a filter prepares when idle after a refresh stands (no count
        # changed)
        self.update_filter_choices_later()
        model = self.positions_model
        if self.tabs.currentWidget() is not self.positions_view:
            return  # the table is filled when its tab is shown
        for row in range(model.rowCount()):
            if model.key(row).split("|")[1] == name and model.row_facts(row):
                self.select_fact(model.row_facts(row)[0])  # its cell made current and scrolled to
                return

    def registry_actor(self, fact: dict) -> dict:
        """The actor of a statement as the registry and the analyst's merges and renames name it, beside the
        words of its article when they differ (for the Evidence panel); empty when they are the same."""
        if fact.get("kind") != "statement":
            return {}
        if self._live is not None:  # found by id, without making the frames shown again after a review
            name = self._live.actor_shown_of(fact["id"])
        else:
            frame = self.frames.statements
            found = frame.loc[frame["id"].to_numpy() == fact["id"], "actor"] if len(frame) else ()
            name = found.iloc[0] if len(found) else None
        if not isinstance(name, str) or name == fact.get("actor"):
            return {}
        return {"actor": name, "actor_written": fact.get("actor")}


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"
