#!/usr/bin/env python3
"""Reference tokens from botocore itself, for dbiam's byte-for-byte signer tests.

Usage: reference_tokens.py random SEED COUNT   -> random RDS and DSQL cases (JSON lines)
       reference_tokens.py cache SEED COUNT    -> random ElastiCache and MemoryDB cases
       reference_tokens.py one                 -> reads cases (JSON lines) on stdin, adds "expected"

Each case has the fields of ../shared/fixtures/*.jsonl: kind ("rds" or "dsql"), host,
port, region, user, admin, expires, akid, secret, token, time, expected. Cache cases
have kind "elasticache" or "memorydb", name, user, serverless (ElastiCache only).

Cache tokens are signed the way AWS's own Python example for ElastiCache/MemoryDB IAM
authentication does it: botocore's RequestSigner(ServiceId(svc), region, svc, "v4", …)
.generate_presigned_url of GET https://NAME/?Action=connect&User=USER
[&ResourceType=ServerlessCache], 900 s, with the scheme removed.
"""
import datetime
import json
import random
import string
import sys

from urllib.parse import ParseResult, urlencode, urlunparse

import botocore.auth
import botocore.session
from botocore.credentials import Credentials
from botocore.model import ServiceId
from botocore.signers import RequestSigner

REGIONS = [
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1",
    "ap-southeast-2", "ap-northeast-1", "sa-east-1", "ca-central-1", "me-south-1",
    "us-gov-west-1", "us-gov-east-1", "cn-north-1", "cn-northwest-1",
]
NON_ASCII = "éüßøåñçЖжΩλ日本語中文한국🎉💾€£¥"
B64 = string.ascii_letters + string.digits + "+/="

_session = botocore.session.get_session()
_clients = {}


def client(service):
    if service not in _clients:
        _clients[service] = _session.create_client(
            service, region_name="us-east-1",
            aws_access_key_id="AKIDPLACEHOLDER", aws_secret_access_key="placeholder")
    return _clients[service]


def sign(case):
    at = datetime.datetime.strptime(case["time"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    botocore.auth.get_current_datetime = lambda: at
    kind = case.get("kind", "rds")
    if kind in ("elasticache", "memorydb"):
        return sign_cache(case, kind)
    c = client("rds" if kind == "rds" else "dsql")
    c._request_signer._credentials = Credentials(case["akid"], case["secret"], case.get("token"))
    if kind == "rds":
        return c.generate_db_auth_token(
            DBHostname=case["host"], Port=case["port"], DBUsername=case["user"], Region=case["region"])
    if case.get("admin"):
        return c.generate_db_connect_admin_auth_token(
            Hostname=case["host"], Region=case["region"], ExpiresIn=case["expires"])
    return c.generate_db_connect_auth_token(
        Hostname=case["host"], Region=case["region"], ExpiresIn=case["expires"])


def sign_cache(case, service):
    """AWS's documented example (ElastiCache/MemoryDB user guides, redis-py docs)."""
    creds = Credentials(case["akid"], case["secret"], case.get("token"))
    signer = RequestSigner(ServiceId(service), case["region"], service, "v4", creds,
                           _session.get_component("event_emitter"))
    query = {"Action": "connect", "User": case["user"]}
    if case.get("serverless"):
        query["ResourceType"] = "ServerlessCache"
    url = urlunparse(ParseResult(scheme="https", netloc=case["name"], path="/",
                                 query=urlencode(query), params="", fragment=""))
    signed = signer.generate_presigned_url(
        {"method": "GET", "url": url, "body": {}, "headers": {}, "context": {}},
        operation_name="connect", expires_in=900, region_name=case["region"])
    return signed.removeprefix("https://")


def rand_cache_case(r, kind):
    case = rand_case(r, "rds")
    del case["host"], case["port"]
    case["kind"] = kind
    n = r.randint(1, 40)
    name = r.choice(string.ascii_lowercase) + "".join(
        r.choice(string.ascii_lowercase + string.digits + "-") for _ in range(n - 1))
    if r.random() < 0.1:
        name = name.upper()
    case["name"] = name
    case["serverless"] = kind == "elasticache" and r.random() < 0.5
    return case


def rand_label(r, n):
    return "".join(r.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def rand_user(r):
    n = r.randint(1, 40)
    chars = [chr(r.randint(32, 126)) if r.random() < 0.8 else r.choice(NON_ASCII) for _ in range(n)]
    return "".join(chars)


def rand_host(r, region):
    form = r.randrange(6)
    suffix = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
    if form == 0:
        h = f"{rand_label(r, 8)}.{rand_label(r, 12)}.{region}.rds.{suffix}"
    elif form == 1:
        h = f"{rand_label(r, 6)}.cluster-{rand_label(r, 12)}.{region}.rds.{suffix}"
    elif form == 2:
        h = f"{rand_label(r, 6)}.cluster-ro-{rand_label(r, 12)}.{region}.rds.{suffix}"
    elif form == 3:
        h = f"{rand_label(r, 6)}.proxy-{rand_label(r, 12)}.{region}.rds.{suffix}"
    elif form == 4:
        h = f"{rand_label(r, 5)}-{rand_label(r, 3)}.internal.example.com"
    else:
        h = f"127.0.0.{r.randint(1, 254)}"
    if r.random() < 0.1:
        h = h.upper()
    return h


def rand_case(r, kind):
    region = r.choice(REGIONS)
    temporary = r.random() < 0.6
    case = {
        "kind": kind,
        "region": region,
        "akid": ("ASIA" if temporary else "AKIA") + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(16)),
        "secret": "".join(r.choice(B64) for _ in range(40)),
        "token": "".join(r.choice(B64) for _ in range(r.randint(100, 2000))) if temporary else None,
        "time": (datetime.datetime(2015, 1, 1) + datetime.timedelta(seconds=r.randint(0, 20 * 365 * 86400))).strftime("%Y%m%dT%H%M%SZ"),
    }
    if kind == "rds":
        case["host"] = rand_host(r, region)
        case["port"] = r.choice([443, 5432, 3306, 5439, r.randint(1, 65535), r.randint(1, 65535)])
        case["user"] = rand_user(r)
    else:
        case["host"] = f"{rand_label(r, 26)}.dsql.{region}.on.aws"
        case["admin"] = r.random() < 0.5
        case["expires"] = r.choice([900, 3600, 604800, r.randint(1, 604800)])
    return case


def main():
    if sys.argv[1] == "random":
        r = random.Random(int(sys.argv[2]))
        count = int(sys.argv[3])
        for i in range(count):
            case = rand_case(r, "rds" if i % 4 else "dsql")
            case["expected"] = sign(case)
            print(json.dumps(case, ensure_ascii=False))
    elif sys.argv[1] == "cache":
        r = random.Random(int(sys.argv[2]))
        for i in range(int(sys.argv[3])):
            case = rand_cache_case(r, "memorydb" if i % 3 == 2 else "elasticache")
            case["expected"] = sign(case)
            print(json.dumps(case, ensure_ascii=False))
    else:
        for line in sys.stdin:
            case = json.loads(line)
            case["expected"] = sign(case)
            print(json.dumps(case, ensure_ascii=False))


if __name__ == "__main__":
    main()
