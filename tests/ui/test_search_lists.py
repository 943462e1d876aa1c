"""The search filters the Corpus and Missions lists as it does the matrices."""


def _visible(view):
    model = view.model()
    return [model.row(r)["id"] for r in range(model.rowCount()) if not view.isRowHidden(r)]


def test_the_search_filters_the_corpus_and_missions_lists(qtbot, opened):
    win = opened
    documents = win.documents_model.frame()
    outlet = next(o for o in documents["outlet"] if isinstance(o, str))
    with_outlet = [d for d, o in zip(documents["id"], documents["outlet"]) if o == outlet]
    assert 0 < len(with_outlet) < len(documents)
    win.search.setText(outlet)
    assert _visible(win.documents_view) == with_outlet
    missions = win.missions_model.frame()
    name = missions["name"].iloc[0]
    win.search.setText(name)
    assert missions["id"].iloc[0] in _visible(win.missions_view)
    assert len(_visible(win.missions_view)) < len(missions)
    # an article stays when one of its facts matches: the article giving the first troop count
    first = win.frames.counts.iloc[0]
    win.search.setText(f"{first['whose']} {first['where']}")
    assert first["document"] in _visible(win.documents_view)
    win.show_rejected.setChecked(False)  # a refresh (a model reset) keeps the lists filtered
    assert first["document"] in _visible(win.documents_view)
    win.search.setText("zzzqqq")
    assert _visible(win.documents_view) == [] and _visible(win.missions_view) == []
    win.search.clear()
    assert len(_visible(win.documents_view)) == len(documents) and len(_visible(win.missions_view)) == len(missions)
