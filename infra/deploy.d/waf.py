"""Deploys infra/waf.yaml (the CloudFront web ACL) in us-east-1 and prints its ARN (infra/deploy).
A web ACL for CloudFront can only be created in us-east-1, so it cannot be a resource of the
regional stack. Uses the SAM CLI's own deploy (no aws CLI needed).

    python waf.py STAGE TEMPLATE SAM
"""
import subprocess
import sys

import boto3


def main(stage, template, sam):
    stack = f"seoul-learn-{stage}-waf"
    subprocess.run([sam, "deploy", "--template-file", template, "--stack-name", stack, "--region", "us-east-1",
                    "--parameter-overrides", f"Stage={stage}", "--no-fail-on-empty-changeset",
                    "--no-confirm-changeset"], check=True, stdout=sys.stderr)
    outputs = boto3.client("cloudformation", region_name="us-east-1").describe_stacks(StackName=stack)["Stacks"][0]["Outputs"]
    print(next(o["OutputValue"] for o in outputs if o["OutputKey"] == "WebAclArn"))


if __name__ == "__main__":
    main(*sys.argv[1:4])
