"""Query limits checked before execution: cost, depth, aliases, mutations per operation.

The measures are plain functions of a parsed document (``query_cost``, ``query_depth``,
``alias_count``, ``mutation_count``); the validation rules wrap them for ``graphql.validate``.
They run before graphql-core's own rules, so they must survive invalid documents: unknown
fragments count as empty and fragment cycles are cut. Fragments are measured once and memoised,
so a document that spreads the same fragment many times cannot make the measuring itself slow.

Cost: the number of fields the execution resolves, at most. Every selected field costs 1, scalar
or object (a scalar is resolved and serialised per item like any other field: Saleor's map, which
made scalars free, let a 20 × ``products(first: 100)`` query with wide nodes cost what a narrow one
does); only the connection plumbing (``edges``, ``node``, ``pageInfo``) is free, its selection
counts. A field with a ``first`` or ``last`` argument multiplies its own cost and its selection's
by that value, so nested lists multiply (a missing or invalid value counts as 1, the resolver
reports its own error). Introspection (``__schema``, ``__type``, ``__typename``) is free and does
not count towards the depth. The same measure counts the fields an execution actually resolves
(:mod:`shop.graphql.budget`), so the two figures compare.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from graphql import GraphQLError
from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
)
from graphql.validation import ValidationRule

MULTIPLIER_ARGUMENTS = ("first", "last")


class QueryCostError(GraphQLError):
    """Saleor's class for a refused query cost (its name is the error code)."""


def _limit_error(message: str, code: str, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, extensions={**extensions, "exception": {"code": code}})


def _is_meta(field: FieldNode) -> bool:
    return field.name.value.startswith("__")


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }


def _operations(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [
        definition
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    ]


class _SelectionMeasure:
    """Sums (cost) or maxima (depth) over selection sets, fragments memoised, cycles cut."""

    def __init__(self, document: DocumentNode) -> None:
        self.fragments = _fragments(document)
        self.memo: dict[str, int] = {}
        self.visiting: set[str] = set()

    def fragment(self, name: str) -> int:
        if name in self.memo:
            return self.memo[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.visiting:
            return 0
        self.visiting.add(name)
        try:
            value = self.selection_set(definition.selection_set)
        finally:
            self.visiting.discard(name)
        self.memo[name] = value
        return value

    def parts(self, selection_set: SelectionSetNode | None) -> list[int]:
        if selection_set is None:
            return []
        values = []
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if not _is_meta(selection):
                    values.append(self.field(selection))
            elif isinstance(selection, InlineFragmentNode):
                values.append(self.selection_set(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                values.append(self.fragment(selection.name.value))
        return values

    def field(self, field: FieldNode) -> int:
        raise NotImplementedError

    def selection_set(self, selection_set: SelectionSetNode | None) -> int:
        raise NotImplementedError


_FREE_WRAPPERS = frozenset({"edges", "node", "pageInfo"})


def field_cost(name: str) -> int:
    """What resolving the field ``name`` once costs: 1, or 0 for connection plumbing and
    introspection (shared with the execution's count of resolved fields)."""
    return 0 if name in _FREE_WRAPPERS or name.startswith("__") else 1


class _Cost(_SelectionMeasure):
    def __init__(self, document: DocumentNode, variables: Mapping[str, Any]) -> None:
        super().__init__(document)
        self.variables = variables
        self.defaults: dict[str, Any] = {}

    def multiplier(self, field: FieldNode) -> int:
        values = [1]
        for argument in field.arguments or ():
            if argument.name.value not in MULTIPLIER_ARGUMENTS:
                continue
            value = _int_value(argument.value, self.variables, self.defaults)
            if value is not None and value > 0:
                values.append(value)
        return max(values)

    def field(self, field: FieldNode) -> int:
        # One per field resolved per item: ``first``/``last`` multiply the field and its
        # selection; the connection plumbing is free (see the module docstring).
        own = field_cost(field.name.value)
        return self.multiplier(field) * (own + self.selection_set(field.selection_set))

    def selection_set(self, selection_set: SelectionSetNode | None) -> int:
        return sum(self.parts(selection_set))

    def operation(self, operation: OperationDefinitionNode) -> int:
        self.defaults = {
            definition.variable.name.value: _int_value(definition.default_value, {}, {})
            for definition in operation.variable_definitions or ()
            if definition.default_value is not None
        }
        # Fragments are memoised per operation: variable defaults differ between operations.
        self.memo = {}
        return self.selection_set(operation.selection_set)


class _Depth(_SelectionMeasure):
    def field(self, field: FieldNode) -> int:
        return 1 + self.selection_set(field.selection_set)

    def selection_set(self, selection_set: SelectionSetNode | None) -> int:
        return max(self.parts(selection_set), default=0)


def _int_value(node: Any, variables: Mapping[str, Any], defaults: Mapping[str, Any]) -> int | None:
    if isinstance(node, IntValueNode):
        try:
            return int(node.value)
        except ValueError:  # more digits than Python converts: the Int coercion refuses it too
            return None
    if isinstance(node, VariableNode):
        name = node.name.value
        value = variables.get(name, defaults.get(name))
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def query_cost(document: DocumentNode, *, variables: Mapping[str, Any] | None = None) -> int:
    """The cost of every operation of the document, summed (as Saleor does)."""
    measure = _Cost(document, variables if isinstance(variables, Mapping) else {})
    return sum(measure.operation(operation) for operation in _operations(document))


def query_depth(document: DocumentNode) -> int:
    """The deepest field nesting of any operation (``{ a { b } }`` is 2), through fragments."""
    measure = _Depth(document)
    return max((measure.selection_set(op.selection_set) for op in _operations(document)), default=0)


def alias_count(document: DocumentNode) -> int:
    """Aliased fields written in the document (a fragment's aliases count once)."""
    count = 0
    stack: list[SelectionSetNode] = [
        definition.selection_set
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode)
    ]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FieldNode) and selection.alias is not None:
                count += 1
            selection_set = getattr(selection, "selection_set", None)
            if selection_set is not None:
                stack.append(selection_set)
    return count


def root_fields(document: DocumentNode, operation: OperationDefinitionNode) -> list[str]:
    """Names of the root fields an operation selects, through fragments (with repeats)."""
    fragments = _fragments(document)
    names: list[str] = []
    seen: set[str] = set()
    stack: list[SelectionSetNode] = [operation.selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FieldNode):
                names.append(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in seen:
                    seen.add(name)
                    stack.append(fragments[name].selection_set)
    return names


def mutation_count(document: DocumentNode) -> int:
    """The most top-level mutation fields in one operation of the document."""
    return max(
        (
            len(root_fields(document, operation))
            for operation in _operations(document)
            if operation.operation == OperationType.MUTATION
        ),
        default=0,
    )


@dataclass
class CostReport:
    """Filled by the cost rule so the view can report ``extensions.cost``."""

    maximum: int
    cost: int | None = None

    def as_extension(self) -> dict[str, int]:
        return {"requestedQueryCost": self.cost or 0, "maximumAvailable": self.maximum}


def cost_error(
    document: DocumentNode,
    *,
    variables: Mapping[str, Any] | None,
    report: CostReport | None = None,
) -> GraphQLError | None:
    """Saleor's ``QueryCostError`` when the document costs more than the report's maximum
    (``GRAPHQL_MAX_COST`` without a report); the cost is written to the report."""
    maximum = report.maximum if report else settings.GRAPHQL_MAX_COST
    try:
        cost = query_cost(document, variables=variables)
    except RecursionError:  # the depth limit refuses such a document
        return None
    if report is not None:
        report.cost = cost
    if cost <= maximum:
        return None
    message = _("The query exceeds the maximum cost of %(maximum)d. Actual cost is %(cost)d")
    return QueryCostError(
        message % {"maximum": maximum, "cost": cost},
        extensions={
            "cost": {"requestedQueryCost": cost, "maximumAvailable": maximum},
            "exception": {"code": "QueryCostError"},
        },
    )


def depth_error(document: DocumentNode) -> GraphQLError | None:
    """``QueryDepthExceeded`` when the document nests deeper than ``GRAPHQL_MAX_DEPTH``."""
    limit = settings.GRAPHQL_MAX_DEPTH
    try:
        depth = query_depth(document)
    except RecursionError:  # nested beyond what Python recurses into: far too deep anyway
        depth = limit + 1
    if depth <= limit:
        return None
    message = _("Query depth %(depth)d exceeds the limit of %(limit)d.")
    return _limit_error(message % {"depth": depth, "limit": limit}, "QueryDepthExceeded")


def alias_error(document: DocumentNode) -> GraphQLError | None:
    """``TooManyAliases`` past ``GRAPHQL_MAX_ALIASES`` (Saleor's message)."""
    limit = settings.GRAPHQL_MAX_ALIASES
    if alias_count(document) <= limit:
        return None
    message = _("Number of aliases exceed the limit of %(limit)d")
    return _limit_error(message % {"limit": limit}, "TooManyAliases")


def mutation_error(document: DocumentNode) -> GraphQLError | None:
    """``TooManyMutations`` past ``GRAPHQL_MAX_MUTATIONS`` in one operation (Saleor's message)."""
    limit = settings.GRAPHQL_MAX_MUTATIONS
    if mutation_count(document) <= limit:
        return None
    message = _("Number of mutations exceed the limit of %(limit)d")
    return _limit_error(message % {"limit": limit}, "TooManyMutations")


def limit_errors(
    document: DocumentNode,
    *,
    variables: Mapping[str, Any] | None,
    report: CostReport | None = None,
) -> list[GraphQLError]:
    """The errors of all limits, straight from the document: no ``graphql.validate`` traversal
    (with its type information), which costs more than the measures themselves on a large
    document. Same order and errors as :func:`limit_rules`."""
    errors = [
        depth_error(document),
        alias_error(document),
        mutation_error(document),
        cost_error(document, variables=variables, report=report),
    ]
    return [error for error in errors if error is not None]


class _DocumentRule(ValidationRule):
    """A rule reporting one document-level measure, then skipping the document."""

    def error(self, node: DocumentNode) -> GraphQLError | None:
        raise NotImplementedError

    def enter_document(self, node: DocumentNode, *_args: Any) -> bool:
        error = self.error(node)
        if error is not None:
            self.report_error(error)
        return self.SKIP


class QueryCostRule(_DocumentRule):
    """Refuses a document costing more than ``GRAPHQL_MAX_COST``. Bind the request's variables
    (and a report to read the cost back) with :func:`query_cost_rule`."""

    variables: Mapping[str, Any] | None = None
    report: CostReport | None = None

    def error(self, node: DocumentNode) -> GraphQLError | None:
        return cost_error(node, variables=self.variables, report=self.report)


def query_cost_rule(
    *, variables: Mapping[str, Any] | None, report: CostReport | None = None
) -> type[ValidationRule]:
    """A ``QueryCostRule`` bound to one request's variables."""
    return type("QueryCostRule", (QueryCostRule,), {"variables": variables, "report": report})


class DepthLimitRule(_DocumentRule):
    """Refuses a document nested deeper than ``GRAPHQL_MAX_DEPTH``."""

    def error(self, node: DocumentNode) -> GraphQLError | None:
        return depth_error(node)


class AliasLimitRule(_DocumentRule):
    """Refuses a document with more than ``GRAPHQL_MAX_ALIASES`` aliases (Saleor's message)."""

    def error(self, node: DocumentNode) -> GraphQLError | None:
        return alias_error(node)


class MutationLimitRule(_DocumentRule):
    """Refuses an operation with more than ``GRAPHQL_MAX_MUTATIONS`` mutations (Saleor's
    message)."""

    def error(self, node: DocumentNode) -> GraphQLError | None:
        return mutation_error(node)


def limit_rules(
    *, variables: Mapping[str, Any] | None, report: CostReport | None = None
) -> list[type[ValidationRule]]:
    """All limit rules, for ``graphql.validate(schema, document, limit_rules(...))``."""
    return [
        DepthLimitRule,
        AliasLimitRule,
        MutationLimitRule,
        query_cost_rule(variables=variables, report=report),
    ]


__all__ = [
    "AliasLimitRule",
    "CostReport",
    "DepthLimitRule",
    "MutationLimitRule",
    "QueryCostError",
    "QueryCostRule",
    "alias_count",
    "alias_error",
    "cost_error",
    "depth_error",
    "field_cost",
    "limit_errors",
    "limit_rules",
    "mutation_count",
    "mutation_error",
    "query_cost",
    "query_cost_rule",
    "query_depth",
    "root_fields",
]
