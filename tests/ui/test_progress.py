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


def test_the_time_left_is_estimated_from_the_pace_so_far():
    from missiondesk.ui.loading_actions import time_left

    assert time_left(60.0, 10, 40) == "about 3 min left"  # 6 s an article, 30 to go
    assert time_left(12.0, 4, 20) == "about 50 s left"
    assert time_left(1.0, 1, 100) == ""  # no pace yet
    assert time_left(30.0, 99, 100) == ""  # nearly done: no flickering estimate
    assert time_left(30.0, 100, 100) == ""
