//! The moto server from Python: boto3 calls to set up resources, and reseeding its
//! random generator (for calls whose answers are random, like GetClusterCredentials).
#![allow(dead_code)]

use std::process::Command;

use super::python;

/// Run Python (with boto3) against moto.
pub fn boto(moto: &str, code: &str) -> String {
    let out = Command::new(python().expect("python"))
        .args(["-c", code])
        .env("MOTO", moto)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Reset moto's random generator: its GetClusterCredentials password is random, so the
/// test reseeds before each call to get the same password twice.
pub fn seed_moto(moto: &str) {
    boto(
        moto,
        "import os, urllib.request; urllib.request.urlopen(urllib.request.Request(os.environ['MOTO'] + '/moto-api/seed?a=4242', method='POST'))",
    );
}

/// Create a single-node Redshift cluster `id` in `region` of moto.
pub fn create_redshift_cluster(moto: &str, region: &str, id: &str) {
    boto(
        moto,
        &format!(
            "import boto3, os; boto3.client('redshift', region_name='{region}', endpoint_url=os.environ['MOTO']).create_cluster(\
             ClusterIdentifier='{id}', NodeType='dc2.large', ClusterType='single-node', MasterUsername='admin', MasterUserPassword='Passw0rd1')"
        ),
    );
}
