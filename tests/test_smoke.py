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


def test_the_built_wheel_ships_the_data_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What a user installs carries the vocabulary, py.typed and the bench's data (split, appeals)."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    import pytest

    import shutil

    root = Path(__file__).resolve().parent.parent
    # A clean copy: an editable install's egg-info in src/ would list the files for setuptools.
    clean = tmp_path / "project"
    shutil.copytree(root / "src", clean / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(root / name, clean / name)
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(clean)],
        capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {proc.stderr.strip()[-300:]}")
    (wheel,) = tmp_path.glob("unboil-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ("unboil/vocabulary.toml", "unboil/py.typed", "unboil/bench/split.tsv", "unboil/bench/appeals.json"):
        assert data in names, data


def test_every_install_hint_names_a_declared_requirement() -> None:
    """A hint must work as printed: it names a package the project itself declares, never
    ``unboil[extra]``, which no index serves (the README's install lines say how to get those)."""
    import re
    from pathlib import Path

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    declared = {re.split(r"[<>=;! ]", r)[0] for group in project["optional-dependencies"].values() for r in group}
    declared |= {re.split(r"[<>=;! ]", r)[0] for r in project["dependencies"]}
    hints = [m for f in (root / "src" / "unboil").rglob("*.py") for m in re.findall(r"pip install ([^\s\"`)]+)", f.read_text())]
    assert hints, "the WARC and Dask messages say what to install"
    for hint in hints:
        assert hint.strip("'") in declared, hint
