"""The web app's /config.json from the stack's outputs (infra/deploy).

The page reads config.json at start (web/README.md): where to sign in (Cognito's managed login),
which app client, where to come back to and where the API is. The local cloud writes the same
fields for itself (infra/local-cloud LocalCloud.configJson); this writes them for a deployment,
so nobody copies URLs and ids by hand.
"""
import json
import sys

REQUIRED = ("WebUrl", "HostedLoginDomain", "WebClientId", "UserPoolId")


def outputs_by_key(describe_stacks_outputs):
    """[{"OutputKey": …, "OutputValue": …}, …] (CloudFormation DescribeStacks) → {key: value}."""
    return {o["OutputKey"]: o["OutputValue"] for o in describe_stacks_outputs}


def web_config(outputs, region):
    """config.json's fields from the stack outputs; fails naming every output that is missing."""
    missing = [k for k in REQUIRED if not outputs.get(k)]
    if missing:
        raise ValueError("the stack has no output " + ", ".join(missing) + " (deploy template.yaml first)")
    login = outputs["HostedLoginDomain"].rstrip("/")
    web = outputs["WebUrl"].rstrip("/")
    for name, url in (("HostedLoginDomain", login), ("WebUrl", web)):
        if not url.startswith("https://"):
            raise ValueError(f"output {name} is not an https address: {url}")
    return {
        "region": region,
        "userPoolId": outputs["UserPoolId"],
        "clientId": outputs["WebClientId"],
        "authorizeUrl": login + "/oauth2/authorize",
        "signupUrl": login + "/signup",
        "tokenUrl": login + "/oauth2/token",
        "logoutUrl": login + "/logout",
        # the app client's only callback (template.yaml WebClient: ${WebOrigin}/)
        "redirectUri": web + "/",
        # aws.cognito.signin.user.admin: the person's access token sets up their own TOTP in the
        # app, with Cognito's user-pools API at identityApiUrl (docs/adr/0024)
        "scopes": "openid email profile aws.cognito.signin.user.admin",
        "identityApiUrl": f"https://cognito-idp.{region}.amazonaws.com/",
        # same origin: CloudFront sends /api/* to the API's own domain
        "apiBase": "/api",
    }


def main(argv):
    """python webconfig.py OUTPUTS.json REGION → config.json on stdout."""
    with open(argv[1], encoding="utf-8") as f:
        data = json.load(f)
    outputs = data["Stacks"][0]["Outputs"] if isinstance(data, dict) and "Stacks" in data else data
    print(json.dumps(web_config(outputs_by_key(outputs), argv[2]), indent=2))


if __name__ == "__main__":
    main(sys.argv)
