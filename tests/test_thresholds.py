"""The body stages' tuned numbers: one frozen object, each number named and explained, read from Options."""

from __future__ import annotations

import ast
import inspect
from dataclasses import FrozenInstanceError, fields, replace

import pytest

import unboil
from unboil import thresholds as module
from unboil.thresholds import DEFAULT_THRESHOLDS, ContainerThresholds, FallbackThresholds, JudgeThresholds, Thresholds

LINKS_PAGE = b"""<html><body><article><h1>Ferry timetable changes</h1>
<p>The island ferry runs on its winter timetable from Monday, with two sailings fewer on weekdays and none after six
in the evening, so that the crew can take the older boat to the yard for its repairs.</p>
<p>Read more in <a href="/a">the harbour notice</a> and <a href="/b">the council minutes</a> of the last meeting.</p>
<p>Passengers with bicycles should book ahead, as the smaller boat carries only eight of them on each crossing,
and cars must be at the slipway twenty minutes before the sailing.</p>
</article></body></html>"""


def _documented_fields(cls: type) -> dict[str, bool]:
    """Each field of a thresholds class, and whether a docstring follows it in the source."""
    body = ast.parse(inspect.getsource(cls)).body[0].body  # type: ignore[attr-defined]
    out = {}
    for node, after in zip(body, body[1:] + [None]):
        if isinstance(node, ast.AnnAssign):
            doc = isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)
            out[node.target.id] = doc and len(after.value.value.split()) >= 4  # type: ignore[union-attr,attr-defined]
    return out


@pytest.mark.parametrize("group", [f.type for f in fields(Thresholds)])
def test_every_threshold_has_a_sentence(group: str) -> None:
    cls = getattr(module, group)
    documented = _documented_fields(cls)
    assert set(documented) == {f.name for f in fields(cls)}
    assert [name for name, ok in documented.items() if not ok] == []


def test_thresholds_reach_the_stages_through_options() -> None:
    assert unboil.Options().thresholds is DEFAULT_THRESHOLDS
    plain = unboil.extract(LINKS_PAGE)
    assert "harbour notice" in plain.text  # link density 0.5: under the balanced limit
    strict = Thresholds(judge=JudgeThresholds(link_limits=(0.3, 0.3, 0.3)))
    assert "harbour notice" not in unboil.extract(LINKS_PAGE, options=unboil.Options(thresholds=strict)).text


def test_a_changed_fallback_threshold_changes_the_result() -> None:
    page = b"<html><head><meta name='description' content='A short shop slogan, forty characters.'></head><body></body></html>"
    assert unboil.extract(page).is_empty
    eager = replace(DEFAULT_THRESHOLDS, fallback=FallbackThresholds(description_chars=10))
    assert unboil.extract(page, options=unboil.Options(thresholds=eager)).text == "A short shop slogan, forty characters."


def test_thresholds_are_frozen_and_picklable() -> None:
    import pickle

    with pytest.raises(FrozenInstanceError):
        DEFAULT_THRESHOLDS.container.teaser_weight = 1.0  # type: ignore[misc]
    changed = replace(DEFAULT_THRESHOLDS, container=ContainerThresholds(teaser_weight=0.5))
    assert pickle.loads(pickle.dumps(unboil.Options(thresholds=changed))).thresholds == changed
