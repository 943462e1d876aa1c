"""At 1280x800, the size the README's screenshots use, the troop-count matrix shows at least four articles side
by side: the figures that disagree are on one screen, not behind a scroll bar."""


def test_four_articles_fit_beside_the_row_labels_at_1280_by_800(qtbot, opened):
    win = opened
    win.resize(1280, 800)
    win.tabs.setCurrentWidget(win.counts_view)
    qtbot.wait(50)
    view = win.counts_view
    visible = view.viewport().width()
    header = view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert len(shown) >= 4
    assert sum(header.sectionSize(c) for c in shown[:4]) <= visible
