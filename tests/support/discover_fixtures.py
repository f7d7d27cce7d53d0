"""Create the AWS resources `tests/discover.rs` lists, in the moto server, with boto3.

usage: discover_fixtures.py ENDPOINT populate REGION PREFIX
       discover_fixtures.py ENDPOINT instances REGION PREFIX COUNT
       discover_fixtures.py ENDPOINT caches REGION PREFIX

`caches` makes, in REGION: ElastiCache replication groups (TLS with the user group
PREFIXug, TLS without a user group, no TLS, cluster mode, and TLS on Redis OSS 6.2 and
7.0), MemoryDB clusters (engine 7.1
with TLS and the ACL PREFIXacl, 7.1 without TLS, 6.2 with TLS), and an Aurora DSQL
cluster in us-east-1 (moto has DSQL in us-east-1 only), whose identifier it prints.
moto 5.2.5 cannot create user groups or ACLs, so no user is in them: tests/discover.rs
answers DescribeUsers itself for REGION. moto does not list a replication group's member
clusters in DescribeCacheClusters (AWS does, with their engine version): for the groups
with a version, the member cluster is created here with CreateCacheCluster.

`populate` makes, in REGION: RDS instances with IAM on (postgres) and off (mysql),
an Aurora PostgreSQL cluster (IAM on) and an Aurora MySQL cluster (IAM off), two RDS
Proxies (IAM required / disabled; moto needs a VPC and subnets first), a Redshift
cluster and two DynamoDB tables. `instances` makes COUNT postgres instances.
Names start with PREFIX. Prints nothing on success.
"""
import sys

import boto3

endpoint, action, region, prefix = sys.argv[1:5]
kw = dict(
    endpoint_url=endpoint,
    region_name=region,
    aws_access_key_id="AKIATESTTESTTESTTEST",
    aws_secret_access_key="testing-secret-key",
)
rds = boto3.client("rds", **kw)


def instance(name, engine, iam, **extra):
    rds.create_db_instance(
        DBInstanceIdentifier=name,
        Engine=engine,
        DBInstanceClass="db.t3.micro",
        MasterUsername="admin_user",
        MasterUserPassword="password-123",
        AllocatedStorage=20,
        EnableIAMDatabaseAuthentication=iam,
        **extra,
    )


if action == "instances":
    for i in range(int(sys.argv[5])):
        instance(f"{prefix}{i:03}", "postgres", i % 2 == 0)
    sys.exit(0)

if action == "caches":
    ec = boto3.client("elasticache", **kw)
    for name, tls, groups, cluster in [
        (f"{prefix}rg-iam", True, [f"{prefix}ug"], False),
        (f"{prefix}rg-tls", True, [], False),
        (f"{prefix}rg-plain", False, [], False),
        (f"{prefix}rg-cluster", True, [], True),
    ]:
        extra = dict(NumNodeGroups=2, ReplicasPerNodeGroup=1, ClusterMode="enabled") if cluster else dict(NumCacheClusters=1)
        if groups:
            extra["UserGroupIds"] = groups
        ec.create_replication_group(
            ReplicationGroupId=name, ReplicationGroupDescription="dbiam test", Engine="valkey",
            CacheNodeType="cache.t3.micro", TransitEncryptionEnabled=tls, **extra)
    # Redis OSS groups whose member cluster tells the engine version (IAM needs 7.0+).
    for name, version in [(f"{prefix}rg-redis6", "6.2.6"), (f"{prefix}rg-redis7", "7.0.7")]:
        ec.create_replication_group(
            ReplicationGroupId=name, ReplicationGroupDescription="dbiam test", Engine="redis",
            EngineVersion=version, CacheNodeType="cache.t3.micro", TransitEncryptionEnabled=True,
            NumCacheClusters=1)
        ec.create_cache_cluster(
            CacheClusterId=f"{name}-001", ReplicationGroupId=name, Engine="redis",
            EngineVersion=version, CacheNodeType="cache.t3.micro", NumCacheNodes=1)
    mdb = boto3.client("memorydb", **kw)
    for name, tls, version, acl in [
        (f"{prefix}mdb-iam", True, "7.1", f"{prefix}acl"),
        (f"{prefix}mdb-plain", False, "7.1", "open-access"),
        (f"{prefix}mdb-old", True, "6.2", "open-access"),
    ]:
        mdb.create_cluster(ClusterName=name, NodeType="db.t4g.small", ACLName=acl,
                           TLSEnabled=tls, EngineVersion=version)
    dsql = boto3.client("dsql", **{**kw, "region_name": "us-east-1"})
    print(dsql.create_cluster(deletionProtectionEnabled=False, tags={"Name": f"{prefix}dsql"})["identifier"])
    sys.exit(0)

assert action == "populate", action
instance(f"{prefix}pg-iam", "postgres", True, DBName="app")
instance(f"{prefix}mysql-noiam", "mysql", False)
for name, engine, iam in [
    (f"{prefix}apg", "aurora-postgresql", True),
    (f"{prefix}amy", "aurora-mysql", False),
]:
    rds.create_db_cluster(
        DBClusterIdentifier=name,
        Engine=engine,
        MasterUsername="admin_user",
        MasterUserPassword="password-123",
        EnableIAMDatabaseAuthentication=iam,
    )

ec2 = boto3.client("ec2", **kw)
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
subnets = [
    ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=region + az)[
        "Subnet"
    ]["SubnetId"]
    for i, az in [(1, "a"), (2, "b")]
]
for name, family, iam in [
    (f"{prefix}proxy-req", "POSTGRESQL", "REQUIRED"),
    (f"{prefix}proxy-off", "MYSQL", "DISABLED"),
]:
    rds.create_db_proxy(
        DBProxyName=name,
        EngineFamily=family,
        Auth=[
            {
                "AuthScheme": "SECRETS",
                "SecretArn": f"arn:aws:secretsmanager:{region}:123456789012:secret:{name}",
                "IAMAuth": iam,
            }
        ],
        RoleArn="arn:aws:iam::123456789012:role/proxy",
        VpcSubnetIds=subnets,
        RequireTLS=True,
    )

boto3.client("redshift", **kw).create_cluster(
    ClusterIdentifier=f"{prefix}rs",
    NodeType="dc2.large",
    MasterUsername="admin_user",
    MasterUserPassword="Password123",
    DBName="dev",
)
ddb = boto3.client("dynamodb", **kw)
for t in ["tab-a", "tab-b"]:
    ddb.create_table(
        TableName=f"{prefix}{t}",
        KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
