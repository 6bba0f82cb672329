"""infra/deploy [dev|prod]: the whole deployment in one command.

1. the CloudFront web ACL in us-east-1 (infra/waf.yaml; waf.py), for its ARN;
2. sam build (every function, the Makefile method: infra/build-function);
3. sam deploy --config-env ENV with samconfig.toml's parameters plus WebAclArn and, once the
   stack exists, WebOrigin = the stack's WebUrl (a first deploy runs sam deploy a second time
   with it, since the login callback must name the address CloudFront gave the site);
4. web/ uploaded with a config.json made from the stack's outputs (publish.py, webconfig.py).
"""
import pathlib
import shlex
import subprocess
import sys
import tomllib

import boto3
from botocore.exceptions import ClientError

import publish
import waf

ROOT = pathlib.Path(__file__).resolve().parents[2]


def say(text):
    print(f"\033[1m[seoul-learn]\033[0m {text}", file=sys.stderr)


def deploy_settings(env):
    config = tomllib.loads((ROOT / "samconfig.toml").read_text(encoding="utf-8"))
    if env not in config or "deploy" not in config[env]:
        raise SystemExit(f"samconfig.toml has no [{env}.deploy.parameters]")
    return config[env]["deploy"]["parameters"]


def unset(settings):
    """The parameters samconfig.toml still marks SET-ME (a person must choose them first)."""
    return [p.split("=", 1)[0] for p in shlex.split(settings.get("parameter_overrides", "")) if p.endswith("=SET-ME")]


def overrides(settings, **extra):
    """samconfig's parameter_overrides with extra ones replacing theirs (the CLI option replaces the file's)."""
    pairs = dict(p.split("=", 1) for p in shlex.split(settings.get("parameter_overrides", "")))
    pairs.update({k: v for k, v in extra.items() if v})
    return [f"{k}={v}" for k, v in pairs.items()]


def stack_output(stack, region, key):
    try:
        outputs = boto3.client("cloudformation", region_name=region).describe_stacks(StackName=stack)["Stacks"][0].get("Outputs", [])
    except ClientError as e:
        if "does not exist" in str(e):
            return None
        raise
    return next((o["OutputValue"] for o in outputs if o["OutputKey"] == key), None)


def main(env):
    settings = deploy_settings(env)
    if unset(settings):
        raise SystemExit(f"samconfig.toml [{env}.deploy.parameters]: set {', '.join(unset(settings))} first (README, \"Deploying\")")
    stack, region = settings["stack_name"], settings["region"]
    sam = str(ROOT / ".local/venv-tools/bin/sam")
    stage = dict(p.split("=", 1) for p in shlex.split(settings.get("parameter_overrides", ""))).get("Stage", env)

    say(f"1/4 the CloudFront web ACL (us-east-1, stack seoul-learn-{stage}-waf)")
    web_acl = subprocess.run([sys.executable, str(ROOT / "infra/deploy.d/waf.py"), stage, str(ROOT / "infra/waf.yaml"), sam],
                             check=True, stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()[-1]

    say("2/4 sam build")
    subprocess.run([sam, "build", "--config-env", env], cwd=ROOT, check=True)

    web_url = stack_output(stack, region, "WebUrl")
    for attempt in (1, 2):
        say(f"3/4 sam deploy --config-env {env} (stack {stack} in {region})")
        subprocess.run([sam, "deploy", "--config-env", env, "--parameter-overrides",
                        *overrides(settings, WebAclArn=web_acl, WebOrigin=web_url)], cwd=ROOT, check=True)
        deployed = stack_output(stack, region, "WebUrl")
        if web_url == deployed:
            break
        say(f"the site is at {deployed}: deploying again with it as the login callback (WebOrigin)")
        web_url = deployed

    say("4/4 web/ and its config.json")
    publish.main(stack, region, str(ROOT / "web"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev")
