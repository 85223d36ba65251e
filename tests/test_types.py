"""The package's type hints hold: mypy over src/unboil (the package ships py.typed, so callers rely on them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "unboil"


@pytest.mark.slow
def test_mypy_finds_no_error() -> None:
    pytest.importorskip("mypy", reason="mypy is in the test extra: pip install -e '.[test]'")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", str(SRC), "--ignore-missing-imports", "--no-error-summary", "--cache-dir", "/dev/null"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
