"""The record shapes mypy checks the views and the export against (dataset/shapes.py) are the
models' (dataset/models.py), key for key and type for type, and what the validated data holds;
and they cost a command nothing: no command imports them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest
from pydantic import BaseModel

from uwe_cli.dataset import models, shapes, store

# The keys the data has beyond its model's fields: what store.py adds with a folder's translations.
ADDED = {shapes.DatasetData: {"translation_notes", "translation_notes_more"}}


def shape_of(model: type[BaseModel]) -> Any:
    return shapes.DatasetData if model is models.DatasetModel else getattr(shapes, f"{model.__name__}Data")


def _models(model: type[BaseModel], found: dict[type[BaseModel], None]) -> dict[type[BaseModel], None]:
    """`model` and every model its fields hold, however deep."""
    if model not in found:
        found[model] = None
        for annotation in _annotations(model).values():
            for inner in _inner(annotation):
                _models(inner, found)
    return found


def _inner(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _inner(arg)]


def _annotations(model: type[BaseModel]) -> dict[str, Any]:
    """The fields a model writes into its data: its fields (less the excluded) and computed fields."""
    fields = {name: f.annotation for name, f in model.model_fields.items() if not f.exclude}
    return {**fields, **{name: f.return_type for name, f in model.model_computed_fields.items()}}


MODELS = list(_models(models.DatasetModel, {}))


def model_type(annotation: Any) -> Any:
    """A model's annotation as its JSON data has it, in the terms of shapes.py."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return model_type(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return shape_of(annotation)
    if origin in (Union, types.UnionType):  # (flat: `Number | None` is int | float | None)
        inner = [model_type(a) for a in args]
        return frozenset(t for i in inner for t in (i if isinstance(i, frozenset) else (i,)))
    if origin is tuple:
        assert args[1:] == (Ellipsis,), annotation
        return ("list", model_type(args[0]))
    if origin is Literal:
        return ("literal", frozenset(args))
    return str if annotation is date else annotation


def shape_type(annotation: Any) -> Any:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        return frozenset(shape_type(a) for a in args)
    if origin is list:
        return ("list", shape_type(args[0]))
    if origin is Literal:
        return ("literal", frozenset(args))
    return annotation


def agree(in_model: Any, in_shape: Any) -> bool:
    """Whether the shape says what the model says; a status the model checks against the
    command line's words (vocabulary.py, a Literal made at run time) is a `str` in the shape."""
    if isinstance(in_model, frozenset) and isinstance(in_shape, frozenset):
        return len(in_model) == len(in_shape) and all(any(agree(m, s) for s in in_shape) for m in in_model)
    if isinstance(in_model, tuple) and isinstance(in_shape, tuple) and in_model[0] == in_shape[0] == "list":
        return agree(in_model[1], in_shape[1])
    if isinstance(in_model, tuple) and in_model[0] == "literal" and in_shape is str:
        return all(isinstance(v, str) for v in in_model[1])
    return bool(in_model == in_shape)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_each_shape_has_its_models_keys_and_types(model: type[BaseModel]) -> None:
    shape = shape_of(model)
    hints = get_type_hints(shape)
    fields = _annotations(model)
    assert set(hints) - ADDED.get(shape, set()) == set(fields)
    for name, annotation in fields.items():
        expected, declared = model_type(annotation), shape_type(hints[name])
        if name == "slide" and isinstance(expected, frozenset) and type(None) in expected:
            # A fact's slide: left None in a file, the validated data names it or leaves it
            # out (facts.resolve), never None.
            assert name in shape.__optional_keys__ and declared is str, (model, name)
            assert expected == {str, type(None)}, (model, name)  # (SlideId | None)
            continue
        assert name in shape.__required_keys__, (model, name)  # (every field is in the data)
        assert agree(expected, declared), (model, name, expected, declared)


def test_every_shape_is_a_models() -> None:
    mirrored = {shape_of(m) for m in MODELS}
    typed_dicts = {v for v in vars(shapes).values() if is_typeddict(v) and v.__module__ == shapes.__name__}
    not_data = {shapes.Placed, shapes.OutdatedNote, shapes._Translated}  # (parts the tool adds)
    assert typed_dicts - not_data == mirrored


def conforms(value: Any, annotation: Any, where: str) -> list[str]:
    """Where `value` (validated JSON data) is not what `annotation` (of shapes.py) says."""
    origin, args = get_origin(annotation), get_args(annotation)
    if is_typeddict(annotation):
        if type(value) is not dict:
            return [f"{where}: not a mapping"]
        hints = get_type_hints(annotation)
        extra = set(value) - set(hints)
        if annotation in (shapes.TextData, shapes.WordsData):  # (a folder's translations: more languages)
            extra = {k for k in extra if not (len(k) == 2 and type(value[k]) is str)}
        problems = [f"{where}: {sorted(annotation.__required_keys__ - set(value))} missing"] if (
            annotation.__required_keys__ - set(value)) else []  # fmt: skip
        problems += [f"{where}: {sorted(extra)} not in {annotation.__name__}"] if extra else []
        return problems + [p for k in hints if k in value for p in conforms(value[k], hints[k], f"{where}.{k}")]
    if origin in (Union, types.UnionType):
        each = [conforms(value, a, where) for a in args]
        return [] if any(not p for p in each) else min(each, key=len)
    if origin is list:
        if type(value) is not list:
            return [f"{where}: not a list"]
        return [p for i, v in enumerate(value) for p in conforms(v, args[0], f"{where}.{i}")]
    if origin is Literal:
        return [] if value in args else [f"{where}: {value!r} not one of {args}"]
    if annotation is float:
        return [] if type(value) in (int, float) else [f"{where}: {value!r} is no number"]
    expected = type(None) if annotation is None else annotation
    return [] if type(value) is expected else [f"{where}: {value!r} is not {expected.__name__}"]


def test_the_shipped_data_has_the_shapes() -> None:
    data = store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()
    assert data["regions"] and data["clusters"] and data["glossary"]  # (a shape checked against nothing proves nothing)
    assert conforms(data, shapes.DatasetData, "data") == []


def test_a_shape_misread_is_found() -> None:
    # The check above can fail: a figure without its unit, a slide's page as text, a key of no model.
    data = store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()
    region = json.loads(json.dumps(data["regions"][0]))
    del region["population"]["unit"]
    region["capital"] = {"fr": "Bruxelles", "en": "Brussels", "slide": "belgium", "capitale": "x"}
    slide = {**data["presentation"]["slides"][0], "page": "20"}
    assert conforms(region, shapes.RegionData, "r") == [
        "r.capital: ['capitale'] not in TextData",
        "r.population: ['unit'] missing",
    ]
    assert conforms(slide, shapes.SlideData, "s") == ["s.page: '20' is not int"]


PROBE = """
import contextlib, io, json, sys
from uwe_cli.cli import commands as cli
for args in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(args) == 0, args
print(json.dumps(sorted(sys.modules)))
"""


def test_no_command_imports_the_shapes(tmp_path: Path) -> None:
    commands = [["regions"], ["clusters", "--sector", "energy", "-f", "json"], ["cite", "wallonia"], ["notes"],
                ["search", "energie"], ["data", "export", str(tmp_path / "uwe.db")], ["about", "--lang", "bg"]]  # fmt: skip
    env = {**os.environ, "UWE_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", PROBE, json.dumps(commands)], capture_output=True, text=True,
                         env=env, check=True)  # fmt: skip
    modules = set(json.loads(run.stdout))
    assert "uwe_cli.views.regions" in modules and "uwe_cli.export.rows" in modules  # (they ran)
    assert "uwe_cli.dataset.shapes" not in modules
