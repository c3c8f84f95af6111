"""What a query selects under the current field, so selectors prefetch only what is asked."""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode

# Connection plumbing is skipped in paths: "productVariants.edges.node.sku" → "productVariants.sku".
_PLUMBING = frozenset({"edges", "node"})


def selected_paths(info: Any) -> set[str]:
    """Dotted paths of every field selected below the resolving field, fragments included;
    list items' own paths start after ``edges.node`` of a connection."""
    paths: set[str] = set()

    def walk(selection_set: Any, prefix: str, fragments_seen: frozenset[str]) -> None:
        for selection in getattr(selection_set, "selections", None) or ():
            if isinstance(selection, FieldNode):
                name = selection.name.value
                path = prefix if name in _PLUMBING else (f"{prefix}.{name}" if prefix else name)
                if name not in _PLUMBING:
                    paths.add(path)
                walk(selection.selection_set, path, fragments_seen)
            elif isinstance(selection, InlineFragmentNode):
                walk(selection.selection_set, prefix, fragments_seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = info.fragments.get(name)
                if fragment is not None and name not in fragments_seen:
                    walk(fragment.selection_set, prefix, fragments_seen | {name})

    for node in info.field_nodes:
        walk(node.selection_set, "", frozenset())
    return paths


def selects(paths: set[str] | None, *candidates: str) -> bool:
    """True when any candidate path (or anything below it) is selected; ``None`` means
    "unknown selection": assume everything."""
    if paths is None:
        return True
    return any(p == c or p.startswith(c + ".") for c in candidates for p in paths)
