"""The GraphQL endpoint (``POST /graphql/``), Saleor-compatible.

On top of graphene-django's view it adds, in the order a request meets them:

1. body checks: a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is refused with 413, malformed JSON
   and batch (list) bodies with 400, always with a GraphQL-shaped JSON error;
2. the anonymous response cache (see :meth:`GraphQLView.cache_key`);
3. the limits of :mod:`shop.graphql.limits` (cost, depth, aliases, mutations), checked before the
   specification's own validation so an abusive document is refused cheaply, and never executed;
   then the budgets of :mod:`shop.graphql.budget` (a lower cost limit without a user, an anonymous
   address's budget per minute, a wall-clock budget and a statement timeout while executing);
4. Saleor-style error formatting (:func:`shop.graphql.errors.format_error`) and the query cost
   in ``extensions.cost``.

The view is exempt from Django's CSRF middleware: API clients (Saleor's storefront, apps) send a
bearer token or nothing, never a CSRF token. Only a request authenticated by the session cookie
can be forged cross-site, so for those the view runs the CSRF check itself.

GraphiQL is served on GET only when ``DEBUG`` is on. GraphQL multipart requests (``operations`` +
``map`` form fields, the spec Saleor follows for uploads) put uploaded files into the variables.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from graphene_django.constants import MUTATION_ERRORS_FLAG
from graphene_django.settings import graphene_settings
from graphene_django.utils.utils import set_rollback
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphene_django.views import HttpError
from graphql import (
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    specified_rules,
    validate,
    validate_schema,
)
from graphql.language import DocumentNode, OperationDefinitionNode

from shop.cache import catalogue_version
from shop.graphql.budget import (
    CostBudgetExceeded,
    CostReservation,
    ExecutionMeter,
    anonymous_cost_reserve,
    anonymous_cost_settle,
    budget_execution_context,
    execution_meter,
    max_cost,
    statement_timeout,
)
from shop.graphql.errors import error_dict, format_error, is_deliberate
from shop.graphql.input_guard import input_errors
from shop.graphql.limits import CostReport, limit_errors, root_fields

logger = logging.getLogger("shop.graphql")

# Parsing is linear in tokens; the body limit bounds them, this bounds them tighter.
MAX_TOKENS = 10_000

# Root fields whose answers change without a catalogue write (carts, orders, the viewer):
# a query selecting one is never cached, anonymous or not.
NEVER_CACHED_ROOT_FIELDS = frozenset(
    {
        "checkout",
        "checkouts",
        "checkoutLines",
        "me",
        "order",
        "orderByToken",
        "orders",
        "draftOrders",
        "user",
        "users",
        "staffUsers",
        "payment",
        "payments",
        "transaction",
        "_entities",
    }
)

_NO_CACHE_FLAG = "_shop_graphql_no_cache"


def response_not_cacheable(request: HttpRequest) -> None:
    """Keep this request's response out of the anonymous cache; call it from a resolver whose
    answer depends on more than the query, its variables and the catalogue
    (``response_not_cacheable(info.context)``)."""
    setattr(request, _NO_CACHE_FLAG, True)


def _parse_options() -> dict[str, int]:
    # ``max_lexical_tokens`` replaced ``max_tokens`` within graphql-core 3.2.x.
    names = inspect.signature(parse).parameters
    for name in ("max_lexical_tokens", "max_tokens"):
        if name in names:
            return {name: MAX_TOKENS}
    return {}


_PARSE_OPTIONS = _parse_options()


class RequestRefused(Exception):
    """A request refused before execution, answered with one GraphQL-shaped error."""

    def __init__(self, status: int, message: str, code: str, **headers: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers

    def response(self) -> HttpResponse:
        response = _json_response({"errors": [error_dict(self.message, self.code)]}, self.status)
        for name, value in self.headers.items():
            response[name] = value
        return response


def _json_response(payload: Any, status: int, *, pretty: bool = False) -> HttpResponse:
    if pretty:
        content = json.dumps(payload, sort_keys=True, indent=2, separators=(",", ": "))
    else:
        content = json.dumps(payload, separators=(",", ":"))
    return HttpResponse(content, status=status, content_type="application/json")


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _is_query(operation: OperationDefinitionNode | None) -> bool:
    return operation is not None and operation.operation == OperationType.QUERY


def _invalid(message: str) -> RequestRefused:
    return RequestRefused(400, message, "InvalidRequest")


def _too_large(limit: int | None = None) -> RequestRefused:
    if limit is None:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    message = _("The request body is too large: at most %(limit)d bytes are accepted.")
    return RequestRefused(413, message % {"limit": limit}, "RequestTooLarge")


def _set_upload(operations: dict[str, Any], path: Any, upload: Any) -> None:
    """Put ``upload`` at ``path`` ("variables.file", "variables.files.0") in ``operations``."""
    invalid = _invalid(_("Invalid file path in the multipart map: %(path)s.") % {"path": path})
    parts = path.split(".") if isinstance(path, str) else []
    if len(parts) < 2 or parts[0] != "variables":
        raise invalid
    container: Any = operations
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        key: str | int
        if isinstance(container, dict) and (last or part in container):
            key = part
        elif isinstance(container, list) and part.isdigit() and int(part) < len(container):
            key = int(part)
        else:
            raise invalid
        if last:
            container[key] = upload
        else:
            container = container[key]


class GraphQLView(BaseGraphQLView):
    """The API endpoint. ``as_view(schema=...)`` serves another schema (tests do)."""

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Any:
        return csrf_exempt(super().as_view(**initkwargs))

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.graphiql = settings.DEBUG
        try:
            return self.handle(request)
        except RequestRefused as refused:
            return refused.response()

    def handle(self, request: HttpRequest) -> HttpResponse:
        if request.method == "OPTIONS":  # CORS preflights never get here (CorsMiddleware)
            return HttpResponse(status=204, headers={"Allow": "GET, POST, OPTIONS"})
        if request.method not in ("GET", "POST"):
            raise RequestRefused(
                405,
                _("GraphQL only supports GET and POST requests."),
                "MethodNotAllowed",
                Allow="GET, POST",
            )
        self.read_body(request)
        self.check_csrf(request)
        data = self.parse_body(request)
        if self.graphiql and request.method == "GET" and self.can_display_graphiql(request, data):
            return super().dispatch(request)
        query, variables, operation_name = self.graphql_params(request, data)
        pretty = bool(request.GET.get("pretty"))

        key = self.cache_key(request, query, variables, operation_name)
        if key is not None:
            cached = self._cache_get(key)
            if cached is not None:
                response = _json_response(cached, 200, pretty=pretty)
                response["X-Cache"] = "HIT"
                return response

        status, payload, cacheable = self.execute_request(request, query, variables, operation_name)
        response = _json_response(payload, status, pretty=pretty)
        stored = (
            key is not None
            and cacheable
            and status == 200
            and not getattr(request, _NO_CACHE_FLAG, False)
            and self._cache_set(key, payload)
        )
        response["X-Cache"] = "MISS" if stored else "BYPASS"
        return response

    def render_graphiql(self, request: HttpRequest, **data: Any) -> HttpResponse:
        """GraphiQL (DEBUG only) needs a CDN and an inline script: a policy of its own."""
        response = super().render_graphiql(request, **data)
        response["Content-Security-Policy"] = settings.GRAPHIQL_CONTENT_SECURITY_POLICY
        return response

    # --- Body ---------------------------------------------------------------------------------

    def read_body(self, request: HttpRequest) -> None:
        """Read the body now, so that a too large one is a JSON 413 rather than Django's 400."""
        if request.method != "POST":
            return
        try:
            if self.get_content_type(request) == "multipart/form-data":
                # Files do not count towards DATA_UPLOAD_MAX_MEMORY_SIZE: bound the whole body.
                limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + getattr(
                    settings, "MAX_UPLOAD_BYTES", 10 * 1024 * 1024
                )
                if _content_length(request) > limit:
                    raise _too_large(limit)
                request.POST  # noqa: B018 - parses the form and the files
                request.FILES  # noqa: B018
            else:
                request.body  # noqa: B018 - raises RequestDataTooBig past the limit
        except RequestDataTooBig as error:
            raise _too_large() from error
        except (SuspiciousOperation, BadRequest, MultiPartParserError) as error:
            raise _invalid(_("The request body could not be read.")) from error

    def check_csrf(self, request: HttpRequest) -> None:
        """Only a session cookie authenticates without the client's intent: check CSRF whenever
        the user comes from the session. A valid bearer token replaces the session user and
        marks the request exempt (``accounts.middleware``); any other ``Authorization`` header
        (Basic, a bad token...) proves nothing, since a forged request can carry one too."""
        if request.method != "POST":
            return
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return
        rejected = CsrfViewMiddleware(lambda _request: HttpResponse()).process_view(
            request, None, (), {}
        )
        if rejected is not None:
            raise RequestRefused(403, _("CSRF verification failed."), "CsrfFailure")

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        if request.method != "POST":
            return {}
        content_type = self.get_content_type(request)
        if content_type == "application/graphql":
            try:
                return {"query": request.body.decode("utf-8")}
            except UnicodeDecodeError as error:
                raise _invalid(_("The request body is not valid UTF-8.")) from error
        if content_type == "application/json":
            try:
                data = json.loads(request.body)
            except (ValueError, RecursionError) as error:
                raise RequestRefused(
                    400, _("The request body is not valid JSON."), "InvalidJSON"
                ) from error
            return self._operation_object(data)
        if content_type == "multipart/form-data" and "operations" in request.POST:
            return self._multipart_operations(request)
        if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            return request.POST.dict()
        return {}

    def _operation_object(self, data: Any) -> dict[str, Any]:
        if isinstance(data, list):
            raise RequestRefused(
                400,
                _("Batch requests are not supported: send one operation per request."),
                "BatchNotSupported",
            )
        if not isinstance(data, dict):
            raise _invalid(_("The request body must be a JSON object."))
        return data

    def _multipart_operations(self, request: HttpRequest) -> dict[str, Any]:
        try:
            operations = json.loads(request.POST["operations"])
            files_map = json.loads(request.POST.get("map") or "{}")
        except (ValueError, RecursionError) as error:
            raise RequestRefused(
                400, _("The multipart operations or map are not valid JSON."), "InvalidJSON"
            ) from error
        operations = self._operation_object(operations)
        if not isinstance(files_map, dict):
            raise _invalid(_("The multipart map must be a JSON object."))
        for file_key, paths in files_map.items():
            upload = request.FILES.get(file_key)
            if upload is None:
                raise _invalid(
                    _("The file %(key)s is missing from the request.") % {"key": file_key}
                )
            if not isinstance(paths, list):
                raise _invalid(_("The multipart map must list paths for each file."))
            for path in paths:
                _set_upload(operations, path, upload)
        return operations

    def graphql_params(
        self, request: HttpRequest, data: dict[str, Any]
    ) -> tuple[str, dict[str, Any], str | None]:
        try:
            query, variables, operation_name, _id = self.get_graphql_params(request, data)
        except HttpError as error:
            raise _invalid(_("Variables are invalid JSON.")) from error
        if not query or not isinstance(query, str):
            raise RequestRefused(400, _("Must provide a query string."), "GraphQLError")
        if variables is None:
            variables = {}
        if not isinstance(variables, dict):
            raise _invalid(_("Variables must be a JSON object."))
        if operation_name is not None and not isinstance(operation_name, str):
            raise _invalid(_("The operation name must be a string."))
        return query, variables, operation_name or None

    # --- Execution ----------------------------------------------------------------------------

    def execute_request(
        self,
        request: HttpRequest,
        query: str,
        variables: dict[str, Any],
        operation_name: str | None,
    ) -> tuple[int, dict[str, Any], bool]:
        """Parse, check limits, validate and execute: (status, payload, cacheable)."""
        schema = self.schema.graphql_schema
        schema_errors = validate_schema(schema)
        if schema_errors:
            return 500, {"errors": [format_error(error) for error in schema_errors]}, False
        try:
            document = parse(query, **_PARSE_OPTIONS)
        except GraphQLError as error:
            return 400, {"errors": [format_error(error)]}, False
        if unstorable := input_errors(schema, document, variables):
            return 400, {"errors": [format_error(error) for error in unstorable]}, False

        operation = get_operation_ast(document, operation_name)
        if (
            request.method == "GET"
            and operation is not None
            and operation.operation != OperationType.QUERY
        ):
            message = _("Can only perform a %(operation)s operation from a POST request.")
            raise RequestRefused(
                405,
                message % {"operation": operation.operation.value},
                "MethodNotAllowed",
                Allow="POST",
            )

        report = CostReport(maximum=max_cost(request))
        errors = limit_errors(document, variables=variables, report=report)
        if not errors:
            rules = [*specified_rules, *(self.validation_rules or ())]
            errors = validate(schema, document, rules, graphene_settings.MAX_VALIDATION_ERRORS)
        extensions = {"cost": report.as_extension()} if report.cost is not None else {}
        if errors:
            payload: dict[str, Any] = {"errors": [format_error(error) for error in errors]}
            if extensions:
                payload["extensions"] = extensions
            return 400, payload, False

        reservation = self.reserve_cost(request, report.cost or 0)
        meter = execution_meter(timed=_is_query(operation))
        result, status = self.run(
            request, document, operation, variables, operation_name, meter=meter
        )
        anonymous_cost_settle(reservation, resolved=meter.resolved)
        payload = {}
        if result.errors:
            set_rollback()
            payload["errors"] = [format_error(error) for error in result.errors]
            if status == 200 and any(not getattr(e, "path", None) for e in result.errors):
                status = 400  # a request error (variables, operation name): no data at all
        if getattr(request, MUTATION_ERRORS_FLAG, False) is True:
            set_rollback()
        if status == 200:
            payload["data"] = result.data
            if result.errors and not all(is_deliberate(error) for error in result.errors):
                status = 500  # our failure (a bug, the database): load balancers must see it
        payload["extensions"] = {**(result.extensions or {}), **extensions}
        cacheable = (
            not result.errors
            and operation is not None
            and operation.operation == OperationType.QUERY
            and NEVER_CACHED_ROOT_FIELDS.isdisjoint(root_fields(document, operation))
        )
        return status, payload, cacheable

    def run(
        self,
        request: HttpRequest,
        document: DocumentNode,
        operation: OperationDefinitionNode | None,
        variables: dict[str, Any],
        operation_name: str | None,
        *,
        meter: ExecutionMeter | None = None,
    ) -> tuple[ExecutionResult, int]:
        """Execute within the budgets of :mod:`shop.graphql.budget`: ``meter`` carries the
        deadline and counts the fields resolved; queries run under the statement timeout."""
        options: dict[str, Any] = {
            "root_value": self.get_root_value(request),
            "context_value": self.get_context(request),
            "variable_values": variables,
            "operation_name": operation_name,
            "middleware": self.get_middleware(request),
        }
        options["execution_context_class"] = budget_execution_context(
            base=self.execution_context_class, meter=meter or ExecutionMeter()
        )
        atomic = (
            graphene_settings.ATOMIC_MUTATIONS is True
            or connection.settings_dict.get("ATOMIC_MUTATIONS", False) is True
        )
        try:
            if operation is not None and operation.operation == OperationType.MUTATION and atomic:
                with transaction.atomic():
                    result = execute(self.schema.graphql_schema, document, **options)
                    if getattr(request, MUTATION_ERRORS_FLAG, False) is True:
                        transaction.set_rollback(True)
            else:
                with statement_timeout(enabled=_is_query(operation)):
                    result = execute(self.schema.graphql_schema, document, **options)
        except Exception as error:  # a failure outside any resolver: our bug, not the client's
            return ExecutionResult(data=None, errors=[error]), 500
        return result, 200

    @staticmethod
    def reserve_cost(request: HttpRequest, cost: int) -> CostReservation | None:
        """Reserve the query's cost in its anonymous address's budget, or refuse it with 429."""
        try:
            return anonymous_cost_reserve(request=request, cost=cost)
        except CostBudgetExceeded as exceeded:
            message = _(
                "Địa chỉ của bạn đã gửi quá nhiều truy vấn tốn kém: "
                "hãy thử lại sau %(seconds)d giây."
            )
            raise RequestRefused(
                429,
                message % {"seconds": exceeded.retry_after},
                "TooManyRequests",
                **{"Retry-After": str(exceeded.retry_after)},
            ) from exceeded

    # --- Anonymous response cache -------------------------------------------------------------

    def cache_key(
        self,
        request: HttpRequest,
        query: str,
        variables: dict[str, Any],
        operation_name: str | None,
    ) -> str | None:
        """The cache key of an anonymous request, or None when its response is not cached.

        Anonymous means no ``Authorization`` (or Saleor's ``Authorization-Bearer``) header and no
        session user. The key covers all the response depends on: the query, its variables, the
        operation, the channel, the language, the catalogue version, which every catalogue write
        bumps, and the scheme and host that absolute URLs (images) are built from, so one
        client's ``Host`` or trusted ``X-Forwarded-Proto`` never reaches another's answer.
        """
        if not settings.GRAPHQL_CACHE_SECONDS or any(
            request.META.get(header)
            for header in ("HTTP_AUTHORIZATION", "HTTP_AUTHORIZATION_BEARER")
        ):
            return None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        if self.get_content_type(request) == "multipart/form-data":
            return None
        try:
            material = json.dumps(
                [
                    query,
                    variables,
                    operation_name or "",
                    variables.get("channel"),
                    translation.get_language() or settings.LANGUAGE_CODE,
                    catalogue_version(),
                    request.scheme,
                    request.get_host(),
                ],
                sort_keys=True,
                separators=(",", ":"),
            )
        except (TypeError, ValueError, RecursionError):
            return None
        except Exception:  # the cache is down: serve uncached
            logger.warning("GraphQL cache unavailable", exc_info=True)
            return None
        return "graphql-response:" + hashlib.sha256(material.encode("utf-8")).hexdigest()

    @staticmethod
    def _cache_get(key: str) -> dict[str, Any] | None:
        try:
            return cache.get(key)
        except Exception:
            logger.warning("GraphQL cache unavailable", exc_info=True)
            return None

    @staticmethod
    def _cache_set(key: str, payload: dict[str, Any]) -> bool:
        try:
            cache.set(key, payload, timeout=settings.GRAPHQL_CACHE_SECONDS)
        except Exception:
            logger.warning("GraphQL cache unavailable", exc_info=True)
            return False
        return True
