"""Cold-start benchmark driver (run through infra/bench/cold-start.sh, which finds the JDK and
starts moto). Every measured run is a fresh JVM: LocalLambdaRuntime `once` constructs the
handler, handles one event and prints `RESULT totalMs=.. initMs=.. firstInvokeMs=..
peakRssKiB=.. response=..`. Each function is paired with the floor (infra/bench-floor) run
right before or after it (the order alternates from pair to pair), so both see the same
machine load; the ratio reported is the median of the per-pair ratios.
"""
import argparse
import atexit
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

import boto3

REGION = "ap-northeast-2"
TABLE = "bench-app"
RUNNER_MAIN = "kr.seoullearn.local.runtime.LocalLambdaRuntime"
ME_SUB = "0b5e8c1e-7f3a-4a43-9d0e-6f1f3c2a9b11"  # the sub in events/me.json
SIGNUP_USER = "bench-applicant"  # the userName in events/signup-post-confirmation.json
APPLICANT_SUB = "7c2d4e6f-1a3b-4c5d-8e9f-0a1b2c3d4e5f"  # registration.json, documents.json: a DRAFT applicant
BUCKET = "bench-documents"

FLAG_SETS = {
    # What the template sets through JAVA_TOOL_OPTIONS, plus what a MemorySize: 1024 Lambda
    # looks like to the JVM: 1 GiB of RAM (heap sized from it, not from this machine's memory)
    # and one CPU, hence SerialGC.
    "lambda": ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
               "-XX:ActiveProcessorCount=1", "-XX:MaxRAM=1024m"],
    "default": [],
}

RESULT = re.compile(r"^RESULT totalMs=(\d+) initMs=(\d+) firstInvokeMs=(\d+) peakRssKiB=(-?\d+) response=(.*)$")


def functions(root: Path):
    """Every function of template.yaml (and the floor): its jar, handler, event fixture, the
    environment the template gives it (Refs replaced by the bench's own names) and a piece of
    the answer that only the success path produces."""
    v = "0.1.0-SNAPSHOT"
    ok = '"statusCode":200'

    def fn(module, handler, event, expect=ok, **env):
        return dict(jar=root / f"functions/{module}/target/{module}-{v}-lambda.jar",
                    handler=f"kr.seoullearn.functions.{module}.{handler}::handleRequest",
                    event=event, expect=expect, env=env)

    pool = dict(USER_POOL_ID="@USER_POOL_ID@")
    return {
        "floor": dict(jar=root / f"infra/bench-floor/target/bench-floor-{v}-lambda.jar",
                      handler="kr.seoullearn.bench.FloorHandler::handleRequest",
                      event="me.json", expect='"registrationStatus\\":\\"APPROVED', env={}),
        # GET /api/health: no AWS call
        "health": fn("health", "HealthHandler", "health.json"),
        # GET /api/me: 1 GetItem (the floor's route)
        "me": fn("me", "MeHandler", "me.json", '"registrationStatus\\":\\"APPROVED', DOCUMENTS_BUCKET=BUCKET, **pool),
        # the Cognito post-confirmation trigger: GetItem (tenant), conditional PutItem, AdminAddUserToGroup
        "signup": fn("signup", "PostConfirmationHandler", "signup-post-confirmation.json",
                     '"triggerSource":"PostConfirmation_ConfirmSignUp"'),
        # GET /api/registration of a DRAFT applicant: the application and the current programme (Queries)
        "registration": fn("signup", "RegistrationHandler", "registration.json",
                           ELIGIBILITY_REGISTRY="local-test-households",
                           IDENTITY_KEY_SECRET="seoul-learn/identity-key", **pool),
        # POST /api/registration/documents: an upload URL (presigned locally) and one PutItem
        "documents": fn("documents", "DocumentsHandler", "documents.json", '"statusCode":201',
                        DOCUMENTS_BUCKET=BUCKET, UPLOAD_URL_TTL_SECONDS="600", READ_URL_TTL_SECONDS="300",
                        MALWARE_SCANNER="guardduty"),
        # GET /api/review/applications: a reviewer's queue, 1 Query of GSI1
        "review": fn("review", "ReviewHandler", "review.json", DOCUMENTS_BUCKET=BUCKET, **pool),
        # GET /api/catalog/providers?tenant=seoul: 1 Query
        "catalog": fn("catalog", "CatalogHandler", "catalog.json"),
        # GET /api/enrolments of a learner
        "enrolment": fn("enrolment", "EnrolmentHandler", "enrolment.json"),
        # GET /api/mentoring/me of a learner
        "mentoring": fn("mentoring", "MentoringHandler", "mentoring.json", MEETING_PROVIDER="local-rooms",
                         MEETING_SERVICE_URL="http://localhost/rooms"),
        # GET /api/laptops/mine of a learner
        "laptops": fn("laptops", "LaptopsHandler", "laptops.json"),
        # the daily inactivity reclaim (ScheduleV2, no input): tenants, programmes, seats
        "inactivity": fn("enrolment", "InactivityHandler", "inactivity-schedule.json", '"tenants":'),
        # the reminders run (ScheduleV2 every 15 min) at a fixed scheduled time, nothing due
        "reminders": fn("reminders", "ReminderHandler", "reminders-schedule.json", '"failed":0',
                        SENDER_ADDRESS="no-reply@seoul-learn.example", **pool),
        # GET /api/admin/reminders: an admin reads the tenant's reminder switches
        "reminder-settings": fn("reminders", "ReminderSettingsHandler", "reminder-settings.json"),
        # GET /api/admin/dashboard: a reviewer reads the month's figures (Queries, whatever the learners)
        "reports": fn("reports", "ReportsHandler", "reports.json", EXPORTS_BUCKET=BUCKET),
        # GET /api/me/notifications: a learner's in-app inbox, newest first (1 Query)
        "notifications": fn("notifications", "NotificationsHandler", "notifications.json", '"unread\\":'),
        # GET /api/recruitment/rounds: a learner reads the tenant's mentor recruitment rounds (1 Query)
        "recruitment": fn("recruitment", "RecruitmentHandler", "recruitment.json", **pool),
    }


def seed(endpoint: str) -> str:
    """Creates the table, the tenant and the profile `me` reads, and (for signup) a user pool
    with the applicants group and the confirming user. Returns the user pool id."""
    kw = dict(region_name=REGION, endpoint_url=endpoint,
              aws_access_key_id="bench", aws_secret_access_key="bench")
    ddb = boto3.client("dynamodb", **kw)
    # the template's AppTable: PK/SK and GSI1 (the review queue reads it)
    ddb.create_table(TableName=TABLE, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"}
                                           for a in ("PK", "SK", "GSI1PK", "GSI1SK")],
                     KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"},
                                {"AttributeName": "SK", "KeyType": "RANGE"}],
                     GlobalSecondaryIndexes=[{"IndexName": "GSI1", "Projection": {"ProjectionType": "ALL"},
                                              "KeySchema": [{"AttributeName": "GSI1PK", "KeyType": "HASH"},
                                                            {"AttributeName": "GSI1SK", "KeyType": "RANGE"}]}])
    ddb.put_item(TableName=TABLE, Item={
        "PK": {"S": f"T#seoul#U#{ME_SUB}"}, "SK": {"S": "PROFILE"},
        "type": {"S": "PROFILE"}, "tenant": {"S": "seoul"}, "userId": {"S": ME_SUB},
        "status": {"S": "APPROVED"}, "language": {"S": "ko"},
        "createdAt": {"S": "2026-01-01T00:00:00Z"}, "version": {"N": "1"},
        "displayName": {"S": "Bench Learner"}})
    ddb.put_item(TableName=TABLE, Item={
        "PK": {"S": f"T#seoul#U#{APPLICANT_SUB}"}, "SK": {"S": "PROFILE"},
        "type": {"S": "PROFILE"}, "tenant": {"S": "seoul"}, "userId": {"S": APPLICANT_SUB},
        "status": {"S": "DRAFT"}, "language": {"S": "ko"},
        "createdAt": {"S": "2026-01-01T00:00:00Z"}, "version": {"N": "1"}})
    boto3.client("s3", **kw).create_bucket(Bucket=BUCKET,
                                           CreateBucketConfiguration={"LocationConstraint": REGION})
    ddb.put_item(TableName=TABLE, Item={
        "PK": {"S": "TENANT"}, "SK": {"S": "seoul"}, "type": {"S": "TENANT"},
        "nameKo": {"S": "서울특별시"}, "nameEn": {"S": "Seoul"}})
    idp = boto3.client("cognito-idp", **kw)
    pool = idp.create_user_pool(PoolName="bench")["UserPool"]["Id"]
    idp.create_group(UserPoolId=pool, GroupName="applicants")
    idp.admin_create_user(UserPoolId=pool, Username=SIGNUP_USER, MessageAction="SUPPRESS")
    return pool


def run_once(java: str, flags, runner: Path, fn: dict, event: Path, env: dict) -> dict:
    cmd = [java, *flags, "-cp", f"{fn['jar']}{os.pathsep}{runner}", RUNNER_MAIN, "once", fn["handler"], str(event)]
    for attempt in (1, 2):
        try:
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
            break
        except subprocess.TimeoutExpired:
            # a starved machine (others' builds) can stall one JVM for minutes: try once more
            print(f"  timed out after 300 s: {fn['handler']} (attempt {attempt})", file=sys.stderr, flush=True)
            if attempt == 2:
                raise
    for line in proc.stdout.splitlines():
        m = RESULT.match(line)
        if m:
            if fn["expect"] not in m.group(5):
                sys.exit(f"{fn['handler']} answered something unexpected (not measuring an error path):\n"
                         f"{m.group(5)[:600]}\n{proc.stderr[-2000:]}")
            return dict(total=int(m.group(1)), init=int(m.group(2)), invoke=int(m.group(3)),
                        rss_kib=int(m.group(4)))
    sys.exit(f"no RESULT line from {' '.join(cmd)} (exit {proc.returncode}):\n"
             f"{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")


def prime_check(java: str, root: Path, fn: dict, env: dict) -> str:
    """Runs the SnapStart priming hook in the function's shaded jar (PrimeCheck.java): the
    handler is constructed, then every priming step runs; a failed step fails the benchmark."""
    cmd = [java, "-cp", str(fn["jar"]), str(root / "infra/bench/PrimeCheck.java"), fn["handler"].split("::")[0]]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    out = proc.stdout + proc.stderr
    m = re.search(r"^PRIMED sdkRequestsStopped=(\d+)$", proc.stdout, re.M)
    if proc.returncode != 0 or not m or "priming step failed" in out or "priming incomplete" in out:
        sys.exit(f"priming failed in {fn['jar'].name} ({fn['handler']}):\n{out[-3000:]}")
    timing = re.search(r'"message":"primed".*?"ms":(\d+)', out)
    return f"{m.group(1)} SDK requests stopped before sending, {timing.group(1) if timing else '?'} ms"


def event_file(events: Path, name: str, tmp: Path, pool: str) -> Path:
    """The fixture as is, except signup's: its pool id is moto's, and every run confirms a new
    person (fresh sub) so each run does the same work (a first PutItem, not a conditional miss)."""
    if name != "signup-post-confirmation.json":
        return events / name
    text = (events / name).read_text().replace("@USER_POOL_ID@", pool)
    data = json.loads(text)
    data["request"]["userAttributes"]["sub"] = str(uuid.uuid4())
    path = tmp / f"signup-{uuid.uuid4().hex}.json"
    path.write_text(json.dumps(data))
    return path


def jar_contributors(jar: Path, m2: Path, top: int):
    """Compressed bytes of the shaded jar attributed to the artifacts it was built from (found
    through META-INF/maven/*/*/pom.properties and the local Maven repository)."""
    with zipfile.ZipFile(jar) as z:
        infos = {i.filename: i for i in z.infolist() if not i.is_dir()}
        artifacts = []
        for name in infos:
            m = re.match(r"META-INF/maven/([^/]+)/([^/]+)/pom\.properties$", name)
            if m:
                props = dict(line.split("=", 1) for line in z.read(name).decode().splitlines()
                             if "=" in line and not line.startswith("#"))
                artifacts.append((m.group(1), m.group(2), props.get("version", "").strip()))
    owner = {}
    for g, a, v in sorted(artifacts):
        src = m2 / g.replace(".", "/") / a / v / f"{a}-{v}.jar"
        if not src.exists():
            continue
        with zipfile.ZipFile(src) as s:
            for n in s.namelist():
                owner.setdefault(n, f"{g}:{a}")
    sizes = {}
    for name, info in infos.items():
        key = owner.get(name)
        if key is None:
            # Jars built without pom.properties (Micronaut's, the SDK's shaded Jackson, ...):
            # name them by package.
            parts = name.split("/")
            key = "kr.seoullearn (project classes)" if name.startswith("kr/seoullearn/") \
                else "package " + ".".join(parts[:min(4 if name.startswith("software/") else 3, len(parts) - 1)] or parts) \
                + " (no pom.properties)"
        sizes[key] = sizes.get(key, 0) + info.compress_size
    return sorted(sizes.items(), key=lambda kv: -kv[1])[:top], len(infos)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--java", required=True)
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--flags", choices=["lambda", "default", "both"], default="both")
    ap.add_argument("--functions", default="all")
    ap.add_argument("--contents", action="store_true", help="also list the largest contributors to each jar")
    ap.add_argument("--classes", action="store_true",
                    help="also count the classes each function loads up to its first answer (not timed; "
                         "a count does not depend on how busy the machine is)")
    ap.add_argument("--raw", help="write every measurement to this JSON file")
    ap.add_argument("--from-raw", help="measure nothing: print the tables of a run saved with --raw")
    args = ap.parse_args()

    root = Path(args.root)
    events = root / "infra/bench/events"
    runner = root / "infra/lambda-runner/target/lambda-runner-0.1.0-SNAPSHOT-all.jar"
    fns = functions(root)
    names = [n for n in fns if n != "floor"] if args.functions == "all" \
        else [n for n in args.functions.split(",") if n]
    for n in ["floor", *names]:
        if n not in fns:
            sys.exit(f"unknown function {n}")
        if not fns[n]["jar"].exists():
            sys.exit(f"missing {fns[n]['jar']}: build first (cold-start.sh --build)")
    if not runner.exists():
        sys.exit(f"missing {runner}: build first (cold-start.sh --build)")

    if args.from_raw:
        raw = json.loads(Path(args.from_raw).read_text())
        flag_sets = [fs for fs in raw if fs in FLAG_SETS]
        names = [n for n in names if all(n in raw[fs] and raw[fs][n] for fs in flag_sets)]
        report(args, fns, names, flag_sets, raw)
        return

    # Measure copies, so a build running meanwhile cannot swap a jar in the middle of the run.
    snapshot = Path(tempfile.mkdtemp(prefix="cold-start-jars-"))
    atexit.register(shutil.rmtree, snapshot, True)
    copied = {}
    for n in ["floor", *names]:
        src = fns[n]["jar"]
        if src not in copied:
            copied[src] = Path(shutil.copy2(src, snapshot))
        fns[n]["jar"] = copied[src]
    runner = Path(shutil.copy2(runner, snapshot))

    pool = seed(args.endpoint)
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")}
    env.update(AWS_REGION=REGION, AWS_DEFAULT_REGION=REGION, AWS_ACCESS_KEY_ID="bench",
               AWS_SECRET_ACCESS_KEY="bench", AWS_ENDPOINT_URL=args.endpoint, APP_TABLE=TABLE,
               AWS_EC2_METADATA_DISABLED="true", APP_VERSION="bench")
    env.pop("AWS_PROFILE", None)
    env.pop("AWS_SESSION_TOKEN", None)

    # --pairs 0: no timed run at all (the priming check and, with --classes, the class counts only:
    # what a busy machine cannot spoil)
    flag_sets = [] if args.pairs == 0 else ["lambda", "default"] if args.flags == "both" else [args.flags]
    raw = {}
    with tempfile.TemporaryDirectory(prefix="cold-start-") as tmpdir:
        tmp = Path(tmpdir)

        def measure(name, flags):
            fn = fns[name]
            if name == "documents":
                # Each run issues one upload URL; an applicant may hold only five open (ADR 22), so
                # the bench hands the allowance back before each run, outside the measured JVM.
                boto3.client("dynamodb", region_name=REGION, endpoint_url=args.endpoint, aws_access_key_id="bench",
                             aws_secret_access_key="bench").delete_item(
                    TableName=TABLE, Key={"PK": {"S": f"T#seoul#U#{APPLICANT_SUB}"}, "SK": {"S": "UPLOADS"}})
            e = dict(env, AWS_LAMBDA_FUNCTION_NAME=name)
            e.update({k: v.replace("@USER_POOL_ID@", pool) for k, v in fn["env"].items()})
            return run_once(args.java, flags, runner, fn, event_file(events, fn["event"], tmp, pool), e)

        # The SnapStart priming hook must run in every jar (it runs when Lambda publishes a version).
        for n in names:
            e = dict(env, AWS_LAMBDA_FUNCTION_NAME=n)
            e.update({k: v.replace("@USER_POOL_ID@", pool) for k, v in fns[n]["env"].items()})
            print(f"  priming {n}: {prime_check(args.java, root, fns[n], e)}", file=sys.stderr, flush=True)

        if args.classes:
            raw["classes"] = {}
            for n in ["floor", *names]:
                log = tmp / f"classes-{n}.log"
                e = dict(env, AWS_LAMBDA_FUNCTION_NAME=n)
                e.update({k: v.replace("@USER_POOL_ID@", pool) for k, v in fns[n]["env"].items()})
                run_once(args.java, [*FLAG_SETS["lambda"], f"-Xlog:class+load=info:file={log}"], runner, fns[n],
                         event_file(events, fns[n]["event"], tmp, pool), e)
                lines = log.read_text().splitlines()
                jar = fns[n]["jar"].name
                raw["classes"][n] = {"all": len(lines), "jar": sum(1 for line in lines if jar in line)}

        for fs in flag_sets:
            flags = FLAG_SETS[fs]
            # One unmeasured round: warms the page cache, moto and its lazily built backends.
            for n in ["floor", *names]:
                measure(n, flags)
            runs = {n: [] for n in names}
            started = time.time()
            for i in range(args.pairs):
                for n in names:
                    order = ["floor", n] if (i % 2 == 0) else [n, "floor"]
                    got = {o: measure(o, flags) for o in order}
                    runs[n].append({"floor": got["floor"], "fn": got[n]})
                print(f"  [{fs}] pair {i + 1}/{args.pairs} done ({time.time() - started:.0f} s)",
                      file=sys.stderr, flush=True)
                raw[fs] = runs
                if args.raw:  # after every pair, so a run cut short keeps what it measured
                    Path(args.raw).write_text(json.dumps(raw, indent=1))
            raw[fs] = runs

    if args.raw:
        Path(args.raw).write_text(json.dumps(raw, indent=1))
    report(args, fns, names, flag_sets, raw)


def report(args, fns, names, flag_sets, raw):
    med = statistics.median
    mb = lambda p: p.stat().st_size / 1_000_000
    print(f"\nfloor jar: {mb(fns['floor']['jar']):.1f} MB; pairs per function: "
          f"{min((len(raw[fs][n]) for fs in flag_sets for n in names), default=0)}; "
          f"java: {args.java}\n")
    for fs in flag_sets:
        label = "Lambda-like (C1 only, SerialGC, 1 CPU, 1 GiB RAM)" if fs == "lambda" else "JVM defaults"
        print(f"### {label}: `{' '.join(FLAG_SETS[fs]) or '(no flags)'}`\n")
        print("| function | median total ms | median floor ms | ratio (median of pairs) | ratio p25–p75 "
              "| init ms / first invoke ms | peak RSS MiB (floor) | jar MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for n in names:
            pairs = raw[fs][n]
            ratios = [p["fn"]["total"] / p["floor"]["total"] for p in pairs]
            q = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
            print(f"| {n} | {med(p['fn']['total'] for p in pairs):.0f} "
                  f"| {med(p['floor']['total'] for p in pairs):.0f} | {med(ratios):.2f}× "
                  f"| {q[0]:.2f}–{q[2]:.2f} "
                  f"| {med(p['fn']['init'] for p in pairs):.0f} / {med(p['fn']['invoke'] for p in pairs):.0f} "
                  f"| {med(p['fn']['rss_kib'] for p in pairs) / 1024:.0f} "
                  f"({med(p['floor']['rss_kib'] for p in pairs) / 1024:.0f}) "
                  f"| {mb(fns[n]['jar']):.1f} |")
        floor_runs = [p["floor"] for n in names for p in raw[fs][n]]
        print(f"\nfloor over all its runs: median total {med(r['total'] for r in floor_runs):.0f} ms "
              f"(init {med(r['init'] for r in floor_runs):.0f} / first invoke "
              f"{med(r['invoke'] for r in floor_runs):.0f}), peak RSS "
              f"{med(r['rss_kib'] for r in floor_runs) / 1024:.0f} MiB\n")

    if "classes" in raw:
        print("### Classes loaded up to the first answer (`-Xlog:class+load`, Lambda-like flags)\n")
        print("| function | classes loaded | of them from the function's jar | jar MB |")
        print("|---|---:|---:|---:|")
        for n in ["floor", *names]:
            c = raw["classes"].get(n)
            if c:
                print(f"| {n} | {c['all']} | {c['jar']} | {mb(fns[n]['jar']):.2f} |")
        print()

    if args.contents:
        m2 = Path(os.environ.get("M2_REPO", Path.home() / ".m2/repository"))
        for n in ["floor", *names]:
            top, count = jar_contributors(fns[n]["jar"], m2, 12)
            print(f"#### {n}: {fns[n]['jar'].name}, {mb(fns[n]['jar']):.1f} MB, {count} entries\n")
            print("| artifact | compressed MB |")
            print("|---|---:|")
            for k, size in top:
                print(f"| {k} | {size / 1_000_000:.2f} |")
            print()


if __name__ == "__main__":
    main()
