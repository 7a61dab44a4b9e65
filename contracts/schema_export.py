"""JSON Schema of every topic's message, and a backward-compatibility check between two.

`python -m contracts.schema_export` rewrites `contracts/schemas/<topic>.json`.
A change is backward compatible when every message valid under the old schema is still
read by consumers built on the new one: no field removed or retyped, no new required field,
no enum value removed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from contracts.topics import ALL_TOPICS, Topic

SCHEMA_DIR = Path(__file__).parent / "schemas"


def schema_of(topic: Topic) -> dict[str, Any]:
    schema = topic.value.model_json_schema(mode="serialization")
    schema["x-topic"] = {
        "name": topic.name,
        "key": topic.key,
        "partitions": topic.partitions,
        "cleanup.policy": topic.cleanup_policy,
        "retention.ms": topic.retention_ms,
    }
    return schema


def schema_path(topic: Topic) -> Path:
    return SCHEMA_DIR / f"{topic.name}.json"


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref:
        name = ref.split("/")[-1]
        return dict(root.get("$defs", {}).get(name, {}))
    return node


def _types(node: dict[str, Any], root: dict[str, Any]) -> set[str]:
    node = _resolve(node, root)
    if "anyOf" in node:
        out: set[str] = set()
        for sub in node["anyOf"]:
            out |= _types(sub, root)
        return out
    if "type" in node:
        t = node["type"]
        return set(t) if isinstance(t, list) else {t}
    if "enum" in node or "const" in node:
        return {"enum"}
    return {"any"}


def compatibility_problems(
    old: dict[str, Any], new: dict[str, Any], path: str = "$"
) -> list[str]:
    """Ways in which `new` breaks readers or writers of `old` (empty: compatible)."""
    return _compare(old, new, old, new, path)


def _compare(
    old: dict[str, Any],
    new: dict[str, Any],
    old_root: dict[str, Any],
    new_root: dict[str, Any],
    path: str,
) -> list[str]:
    problems: list[str] = []
    old = _resolve(old, old_root)
    new = _resolve(new, new_root)
    old_types, new_types = _types(old, old_root), _types(new, new_root)
    if "any" not in new_types and not old_types <= new_types:
        problems.append(f"{path}: type changed from {sorted(old_types)} to {sorted(new_types)}")
        return problems
    if "enum" in old and "enum" in new:
        removed = set(old["enum"]) - set(new["enum"])
        if removed:
            problems.append(f"{path}: enum values removed: {sorted(map(str, removed))}")
    old_props = old.get("properties", {})
    new_props = new.get("properties", {})
    for name, old_sub in old_props.items():
        if name not in new_props:
            problems.append(f"{path}.{name}: field removed")
            continue
        problems += _compare(old_sub, new_props[name], old_root, new_root, f"{path}.{name}")
    added_required = set(new.get("required", [])) - set(old.get("required", []))
    for name in sorted(added_required):
        if name in old_props:
            problems.append(f"{path}.{name}: optional field became required")
        else:
            problems.append(f"{path}.{name}: new required field")
    for key in ("anyOf",):
        if key in old and key in new:
            for i, (o, n) in enumerate(zip(old[key], new[key], strict=False)):
                problems += _compare(o, n, old_root, new_root, f"{path}|{i}")
    if "items" in old and "items" in new:
        problems += _compare(old["items"], new["items"], old_root, new_root, f"{path}[]")
    return problems


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for topic in ALL_TOPICS:
        schema_path(topic).write_text(render(schema_of(topic)), encoding="utf-8")
        print(f"wrote {schema_path(topic)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
