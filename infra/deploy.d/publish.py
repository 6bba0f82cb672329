"""Uploads web/ to the stack's web bucket with a config.json made from the stack's outputs, then
asks CloudFront to drop what it cached (infra/deploy). Uses boto3 from the pinned tools venv
(the SAM CLI's own dependency), so no aws CLI is needed.

    python publish.py STACK REGION WEB_DIR
"""
import json
import mimetypes
import pathlib
import sys
import time

import boto3

import webconfig

SKIP = {"tests", "README.md"}  # web/README.md: tests and the README are not part of the site
TYPES = {".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".html": "text/html; charset=utf-8",
         ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml",
         ".webmanifest": "application/manifest+json"}


def site_files(web_dir):
    root = pathlib.Path(web_dir)
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and relative.parts[0] not in SKIP and relative.name != "config.json":
            yield relative.as_posix(), path


def content_type(name):
    suffix = pathlib.PurePosixPath(name).suffix
    return TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def main(stack, region, web_dir):
    cloudformation = boto3.client("cloudformation", region_name=region)
    outputs = webconfig.outputs_by_key(cloudformation.describe_stacks(StackName=stack)["Stacks"][0]["Outputs"])
    config = webconfig.web_config(outputs, region)
    bucket = outputs["WebBucketName"]
    s3 = boto3.client("s3", region_name=region)
    count = 0
    for name, path in site_files(web_dir):
        # no-cache: the browser asks again each visit (a 304 when unchanged), so a deploy shows at once
        s3.put_object(Bucket=bucket, Key=name, Body=path.read_bytes(), ContentType=content_type(name), CacheControl="no-cache")
        count += 1
    s3.put_object(Bucket=bucket, Key="config.json", Body=json.dumps(config, indent=2).encode("utf-8"),
                  ContentType="application/json; charset=utf-8", CacheControl="no-store")
    print(f"uploaded {count} files and config.json to s3://{bucket}/", file=sys.stderr)
    distribution = outputs.get("WebDistributionId")
    if distribution:
        boto3.client("cloudfront").create_invalidation(DistributionId=distribution, InvalidationBatch={
            "Paths": {"Quantity": 1, "Items": ["/*"]}, "CallerReference": f"deploy-{time.time_ns()}"})
        print(f"asked CloudFront {distribution} to drop its cached copies", file=sys.stderr)
    print(outputs["WebUrl"])


if __name__ == "__main__":
    main(*sys.argv[1:4])
