"""The template as SAM deploys it against the template as the local cloud reads it.

Transforms template.yaml with the SAM translator (aws-sam-translator, pinned in
infra/requirements-tools.lock: the same transform CloudFormation applies on deploy) and compares
what the transformed template would deploy - the HTTP API's routes with their functions and
whether the JWT authorizer guards them, the authorizer, the schedules - with what the local cloud
reads from the same template (kr.seoullearn.local.tools.LocalCloudView). Any difference fails:
a route or schedule only one side has would be tested locally and missing on AWS, or deployed
and never tested. Also checks what only the transformed template shows: the execute-api
endpoint is off and every throttled route exists.

    python crosscheck.py TEMPLATE LOCAL_CLOUD_JAR [JAVA]
"""
import copy
import json
import os
import subprocess
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "ap-northeast-2")
os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")

from samcli.yamlhelper import yaml_parse  # noqa: E402  (the SAM CLI's own YAML reader: short-form tags)
from samtranslator.translator.transform import transform  # noqa: E402

# what sam deploy passes for the parameters that have no default (values of the right shape)
PARAMETERS = {
    "ApiDomainName": "api.dev.learn.example.kr",
    "ApiCertificateArn": "arn:aws:acm:ap-northeast-2:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    "WebAclArn": "arn:aws:wafv2:us-east-1:123456789012:global/webacl/seoul-learn-dev-web/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    "AWS::Region": "ap-northeast-2", "AWS::AccountId": "123456789012", "AWS::Partition": "aws",
    "AWS::StackName": "seoul-learn-dev", "AWS::URLSuffix": "amazonaws.com",
    "AWS::StackId": "arn:aws:cloudformation:ap-northeast-2:123456789012:stack/seoul-learn-dev/0f1e2d3c",
}


class NoManagedPolicies:
    """The template names no AWS managed policy by name, so the translator needs no IAM lookup."""

    def load(self):
        return {}


def translate(template_text):
    template = yaml_parse(template_text)
    for resource in template.get("Resources", {}).values():
        # what sam package does before deploying: local code folders become S3 objects
        props = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(props.get("CodeUri"), str) \
                and not props["CodeUri"].startswith("s3://"):
            props["CodeUri"] = "s3://seoul-learn-artifacts/" + props["CodeUri"] + ".zip"
    return transform(template, dict(PARAMETERS), NoManagedPolicies())


def _function_of(target, resources):
    """The function logical id an integration URI or schedule target names (its alias or itself)."""
    text = json.dumps(target)
    for rid, r in resources.items():
        if r["Type"] == "AWS::Lambda::Alias" and ("${" + rid + "}" in text or '"Ref": "' + rid + '"' in text):
            return r["Properties"]["FunctionName"]["Ref"]
    for rid, r in resources.items():
        if r["Type"] == "AWS::Lambda::Function" and ("${" + rid + ".Arn}" in text or '"' + rid + '"' in text):
            return rid
    return None


def deployed(transformed):
    """Routes, authorizer, schedules and API settings the transformed template would deploy."""
    resources = transformed["Resources"]
    routes, authorizers, schedules, settings = [], [], [], {}
    for rid, r in resources.items():
        props = r.get("Properties", {})
        if r["Type"] == "AWS::ApiGatewayV2::Api":
            body = props.get("Body", {})
            # SAM writes it into the OpenAPI body's servers (or the Api's own property without a body)
            endpoint_configs = [body.get("x-amazon-apigateway-endpoint-configuration", {})] + [
                server.get("x-amazon-apigateway-endpoint-configuration", {}) for server in body.get("servers", [])]
            settings["disableExecuteApiEndpoint"] = bool(props.get("DisableExecuteApiEndpoint")) or any(
                c.get("disableExecuteApiEndpoint") is True for c in endpoint_configs)
            for name, scheme in body.get("components", {}).get("securitySchemes", {}).items():
                jwt = scheme.get("x-amazon-apigateway-authorizer", {})
                authorizers.append({"name": name, "issuer": jwt.get("jwtConfiguration", {}).get("issuer"),
                                    "audience": jwt.get("jwtConfiguration", {}).get("audience"),
                                    "identitySource": jwt.get("identitySource")})
            for path, methods in body.get("paths", {}).items():
                for method, op in methods.items():
                    if not isinstance(op, dict) or method.startswith("x-amazon-apigateway-any"):
                        routes.append({"route": "ANY " + path, "function": None, "authorized": None})
                        continue
                    security = op.get("security", [])
                    routes.append({"route": method.upper() + " " + path,
                                   "function": _function_of(op.get("x-amazon-apigateway-integration", {}).get("uri"), resources),
                                   "authorized": bool(security) and security != [{"NONE": []}]})
        elif r["Type"] == "AWS::ApiGatewayV2::Route":
            routes.append({"route": props.get("RouteKey"), "function": None,
                           "authorized": props.get("AuthorizationType", "NONE") != "NONE"})
        elif r["Type"] == "AWS::ApiGatewayV2::Authorizer":
            authorizers.append({"name": props.get("Name"), "issuer": props.get("JwtConfiguration", {}).get("Issuer"),
                                "audience": props.get("JwtConfiguration", {}).get("Audience"),
                                "identitySource": (props.get("IdentitySource") or [None])[0]})
        elif r["Type"] == "AWS::ApiGatewayV2::Stage":
            settings["throttledRoutes"] = sorted(props.get("RouteSettings", {}))
        elif r["Type"] == "AWS::Scheduler::Schedule":
            target = props.get("Target", {})
            schedules.append({"function": _function_of(target.get("Arn"), resources),
                              "expression": props.get("ScheduleExpression"),
                              "timezone": props.get("ScheduleExpressionTimezone", "UTC"),
                              "enabled": props.get("State", "ENABLED") != "DISABLED",
                              "input": target.get("Input")})
        elif r["Type"] == "AWS::Events::Rule" and props.get("ScheduleExpression"):
            for target in props.get("Targets", []):
                schedules.append({"function": _function_of(target.get("Arn"), resources),
                                  "expression": props["ScheduleExpression"], "timezone": "UTC",
                                  "enabled": props.get("State", "ENABLED") != "DISABLED", "input": target.get("Input")})
    return {"routes": routes, "authorizers": authorizers, "schedules": schedules, "settings": settings}


def local_view(template_path, jar, java="java"):
    out = subprocess.run([java, "-cp", jar, "kr.seoullearn.local.tools.LocalCloudView", template_path],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out)


def _key(item):
    """One comparable text per item; an absent value and null are the same (the local view omits nulls)."""
    if isinstance(item, dict):
        item = {k: v for k, v in item.items() if v is not None}
    return json.dumps(item, sort_keys=True)


def differences(deployed_view, local):
    """Every way the two differ, in words; empty when they agree."""
    problems = []
    for kind in ("routes", "schedules"):
        aws = {_key(x) for x in deployed_view[kind]}
        ours = {_key(x) for x in local[kind]}
        problems += [f"{kind[:-1]} AWS would deploy but the local cloud does not run: {x}" for x in sorted(aws - ours)]
        problems += [f"{kind[:-1]} the local cloud runs but AWS would not deploy: {x}" for x in sorted(ours - aws)]
    if len(deployed_view["authorizers"]) != 1 or _key(deployed_view["authorizers"][0]) != _key(local["authorizer"]):
        problems.append(f"authorizer differs: AWS {deployed_view['authorizers']} / local {local['authorizer']}")
    if not deployed_view["settings"].get("disableExecuteApiEndpoint"):
        problems.append("the execute-api endpoint stays open (DisableExecuteApiEndpoint is not true)")
    known = {r["route"] for r in deployed_view["routes"]}
    problems += [f"throttle for a route the API does not have: {k}"
                 for k in deployed_view["settings"].get("throttledRoutes", []) if k not in known]
    return problems


def check(template_path, jar, java="java"):
    with open(template_path, encoding="utf-8") as f:
        transformed = translate(f.read())
    return differences(deployed(copy.deepcopy(transformed)), local_view(template_path, jar, java))


def main(argv):
    problems = check(argv[1], argv[2], argv[3] if len(argv) > 3 else "java")
    for p in problems:
        print("  " + p, file=sys.stderr)
    if problems:
        print(f"the local cloud differs from what SAM would deploy ({len(problems)})", file=sys.stderr)
        return 1
    print("the local cloud runs exactly the routes, authorizer and schedules SAM would deploy", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
