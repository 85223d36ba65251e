"""Site templates: site keys, learning a site's repeated lines, using them as evidence, and `unboil clean`'s two passes.

Every site here is hand-written: a few pages that share their chrome and differ in their article.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import unboil
from batch_support import read_report, report_keys, tree_bytes
from site_support import STORIES, blog_page, shop_page
from unboil.templates.keys import as_key, line_key
from unboil.templates.learn import MIN_SITE_PAGES
from unboil.templates.model import SiteTemplate, selector_xpath, template_file_name
from unboil.templates.sites import declared_url, page_identity, site_of, url_host


# --- site keys ------------------------------------------------------------------------------------


def test_url_host_ignores_case_port_and_www() -> None:
    assert url_host("https://WWW.Example.com:8080/a?b=1") == "example.com"
    assert url_host("//news.example.org/x") == "news.example.org"
    assert url_host("ftp://example.com/") is None
    assert url_host("http://[oops/") is None
    assert url_host("../../etc/passwd") is None


def test_declared_url_reads_the_canonical_link_then_og_url_without_parsing() -> None:
    page = b"<html><head><meta property='og:url' content='https://og.example.com/a'>" \
           b"<link href='https://canon.example.com/a' rel='canonical'></head><body>x</body></html>"
    assert declared_url(page) == "https://canon.example.com/a"
    assert declared_url(b"<meta property=og:url content=https://og.example.com/b>") == "https://og.example.com/b"
    assert declared_url(b"<html><body><p>no address</p></body></html>") is None


def test_site_is_the_url_host_else_a_mirrors_host_folder_else_the_declared_host_else_the_first_folder() -> None:
    page = b"<link rel=canonical href='https://www.declared.example/x'>"
    assert site_of("https://record.example/a", page, ("crawl.warc.gz",)) == "record.example"
    assert site_of(None, page, ("mirror", "a.html")) == "declared.example"
    # a mirror's folder named after the host the page was fetched from: that host, whatever the page declares
    assert site_of(None, page, ("www.Mirror.example", "docs", "a.html")) == "mirror.example"
    assert site_of(None, page, ("www.mirror.example.html",)) == "declared.example"  # a page at the root
    assert site_of(None, b"<p>no address</p>", ("mirror.example", "2024", "a.html")) == "mirror.example"
    assert site_of(None, b"<p>no address</p>", ("a.html",)) is None  # a root page with no address: no site


def test_page_identity_folds_print_amp_and_campaign_variants() -> None:
    base = page_identity("https://www.example.com/story/1", None)
    assert base == "example.com/story/1"
    assert page_identity("https://example.com/story/1/amp?utm_source=x&utm_medium=y", None) == base
    assert page_identity("https://example.com/story/1/print/", None) == base
    assert page_identity("https://example.com/story/1?id=2&utm_campaign=z", None) == "example.com/story/1?id=2"
    amp_copy = b"<link rel=canonical href='https://example.com/story/1'>"
    assert page_identity("https://amp.example.com/s1", amp_copy) == base


# --- learning -------------------------------------------------------------------------------------


SITE = "harbourblog.example"
CHROME = ("about this blog", "0% of our goal", "0 days left", "our readers keep this blog free.")


def blog(n: int) -> list[bytes]:
    """Stories 0..n-1, each with its own fund-drive figures."""
    return [blog_page(i, percent=60 + 3 * i, days=14 - i) for i in range(n)]


def test_digits_fold_so_a_counter_is_one_line() -> None:
    assert line_key("64% of our goal") == line_key("71% of our goal") == "0% of our goal"
    assert line_key("14 DAYS LEFT") == line_key("13 DAYS LEFT") == "0 days left"
    assert line_key("Joined  1,204\nreaders") == "joined 0,0 readers"
    long = "A long notice " * 30 + "updated 2024"
    assert line_key(long) == line_key(long.replace("2024", "2025")) and len(line_key(long)) < len(long)
    assert as_key(line_key(long)) == line_key(long)  # a long line's key, written in a template, stays itself


def test_a_site_learns_the_lines_its_pages_repeat_and_none_of_its_articles() -> None:
    templates = unboil.learn_templates(blog(5))
    assert list(templates) == [SITE]
    learned = templates[SITE].learned
    for line in CHROME:
        assert line in learned
    for _title, paragraphs in STORIES:
        assert not any(line_key(p) in learned for p in paragraphs)
    assert templates[SITE].pages == 5


def test_a_site_with_too_few_distinct_pages_gets_no_template() -> None:
    assert MIN_SITE_PAGES == 3
    assert unboil.learn_templates(blog(2)) == {}
    assert SITE in unboil.learn_templates(blog(3))
    # story 0 saved again, as a campaign-tagged copy and as a copy without its canonical link: still two pages
    again = [blog_page(0, 61, 12), blog_page(0, 62, 11, canonical=False)]
    assert unboil.learn_templates([(p, None) for p in blog(2) + again]) == {}


def test_an_article_saved_twice_is_not_learned() -> None:
    pages = blog(3) + [blog_page(0, 70, 9)]  # story 0 twice: its paragraphs are on 2 of 4 saves
    learned = unboil.learn_templates(pages)[SITE].learned
    assert not any(line_key(p) in learned for p in STORIES[0][1])
    assert unboil.learn_templates(pages)[SITE].pages == 3


def test_posts_that_share_most_of_their_lines_under_their_own_addresses_are_distinct_pages() -> None:
    # every post page shows a short post and the same long rail (a cloud of 80 tags): nine tenths
    # of its lines are on every page, yet each page declares its own address
    words = sorted({w.strip(".,'").lower() for _t, ps in STORIES for p in ps for w in p.split() if len(w) > 3})[:80]
    rail = "".join(f"<li><a href='/tag/{w}'>{w}</a></li>" for w in words)

    def post(i: int, address: int) -> bytes:
        title, paragraphs = STORIES[i]
        return (f"<html><head><link rel=canonical href='https://river.example/post/{address}'></head><body>"
                f"<article><h1>{title}</h1><p>{paragraphs[0]}</p></article><ul>{rail}</ul></body></html>").encode()

    template = unboil.learn_templates([post(i, i) for i in range(4)])["river.example"]
    assert template.pages == 4 and words[0] in template.learned
    # the same post saved under two addresses still folds when (nearly) every line is shared
    assert unboil.learn_templates([post(0, 0), post(0, 9), post(1, 1)]) == {}


def test_the_template_drops_the_chrome_inside_the_article_container() -> None:
    template = unboil.learn_templates(blog(5))[SITE]
    page = blog_page(1, percent=71, days=13)
    plain = unboil.extract(page).text
    assert "About this blog" in plain and "Follow Harbour Blog" in plain  # one page alone cannot tell
    article, trace = unboil.extract(page, options=unboil.Options(site_template=template), trace=True)
    for paragraph in STORIES[1][1]:
        assert paragraph in article.text
    assert "About this blog" not in article.text and "Follow Harbour Blog" not in article.text
    assert any(d.why == "site_template:text" for d in trace.decisions)


def test_a_repeated_heading_or_label_before_the_pages_own_line_is_still_judged() -> None:
    def page(i: int) -> bytes:
        title, paragraphs = STORIES[i]
        return (f"<html><head><link rel=canonical href='https://docs.example/{i}'></head><body><article><h1>{title}</h1>"
                f"<p>{paragraphs[0]}</p><h2>Background</h2><p>{paragraphs[1]}</p><p>Status:</p><p>{title} is open</p>"
                f"<p>{paragraphs[2]}</p><p>Share this page with a friend who lives by the harbour.</p></article></body></html>").encode()

    template = unboil.learn_templates([page(i) for i in range(4)])["docs.example"]
    assert {"background", "status:", "share this page with a friend who lives by the harbour."} <= set(template.learned)
    text = unboil.extract(page(4), options=unboil.Options(site_template=template)).text
    assert "Background" in text and "Status:" in text  # a section title and a field label of the page's own lines
    assert "Share this page" not in text


def _teaser_page(i: int) -> bytes:
    """Story ``i`` of a news site, and under it, in the story's box, a "Don't miss" rail of teasers
    (links to the site's other stories, worded for this page: other lines on every page) and a line of site chrome."""
    title, paragraphs = STORIES[i]
    teasers = "".join(f"<li><a href='/story/{j}'>{STORIES[j][0]}, after {title.lower()}</a></li>" for j in range(len(STORIES)) if j != i)
    return (f"<html><head><link rel=canonical href='https://news.example/story/{i}'></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + f"<h3>Don't miss</h3><ul>{teasers}</ul><p>Send your tips to the harbour news desk.</p></article></body></html>").encode()


def test_a_repeated_heading_over_the_sites_teasers_is_chrome() -> None:
    template = unboil.learn_templates([_teaser_page(i) for i in range(4)])["news.example"]
    assert "don't miss" in template.learned
    text = unboil.extract(_teaser_page(4), options=unboil.Options(site_template=template)).text
    assert "Don't miss" not in text  # the line it introduces is links, not the page's own
    assert STORIES[4][1][2] in text


def _short_post(i: int) -> bytes:
    """A short post (one paragraph) and, in the same box, the comment guidelines every post repeats."""
    title, paragraphs = STORIES[i]
    return (f"<html><head><link rel=canonical href='https://fans.example/post/{i}'></head><body><div class='post'>"
            f"<h1>{title}</h1><p>{paragraphs[0]}</p><div class='guidelines'><h4>Comments</h4>"
            "<p>Guidelines: keep your comments relevant to the topic, not abusive towards other fans, and do not share "
            "any personal details; comments that break these rules are removed from display on the site.</p>"
            "<p>Comments may be no longer than 2000 characters and will post shortly after submitting.</p></div>"
            "</div></body></html>").encode()


def test_a_template_that_leaves_a_short_post_does_not_send_extraction_looking_elsewhere() -> None:
    template = unboil.learn_templates([_short_post(i) for i in range(4)])["fans.example"]
    page = _short_post(4)
    plain = unboil.extract(page, trace=True)[1]
    article, trace = unboil.extract(page, options=unboil.Options(site_template=template), trace=True)
    assert STORIES[4][1][0] in article.text and "Guidelines" not in article.text
    # the post alone is short, but the page was found as without the template: no relaxed pass
    assert not any(d.why.startswith("relax-") for d in plain.decisions)
    assert not any(d.why.startswith("relax-") for d in trace.decisions)


def test_a_page_made_mostly_of_its_sites_lines_keeps_them() -> None:
    templates = unboil.learn_templates([shop_page(i) for i in range(4)])
    template = templates["harbourshop.example"]
    assert "international shipment of items may be subject to customs processing and additional charges." in template.learned
    page = shop_page(5)
    article, trace = unboil.extract(page, options=unboil.Options(site_template=template), trace=True)
    assert article == unboil.extract(page)  # the template would leave less than 30%: overruled
    assert any(d.why == "site-template" for d in trace.decisions)


def test_without_a_template_extraction_is_unchanged() -> None:
    page = blog_page(2)
    assert unboil.extract(page, options=unboil.Options(site_template=None)) == unboil.extract(page)
    with pytest.raises(ValueError, match="site_template"):
        unboil.Options(site_template={"site": SITE})  # type: ignore[arg-type]


# --- the template file ----------------------------------------------------------------------------


def test_a_template_round_trips_through_its_json_file_and_takes_a_persons_edits(tmp_path: Path) -> None:
    t = SiteTemplate("example.com", 4, ("about this blog", "0 days left"), lines=("Sign up: 3 issues a week",),
                     selectors=("div.promo", "#rail li"), ignored=("0 days left",))
    path = t.save(tmp_path)
    assert Path(path).name == "example.com.json"
    assert SiteTemplate.load(path) == t
    assert t.keys == {"about this blog", "sign up: 0 issues a week"}
    data = json.loads(Path(path).read_text())
    data["lines"].append("Follow us on Mastodon")
    Path(path).write_text(json.dumps(data))
    assert "follow us on mastodon" in SiteTemplate.load(path).keys
    Path(path).write_text('{"site": "example.com", "lines": "not a list"}')
    with pytest.raises(ValueError, match="example.com.json"):
        SiteTemplate.load(path)
    assert template_file_name("../../etc") != "../../etc.json" and "/" not in template_file_name("a/b")


def test_a_selector_names_a_box_whose_blocks_go_whole() -> None:
    assert selector_xpath("div.promo") == (
        "descendant-or-self::div[contains(concat(' ', normalize-space(@class), ' '), ' promo ')]")
    with pytest.raises(ValueError):
        selector_xpath("div > p")
    page = blog_page(3)
    template = SiteTemplate(SITE, selectors=("div.about",))
    text = unboil.extract(page, options=unboil.Options(site_template=template)).text
    assert "About this blog" not in text and "Harbour Blog is written by volunteers" not in text
    assert STORIES[3][1][0] in text


# --- unboil clean: two passes ---------------------------------------------------------------------

LONE = b"<html><body><article><h1>Alone</h1><p>" + b"A page with no address at the folder's root, so of no site. " * 4 + b"</p></article></body></html>"


def build_sites(root: Path, blog_pages: int = 5) -> None:
    """A mirror-like folder: a blog in its own folder (no addresses), a shop's pages at the root (with), a lone page."""
    (root / "harbour").mkdir(parents=True, exist_ok=True)
    for i in range(blog_pages):
        (root / "harbour" / f"story{i}.html").write_bytes(blog_page(i, percent=60 + i, days=14 - i, canonical=False))
    for i in range(4):
        (root / f"shop{i}.html").write_bytes(shop_page(i))
    (root / "lone.html").write_bytes(LONE)


def test_clean_learns_each_sites_template_and_extracts_with_it(tmp_path: Path) -> None:
    build_sites(tmp_path / "in")
    out = tmp_path / "out"
    report = unboil.clean_folder(tmp_path / "in", out, workers=2)
    assert report.ok == 10 and report.exit_code == 0
    rows = report_keys(read_report(out))
    assert {k: r["site"] for k, r in rows.items()} == {
        **{f"harbour/story{i}.html": "harbour" for i in range(5)},
        **{f"shop{i}.html": "harbourshop.example" for i in range(4)}, "lone.html": None}
    blog_template = SiteTemplate.load(out / "templates" / "harbour.json")
    assert {"about this blog", "0% of our goal", "0 days left"} <= set(blog_template.learned)
    assert rows["harbour/story1.html"]["template"] == blog_template.digest and rows["lone.html"]["template"] is None
    story = json.loads((out / "harbour" / "story1.json").read_text())
    assert STORIES[1][1][2] in story["text"] and "About this blog" not in story["text"]
    assert sorted(p.name for p in (out / "templates").iterdir()) == [".learned", "harbour.json", "harbourshop.example.json"]


def test_a_person_edits_a_template_and_the_next_run_uses_it_and_keeps_it(tmp_path: Path) -> None:
    build_sites(tmp_path / "in")
    out = tmp_path / "out"
    unboil.clean_folder(tmp_path / "in", out, workers=1)
    again = unboil.clean_folder(tmp_path / "in", out, workers=1)
    assert again.resumed == again.pages == 10  # nothing changed: all carried forward
    path = out / "templates" / "harbour.json"
    data = json.loads(path.read_text())
    about = [line for line in data["learned"] if line.startswith(("about this blog", "harbour blog is written"))]
    data["not"] += about  # the About box is this blog's content after all
    data["lines"].append(STORIES[2][1][1])  # a person's own line (here: a story's second paragraph)
    path.write_text(json.dumps(data, indent=2))
    edited = unboil.clean_folder(tmp_path / "in", out, workers=1)
    assert edited.resumed == 5  # the blog's pages are done again, with the edited template
    story = json.loads((out / "harbour" / "story2.json").read_text())["text"]
    assert STORIES[2][1][1] not in story and "About this blog" in story and STORIES[2][1][0] in story
    assert json.loads(path.read_text())["lines"] == [STORIES[2][1][1]]  # not learned over

    # A new page of the blog: the site is learned again, the person's lists kept.
    (tmp_path / "in" / "harbour" / "story9.html").write_bytes(blog_page(9, 50, 3, canonical=False))
    grown = unboil.clean_folder(tmp_path / "in", out, workers=1)
    relearned = json.loads(path.read_text())
    assert relearned["pages"] == 5 + 1 - 1  # story 9 is story 4's text again (5 stories): a save of one page
    assert relearned["lines"] == [STORIES[2][1][1]] and relearned["not"] == about
    assert grown.pages == 11


def test_templates_from_another_run_and_no_templates(tmp_path: Path) -> None:
    build_sites(tmp_path / "in")
    unboil.clean_folder(tmp_path / "in", tmp_path / "first", workers=1)
    (tmp_path / "more" / "harbour").mkdir(parents=True)
    (tmp_path / "more" / "harbour" / "story3.html").write_bytes(blog_page(3, 10, 2, canonical=False))
    reused = unboil.clean_folder(tmp_path / "more", tmp_path / "reuse", workers=1, templates=tmp_path / "first" / "templates")
    assert reused.ok == 1 and not (tmp_path / "reuse" / "templates").exists()
    text = json.loads((tmp_path / "reuse" / "harbour" / "story3.json").read_text())["text"]
    assert "About this blog" not in text and STORIES[3][1][1] in text

    plain = unboil.clean_folder(tmp_path / "in", tmp_path / "plain", workers=1, templates=False)
    assert plain.ok == 10
    assert not (tmp_path / "plain" / "templates").exists() and not (tmp_path / "plain" / ".unboil-lines.jsonl").exists()
    rows = report_keys(read_report(tmp_path / "plain"))
    assert rows["harbour/story0.html"]["site"] == "harbour" and rows["harbour/story0.html"]["template"] is None
    assert "About this blog" in json.loads((tmp_path / "plain" / "harbour" / "story1.json").read_text())["text"]
    # the same pages extracted one by one give the same articles
    direct = unboil.extract((tmp_path / "in" / "harbour" / "story1.html").read_bytes())
    assert json.loads((tmp_path / "plain" / "harbour" / "story1.json").read_text())["text"] == direct.text

    with pytest.raises(unboil.InputError, match="templates folder"):
        unboil.clean_folder(tmp_path / "in", tmp_path / "x", templates=tmp_path / "nowhere")
    (tmp_path / "first" / "templates" / "harbour.json").write_text("{ broken")
    with pytest.raises(unboil.InputError, match="harbour.json"):
        unboil.clean_folder(tmp_path / "in", tmp_path / "y", templates=tmp_path / "first" / "templates")


def test_a_run_killed_in_the_first_pass_is_completed_without_loss(tmp_path: Path) -> None:
    """Simulates a kill -9 while the sites were being read: a torn prefix of the first pass's journal, no report yet."""
    build_sites(tmp_path / "in")
    out = tmp_path / "out"
    unboil.clean_folder(tmp_path / "in", out, workers=2)
    expected, report = tree_bytes(out), (out / "report.jsonl").read_bytes()
    lines = (out / ".unboil-lines.jsonl").read_bytes().splitlines(keepends=True)
    for p in list(out.iterdir()):
        if p.is_dir():
            subprocess.run(["rm", "-rf", str(p)], check=True)
        elif p.name != ".unboil.lock":
            p.unlink()
    (out / ".unboil-lines.jsonl.part").write_bytes(b"".join(lines[:4]) + lines[4][:30])
    (out / "report.jsonl.part").write_bytes(b"")
    resumed = unboil.clean_folder(tmp_path / "in", out, workers=2)
    assert resumed.pages == 10 and resumed.resumed == 0
    assert tree_bytes(out) == expected
    assert _without_ms(out / "report.jsonl") == _without_ms_bytes(report)


def _without_ms_bytes(data: bytes) -> list[dict]:
    return [{k: v for k, v in json.loads(line).items() if k != "ms"} for line in data.splitlines()]


def _without_ms(path: Path) -> list[dict]:
    return _without_ms_bytes(path.read_bytes())


def test_kill_9_during_the_first_pass_then_resume_gives_the_uninterrupted_result(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for i in range(240):
        d = src / f"site{i % 3}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"p{i:03d}.html").write_bytes(blog_page(i, 60 + i % 30, 1 + i % 13, canonical=False))
    cmd = [sys.executable, "-m", "unboil", "clean", str(src), "--workers", "1", "--quiet", "-o"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(Path(unboil.__file__).parent.parent),
                                                                     os.environ.get("PYTHONPATH")])))
    assert subprocess.run(cmd + [str(tmp_path / "full")], env=env, timeout=300).returncode == 0
    out = tmp_path / "out"
    proc = subprocess.Popen(cmd + [str(out)], env=env, start_new_session=True)
    part = out / ".unboil-lines.jsonl.part"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (part.exists() and part.stat().st_size > 20_000):
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / ".unboil-lines.jsonl").exists(), "killed in the first pass"
    assert subprocess.run(cmd + [str(out)], env=env, timeout=300).returncode == 0
    assert tree_bytes(out) == tree_bytes(tmp_path / "full")
    assert _without_ms(out / "report.jsonl") == _without_ms(tmp_path / "full" / "report.jsonl")


def test_the_dask_engine_learns_and_extracts_as_the_local_one(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    build_sites(tmp_path / "in")
    local = unboil.clean_folder(tmp_path / "in", tmp_path / "local", workers=2)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        dask = unboil.clean_folder(tmp_path / "in", tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
        assert (dask.ok, dask.pages) == (local.ok, local.pages) == (10, 10)
        assert tree_bytes(tmp_path / "dask") == tree_bytes(tmp_path / "local")  # templates and lines included
        assert _without_ms(tmp_path / "dask" / "report.jsonl") == _without_ms(tmp_path / "local" / "report.jsonl")
        again = unboil.clean_folder(tmp_path / "in", tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
        assert again.resumed == 10


def test_the_command_line_learns_reuses_or_skips_templates(tmp_path: Path) -> None:
    build_sites(tmp_path / "in")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(Path(unboil.__file__).parent.parent),
                                                                     os.environ.get("PYTHONPATH")])))

    def clean(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "unboil", "clean", str(tmp_path / "in"), "--workers", "1", *args],
                              capture_output=True, env=env, timeout=120)

    assert clean("-o", str(tmp_path / "a")).returncode == 0
    assert (tmp_path / "a" / "templates" / "harbour.json").is_file()
    assert clean("-o", str(tmp_path / "b"), "--templates", str(tmp_path / "a" / "templates")).returncode == 0
    assert not (tmp_path / "b" / "templates").exists()
    assert tree_bytes(tmp_path / "b") == {k: v for k, v in tree_bytes(tmp_path / "a").items() if not k.startswith("templates/")}
    assert clean("-o", str(tmp_path / "c"), "--no-templates").returncode == 0
    assert not (tmp_path / "c" / "templates").exists()
    both = clean("-o", str(tmp_path / "d"), "--no-templates", "--templates", str(tmp_path))
    assert both.returncode == 2 and b"not allowed with" in both.stderr
    missing = clean("-o", str(tmp_path / "e"), "--templates", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and b"no such templates folder" in missing.stderr


def test_an_input_folder_named_templates_does_not_disturb_the_templates(tmp_path: Path) -> None:
    build_sites(tmp_path / "in")
    (tmp_path / "in" / "templates").mkdir()
    (tmp_path / "in" / "templates" / "harbour.html").write_bytes(blog_page(2, canonical=False))
    first = unboil.clean_folder(tmp_path / "in", tmp_path / "out", workers=1)
    again = unboil.clean_folder(tmp_path / "in", tmp_path / "out", workers=1)
    assert first.ok == again.ok == again.resumed == 11
    assert SiteTemplate.load(tmp_path / "out" / "templates.unboil" / "harbour.json").learned
    assert "blocks" in json.loads((tmp_path / "out" / "templates" / "harbour.json").read_text())  # the page's output
