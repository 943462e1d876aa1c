"""Progress that informs: extracting again says how many articles of how many are done, in the status bar."""


def test_extracting_again_shows_n_of_n_articles(qtbot, opened):
    win = opened
    shown = []
    progress = win._on_progress

    def recording(done, total, text):
        progress(done, total, text)
        shown.append(win.status_label.text())

    win._on_progress = recording  # connected when the task starts, so the window calls this one
    documents = win.workspace.data.documents[:2]
    with qtbot.waitSignal(win.loading_finished, timeout=300_000):
        win.extract_stale(documents)
    assert [text.split(" · ")[0] for text in shown] == ["Extracted 1 of 2 articles", "Extracted 2 of 2 articles"]
    assert shown[0].endswith(documents[0].title[:40])
