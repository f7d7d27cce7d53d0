//! Connection failures as one line with their likely cause.

use super::{Auth, ConnParams, Engine};
use crate::error::{one_line, Error, Kind};

/// A connection failure as one line with the likely cause.
pub fn connection_error(params: &ConnParams, what: &str, hint: &str) -> Error {
    Error::new(
        Kind::Connection,
        format!(
            "cannot connect to {}: {}",
            params.describe(),
            one_line(what)
        ),
    )
    .with_hint(hint)
}

/// The hint for a rejected password: with IAM the usual suspects, ranked.
pub fn auth_failure_hint(params: &ConnParams) -> String {
    match (&params.auth, params.engine) {
        (Auth::Iam { .. }, Engine::MySql) => format!(
            "the IAM token was refused; likely causes: the wrong region (pass --region), expired or \
             wrong AWS credentials, IAM database authentication not enabled on the instance, the user \
             not created WITH AWSAuthenticationPlugin AS 'RDS' ({}), or a token signed for the wrong \
             endpoint (pass --signing-host/--signing-port)",
            params.user
        ),
        (Auth::Iam { .. }, Engine::Redshift) => "the temporary Redshift credentials were refused; \
             check that the cluster or workgroup (--cluster-id/--workgroup) is the one you connect to, \
             and the database user's permissions"
            .to_owned(),
        (Auth::Iam { .. }, Engine::Dsql) => format!(
            "the DSQL token was refused; likely causes: the wrong region (pass --region), expired or \
             wrong AWS credentials, a missing dsql:DbConnect{} permission, or a role not mapped to \
             your IAM identity (AWS IAM GRANT)",
            if params.user == "admin" { "Admin" } else { "" }
        ),
        (
            Auth::Iam {
                signing_host,
                signing_port,
            },
            _,
        ) => format!(
            "the IAM token was refused; likely causes: the wrong region (pass --region), expired or \
             wrong AWS credentials (check `aws sts get-caller-identity`), IAM database authentication \
             not enabled on the instance, the user lacking the rds_iam role (GRANT rds_iam TO {}), or \
             a token signed for the wrong endpoint ({signing_host}:{signing_port}; pass --signing-host/--signing-port)",
            params.user
        ),
        (Auth::Password(_), Engine::MySql) => {
            "check the password (MYSQL_PWD) and the user name".to_owned()
        }
        (Auth::Password(_), _) => "check the password (PGPASSWORD) and the user name".to_owned(),
    }
}
