
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'dbiam' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'dbiam'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'dbiam' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Verify AWS credentials and cache a temporary session for later commands')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove cached `dbiam login` sessions')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Mint an RDS/Aurora, Aurora DSQL, ElastiCache or MemoryDB IAM auth token, or inspect one')
            [CompletionResult]::new('discover', 'discover', [CompletionResultType]::ParameterValue, 'List IAM-capable databases (RDS, Aurora, proxies, Redshift, DocumentDB, DynamoDB) across regions')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run SQL on PostgreSQL, MySQL, Redshift or DSQL with IAM auth over verified TLS (like psql -f/-c)')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'An interactive SQL shell that stays logged in (IAM token refreshed on reconnect)')
            [CompletionResult]::new('dynamo', 'dynamo', [CompletionResultType]::ParameterValue, 'DynamoDB tables and items in plain JSON: get, put, delete, query, scan, PartiQL')
            [CompletionResult]::new('targets', 'targets', [CompletionResultType]::ParameterValue, 'Named connections in the config file: list, show, add, remove')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command (psql, pg_dump, mysql, …) with a fresh IAM token in its environment')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Print the variables `dbiam exec` sets, as lines for `eval`')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check everything IAM database login needs, with a fix for each failure')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Switch IAM database authentication on: `setup enable`, `setup policy`, `setup user`')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'A local proxy so any client (DBeaver, DataGrip, psql, JDBC pools) logs in with IAM without knowing it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;login' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Session name to cache under (later commands use DBIAM_SESSION, else `default`)')
            [CompletionResult]::new('--expires-at', '--expires-at', [CompletionResultType]::ParameterName, 'When typed-in temporary keys expire (RFC 3339); STS does not report it')
            [CompletionResult]::new('--mfa-serial', '--mfa-serial', [CompletionResultType]::ParameterName, 'MFA device serial number (ARN) for GetSessionToken or AssumeRole')
            [CompletionResult]::new('--mfa-code', '--mfa-code', [CompletionResultType]::ParameterName, 'The current MFA code (prompted for when omitted on a terminal)')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Assume this role and cache its credentials')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'External id for AssumeRole')
            [CompletionResult]::new('--role-session-name', '--role-session-name', [CompletionResultType]::ParameterName, 'Role session name for AssumeRole (default dbiam-<unix time>)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Session lifetime: seconds or 90m, 12h (default 1h; GetSessionToken 15m-36h, AssumeRole 15m-12h)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Show the cached sessions and the time they have left')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'Prompt for an access key id, secret access key and optional session token')
            [CompletionResult]::new('--keys-from-stdin', '--keys-from-stdin', [CompletionResultType]::ParameterName, 'Read access key id, secret access key and optional session token from stdin, one per line')
            [CompletionResult]::new('--verify-only', '--verify-only', [CompletionResultType]::ParameterName, 'Verify and print the identity only; cache nothing')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;logout' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'The session to remove (default: DBIAM_SESSION, else `default`)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Remove every cached session')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;token' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Database endpoint host name (the name the token is signed for)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database port (RDS/Aurora)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (RDS/Aurora)')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'DSQL: token lifetime in seconds (default 900)')
            [CompletionResult]::new('--cache-name', '--cache-name', [CompletionResultType]::ParameterName, 'ElastiCache: the replication group or serverless cache name')
            [CompletionResult]::new('--cluster-name', '--cluster-name', [CompletionResultType]::ParameterName, 'MemoryDB: the cluster name')
            [CompletionResult]::new('--db-name', '--db-name', [CompletionResultType]::ParameterName, 'Redshift: the database the credentials are for')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--dsql', '--dsql', [CompletionResultType]::ParameterName, 'Mint an Aurora DSQL token instead of an RDS one')
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'DSQL: a token for the `admin` role (DbConnectAdmin)')
            [CompletionResult]::new('--elasticache', '--elasticache', [CompletionResultType]::ParameterName, 'Mint an ElastiCache (Valkey/Redis OSS) IAM token for --cache-name and --username')
            [CompletionResult]::new('--serverless', '--serverless', [CompletionResultType]::ParameterName, 'ElastiCache: the cache is serverless (signs `ResourceType=ServerlessCache`)')
            [CompletionResult]::new('--memorydb', '--memorydb', [CompletionResultType]::ParameterName, 'Mint a MemoryDB IAM token for --cluster-name and --username')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the credentials with STS GetCallerIdentity before minting')
            [CompletionResult]::new('--redshift', '--redshift', [CompletionResultType]::ParameterName, 'Print Amazon Redshift temporary database credentials (user, password, expiration) for other tools, from --cluster-id/--db-user or --workgroup, instead of a token')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a token: host, port, user, region, signer, expiry (never the signature)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;token;inspect' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;token;help' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a token: host, port, user, region, signer, expiry (never the signature)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;token;help;inspect' {
            break
        }
        'dbiam;token;help;help' {
            break
        }
        'dbiam;discover' {
            [CompletionResult]::new('--services', '--services', [CompletionResultType]::ParameterName, 'Services to query, comma-separated: rds, aurora, proxy, redshift, redshift-serverless, docdb, dsql, dynamodb, elasticache, elasticache-serverless, memorydb (default: all, DSQL and MemoryDB only where AWS offers them; a service named here is queried in every region given)')
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'Only engines containing this text, e.g. `postgres` (postgres and aurora-postgresql)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Query every region of the resolved region''s partition (a built-in list of regions enabled by default) instead of --region')
            [CompletionResult]::new('--iam-only', '--iam-only', [CompletionResultType]::ParameterName, 'Only resources where IAM authentication is usable (enabled, required, always)')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save every database and cache listed that dbiam can log in to (SQL, DSQL, ElastiCache, MemoryDB) as a named target in the config file, named after its id (`ID-REGION` when the id appears in several regions); a target of the same name is replaced')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;sql' {
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The database engine (default: from the URL scheme, the host name, or the port)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A connection URL (same as the positional URL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--hostaddr', '--hostaddr', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--dbname', '--dbname', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--signing-host', '--signing-host', [CompletionResultType]::ParameterName, 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)')
            [CompletionResult]::new('--signing-port', '--signing-port', [CompletionResultType]::ParameterName, 'Sign the IAM token for this port instead of --port')
            [CompletionResult]::new('--sslmode', '--sslmode', [CompletionResultType]::ParameterName, 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]')
            [CompletionResult]::new('--sslrootcert', '--sslrootcert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Run this SQL (repeatable; runs in order with -f)')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Run this SQL (repeatable; runs in order with -f)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Run the SQL script in FILE, `-` for stdin (repeatable). Default: stdin when it is not a terminal')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Run the SQL script in FILE, `-` for stdin (repeatable). Default: stdin when it is not a terminal')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Set a psql variable for :NAME, :''NAME'' and :"NAME" (repeatable)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a psql variable for :NAME, :''NAME'' and :"NAME" (repeatable)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Field separator for unaligned output (default `|`)')
            [CompletionResult]::new('--field-separator', '--field-separator', [CompletionResultType]::ParameterName, 'Field separator for unaligned output (default `|`)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Record separator for unaligned output (default newline)')
            [CompletionResult]::new('--record-separator', '--record-separator', [CompletionResultType]::ParameterName, 'Record separator for unaligned output (default newline)')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Set a print option as `\pset NAME VALUE` does (repeatable), e.g. `-P null=NULL`, `-P border=2`')
            [CompletionResult]::new('--pset', '--pset', [CompletionResultType]::ParameterName, 'Set a print option as `\pset NAME VALUE` does (repeatable), e.g. `-P null=NULL`, `-P border=2`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--no-iam', '--no-iam', [CompletionResultType]::ParameterName, 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('-1', '-1', [CompletionResultType]::ParameterName, 'Run everything in one transaction (BEGIN … COMMIT; ROLLBACK on error)')
            [CompletionResult]::new('--single-transaction', '--single-transaction', [CompletionResultType]::ParameterName, 'Run everything in one transaction (BEGIN … COMMIT; ROLLBACK on error)')
            [CompletionResult]::new('--continue-on-error', '--continue-on-error', [CompletionResultType]::ParameterName, 'Go on after a failing statement (psql without ON_ERROR_STOP; exit 0)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Do not print command tags (INSERT 0 1, CREATE TABLE, …)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Do not print command tags (INSERT 0 1, CREATE TABLE, …)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Print rows only: no header, no row-count footer')
            [CompletionResult]::new('--tuples-only', '--tuples-only', [CompletionResultType]::ParameterName, 'Print rows only: no header, no row-count footer')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'psql''s unaligned output: values joined by the field separator (`\pset format unaligned`)')
            [CompletionResult]::new('--no-align', '--no-align', [CompletionResultType]::ParameterName, 'psql''s unaligned output: values joined by the field separator (`\pset format unaligned`)')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Field separator for unaligned output is a zero byte')
            [CompletionResult]::new('--field-separator-zero', '--field-separator-zero', [CompletionResultType]::ParameterName, 'Field separator for unaligned output is a zero byte')
            [CompletionResult]::new('-0', '-0', [CompletionResultType]::ParameterName, 'Record separator for unaligned output is a zero byte')
            [CompletionResult]::new('--record-separator-zero', '--record-separator-zero', [CompletionResultType]::ParameterName, 'Record separator for unaligned output is a zero byte')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Expanded display: one `-[ RECORD n ]-` block per row (`\x`)')
            [CompletionResult]::new('--expanded', '--expanded', [CompletionResultType]::ParameterName, 'Expanded display: one `-[ RECORD n ]-` block per row (`\x`)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;connect' {
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The database engine (default: from the URL scheme, the host name, or the port)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A connection URL (same as the positional URL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--hostaddr', '--hostaddr', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--dbname', '--dbname', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--signing-host', '--signing-host', [CompletionResultType]::ParameterName, 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)')
            [CompletionResult]::new('--signing-port', '--signing-port', [CompletionResultType]::ParameterName, 'Sign the IAM token for this port instead of --port')
            [CompletionResult]::new('--sslmode', '--sslmode', [CompletionResultType]::ParameterName, 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]')
            [CompletionResult]::new('--sslrootcert', '--sslrootcert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Field separator for unaligned output (default `|`)')
            [CompletionResult]::new('--field-separator', '--field-separator', [CompletionResultType]::ParameterName, 'Field separator for unaligned output (default `|`)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Record separator for unaligned output (default newline)')
            [CompletionResult]::new('--record-separator', '--record-separator', [CompletionResultType]::ParameterName, 'Record separator for unaligned output (default newline)')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Set a print option as `\pset NAME VALUE` does (repeatable), e.g. `-P null=NULL`, `-P border=2`')
            [CompletionResult]::new('--pset', '--pset', [CompletionResultType]::ParameterName, 'Set a print option as `\pset NAME VALUE` does (repeatable), e.g. `-P null=NULL`, `-P border=2`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--no-iam', '--no-iam', [CompletionResultType]::ParameterName, 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page long results (the pager is PAGER, else `less -FRX`; only on a terminal)')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Do not read or write the history file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Print rows only: no header, no row-count footer')
            [CompletionResult]::new('--tuples-only', '--tuples-only', [CompletionResultType]::ParameterName, 'Print rows only: no header, no row-count footer')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'psql''s unaligned output: values joined by the field separator (`\pset format unaligned`)')
            [CompletionResult]::new('--no-align', '--no-align', [CompletionResultType]::ParameterName, 'psql''s unaligned output: values joined by the field separator (`\pset format unaligned`)')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Field separator for unaligned output is a zero byte')
            [CompletionResult]::new('--field-separator-zero', '--field-separator-zero', [CompletionResultType]::ParameterName, 'Field separator for unaligned output is a zero byte')
            [CompletionResult]::new('-0', '-0', [CompletionResultType]::ParameterName, 'Record separator for unaligned output is a zero byte')
            [CompletionResult]::new('--record-separator-zero', '--record-separator-zero', [CompletionResultType]::ParameterName, 'Record separator for unaligned output is a zero byte')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Expanded display: one `-[ RECORD n ]-` block per row (`\x`)')
            [CompletionResult]::new('--expanded', '--expanded', [CompletionResultType]::ParameterName, 'Expanded display: one `-[ RECORD n ]-` block per row (`\x`)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tables', 'tables', [CompletionResultType]::ParameterValue, 'List tables with status, item count, size, key schema and billing mode')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a table''s keys, indexes, TTL and stream settings')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read one item by its key (exit 1 when there is none)')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one item by its key; prints the item that was deleted')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Query by key condition, following every page')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Scan a table or index, following every page; --segments N scans in parallel')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run a PartiQL statement (ExecuteStatement), following every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;dynamo;tables' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo;describe' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo;get' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The key as JSON, e.g. ''{"pk": "a", "sk": 1}''')
            [CompletionResult]::new('--projection', '--projection', [CompletionResultType]::ParameterName, 'ProjectionExpression: the attributes to return')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames as a JSON object')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--consistent', '--consistent', [CompletionResultType]::ParameterName, 'Strongly consistent read')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo;put' {
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'The item as JSON; `-` reads stdin, `@FILE` reads a file. Stdin and files may hold many items (NDJSON: one object per line)')
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'ConditionExpression (one item only), e.g. ''attribute_not_exists(pk)''')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'ExpressionAttributeValues as a JSON object, e.g. ''{":p": "a"}''')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames as a JSON object, e.g. ''{"#n": "name"}''')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo;delete' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The key as JSON')
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'ConditionExpression, e.g. ''version = :v''')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'ExpressionAttributeValues as a JSON object, e.g. ''{":p": "a"}''')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames as a JSON object, e.g. ''{"#n": "name"}''')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo;query' {
            [CompletionResult]::new('--key-condition', '--key-condition', [CompletionResultType]::ParameterName, 'KeyConditionExpression, e.g. ''pk = :p AND sk > :s''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'FilterExpression, applied after the read')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Read this secondary index')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Return at most N items in total')
            [CompletionResult]::new('--projection', '--projection', [CompletionResultType]::ParameterName, 'ProjectionExpression: the attributes to return')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items DynamoDB reads per request (default: up to 1 MB per page)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'ExpressionAttributeValues as a JSON object, e.g. ''{":p": "a"}''')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames as a JSON object, e.g. ''{"#n": "name"}''')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--consistent', '--consistent', [CompletionResultType]::ParameterName, 'Strongly consistent reads')
            [CompletionResult]::new('--desc', '--desc', [CompletionResultType]::ParameterName, 'Read in descending sort-key order')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo;scan' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'FilterExpression, applied after the read')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Read this secondary index')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Return at most N items in total')
            [CompletionResult]::new('--projection', '--projection', [CompletionResultType]::ParameterName, 'ProjectionExpression: the attributes to return')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items DynamoDB reads per request (default: up to 1 MB per page)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'ExpressionAttributeValues as a JSON object, e.g. ''{":p": "a"}''')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames as a JSON object, e.g. ''{"#n": "name"}''')
            [CompletionResult]::new('--segments', '--segments', [CompletionResultType]::ParameterName, 'Parallel scan with this many segments (DynamoDB allows 1 to 1,000,000); at most 32 are read at once')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--consistent', '--consistent', [CompletionResultType]::ParameterName, 'Strongly consistent reads')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo;sql' {
            [CompletionResult]::new('--params', '--params', [CompletionResultType]::ParameterName, 'Values for the `?` placeholders as a JSON array')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--consistent', '--consistent', [CompletionResultType]::ParameterName, 'Strongly consistent read')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;dynamo;help' {
            [CompletionResult]::new('tables', 'tables', [CompletionResultType]::ParameterValue, 'List tables with status, item count, size, key schema and billing mode')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a table''s keys, indexes, TTL and stream settings')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read one item by its key (exit 1 when there is none)')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one item by its key; prints the item that was deleted')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Query by key condition, following every page')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Scan a table or index, following every page; --segments N scans in parallel')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run a PartiQL statement (ExecuteStatement), following every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;dynamo;help;tables' {
            break
        }
        'dbiam;dynamo;help;describe' {
            break
        }
        'dbiam;dynamo;help;get' {
            break
        }
        'dbiam;dynamo;help;put' {
            break
        }
        'dbiam;dynamo;help;delete' {
            break
        }
        'dbiam;dynamo;help;query' {
            break
        }
        'dbiam;dynamo;help;scan' {
            break
        }
        'dbiam;dynamo;help;sql' {
            break
        }
        'dbiam;dynamo;help;help' {
            break
        }
        'dbiam;targets' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the targets in the config file')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one target''s settings')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a target')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;targets;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;targets;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;targets;add' {
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The database engine (default: from the URL scheme, the host name, or the port)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A connection URL (same as the positional URL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--hostaddr', '--hostaddr', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--dbname', '--dbname', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--signing-host', '--signing-host', [CompletionResultType]::ParameterName, 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)')
            [CompletionResult]::new('--signing-port', '--signing-port', [CompletionResultType]::ParameterName, 'Sign the IAM token for this port instead of --port')
            [CompletionResult]::new('--sslmode', '--sslmode', [CompletionResultType]::ParameterName, 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]')
            [CompletionResult]::new('--sslrootcert', '--sslrootcert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Assume this IAM role before minting tokens for this target')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, '--engine redis: the service that signs the token (default: from an AWS host name)')
            [CompletionResult]::new('--cache-name', '--cache-name', [CompletionResultType]::ParameterName, '--engine redis: the replication group, serverless cache or cluster name the token is signed for')
            [CompletionResult]::new('--proxy-port', '--proxy-port', [CompletionResultType]::ParameterName, 'The loopback port `dbiam proxy` listens on for this target')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--no-iam', '--no-iam', [CompletionResultType]::ParameterName, 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a target of the same name')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;targets;remove' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;targets;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the targets in the config file')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one target''s settings')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a target')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;targets;help;list' {
            break
        }
        'dbiam;targets;help;show' {
            break
        }
        'dbiam;targets;help;add' {
            break
        }
        'dbiam;targets;help;remove' {
            break
        }
        'dbiam;targets;help;help' {
            break
        }
        'dbiam;exec' {
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The database engine (default: from the URL scheme, the host name, or the port)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A connection URL (same as the positional URL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--hostaddr', '--hostaddr', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--dbname', '--dbname', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--signing-host', '--signing-host', [CompletionResultType]::ParameterName, 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)')
            [CompletionResult]::new('--signing-port', '--signing-port', [CompletionResultType]::ParameterName, 'Sign the IAM token for this port instead of --port')
            [CompletionResult]::new('--sslmode', '--sslmode', [CompletionResultType]::ParameterName, 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]')
            [CompletionResult]::new('--sslrootcert', '--sslrootcert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('--url-var', '--url-var', [CompletionResultType]::ParameterName, 'Name of the connection URL variable instead of DATABASE_URL (REDIS_URL for ElastiCache / MemoryDB), e.g. FLYWAY_URL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--no-iam', '--no-iam', [CompletionResultType]::ParameterName, 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('--keep-aws-env', '--keep-aws-env', [CompletionResultType]::ParameterName, 'Pass dbiam''s AWS credential variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, …) on to the command; by default it gets only the database''s')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;env' {
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The database engine (default: from the URL scheme, the host name, or the port)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A connection URL (same as the positional URL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--hostaddr', '--hostaddr', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--dbname', '--dbname', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--signing-host', '--signing-host', [CompletionResultType]::ParameterName, 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)')
            [CompletionResult]::new('--signing-port', '--signing-port', [CompletionResultType]::ParameterName, 'Sign the IAM token for this port instead of --port')
            [CompletionResult]::new('--sslmode', '--sslmode', [CompletionResultType]::ParameterName, 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]')
            [CompletionResult]::new('--sslrootcert', '--sslrootcert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell to write for')
            [CompletionResult]::new('--url-var', '--url-var', [CompletionResultType]::ParameterName, 'Name of the connection URL variable instead of DATABASE_URL (REDIS_URL for ElastiCache / MemoryDB), e.g. FLYWAY_URL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--no-iam', '--no-iam', [CompletionResultType]::ParameterName, 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;doctor' {
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The database engine (default: from the URL scheme, the host name, or the port)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A connection URL (same as the positional URL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--hostaddr', '--hostaddr', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--dbname', '--dbname', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--signing-host', '--signing-host', [CompletionResultType]::ParameterName, 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)')
            [CompletionResult]::new('--signing-port', '--signing-port', [CompletionResultType]::ParameterName, 'Sign the IAM token for this port instead of --port')
            [CompletionResult]::new('--sslmode', '--sslmode', [CompletionResultType]::ParameterName, 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]')
            [CompletionResult]::new('--sslrootcert', '--sslrootcert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('--db-instance-identifier', '--db-instance-identifier', [CompletionResultType]::ParameterName, 'The RDS instance (or Aurora cluster) to ask about IAM auth, when the host is not its endpoint (tunnels, proxies, CNAMEs)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--no-iam', '--no-iam', [CompletionResultType]::ParameterName, 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;setup' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;setup;enable' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this many seconds, at most a week (exit 1; the change goes on)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'DBID is an Aurora DB cluster (IAM authentication is a cluster setting in Aurora)')
            [CompletionResult]::new('--apply-immediately', '--apply-immediately', [CompletionResultType]::ParameterName, 'Apply now instead of in the next maintenance window')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Request the change and return without waiting')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;setup;policy' {
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'The database user the policy lets in')
            [CompletionResult]::new('--principal-tag', '--principal-tag', [CompletionResultType]::ParameterName, 'ABAC: let each caller in as the user named by its principal tag KEY (`${aws:PrincipalTag/KEY}`), instead of one --db-user')
            [CompletionResult]::new('--redshift', '--redshift', [CompletionResultType]::ParameterName, 'A Redshift provisioned cluster (redshift:GetClusterCredentials) instead of RDS')
            [CompletionResult]::new('--db-name', '--db-name', [CompletionResultType]::ParameterName, 'Redshift: allow only this database')
            [CompletionResult]::new('--dsql', '--dsql', [CompletionResultType]::ParameterName, 'An Aurora DSQL cluster id (dsql:DbConnect) instead of RDS')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'DBID is an Aurora DB cluster: the policy names its DbClusterResourceId')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: also allow creating the user at first login (redshift:CreateClusterUser)')
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'DSQL: allow the `admin` role (dsql:DbConnectAdmin) instead of custom roles')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;setup;user' {
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The database engine (default: from the URL scheme, the host name, or the port)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A connection URL (same as the positional URL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--hostaddr', '--hostaddr', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--dbname', '--dbname', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--signing-host', '--signing-host', [CompletionResultType]::ParameterName, 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)')
            [CompletionResult]::new('--signing-port', '--signing-port', [CompletionResultType]::ParameterName, 'Sign the IAM token for this port instead of --port')
            [CompletionResult]::new('--sslmode', '--sslmode', [CompletionResultType]::ParameterName, 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]')
            [CompletionResult]::new('--sslrootcert', '--sslrootcert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--no-iam', '--no-iam', [CompletionResultType]::ParameterName, 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the SQL on stdout and change nothing (no connection is made)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;setup;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;setup;help;enable' {
            break
        }
        'dbiam;setup;help;policy' {
            break
        }
        'dbiam;setup;help;user' {
            break
        }
        'dbiam;setup;help;help' {
            break
        }
        'dbiam;proxy' {
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'The database engine (default: from the URL scheme, the host name, or the port)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A connection URL (same as the positional URL)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Database server host name [env: PGHOST]')
            [CompletionResult]::new('--hostaddr', '--hostaddr', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]')
            [CompletionResult]::new('-U', '-U ', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Database user name (default: the OS user) [env: PGUSER]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--dbname', '--dbname', [CompletionResultType]::ParameterName, 'Database name (default: the user name) [env: PGDATABASE]')
            [CompletionResult]::new('--signing-host', '--signing-host', [CompletionResultType]::ParameterName, 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)')
            [CompletionResult]::new('--signing-port', '--signing-port', [CompletionResultType]::ParameterName, 'Sign the IAM token for this port instead of --port')
            [CompletionResult]::new('--sslmode', '--sslmode', [CompletionResultType]::ParameterName, 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]')
            [CompletionResult]::new('--sslrootcert', '--sslrootcert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]')
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)')
            [CompletionResult]::new('--db-groups', '--db-groups', [CompletionResultType]::ParameterName, 'Redshift: database groups the user joins for this session (comma-separated)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Listen on HOST:PORT (repeatable: one per target, in order). Default: the target''s `proxy_port` on 127.0.0.1, else a free port (printed)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Also listen on a Unix socket in DIR (PostgreSQL clients: `host=DIR`; mode 0700 directory, 0600 socket)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'The local password file (created with a random password when missing; must not be readable by group or others). Default: one per target in dbiam''s state directory')
            [CompletionResult]::new('--print-password', '--print-password', [CompletionResultType]::ParameterName, 'Print the local password of TARGET (a name or URL) and exit')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'The per-connection log line on stderr')
            [CompletionResult]::new('--drain-timeout', '--drain-timeout', [CompletionResultType]::ParameterName, 'After Ctrl-C or SIGTERM, let open sessions finish for this long before closing them')
            [CompletionResult]::new('--client-timeout', '--client-timeout', [CompletionResultType]::ParameterName, 'Drop a client that has not logged in after this long')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--no-iam', '--no-iam', [CompletionResultType]::ParameterName, 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt')
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Redshift: create the database user if it does not exist')
            [CompletionResult]::new('--with-iam', '--with-iam', [CompletionResultType]::ParameterName, 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Allow a non-loopback --listen address (needs a local password; not with --trust)')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Accept any local password (loopback only; for single-user machines)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;man' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files (overrides environment keys)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--signing-time', '--signing-time', [CompletionResultType]::ParameterName, 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)')
            [CompletionResult]::new('--allowed-accounts', '--allowed-accounts', [CompletionResultType]::ParameterName, 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)')
            [CompletionResult]::new('--aws-connect-timeout', '--aws-connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to an AWS endpoint (default 10)')
            [CompletionResult]::new('--aws-timeout', '--aws-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print diagnostics on stderr (secrets are always redacted)')
            [CompletionResult]::new('--no-audit-tag', '--no-audit-tag', [CompletionResultType]::ParameterName, 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database''s application_name / program_name (config: `audit_tag = false`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dbiam;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Verify AWS credentials and cache a temporary session for later commands')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove cached `dbiam login` sessions')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Mint an RDS/Aurora, Aurora DSQL, ElastiCache or MemoryDB IAM auth token, or inspect one')
            [CompletionResult]::new('discover', 'discover', [CompletionResultType]::ParameterValue, 'List IAM-capable databases (RDS, Aurora, proxies, Redshift, DocumentDB, DynamoDB) across regions')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run SQL on PostgreSQL, MySQL, Redshift or DSQL with IAM auth over verified TLS (like psql -f/-c)')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'An interactive SQL shell that stays logged in (IAM token refreshed on reconnect)')
            [CompletionResult]::new('dynamo', 'dynamo', [CompletionResultType]::ParameterValue, 'DynamoDB tables and items in plain JSON: get, put, delete, query, scan, PartiQL')
            [CompletionResult]::new('targets', 'targets', [CompletionResultType]::ParameterValue, 'Named connections in the config file: list, show, add, remove')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command (psql, pg_dump, mysql, …) with a fresh IAM token in its environment')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Print the variables `dbiam exec` sets, as lines for `eval`')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check everything IAM database login needs, with a fix for each failure')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Switch IAM database authentication on: `setup enable`, `setup policy`, `setup user`')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'A local proxy so any client (DBeaver, DataGrip, psql, JDBC pools) logs in with IAM without knowing it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dbiam;help;login' {
            break
        }
        'dbiam;help;logout' {
            break
        }
        'dbiam;help;token' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a token: host, port, user, region, signer, expiry (never the signature)')
            break
        }
        'dbiam;help;token;inspect' {
            break
        }
        'dbiam;help;discover' {
            break
        }
        'dbiam;help;sql' {
            break
        }
        'dbiam;help;connect' {
            break
        }
        'dbiam;help;dynamo' {
            [CompletionResult]::new('tables', 'tables', [CompletionResultType]::ParameterValue, 'List tables with status, item count, size, key schema and billing mode')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a table''s keys, indexes, TTL and stream settings')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read one item by its key (exit 1 when there is none)')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one item by its key; prints the item that was deleted')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Query by key condition, following every page')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Scan a table or index, following every page; --segments N scans in parallel')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run a PartiQL statement (ExecuteStatement), following every page')
            break
        }
        'dbiam;help;dynamo;tables' {
            break
        }
        'dbiam;help;dynamo;describe' {
            break
        }
        'dbiam;help;dynamo;get' {
            break
        }
        'dbiam;help;dynamo;put' {
            break
        }
        'dbiam;help;dynamo;delete' {
            break
        }
        'dbiam;help;dynamo;query' {
            break
        }
        'dbiam;help;dynamo;scan' {
            break
        }
        'dbiam;help;dynamo;sql' {
            break
        }
        'dbiam;help;targets' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the targets in the config file')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one target''s settings')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a target')
            break
        }
        'dbiam;help;targets;list' {
            break
        }
        'dbiam;help;targets;show' {
            break
        }
        'dbiam;help;targets;add' {
            break
        }
        'dbiam;help;targets;remove' {
            break
        }
        'dbiam;help;exec' {
            break
        }
        'dbiam;help;env' {
            break
        }
        'dbiam;help;doctor' {
            break
        }
        'dbiam;help;setup' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL')
            break
        }
        'dbiam;help;setup;enable' {
            break
        }
        'dbiam;help;setup;policy' {
            break
        }
        'dbiam;help;setup;user' {
            break
        }
        'dbiam;help;proxy' {
            break
        }
        'dbiam;help;completions' {
            break
        }
        'dbiam;help;man' {
            break
        }
        'dbiam;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
