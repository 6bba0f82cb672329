"""Schemathesis hooks for infra/fuzz: the project's own check on every response.

docs/quality.md: bad input gets a 4xx application/problem+json, never a 5xx. not_a_server_error
covers the 5xx; this check covers the content type of every 4xx.
"""
import schemathesis


@schemathesis.check
def problem_json_for_4xx(ctx, response, case):
    # A 401 is API Gateway's JWT authorizer's {"message":"Unauthorized"} (openapi.yaml,
    # components.responses.Unauthorized): an HTTP API cannot shape it. Every other 4xx is ours.
    # A method the route does not have is API Gateway's own {"message":"Not Found"} too.
    if case.method.upper() != case.operation.method.upper():
        return None
    if 400 <= response.status_code < 500 and response.status_code != 401:
        content_type = (response.headers.get("content-type") or [""])[0]
        if not content_type.startswith("application/problem+json"):
            raise AssertionError(
                f"{response.status_code} answered with content type {content_type!r}, not application/problem+json")
