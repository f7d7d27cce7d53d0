# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_dbiam_global_optspecs
    string join \n profile= region= endpoint-url= o/output= color= debug signing-time= allowed-accounts= aws-connect-timeout= aws-timeout= no-audit-tag h/help V/version
end

function __fish_dbiam_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_dbiam_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_dbiam_using_subcommand
    set -l cmd (__fish_dbiam_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c dbiam -n "__fish_dbiam_needs_command" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_needs_command" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_needs_command" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_needs_command" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_needs_command" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_needs_command" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_needs_command" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_needs_command" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_needs_command" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_needs_command" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "login" -d 'Verify AWS credentials and cache a temporary session for later commands'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "logout" -d 'Remove cached `dbiam login` sessions'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "token" -d 'Mint an RDS/Aurora, Aurora DSQL, ElastiCache or MemoryDB IAM auth token, or inspect one'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "discover" -d 'List IAM-capable databases (RDS, Aurora, proxies, Redshift, DocumentDB, DynamoDB) across regions'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "sql" -d 'Run SQL on PostgreSQL, MySQL, Redshift or DSQL with IAM auth over verified TLS (like psql -f/-c)'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "connect" -d 'An interactive SQL shell that stays logged in (IAM token refreshed on reconnect)'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "dynamo" -d 'DynamoDB tables and items in plain JSON: get, put, delete, query, scan, PartiQL'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "targets" -d 'Named connections in the config file: list, show, add, remove'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "exec" -d 'Run a command (psql, pg_dump, mysql, …) with a fresh IAM token in its environment'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "env" -d 'Print the variables `dbiam exec` sets, as lines for `eval`'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "doctor" -d 'Check everything IAM database login needs, with a fix for each failure'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "setup" -d 'Switch IAM database authentication on: `setup enable`, `setup policy`, `setup user`'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "proxy" -d 'A local proxy so any client (DBeaver, DataGrip, psql, JDBC pools) logs in with IAM without knowing it'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "completions" -d 'Print the shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "man" -d 'Print the man page, or write every page into a directory'
complete -c dbiam -n "__fish_dbiam_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l session -d 'Session name to cache under (later commands use DBIAM_SESSION, else `default`)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l expires-at -d 'When typed-in temporary keys expire (RFC 3339); STS does not report it' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l mfa-serial -d 'MFA device serial number (ARN) for GetSessionToken or AssumeRole' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l mfa-code -d 'The current MFA code (prompted for when omitted on a terminal)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l role-arn -d 'Assume this role and cache its credentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l external-id -d 'External id for AssumeRole' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l role-session-name -d 'Role session name for AssumeRole (default dbiam-<unix time>)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l duration -d 'Session lifetime: seconds or 90m, 12h (default 1h; GetSessionToken 15m-36h, AssumeRole 15m-12h)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l status -d 'Show the cached sessions and the time they have left'
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l keys -d 'Prompt for an access key id, secret access key and optional session token'
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l keys-from-stdin -d 'Read access key id, secret access key and optional session token from stdin, one per line'
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l verify-only -d 'Verify and print the identity only; cache nothing'
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand login" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l session -d 'The session to remove (default: DBIAM_SESSION, else `default`)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l all -d 'Remove every cached session'
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand logout" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l hostname -d 'Database endpoint host name (the name the token is signed for)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l port -d 'Database port (RDS/Aurora)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l username -d 'Database user name (RDS/Aurora)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l expires-in -d 'DSQL: token lifetime in seconds (default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l cache-name -d 'ElastiCache: the replication group or serverless cache name' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l cluster-name -d 'MemoryDB: the cluster name' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l db-name -d 'Redshift: the database the credentials are for' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l dsql -d 'Mint an Aurora DSQL token instead of an RDS one'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l admin -d 'DSQL: a token for the `admin` role (DbConnectAdmin)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l elasticache -d 'Mint an ElastiCache (Valkey/Redis OSS) IAM token for --cache-name and --username'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l serverless -d 'ElastiCache: the cache is serverless (signs `ResourceType=ServerlessCache`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l memorydb -d 'Mint a MemoryDB IAM token for --cluster-name and --username'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l verify -d 'Check the credentials with STS GetCallerIdentity before minting'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l redshift -d 'Print Amazon Redshift temporary database credentials (user, password, expiration) for other tools, from --cluster-id/--db-user or --workgroup, instead of a token'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -a "inspect" -d 'Decode a token: host, port, user, region, signer, expiry (never the signature)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and not __fish_seen_subcommand_from inspect help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Decode a token: host, port, user, region, signer, expiry (never the signature)'
complete -c dbiam -n "__fish_dbiam_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l services -d 'Services to query, comma-separated: rds, aurora, proxy, redshift, redshift-serverless, docdb, dsql, dynamodb, elasticache, elasticache-serverless, memorydb (default: all, DSQL and MemoryDB only where AWS offers them; a service named here is queried in every region given)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l engine -d 'Only engines containing this text, e.g. `postgres` (postgres and aurora-postgresql)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l all-regions -d 'Query every region of the resolved region\'s partition (a built-in list of regions enabled by default) instead of --region'
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l iam-only -d 'Only resources where IAM authentication is usable (enabled, required, always)'
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l save -d 'Save every database and cache listed that dbiam can log in to (SQL, DSQL, ElastiCache, MemoryDB) as a named target in the config file, named after its id (`ID-REGION` when the id appears in several regions); a target of the same name is replaced'
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand discover" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l engine -d 'The database engine (default: from the URL scheme, the host name, or the port)' -r -f -a "postgres\t'PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token)'
mysql\t'MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only)'
redshift\t'Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs)'
dsql\t'Amazon Aurora DSQL (a DSQL token)'
redis\t'ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l url -d 'A connection URL (same as the positional URL)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s h -l host -d 'Database server host name [env: PGHOST]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l hostaddr -d 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq\'s hostaddr; for SSH tunnels) [env: PGHOSTADDR]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s p -l port -d 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s U -l username -d 'Database user name (default: the OS user) [env: PGUSER]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s d -l dbname -d 'Database name (default: the user name) [env: PGDATABASE]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l signing-host -d 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l signing-port -d 'Sign the IAM token for this port instead of --port' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l sslmode -d 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]' -r -f -a "disable\t'No TLS (refused with IAM: a token is never sent in clear)'
allow\t'TLS if the server insists (treated as `prefer`; with IAM as `require`)'
prefer\t'TLS if the server offers it, without verification (with IAM: TLS required)'
require\t'TLS always; the certificate is verified only against `--sslrootcert` if given'
verify-ca\t'TLS always; the chain must lead to a trusted CA; any host name'
verify-full\t'TLS always; trusted chain and the host name must match (the default)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l sslrootcert -l ssl-ca -d 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l connect-timeout -d 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s c -l command -d 'Run this SQL (repeatable; runs in order with -f)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s f -l file -d 'Run the SQL script in FILE, `-` for stdin (repeatable). Default: stdin when it is not a terminal' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s v -l set -d 'Set a psql variable for :NAME, :\'NAME\' and :"NAME" (repeatable)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s F -l field-separator -d 'Field separator for unaligned output (default `|`)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s R -l record-separator -d 'Record separator for unaligned output (default newline)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s P -l pset -d 'Set a print option as `\\pset NAME VALUE` does (repeatable), e.g. `-P null=NULL`, `-P border=2`' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l no-iam -d 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s 1 -l single-transaction -d 'Run everything in one transaction (BEGIN … COMMIT; ROLLBACK on error)'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l continue-on-error -d 'Go on after a failing statement (psql without ON_ERROR_STOP; exit 0)'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s q -l quiet -d 'Do not print command tags (INSERT 0 1, CREATE TABLE, …)'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s t -l tuples-only -d 'Print rows only: no header, no row-count footer'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s A -l no-align -d 'psql\'s unaligned output: values joined by the field separator (`\\pset format unaligned`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s z -l field-separator-zero -d 'Field separator for unaligned output is a zero byte'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s 0 -l record-separator-zero -d 'Record separator for unaligned output is a zero byte'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s x -l expanded -d 'Expanded display: one `-[ RECORD n ]-` block per row (`\\x`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l help -d 'Print help'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand sql" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l engine -d 'The database engine (default: from the URL scheme, the host name, or the port)' -r -f -a "postgres\t'PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token)'
mysql\t'MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only)'
redshift\t'Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs)'
dsql\t'Amazon Aurora DSQL (a DSQL token)'
redis\t'ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l url -d 'A connection URL (same as the positional URL)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s h -l host -d 'Database server host name [env: PGHOST]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l hostaddr -d 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq\'s hostaddr; for SSH tunnels) [env: PGHOSTADDR]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s p -l port -d 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s U -l username -d 'Database user name (default: the OS user) [env: PGUSER]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s d -l dbname -d 'Database name (default: the user name) [env: PGDATABASE]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l signing-host -d 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l signing-port -d 'Sign the IAM token for this port instead of --port' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l sslmode -d 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]' -r -f -a "disable\t'No TLS (refused with IAM: a token is never sent in clear)'
allow\t'TLS if the server insists (treated as `prefer`; with IAM as `require`)'
prefer\t'TLS if the server offers it, without verification (with IAM: TLS required)'
require\t'TLS always; the certificate is verified only against `--sslrootcert` if given'
verify-ca\t'TLS always; the chain must lead to a trusted CA; any host name'
verify-full\t'TLS always; trusted chain and the host name must match (the default)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l sslrootcert -l ssl-ca -d 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l connect-timeout -d 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s F -l field-separator -d 'Field separator for unaligned output (default `|`)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s R -l record-separator -d 'Record separator for unaligned output (default newline)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s P -l pset -d 'Set a print option as `\\pset NAME VALUE` does (repeatable), e.g. `-P null=NULL`, `-P border=2`' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l no-iam -d 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l no-pager -d 'Never page long results (the pager is PAGER, else `less -FRX`; only on a terminal)'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l no-history -d 'Do not read or write the history file'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s t -l tuples-only -d 'Print rows only: no header, no row-count footer'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s A -l no-align -d 'psql\'s unaligned output: values joined by the field separator (`\\pset format unaligned`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s z -l field-separator-zero -d 'Field separator for unaligned output is a zero byte'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s 0 -l record-separator-zero -d 'Record separator for unaligned output is a zero byte'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s x -l expanded -d 'Expanded display: one `-[ RECORD n ]-` block per row (`\\x`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l help -d 'Print help'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand connect" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "tables" -d 'List tables with status, item count, size, key schema and billing mode'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "describe" -d 'Show a table\'s keys, indexes, TTL and stream settings'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "get" -d 'Read one item by its key (exit 1 when there is none)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "put" -d 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "delete" -d 'Delete one item by its key; prints the item that was deleted'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "query" -d 'Query by key condition, following every page'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "scan" -d 'Scan a table or index, following every page; --segments N scans in parallel'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "sql" -d 'Run a PartiQL statement (ExecuteStatement), following every page'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and not __fish_seen_subcommand_from tables describe get put delete query scan sql help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from tables" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l key -d 'The key as JSON, e.g. \'{"pk": "a", "sk": 1}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l projection -d 'ProjectionExpression: the attributes to return' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l names -d 'ExpressionAttributeNames as a JSON object' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l consistent -d 'Strongly consistent read'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l item -d 'The item as JSON; `-` reads stdin, `@FILE` reads a file. Stdin and files may hold many items (NDJSON: one object per line)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l condition -d 'ConditionExpression (one item only), e.g. \'attribute_not_exists(pk)\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l values -d 'ExpressionAttributeValues as a JSON object, e.g. \'{":p": "a"}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l names -d 'ExpressionAttributeNames as a JSON object, e.g. \'{"#n": "name"}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from put" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l key -d 'The key as JSON' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l condition -d 'ConditionExpression, e.g. \'version = :v\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l values -d 'ExpressionAttributeValues as a JSON object, e.g. \'{":p": "a"}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l names -d 'ExpressionAttributeNames as a JSON object, e.g. \'{"#n": "name"}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l key-condition -d 'KeyConditionExpression, e.g. \'pk = :p AND sk > :s\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l filter -d 'FilterExpression, applied after the read' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l index -d 'Read this secondary index' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l limit -d 'Return at most N items in total' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l projection -d 'ProjectionExpression: the attributes to return' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l page-size -d 'Items DynamoDB reads per request (default: up to 1 MB per page)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l values -d 'ExpressionAttributeValues as a JSON object, e.g. \'{":p": "a"}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l names -d 'ExpressionAttributeNames as a JSON object, e.g. \'{"#n": "name"}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l consistent -d 'Strongly consistent reads'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l desc -d 'Read in descending sort-key order'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l filter -d 'FilterExpression, applied after the read' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l index -d 'Read this secondary index' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l limit -d 'Return at most N items in total' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l projection -d 'ProjectionExpression: the attributes to return' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l page-size -d 'Items DynamoDB reads per request (default: up to 1 MB per page)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l values -d 'ExpressionAttributeValues as a JSON object, e.g. \'{":p": "a"}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l names -d 'ExpressionAttributeNames as a JSON object, e.g. \'{"#n": "name"}\'' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l segments -d 'Parallel scan with this many segments (DynamoDB allows 1 to 1,000,000); at most 32 are read at once' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l consistent -d 'Strongly consistent reads'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from scan" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l params -d 'Values for the `?` placeholders as a JSON array' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l consistent -d 'Strongly consistent read'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l typed -d 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from sql" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "tables" -d 'List tables with status, item count, size, key schema and billing mode'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a table\'s keys, indexes, TTL and stream settings'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "get" -d 'Read one item by its key (exit 1 when there is none)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "put" -d 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete one item by its key; prints the item that was deleted'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "query" -d 'Query by key condition, following every page'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "scan" -d 'Scan a table or index, following every page; --segments N scans in parallel'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "sql" -d 'Run a PartiQL statement (ExecuteStatement), following every page'
complete -c dbiam -n "__fish_dbiam_using_subcommand dynamo; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -f -a "list" -d 'List the targets in the config file'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -f -a "show" -d 'Show one target\'s settings'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -f -a "add" -d 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -f -a "remove" -d 'Remove a target'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and not __fish_seen_subcommand_from list show add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l engine -d 'The database engine (default: from the URL scheme, the host name, or the port)' -r -f -a "postgres\t'PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token)'
mysql\t'MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only)'
redshift\t'Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs)'
dsql\t'Amazon Aurora DSQL (a DSQL token)'
redis\t'ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l url -d 'A connection URL (same as the positional URL)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -s h -l host -d 'Database server host name [env: PGHOST]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l hostaddr -d 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq\'s hostaddr; for SSH tunnels) [env: PGHOSTADDR]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -s p -l port -d 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -s U -l username -d 'Database user name (default: the OS user) [env: PGUSER]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -s d -l dbname -d 'Database name (default: the user name) [env: PGDATABASE]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l signing-host -d 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l signing-port -d 'Sign the IAM token for this port instead of --port' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l sslmode -d 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]' -r -f -a "disable\t'No TLS (refused with IAM: a token is never sent in clear)'
allow\t'TLS if the server insists (treated as `prefer`; with IAM as `require`)'
prefer\t'TLS if the server offers it, without verification (with IAM: TLS required)'
require\t'TLS always; the certificate is verified only against `--sslrootcert` if given'
verify-ca\t'TLS always; the chain must lead to a trusted CA; any host name'
verify-full\t'TLS always; trusted chain and the host name must match (the default)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l sslrootcert -l ssl-ca -d 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l connect-timeout -d 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l role-arn -d 'Assume this IAM role before minting tokens for this target' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l cache -d '--engine redis: the service that signs the token (default: from an AWS host name)' -r -f -a "elasticache\t'An ElastiCache replication group (or single-node cluster)'
elasticache-serverless\t'An ElastiCache serverless cache'
memorydb\t'A MemoryDB cluster'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l cache-name -d '--engine redis: the replication group, serverless cache or cluster name the token is signed for' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l proxy-port -d 'The loopback port `dbiam proxy` listens on for this target' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l no-iam -d 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l force -d 'Replace a target of the same name'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l help -d 'Print help'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the targets in the config file'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one target\'s settings'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a target'
complete -c dbiam -n "__fish_dbiam_using_subcommand targets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l engine -d 'The database engine (default: from the URL scheme, the host name, or the port)' -r -f -a "postgres\t'PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token)'
mysql\t'MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only)'
redshift\t'Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs)'
dsql\t'Amazon Aurora DSQL (a DSQL token)'
redis\t'ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l url -d 'A connection URL (same as the positional URL)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -s h -l host -d 'Database server host name [env: PGHOST]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l hostaddr -d 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq\'s hostaddr; for SSH tunnels) [env: PGHOSTADDR]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -s p -l port -d 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -s U -l username -d 'Database user name (default: the OS user) [env: PGUSER]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -s d -l dbname -d 'Database name (default: the user name) [env: PGDATABASE]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l signing-host -d 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l signing-port -d 'Sign the IAM token for this port instead of --port' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l sslmode -d 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]' -r -f -a "disable\t'No TLS (refused with IAM: a token is never sent in clear)'
allow\t'TLS if the server insists (treated as `prefer`; with IAM as `require`)'
prefer\t'TLS if the server offers it, without verification (with IAM: TLS required)'
require\t'TLS always; the certificate is verified only against `--sslrootcert` if given'
verify-ca\t'TLS always; the chain must lead to a trusted CA; any host name'
verify-full\t'TLS always; trusted chain and the host name must match (the default)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l sslrootcert -l ssl-ca -d 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l connect-timeout -d 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l url-var -d 'Name of the connection URL variable instead of DATABASE_URL (REDIS_URL for ElastiCache / MemoryDB), e.g. FLYWAY_URL' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l no-iam -d 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l keep-aws-env -d 'Pass dbiam\'s AWS credential variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, …) on to the command; by default it gets only the database\'s'
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l help -d 'Print help'
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand exec" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l engine -d 'The database engine (default: from the URL scheme, the host name, or the port)' -r -f -a "postgres\t'PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token)'
mysql\t'MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only)'
redshift\t'Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs)'
dsql\t'Amazon Aurora DSQL (a DSQL token)'
redis\t'ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l url -d 'A connection URL (same as the positional URL)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -s h -l host -d 'Database server host name [env: PGHOST]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l hostaddr -d 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq\'s hostaddr; for SSH tunnels) [env: PGHOSTADDR]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -s p -l port -d 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -s U -l username -d 'Database user name (default: the OS user) [env: PGUSER]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -s d -l dbname -d 'Database name (default: the user name) [env: PGDATABASE]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l signing-host -d 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l signing-port -d 'Sign the IAM token for this port instead of --port' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l sslmode -d 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]' -r -f -a "disable\t'No TLS (refused with IAM: a token is never sent in clear)'
allow\t'TLS if the server insists (treated as `prefer`; with IAM as `require`)'
prefer\t'TLS if the server offers it, without verification (with IAM: TLS required)'
require\t'TLS always; the certificate is verified only against `--sslrootcert` if given'
verify-ca\t'TLS always; the chain must lead to a trusted CA; any host name'
verify-full\t'TLS always; trusted chain and the host name must match (the default)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l sslrootcert -l ssl-ca -d 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l connect-timeout -d 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l shell -d 'The shell to write for' -r -f -a "sh\t'POSIX sh, bash, zsh: `export NAME=\'value\'`'
fish\t'fish: `set -gx NAME \'value\'`'
powershell\t'PowerShell: `$env:NAME = \'value\'`'"
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l url-var -d 'Name of the connection URL variable instead of DATABASE_URL (REDIS_URL for ElastiCache / MemoryDB), e.g. FLYWAY_URL' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l no-iam -d 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l help -d 'Print help'
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand env" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l engine -d 'The database engine (default: from the URL scheme, the host name, or the port)' -r -f -a "postgres\t'PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token)'
mysql\t'MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only)'
redshift\t'Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs)'
dsql\t'Amazon Aurora DSQL (a DSQL token)'
redis\t'ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l url -d 'A connection URL (same as the positional URL)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -s h -l host -d 'Database server host name [env: PGHOST]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l hostaddr -d 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq\'s hostaddr; for SSH tunnels) [env: PGHOSTADDR]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -s p -l port -d 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -s U -l username -d 'Database user name (default: the OS user) [env: PGUSER]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -s d -l dbname -d 'Database name (default: the user name) [env: PGDATABASE]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l signing-host -d 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l signing-port -d 'Sign the IAM token for this port instead of --port' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l sslmode -d 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]' -r -f -a "disable\t'No TLS (refused with IAM: a token is never sent in clear)'
allow\t'TLS if the server insists (treated as `prefer`; with IAM as `require`)'
prefer\t'TLS if the server offers it, without verification (with IAM: TLS required)'
require\t'TLS always; the certificate is verified only against `--sslrootcert` if given'
verify-ca\t'TLS always; the chain must lead to a trusted CA; any host name'
verify-full\t'TLS always; trusted chain and the host name must match (the default)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l sslrootcert -l ssl-ca -d 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l connect-timeout -d 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l db-instance-identifier -d 'The RDS instance (or Aurora cluster) to ask about IAM auth, when the host is not its endpoint (tunnels, proxies, CNAMEs)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l no-iam -d 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l help -d 'Print help'
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -f -a "enable" -d 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -f -a "policy" -d 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -f -a "user" -d 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and not __fish_seen_subcommand_from enable policy user help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l timeout -d 'Give up waiting after this many seconds, at most a week (exit 1; the change goes on)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l cluster -d 'DBID is an Aurora DB cluster (IAM authentication is a cluster setting in Aurora)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l apply-immediately -d 'Apply now instead of in the next maintenance window'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l no-wait -d 'Request the change and return without waiting'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l db-user -d 'The database user the policy lets in' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l principal-tag -d 'ABAC: let each caller in as the user named by its principal tag KEY (`${aws:PrincipalTag/KEY}`), instead of one --db-user' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l redshift -d 'A Redshift provisioned cluster (redshift:GetClusterCredentials) instead of RDS' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l db-name -d 'Redshift: allow only this database' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l dsql -d 'An Aurora DSQL cluster id (dsql:DbConnect) instead of RDS' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l cluster -d 'DBID is an Aurora DB cluster: the policy names its DbClusterResourceId'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l auto-create -d 'Redshift: also allow creating the user at first login (redshift:CreateClusterUser)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l admin -d 'DSQL: allow the `admin` role (dsql:DbConnectAdmin) instead of custom roles'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from policy" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l engine -d 'The database engine (default: from the URL scheme, the host name, or the port)' -r -f -a "postgres\t'PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token)'
mysql\t'MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only)'
redshift\t'Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs)'
dsql\t'Amazon Aurora DSQL (a DSQL token)'
redis\t'ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l url -d 'A connection URL (same as the positional URL)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -s h -l host -d 'Database server host name [env: PGHOST]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l hostaddr -d 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq\'s hostaddr; for SSH tunnels) [env: PGHOSTADDR]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -s p -l port -d 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -s U -l username -d 'Database user name (default: the OS user) [env: PGUSER]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -s d -l dbname -d 'Database name (default: the user name) [env: PGDATABASE]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l signing-host -d 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l signing-port -d 'Sign the IAM token for this port instead of --port' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l sslmode -d 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]' -r -f -a "disable\t'No TLS (refused with IAM: a token is never sent in clear)'
allow\t'TLS if the server insists (treated as `prefer`; with IAM as `require`)'
prefer\t'TLS if the server offers it, without verification (with IAM: TLS required)'
require\t'TLS always; the certificate is verified only against `--sslrootcert` if given'
verify-ca\t'TLS always; the chain must lead to a trusted CA; any host name'
verify-full\t'TLS always; trusted chain and the host name must match (the default)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l sslrootcert -l ssl-ca -d 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l connect-timeout -d 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l no-iam -d 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l dry-run -d 'Print the SQL on stdout and change nothing (no connection is made)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l help -d 'Print help'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from user" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from help" -f -a "policy" -d 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from help" -f -a "user" -d 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL'
complete -c dbiam -n "__fish_dbiam_using_subcommand setup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l engine -d 'The database engine (default: from the URL scheme, the host name, or the port)' -r -f -a "postgres\t'PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token)'
mysql\t'MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only)'
redshift\t'Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs)'
dsql\t'Amazon Aurora DSQL (a DSQL token)'
redis\t'ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l url -d 'A connection URL (same as the positional URL)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -s h -l host -d 'Database server host name [env: PGHOST]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l hostaddr -d 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq\'s hostaddr; for SSH tunnels) [env: PGHOSTADDR]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -s p -l port -d 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -s U -l username -d 'Database user name (default: the OS user) [env: PGUSER]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -s d -l dbname -d 'Database name (default: the user name) [env: PGDATABASE]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l signing-host -d 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l signing-port -d 'Sign the IAM token for this port instead of --port' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l sslmode -d 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]' -r -f -a "disable\t'No TLS (refused with IAM: a token is never sent in clear)'
allow\t'TLS if the server insists (treated as `prefer`; with IAM as `require`)'
prefer\t'TLS if the server offers it, without verification (with IAM: TLS required)'
require\t'TLS always; the certificate is verified only against `--sslrootcert` if given'
verify-ca\t'TLS always; the chain must lead to a trusted CA; any host name'
verify-full\t'TLS always; trusted chain and the host name must match (the default)'"
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l sslrootcert -l ssl-ca -d 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l connect-timeout -d 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l cluster-id -d 'Redshift: the provisioned cluster\'s identifier (default: the host name\'s first label)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l workgroup -d 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l db-user -d 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l db-groups -d 'Redshift: database groups the user joins for this session (comma-separated)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l duration -d 'Redshift: the credentials\' lifetime in seconds (900 to 3600; default 900)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l listen -d 'Listen on HOST:PORT (repeatable: one per target, in order). Default: the target\'s `proxy_port` on 127.0.0.1, else a free port (printed)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l socket -d 'Also listen on a Unix socket in DIR (PostgreSQL clients: `host=DIR`; mode 0700 directory, 0600 socket)' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l password-file -d 'The local password file (created with a random password when missing; must not be readable by group or others). Default: one per target in dbiam\'s state directory' -r -F
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l print-password -d 'Print the local password of TARGET (a name or URL) and exit' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l log-format -d 'The per-connection log line on stderr' -r -f -a "text\t'`key=value` text'
json\t'One JSON object per line'"
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l drain-timeout -d 'After Ctrl-C or SIGTERM, let open sessions finish for this long before closing them' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l client-timeout -d 'Drop a client that has not logged in after this long' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l no-iam -d 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l auto-create -d 'Redshift: create the database user if it does not exist'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l with-iam -d 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l allow-remote -d 'Allow a non-loopback --listen address (needs a local password; not with --trust)'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l trust -d 'Accept any local password (loopback only; for single-user machines)'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l help -d 'Print help'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand proxy" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand completions" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l profile -d 'AWS profile from the shared config files (overrides environment keys)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l endpoint-url -d 'Send AWS API calls to this endpoint instead of AWS\'s (AWS_ENDPOINT_URL works too)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (an object, or an array of objects)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header line'
libpq-json\t'`dbiam token` only: the connection as libpq keywords in one JSON object (host, port, user, dbname, password, sslmode, sslrootcert), as Postico\'s pre-connect script and other password helpers read it. Other commands print JSON'"
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l color -d 'When to use colour (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is not set'
always\t'Always colour'
never\t'Never colour'"
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l signing-time -d 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l allowed-accounts -d 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l aws-connect-timeout -d 'Seconds to wait for a connection to an AWS endpoint (default 10)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l aws-timeout -d 'Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that)' -r
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l debug -d 'Print diagnostics on stderr (secrets are always redacted)'
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -l no-audit-tag -d 'Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database\'s application_name / program_name (config: `audit_tag = false`)'
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dbiam -n "__fish_dbiam_using_subcommand man" -s V -l version -d 'Print version'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "login" -d 'Verify AWS credentials and cache a temporary session for later commands'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "logout" -d 'Remove cached `dbiam login` sessions'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "token" -d 'Mint an RDS/Aurora, Aurora DSQL, ElastiCache or MemoryDB IAM auth token, or inspect one'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "discover" -d 'List IAM-capable databases (RDS, Aurora, proxies, Redshift, DocumentDB, DynamoDB) across regions'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "sql" -d 'Run SQL on PostgreSQL, MySQL, Redshift or DSQL with IAM auth over verified TLS (like psql -f/-c)'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "connect" -d 'An interactive SQL shell that stays logged in (IAM token refreshed on reconnect)'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "dynamo" -d 'DynamoDB tables and items in plain JSON: get, put, delete, query, scan, PartiQL'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "targets" -d 'Named connections in the config file: list, show, add, remove'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "exec" -d 'Run a command (psql, pg_dump, mysql, …) with a fresh IAM token in its environment'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "env" -d 'Print the variables `dbiam exec` sets, as lines for `eval`'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "doctor" -d 'Check everything IAM database login needs, with a fix for each failure'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "setup" -d 'Switch IAM database authentication on: `setup enable`, `setup policy`, `setup user`'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "proxy" -d 'A local proxy so any client (DBeaver, DataGrip, psql, JDBC pools) logs in with IAM without knowing it'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "completions" -d 'Print the shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "man" -d 'Print the man page, or write every page into a directory'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and not __fish_seen_subcommand_from login logout token discover sql connect dynamo targets exec env doctor setup proxy completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "inspect" -d 'Decode a token: host, port, user, region, signer, expiry (never the signature)'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from dynamo" -f -a "tables" -d 'List tables with status, item count, size, key schema and billing mode'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from dynamo" -f -a "describe" -d 'Show a table\'s keys, indexes, TTL and stream settings'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from dynamo" -f -a "get" -d 'Read one item by its key (exit 1 when there is none)'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from dynamo" -f -a "put" -d 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from dynamo" -f -a "delete" -d 'Delete one item by its key; prints the item that was deleted'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from dynamo" -f -a "query" -d 'Query by key condition, following every page'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from dynamo" -f -a "scan" -d 'Scan a table or index, following every page; --segments N scans in parallel'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from dynamo" -f -a "sql" -d 'Run a PartiQL statement (ExecuteStatement), following every page'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from targets" -f -a "list" -d 'List the targets in the config file'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from targets" -f -a "show" -d 'Show one target\'s settings'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from targets" -f -a "add" -d 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from targets" -f -a "remove" -d 'Remove a target'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from setup" -f -a "enable" -d 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from setup" -f -a "policy" -d 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication'
complete -c dbiam -n "__fish_dbiam_using_subcommand help; and __fish_seen_subcommand_from setup" -f -a "user" -d 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL'
