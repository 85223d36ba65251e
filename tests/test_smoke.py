import unboil


def test_extract_returns_article_with_body_and_title() -> None:
    page = b"""<html><head><title>Hello world - Site</title></head><body>
    <nav><a href='/'>Home</a></nav>
    <article><h1>Hello world</h1>
    <p>This is a long paragraph of text, with punctuation. It goes on for a while, so it is prose.</p>
    </article></body></html>"""
    article = unboil.extract(page)
    assert article.title == "Hello world"
    assert article.text == "This is a long paragraph of text, with punctuation. It goes on for a while, so it is prose."
