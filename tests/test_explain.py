"""``unboil explain``: the report marks what the trace decided, is inert, and opens in a real browser."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree, html as lxml_html

import unboil
from unboil.explain import MARKS, _marks, explain

SENTENCE = "The council met on Tuesday to discuss the future of the old bridge over the river in the town centre."

FUNDRAISER = f"""<html><head><title>Bridge repairs approved</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge repairs approved</h1>
<p>{SENTENCE} Residents have complained about its state for years.</p>
<p>{SENTENCE} Work will begin in the spring and should last about six months.</p>
<div><p>Our newsroom relies on readers like you. Donate today to keep local news free for everyone!</p>
<p>0 $ 2,500 $ 5,000 $ 2,037 $</p><p>14 DAYS LEFT UNTIL THE END OF APRIL</p></div>
<p>{SENTENCE} A ferry will run while the bridge is closed, the mayor said on Wednesday.</p>
</article><footer>Copyright 2024 The Town Crier</footer></body></html>"""

HOSTILE = f"""<html><head><title>x</title><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/s.css"><style>body {{ background: url(https://evil.example/bg.png) }}</style>
<script>fetch("https://evil.example/")</script></head><body onload="alert(1)">
<article><p onclick="alert(2)" style="background:url('https://evil.example/p.png')">{SENTENCE}</p>
<p>{SENTENCE} <a href="javascript:alert(3)">click</a> <a href="https://evil.example/">there</a></p>
<img src="https://evil.example/i.png" alt="A picture" onerror="alert(4)"><img src="data:image/png;base64,AAAA">
<iframe src="https://evil.example/frame"></iframe><object data="https://evil.example/o.swf"></object>
<svg><script>alert(5)</script><image href="https://evil.example/s.png"/></svg>
<form action="https://evil.example/post"><input type="image" src="https://evil.example/b.png"><button formaction="javascript:alert(6)">Go</button></form>
<p>{SENTENCE}</p></article></body></html>"""

_OURS = {"class", "data-why", "tabindex"}


def _report_tree(report: str) -> etree._Element:
    return lxml_html.document_fromstring(report)


def test_the_report_marks_what_the_trace_decided() -> None:
    report = explain(FUNDRAISER)
    _, trace = unboil.extract(FUNDRAISER, trace=True)
    expected = {name: 0 for name in MARKS}
    for verdict, _ in _marks(trace).values():
        expected[verdict] += 1
    tree = _report_tree(report)
    found = {name: len(tree.find_class(f"ub-{name}")) for name in MARKS}
    assert found == expected and found["kept"] >= 3 and found["dropped"] >= 1
    dropped_text = " ".join(el.text_content() for el in tree.find_class("ub-dropped"))
    assert "Donate today" in dropped_text  # the appeal box is red
    kept_text = " ".join(el.text_content() for el in tree.find_class("ub-kept"))
    assert "Donate" not in kept_text and "ferry" in kept_text
    for el in tree.find_class("ub-dropped"):
        assert el.get("data-why", "").startswith("score dropped:")


def test_the_report_is_inert() -> None:
    report = explain(HOSTILE)
    tree = _report_tree(report)
    heads = tree.find("head")
    assert [m.attrib for m in heads.iter("meta")] == [
        {"charset": "utf-8"}, {"http-equiv": "Content-Security-Policy",
                                "content": "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"}]
    assert len(list(tree.iter("style"))) == 1 and "url(" not in next(tree.iter("style")).text
    for el in tree.find("body").iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag not in ("script", "iframe", "object", "embed", "link", "meta", "base", "svg", "img", "form", "input",
                          "button", "select", "textarea"), el.tag
        assert set(el.attrib) <= _OURS, (el.tag, dict(el.attrib))
    for needle in ("evil.example", "javascript:", "data:image", "onload", "onerror", "onclick", "alert("):
        assert needle not in report, needle
    assert "[image: A picture]" in report  # images become boxes with their alt text


def test_broken_tag_names_become_plain_spans() -> None:
    page = f'<html><body><article><p>{SENTENCE}</p><bodyonload="load()">{SENTENCE}<x"y=z>{SENTENCE}</article></body></html>'
    tree = _report_tree(explain(page))
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", el.tag) for el in tree.iter() if isinstance(el.tag, str))
    assert "load()" not in explain(page)


def test_explain_on_the_command_line(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(FUNDRAISER)
    out = tmp_path / "report.html"
    proc = subprocess.run([sys.executable, "-m", "unboil", "explain", str(page), "-o", str(out)], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text() == explain(FUNDRAISER)
    missing = subprocess.run([sys.executable, "-m", "unboil", "explain", str(tmp_path / "nope.html")], capture_output=True)
    assert missing.returncode == 2 and b"no such file" in missing.stderr


def _clean(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "unboil", "clean", *args, "-q"], capture_output=True)


def test_clean_writes_a_report_beside_each_output(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "fund.html").write_text(FUNDRAISER)
    (tmp_path / "in" / "sub" / "hostile.html").write_text(HOSTILE)
    out = tmp_path / "out"
    plain = _clean(str(tmp_path / "in"), "-o", str(out), "--format", "md")
    assert plain.returncode == 0, plain.stderr
    assert not list(out.rglob("*.explain.html"))  # off by default
    done = _clean(str(tmp_path / "in"), "-o", str(out), "--format", "md", "--explain")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    assert {(r["path"], r["output"], r["explain"]) for r in rows} == {
        ("fund.html", "fund.md", "fund.md.explain.html"),
        ("sub/hostile.html", "sub/hostile.md", "sub/hostile.md.explain.html"),
    }
    assert (out / "fund.md.explain.html").read_text() == explain(FUNDRAISER)  # the same report as `unboil explain`
    hostile = (out / "sub" / "hostile.md.explain.html").read_text()
    assert "evil.example" not in hostile and "javascript:" not in hostile
    again = _clean(str(tmp_path / "in"), "-o", str(out), "--format", "md", "--explain")
    assert again.returncode == 0 and len((out / "report.jsonl").read_text().splitlines()) == 2
    (out / "fund.md.explain.html").unlink()  # a lost report: that page is done again, the other resumed
    third = subprocess.run([sys.executable, "-m", "unboil", "clean", str(tmp_path / "in"), "-o", str(out), "--format", "md",
                            "--explain"], capture_output=True)
    assert third.returncode == 0 and b"1 resumed" in third.stderr, third.stderr
    assert (out / "fund.md.explain.html").is_file()


def test_clean_explain_needs_a_mirrored_format(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_text(FUNDRAISER)
    proc = _clean(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "jsonl", "--explain")
    assert proc.returncode == 2 and b"jsonl" in proc.stderr and b"Traceback" not in proc.stderr


# -- in a real browser ---------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium (the test extra) drives the browser")
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("no Chromium and ChromeDriver here (Debian: apt-get install chromium chromium-driver)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    yield driver
    driver.quit()


_COUNT_OUTLINES = """
const want = arguments[0], out = {};
for (const [name, colour] of Object.entries(want)) {
  const probe = document.createElement('span'); probe.style.color = colour; document.body.appendChild(probe);
  const rgb = getComputedStyle(probe).color; probe.remove();
  out[name] = [...document.querySelectorAll('main *')].filter(el => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return s.outlineStyle === 'solid' && s.outlineColor === rgb && r.width > 0 && r.height > 0;
  }).length;
}
return out;
"""


def _requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_the_report_opens_in_chromium_with_its_outlines_and_no_request(browser, tmp_path: Path) -> None:
    report = tmp_path / "fundraiser.html"
    report.write_text(explain(FUNDRAISER))
    _, trace = unboil.extract(FUNDRAISER, trace=True)
    expected = {name: 0 for name in MARKS}
    for verdict, _ in _marks(trace).values():
        expected[verdict] += 1
    browser.get_log("performance")  # drop what came before
    browser.get(report.as_uri())
    shown = browser.execute_script(_COUNT_OUTLINES, MARKS)
    assert shown == expected
    donation = browser.execute_script(
        "return [...document.querySelectorAll('.ub-dropped')].some(el => el.textContent.includes('Donate today'))")
    assert donation
    browser.save_screenshot(str(tmp_path / "fundraiser.png"))
    assert (tmp_path / "fundraiser.png").stat().st_size > 1000
    assert [u for u in _requests(browser) if u != report.as_uri()] == []
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_hostile_report_makes_no_request_in_chromium(browser, tmp_path: Path) -> None:
    report = tmp_path / "hostile.html"
    report.write_text(explain(HOSTILE))
    browser.get_log("performance")
    browser.get(report.as_uri())
    assert [u for u in _requests(browser) if u != report.as_uri()] == []


CORPUS = Path(os.environ.get("UNBOIL_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"))


@pytest.mark.corpus
def test_fifty_dev_pages_open_without_console_errors(browser, tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"no dev corpus at {CORPUS}")
    from unboil.bench.corpus import pages

    sample = [p for ds in ("wcxb-dev", "scrapinghub-aeb", "mozilla-readability", "trafilatura-eval", "dragnet-train")
              for p in pages(CORPUS, ds, limit=10)]
    assert len(sample) == 50
    for i, page in enumerate(sample):
        report = tmp_path / f"r{i}.html"
        report.write_text(explain(page.html(), page.gold.get("url")))
        browser.get_log("performance")
        browser.get(report.as_uri())
        assert browser.execute_script("return document.querySelector('.ub-panel') !== null"), page
        assert [u for u in _requests(browser) if u != report.as_uri()] == [], page
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == [], page
