//! Minting one RDS and one DSQL token in-process (the signer alone, no process start-up).

use criterion::{criterion_group, criterion_main, Criterion};
use dbiam::secret::Secret;
use dbiam::token::{dsql_token, parse_signing_time, rds_token, DsqlAction, SigningKeys};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let keys = SigningKeys {
        access_key_id: "ASIAIOSFODNN7EXAMPLE".into(),
        secret_access_key: Secret::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        session_token: Some(Secret::new("IQoJb3JpZ2luX2VjEXAMPLE".repeat(40))),
    };
    let at = parse_signing_time("20260101T000000Z").unwrap();
    c.bench_function("rds_token", |b| {
        b.iter(|| {
            rds_token(
                black_box("prod.cluster-abcdefghijkl.eu-west-1.rds.amazonaws.com"),
                black_box(5432),
                black_box("app_user"),
                "eu-west-1",
                &keys,
                at,
            )
            .unwrap()
        })
    });
    c.bench_function("dsql_token", |b| {
        b.iter(|| {
            dsql_token(
                black_box("abcdefghijklmnopqrst.dsql.us-east-1.on.aws"),
                "us-east-1",
                DsqlAction::ConnectAdmin,
                900,
                &keys,
                at,
            )
            .unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
