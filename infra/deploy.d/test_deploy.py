"""Unit tests of the deploy helpers (infra/test runs them: python -m unittest in infra/deploy.d)."""
import json
import pathlib
import re
import sys
import tempfile
import tomllib
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import deploy  # noqa: E402
import publish  # noqa: E402
import webconfig  # noqa: E402

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parents[1]


def sample_outputs():
    data = json.loads((HERE / "fixtures/describe-stacks.json").read_text(encoding="utf-8"))
    return webconfig.outputs_by_key(data["Stacks"][0]["Outputs"])


class WebConfigFromStackOutputs(unittest.TestCase):
    def test_config_json_points_the_page_at_the_stacks_managed_login_client_and_site(self):
        config = webconfig.web_config(sample_outputs(), "ap-northeast-2")
        login = "https://seoul-learn-dev-123456789012.auth.ap-northeast-2.amazoncognito.com"
        self.assertEqual(config, {
            "region": "ap-northeast-2",
            "userPoolId": "ap-northeast-2_AbCdEfGhI",
            "clientId": "5k2q7r1v9d3m8n4p6s0t2u5w7x",
            "authorizeUrl": login + "/oauth2/authorize",
            "signupUrl": login + "/signup",
            "tokenUrl": login + "/oauth2/token",
            "logoutUrl": login + "/logout",
            "redirectUri": "https://d1a2b3c4d5e6f7.cloudfront.net/",
            "scopes": "openid email profile aws.cognito.signin.user.admin",
            "identityApiUrl": "https://cognito-idp.ap-northeast-2.amazonaws.com/",
            "apiBase": "/api",
        })

    def test_it_has_every_field_the_page_refuses_to_start_without(self):
        # web/app.js loadConfig: the fields it checks before anything else
        app = (ROOT / "web/app.js").read_text(encoding="utf-8")
        required = re.search(r"for \(const field of \[([^\]]*)\]\)", app).group(1)
        fields = re.findall(r"'([A-Za-z]+)'", required)
        self.assertTrue(fields)
        config = webconfig.web_config(sample_outputs(), "ap-northeast-2")
        for field in fields:
            self.assertTrue(config.get(field), field)

    def test_it_has_the_same_fields_as_the_local_clouds_config_json(self):
        java = (ROOT / "infra/local-cloud/src/main/java/kr/seoullearn/local/LocalCloud.java").read_text(encoding="utf-8")
        body = java[java.index("static String configJson("):]
        local_fields = re.findall(r'config\.put\("([A-Za-z]+)"', body[:body.index("return JsonText.write(config)")])
        self.assertEqual(sorted(local_fields), sorted(webconfig.web_config(sample_outputs(), "ap-northeast-2")))

    def test_a_stack_without_an_output_names_what_is_missing(self):
        outputs = sample_outputs()
        del outputs["WebClientId"]
        del outputs["HostedLoginDomain"]
        with self.assertRaisesRegex(ValueError, "HostedLoginDomain, WebClientId"):
            webconfig.web_config(outputs, "ap-northeast-2")

    def test_a_plain_http_address_is_refused(self):
        outputs = sample_outputs()
        outputs["WebUrl"] = "http://d1a2b3c4d5e6f7.cloudfront.net"
        with self.assertRaisesRegex(ValueError, "WebUrl"):
            webconfig.web_config(outputs, "ap-northeast-2")

    def test_the_command_line_reads_describe_stacks_output(self):
        import contextlib
        import io
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            webconfig.main(["webconfig.py", str(HERE / "fixtures/describe-stacks.json"), "ap-northeast-2"])
        self.assertEqual(json.loads(out.getvalue())["clientId"], "5k2q7r1v9d3m8n4p6s0t2u5w7x")


class SamConfig(unittest.TestCase):
    def test_dev_and_prod_deploy_to_seoul_with_their_own_stack_and_stage(self):
        config = tomllib.loads((ROOT / "samconfig.toml").read_text(encoding="utf-8"))
        for env in ("dev", "prod"):
            params = config[env]["deploy"]["parameters"]
            self.assertEqual(params["region"], "ap-northeast-2")
            self.assertEqual(params["stack_name"], f"seoul-learn-{env}")
            self.assertIn("CAPABILITY_IAM", params["capabilities"])
            self.assertIn(f"Stage={env}", params["parameter_overrides"])
            self.assertNotIn("local-rooms", params["parameter_overrides"])

    def test_values_a_person_must_choose_stop_the_deploy_until_set(self):
        settings = tomllib.loads((ROOT / "samconfig.toml").read_text(encoding="utf-8"))["dev"]["deploy"]["parameters"]
        self.assertEqual(deploy.unset(settings), ["SenderEmail", "ApiDomainName", "ApiCertificateArn"])
        chosen = {"parameter_overrides": "Stage=dev SenderEmail=no-reply@learn.example.kr"}
        self.assertEqual(deploy.unset(chosen), [])

    def test_the_web_acl_and_the_site_address_replace_what_samconfig_says(self):
        settings = {"parameter_overrides": "Stage=dev WebOrigin=http://localhost:3000 SenderEmail=a@b.kr"}
        self.assertEqual(deploy.overrides(settings, WebAclArn="arn:x", WebOrigin="https://d1.cloudfront.net"),
                         ["Stage=dev", "WebOrigin=https://d1.cloudfront.net", "SenderEmail=a@b.kr", "WebAclArn=arn:x"])
        self.assertEqual(deploy.overrides(settings, WebAclArn="arn:x", WebOrigin=None)[1], "WebOrigin=http://localhost:3000")


class SiteFiles(unittest.TestCase):
    def test_the_upload_leaves_out_the_tests_the_readme_and_any_local_config_json(self):
        with tempfile.TemporaryDirectory() as d:
            web = pathlib.Path(d)
            for name in ("index.html", "app.js", "style.css", "i18n/ko.json", "README.md", "config.json", "tests/x.mjs"):
                (web / name).parent.mkdir(parents=True, exist_ok=True)
                (web / name).write_text("x")
            names = [n for n, _ in publish.site_files(web)]
        self.assertEqual(names, ["app.js", "i18n/ko.json", "index.html", "style.css"])
        self.assertEqual(publish.content_type("app.js"), "text/javascript; charset=utf-8")
        self.assertEqual(publish.content_type("i18n/ko.json"), "application/json; charset=utf-8")


if __name__ == "__main__":
    unittest.main()
