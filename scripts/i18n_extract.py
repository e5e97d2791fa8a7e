"""Collect ``tr("context", "source")`` calls from non-UI code into a Qt Linguist file.

Usage: ``python scripts/i18n_extract.py resources/translations/core_en.ts src/danvan_desktop/core
src/danvan_desktop/store ...``. Existing translations are kept; new sources are
added as unfinished, so a translator (or Qt Linguist) fills them in. The GUI's
``self.tr`` strings are collected by ``pyside6-lupdate`` instead.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def tr_calls(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every ``tr`` call with literal arguments in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "tr"
            and len(node.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
        ):
            ctx, src = node.args[0], node.args[1]
            assert isinstance(ctx, ast.Constant) and isinstance(src, ast.Constant)
            found.append((str(ctx.value), str(src.value)))
    return found


def collect(paths: list[Path]) -> list[tuple[str, str]]:
    """Every distinct (context, source) under the given files and folders, in order."""
    seen: dict[tuple[str, str], None] = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for file in files:
            for item in tr_calls(file):
                seen.setdefault(item, None)
    return list(seen)


def data_strings() -> list[tuple[str, str]]:
    """Labels kept as data (entity and field labels, vocabularies), translated at use."""
    from danvan_desktop.core import schema, vocab

    items: dict[tuple[str, str], None] = {}
    for spec in schema.ENTITIES.values():
        items.setdefault(("entities", spec.label), None)
        for field in spec.fields:
            items.setdefault(("fields", field.label), None)
    for name in dir(vocab):
        value = getattr(vocab, name)
        if name.isupper() and isinstance(value, dict) and name != "FIELD_CHOICES":
            for text in value.values():
                items.setdefault(("vocab", text), None)
    for _code, text in vocab.DEFAULT_MODEL_FIELDS:
        items.setdefault(("vocab", text), None)
    return list(items)


def translated_elsewhere(target: Path) -> set[tuple[str, str]]:
    """Strings already translated in the other catalogues of the same language."""
    suffix = target.name.rsplit("_", 1)[-1]
    found: set[tuple[str, str]] = set()
    for other in target.parent.glob(f"*_{suffix}"):
        if other.resolve() == target.resolve():
            continue
        root = ET.parse(other).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                trans = msg.find("translation")
                if trans is not None and trans.text and trans.get("type") != "unfinished":
                    found.add((name, msg.findtext("source") or ""))
    return found


def write_ts(target: Path, items: list[tuple[str, str]], language: str) -> int:
    """Merge ``items`` into ``target``; returns how many are still untranslated."""
    known: dict[tuple[str, str], str] = {}
    if target.exists():
        root = ET.parse(target).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                trans = msg.find("translation")
                if trans is not None and trans.text and trans.get("type") != "unfinished":
                    known[(name, msg.findtext("source") or "")] = trans.text
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="vi_VN")
    contexts: dict[str, ET.Element] = {}
    missing = 0
    for ctx_name, source in items:
        if ctx_name not in contexts:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = ctx_name
            contexts[ctx_name] = ctx
        msg = ET.SubElement(contexts[ctx_name], "message")
        ET.SubElement(msg, "source").text = source
        trans = ET.SubElement(msg, "translation")
        if (ctx_name, source) in known:
            trans.text = known[(ctx_name, source)]
        else:
            trans.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    return missing


def main() -> None:
    """Command-line entry."""
    target, *sources = [a for a in sys.argv[1:] if a != "--with-data"]
    items = collect([Path(s) for s in sources])
    if "--with-data" in sys.argv:
        items += [i for i in data_strings() if i not in items]
    elsewhere = translated_elsewhere(Path(target))
    items = [i for i in items if i not in elsewhere]
    missing = write_ts(Path(target), items, "en_GB")
    print(f"{target}: {missing} untranslated")


if __name__ == "__main__":
    main()
