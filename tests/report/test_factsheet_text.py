"""The one door article text goes through before reportlab reads it as markup."""

from missiondesk.report.factsheet_text import day, escaped, plain, quoted


def test_markup_characters_are_escaped():
    assert escaped('<font color="red">A & B</font>') == '&lt;font color="red"&gt;A &amp; B&lt;/font&gt;'
    assert escaped('<img src="http://example.invalid/x.png">').startswith("&lt;img")


def test_missing_values_become_the_default():
    assert escaped(None, default="undated") == "undated"
    assert escaped(float("nan")) == ""
    assert plain("   ") == ""


def test_long_text_is_cut_at_a_word_with_an_ellipsis():
    text = plain("word " * 1000, 300)
    assert len(text) <= 300 and text.endswith("…") and "wor…" not in text


def test_long_words_get_break_opportunities_and_keep_their_letters():
    word = "x" * 300
    out = escaped(word)
    assert "\u200b" in out and out.replace("\u200b", "") == word
    assert "&amp;" in escaped("a&" + "y" * 100)  # escaping happens after the breaks are put in


def test_control_characters_and_emoji_cannot_break_the_pdf():
    assert plain("a\x00b\x07c\x1bd") == "abcd"
    assert plain("go 😀🇺🇦 now") == "go \ufffd now"
    assert plain("Zoë Łukasiewicz “Ziggy” Привет") == "Zoë Łukasiewicz “Ziggy” Привет"


def test_quotes_and_dates():
    assert quoted("we stay", "direct") == "“we stay”"
    assert quoted("that they stay", "reported") == "<i>that they stay</i>"
    assert day(None) == "undated" and day("2021-02-17") == "2021-02-17"
