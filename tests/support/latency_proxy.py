"""Latency replay proxy for scripts/bench-discover (Python standard library only).

usage: latency_proxy.py UPSTREAM_URL

Listens on three free 127.0.0.1 ports and prints them as one JSON line on stdout:
{"aws": PORT, "docdb": PORT, "redshift-serverless": PORT}. Runs until killed.

- `aws`: every AWS API request is keyed by the service and region of its SigV4
  credential scope, the method, the path and the body (the parts of a request that do
  not change from one call to the next: the signature, X-Amz-Date and the SDK's
  invocation ids are left out). In the first pass (record) it is forwarded to UPSTREAM
  (the moto server) and the answer is recorded. After `POST /__latency_proxy__/replay`
  (optional `?latency_ms=N`, default 100) every request is answered from the recording
  after sleeping N ms, modelling one round trip to AWS; the emulator's own (serial,
  CPU-bound) work is then out of the measurement. A request missing from the
  recording is forwarded to UPSTREAM and counted as a miss.
- `docdb` and `redshift-serverless`: canned answers for what moto 5.2 cannot produce
  (DocumentDB clusters, Redshift Serverless workgroups), shaped like the test fakes of
  tests/discover.rs (from the AWS API references' examples): two pages each, the first
  DocumentDB page also holding an Aurora cluster as the real DocDB API does. After the
  replay switch they answer after the same latency.

`GET /__latency_proxy__/stats` returns JSON: recorded requests, replayed, canned,
misses (with a label per missed request), and the proxy's own time per answer beyond
the latency (median and max, ms). `GET /__latency_proxy__/recorded` returns every
recorded request (listener, method, path, headers, body) so a client can time one
call alone. Binds loopback only; nothing leaves the machine.
"""
import base64
import http.client
import http.server
import json
import statistics
import sys
import threading
import time
import urllib.parse

CONTROL = "/__latency_proxy__/"
PREFIX = "bench-"
# Response headers not replayed as they were (recomputed, or per connection).
HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "date", "server"}

lock = threading.Lock()
state = {
    "latency": 0.0,  # seconds; 0 while recording
    "replay": False,
    "recording": {},  # key -> (status, [(header, value)], body)
    "requests": {},  # key -> (listener, method, path, [(header, value)], body)
    "recorded": 0,
    "replayed": 0,
    "canned": 0,
    "misses": [],
    "overhead": [],  # seconds spent beyond the latency, per answer in replay
}


def scope(headers):
    """(service, region) of the SigV4 credential scope."""
    auth = headers.get("authorization", "")
    try:
        cred = auth.split("Credential=", 1)[1].split(",", 1)[0]
        _akid, _date, region, service = cred.split("/")[:4]
        return service, region
    except (IndexError, ValueError):
        return "", ""


def label(listener, service, region, headers, body):
    """A readable, unique name for a request: listener, service, region, operation and
    its parameters (page marker, table name)."""
    text = body.decode("utf-8", "replace")
    op = headers.get("x-amz-target", "")
    if op:
        params = "" if text.strip() in ("", "{}") else " " + text
    else:
        form = urllib.parse.parse_qsl(text)
        op = dict(form).get("Action", "?")
        params = "".join(f" {k}={v}" for k, v in form if k not in ("Action", "Version"))
    where = "" if listener == "aws" else f" (canned {listener})"
    return f"{service} {region} {op}{params}{where}"


# ------------------------------------------------------------------ canned answers


def docdb_cluster(cid, engine, version, region, port):
    return (
        "<DBCluster>"
        f"<AvailabilityZones><AvailabilityZone>{region}a</AvailabilityZone></AvailabilityZones>"
        "<BackupRetentionPeriod>1</BackupRetentionPeriod>"
        f"<DBClusterIdentifier>{cid}</DBClusterIdentifier>"
        "<DBClusterParameterGroup>default.docdb5.0</DBClusterParameterGroup>"
        "<DBSubnetGroup>default</DBSubnetGroup><Status>available</Status>"
        "<EarliestRestorableTime>2024-10-15T06:53:36.734Z</EarliestRestorableTime>"
        f"<Endpoint>{cid}.cluster-cjzpnudpkmf9.{region}.docdb.amazonaws.com</Endpoint>"
        f"<ReaderEndpoint>{cid}.cluster-ro-cjzpnudpkmf9.{region}.docdb.amazonaws.com</ReaderEndpoint>"
        f"<MultiAZ>false</MultiAZ><Engine>{engine}</Engine><EngineVersion>{version}</EngineVersion>"
        "<LatestRestorableTime>2024-10-16T06:53:36.734Z</LatestRestorableTime>"
        f"<Port>{port}</Port><MasterUsername>masteruser</MasterUsername>"
        "<PreferredBackupWindow>00:00-00:30</PreferredBackupWindow>"
        "<PreferredMaintenanceWindow>sun:03:00-sun:03:30</PreferredMaintenanceWindow>"
        "<DBClusterMembers/><VpcSecurityGroups><VpcSecurityGroupMembership>"
        "<VpcSecurityGroupId>sg-77186e0d</VpcSecurityGroupId><Status>active</Status>"
        "</VpcSecurityGroupMembership></VpcSecurityGroups>"
        "<HostedZoneId>ZNKXH85TT8WVW</HostedZoneId><StorageEncrypted>false</StorageEncrypted>"
        "<DbClusterResourceId>cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ</DbClusterResourceId>"
        f"<DBClusterArn>arn:aws:rds:{region}:123456789012:cluster:{cid}</DBClusterArn>"
        "<ClusterCreateTime>2024-10-15T06:52:30.150Z</ClusterCreateTime>"
        "<DeletionProtection>false</DeletionProtection></DBCluster>"
    )


def docdb_answer(region, body):
    """DocDB DescribeDBClusters (query protocol, XML), two pages."""
    if "Marker=" not in body:
        clusters = docdb_cluster(f"{PREFIX}aurora-seen-by-docdb", "aurora-postgresql", "15.4",
                                 region, 5432)
        clusters += docdb_cluster(f"{PREFIX}docdb-1", "docdb", "5.0.0", region, 27017)
        marker = "<Marker>page-2</Marker>"
    else:
        clusters, marker = docdb_cluster(f"{PREFIX}docdb-2", "docdb", "4.0.0", region, 27017), ""
    xml = (
        '<DescribeDBClustersResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">'
        f"<DescribeDBClustersResult>{marker}<DBClusters>{clusters}</DBClusters>"
        "</DescribeDBClustersResult><ResponseMetadata>"
        "<RequestId>c9ae6e4b-2ab4-4d1c-9c4e-4d37e3b3b0f3</RequestId>"
        "</ResponseMetadata></DescribeDBClustersResponse>"
    )
    return "text/xml", xml


def workgroup(name, region):
    return {
        "workgroupName": name,
        "workgroupId": "e3b0c442-98fc-4c14-9afb-f4c8996fb924",
        "workgroupArn": f"arn:aws:redshift-serverless:{region}:123456789012:workgroup/"
                        "e3b0c442-98fc-4c14-9afb-f4c8996fb924",
        "namespaceName": f"{name}-ns",
        "baseCapacity": 8,
        "enhancedVpcRouting": False,
        "configParameters": [{"parameterKey": "require_ssl", "parameterValue": "true"}],
        "securityGroupIds": ["sg-0a1b2c3d"],
        "subnetIds": ["subnet-0a1b2c3d", "subnet-1a2b3c4d"],
        "status": "AVAILABLE",
        "endpoint": {
            "address": f"{name}.123456789012.{region}.redshift-serverless.amazonaws.com",
            "port": 5439,
            "vpcEndpoints": [],
        },
        "publiclyAccessible": False,
        "creationDate": "2024-10-15T13:46:40.000Z",
        "port": 5439,
        "workgroupVersion": "1.0.78890",
        "patchVersion": "patch 187",
    }


def serverless_answer(region, body):
    """Redshift Serverless ListWorkgroups (JSON 1.1), two pages."""
    if "nextToken" not in body:
        doc = {"workgroups": [workgroup(f"{PREFIX}wg-1", region)], "nextToken": "page-2"}
    else:
        doc = {"workgroups": [workgroup(f"{PREFIX}wg-2", region)]}
    return "application/x-amz-json-1.1", json.dumps(doc)


CANNED = {"docdb": docdb_answer, "redshift-serverless": serverless_answer}


# ------------------------------------------------------------------ the server


def forward(upstream, method, path, headers, body):
    """Send one request to UPSTREAM; (status, headers, body) of its answer."""
    conn = http.client.HTTPConnection(upstream, timeout=60)
    try:
        out = {k: v for k, v in headers.items() if k.lower() not in ("connection", "keep-alive")}
        out["Connection"] = "close"
        conn.request(method, path, body=body, headers=out)
        resp = conn.getresponse()
        data = resp.read()
        kept = [(k, v) for k, v in resp.getheaders() if k.lower() not in HOP]
        return resp.status, kept, data
    finally:
        conn.close()


def make_handler(listener, upstream):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def send_all(self, status, headers, body):
            """The whole answer in one write (no Nagle / delayed-ACK stalls)."""
            lines = [f"HTTP/1.1 {status} {http.client.responses.get(status, 'OK')}"]
            lines += [f"{k}: {v}" for k, v in headers]
            lines.append(f"Content-Length: {len(body)}")
            self.wfile.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)

        def control(self):
            url = urllib.parse.urlsplit(self.path)
            action = url.path[len(CONTROL):]
            with lock:
                if action == "replay" and self.command == "POST":
                    q = urllib.parse.parse_qs(url.query)
                    state["latency"] = float(q.get("latency_ms", ["100"])[0]) / 1000
                    state["replay"] = True
                    doc = {"replay": True, "latency_ms": state["latency"] * 1000}
                elif action == "stats":
                    over = state["overhead"] or [0.0]
                    doc = {
                        "recorded": state["recorded"],
                        "replayed": state["replayed"],
                        "canned": state["canned"],
                        "misses": state["misses"],
                        "overhead_median_ms": statistics.median(over) * 1000,
                        "overhead_max_ms": max(over) * 1000,
                    }
                elif action == "recorded":
                    doc = [
                        {"listener": li, "method": m, "path": p, "headers": h,
                         "body": base64.b64encode(b).decode(), "label": lab}
                        for (li, m, p, h, b, lab) in state["requests"].values()
                    ]
                else:
                    self.send_all(404, [], b"")
                    return
            self.send_all(200, [("Content-Type", "application/json")], json.dumps(doc).encode())

        def answer(self):
            start = time.perf_counter()
            if self.path.startswith(CONTROL):
                self.control()
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            service, region = scope(headers)
            key = (listener, service, region, self.command, self.path, body)
            name = label(listener, service, region, headers, body)
            with lock:
                replay, latency = state["replay"], state["latency"]
                recorded = state["recording"].get(key)
            if listener in CANNED:
                ctype, text = CANNED[listener](region, body.decode("utf-8", "replace"))
                answer = (200, [("Content-Type", ctype),
                                ("x-amzn-RequestId", "7d6a4f3e-0000-4000-8000-000000000000")],
                          text.encode())
                with lock:
                    state["canned"] += 1
                    state["requests"].setdefault(
                        key, (listener, self.command, self.path, dict(self.headers), body, name))
            elif replay and recorded is not None:
                answer = recorded
                with lock:
                    state["replayed"] += 1
            else:
                answer = forward(upstream, self.command, self.path, dict(self.headers), body)
                with lock:
                    if replay:
                        state["misses"].append(name)
                    elif key not in state["recording"]:
                        state["recording"][key] = answer
                        state["requests"][key] = (listener, self.command, self.path,
                                                  dict(self.headers), body, name)
                        state["recorded"] += 1
            if replay:
                spent = time.perf_counter() - start
                time.sleep(max(0.0, latency - spent))
            self.send_all(*answer)
            if replay:
                with lock:
                    state["overhead"].append(time.perf_counter() - start - latency)

        do_GET = do_POST = do_PUT = do_DELETE = answer

    return Handler


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # All jobs connect at once: a short listen queue would drop connections and make
    # the clients retry after a second.
    request_queue_size = 1024


def main():
    upstream = urllib.parse.urlsplit(sys.argv[1]).netloc
    ports = {}
    for listener in ["aws", "docdb", "redshift-serverless"]:
        srv = Server(("127.0.0.1", 0), make_handler(listener, upstream))
        ports[listener] = srv.server_address[1]
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    print(json.dumps(ports), flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
