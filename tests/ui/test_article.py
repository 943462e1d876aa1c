"""The Article tab after a review: only the facts' own words are highlighted, never whole paragraphs."""

from PySide6.QtCore import Qt

from missiondesk.ui.article_view import qt_offset
from tests.ui.helpers import disagreement_cell


def _highlighted(view) -> set[int]:
    """Qt positions of every character painted with a background."""
    out = set()
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                out.update(range(fragment.position(), fragment.position() + fragment.length()))
            it += 1
        block = block.next()
    return out


def test_re_rendering_after_a_review_paints_only_the_facts(qtbot, opened):
    win = opened
    win.counts_view.setCurrentIndex(disagreement_cell(win))
    fact_id = win.current_fact
    document = win.facts.get(fact_id)["document"]
    body = win.article._body
    spans = set()
    for _id, _kind, start, end, _status in win.facts.highlights(document):
        spans.update(range(qt_offset(body, start), qt_offset(body, end)))
    before = _highlighted(win.article)
    assert before and before <= spans
    cursor = win.article.textCursor()  # the analyst's cursor rests inside the count's highlight
    cursor.setPosition(qt_offset(body, win.facts.get(fact_id)["start"]) + 1)
    win.article.setTextCursor(cursor)
    assert win.article.currentCharFormat().background().style() != Qt.BrushStyle.NoBrush
    win.review_current("accepted")
    win.select_fact(fact_id)  # the article is drawn again with the new status
    assert win.article.document_id == document
    after = _highlighted(win.article)
    assert after <= spans, f"{len(after - spans)} characters outside any fact are painted"
    assert win.article.selected_text() == win.facts.get(fact_id)["sentence"]
