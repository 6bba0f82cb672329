"""The SAM-translator cross-check (crosscheck.py) passes on template.yaml and fails on a template
with a route or a schedule the local cloud would miss. Needs the local cloud's jar (mvn install)."""
import glob
import os
import pathlib
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import crosscheck  # noqa: E402

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parents[1]
JARS = glob.glob(str(ROOT / "infra/local-cloud/target/local-cloud-*-all.jar"))
JAVA = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"


def with_resources(fixture):
    """template.yaml with the fixture's resources added at the end of Resources."""
    text = (ROOT / "template.yaml").read_text(encoding="utf-8")
    at = text.index("\nOutputs:")
    return text[:at] + "\n" + (HERE / "fixtures" / fixture).read_text(encoding="utf-8") + text[at:]


@unittest.skipUnless(JARS, "build the local cloud first (mvn install)")
class CrossCheck(unittest.TestCase):
    def check(self, text):
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", dir=ROOT, delete=False, encoding="utf-8") as f:
            f.write(text)  # beside template.yaml: CodeUri paths are relative to it
        try:
            return crosscheck.check(f.name, JARS[0], JAVA)
        finally:
            os.unlink(f.name)

    def test_the_local_cloud_runs_exactly_what_sam_would_deploy(self):
        self.assertEqual(crosscheck.check(str(ROOT / "template.yaml"), JARS[0], JAVA), [])

    def test_a_route_declared_outside_the_functions_events_fails(self):
        problems = self.check(with_resources("extra-route.yaml"))
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("route AWS would deploy but the local cloud does not run", problems[0])
        self.assertIn("GET /api/reports/export", problems[0])

    def test_a_schedule_declared_outside_the_functions_events_fails(self):
        problems = self.check(with_resources("extra-schedule.yaml"))
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("schedule AWS would deploy but the local cloud does not run", problems[0])
        self.assertIn("cron(0 2 * * ? *)", problems[0])

    def test_an_open_execute_api_endpoint_and_a_throttle_on_a_missing_route_fail(self):
        text = (ROOT / "template.yaml").read_text(encoding="utf-8")
        text = text.replace("DisableExecuteApiEndpoint: true", "DisableExecuteApiEndpoint: false")
        text = text.replace("'GET /api/catalog/search':", "'GET /api/catalog/find':")
        problems = self.check(text)
        self.assertIn("the execute-api endpoint stays open (DisableExecuteApiEndpoint is not true)", problems)
        self.assertIn("throttle for a route the API does not have: GET /api/catalog/find", problems)


if __name__ == "__main__":
    unittest.main()
