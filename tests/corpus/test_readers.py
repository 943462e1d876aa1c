"""Each format yields the article's text and what metadata it carries."""

import io

from missiondesk.corpus import load_corpus, read_document
from tests.corpus.test_bad_input import _pdf_bytes


def test_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "story.html"
    page.write_text("""<html><head><title>NATO boosts Lithuania brigade - Example News</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>NATO boosts Lithuania brigade</h1>
<p>Germany will station about 4,800 troops in Lithuania by 2027, the defence ministry said on Tuesday,
in the first permanent deployment of a German brigade abroad.</p>
<p>"This is a commitment to the security of the whole alliance," the minister told reporters.</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>""", encoding="utf-8")
    doc = read_document(page)
    assert "about 4,800 troops in Lithuania" in doc.body
    assert "All rights reserved" not in doc.body and "Home" not in doc.body
    assert doc.author == "Jane Doe" and doc.published == "2024-03-05" and doc.outlet == "Example News"
    assert doc.title.startswith("NATO boosts Lithuania brigade")


def test_pdf_text(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_pdf_bytes("Around 1,100 soldiers from four countries train near the Suwalki Gap."))
    doc = read_document(pdf)
    assert "Around 1,100 soldiers from four countries" in doc.body and doc.format == "pdf"


def test_docx_paragraphs_and_properties(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "French troops leave Chad"
    document.core_properties.author = "Mariam Toure"
    document.add_paragraph("France handed over its last base in Chad on Thursday, ending a presence of "
                           "about 1,000 soldiers that had lasted for decades, the army said.")
    document.add_paragraph("\u201cThe page is turned,\u201d a Chadian officer said.")
    path = tmp_path / "chad.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.title == "French troops leave Chad" and doc.author == "Mariam Toure"
    assert "about 1,000 soldiers" in doc.body and "\u201cThe page is turned,\u201d" in doc.body


def test_markdown_marks_are_removed(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Troops to stay in Kosovo\n\nKFOR will keep **about 4,500 troops** in Kosovo, "
                    "according to [NATO](https://example.org) officials who spoke on Monday.\n", encoding="utf-8")
    doc = read_document(path)
    assert "KFOR will keep about 4,500 troops in Kosovo, according to NATO officials" in doc.body
    assert doc.title == "Troops to stay in Kosovo"


def test_folder_read_recursively_in_order(tmp_path):
    for name in ("b/2.txt", "a/1.txt", "a/.hidden.txt", "c/skip.png"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"Report {name}: around 300 peacekeepers remain in the buffer zone, officials said.")
    corpus = load_corpus([tmp_path])
    assert [p.rsplit("/", 2)[-2] + "/" + p.rsplit("/", 1)[-1] for p in (d.path for d in corpus.documents)] \
        == ["a/1.txt", "b/2.txt"]
    assert corpus.errors == []


def test_pdf_hard_wrapped_lines_are_joined():
    from missiondesk.corpus.readers import unwrap_lines

    text = "The Security Council extended the\nmandate of the mission for a year,\nofficials said.\nNext paragraph."
    assert unwrap_lines(text) == ("The Security Council extended the mandate of the mission for a year, "
                                  "officials said.\nNext paragraph.")
    assert io  # keep the import used
