
use builtin;
use str;

set edit:completion:arg-completer[dbiam] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'dbiam'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'dbiam'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Verify AWS credentials and cache a temporary session for later commands'
            cand logout 'Remove cached `dbiam login` sessions'
            cand token 'Mint an RDS/Aurora or Aurora DSQL IAM auth token, or inspect one'
            cand discover 'List IAM-capable databases (RDS, Aurora, proxies, Redshift, DocumentDB, DynamoDB) across regions'
            cand sql 'Run SQL on PostgreSQL, MySQL, Redshift or DSQL with IAM auth over verified TLS (like psql -f/-c)'
            cand connect 'An interactive SQL shell that stays logged in (IAM token refreshed on reconnect)'
            cand dynamo 'DynamoDB tables and items in plain JSON: get, put, delete, query, scan, PartiQL'
            cand targets 'Named connections in the config file: list, show, add, remove'
            cand exec 'Run a command (psql, pg_dump, mysql, …) with a fresh IAM token in its environment'
            cand env 'Print the variables `dbiam exec` sets, as lines for `eval`'
            cand doctor 'Check everything IAM database login needs, with a fix for each failure'
            cand setup 'Switch IAM database authentication on: `setup enable`, `setup policy`, `setup user`'
            cand completions 'Print the shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print the man page, or write every page into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;login'= {
            cand --session 'Session name to cache under (later commands use DBIAM_SESSION, else `default`)'
            cand --expires-at 'When typed-in temporary keys expire (RFC 3339); STS does not report it'
            cand --mfa-serial 'MFA device serial number (ARN) for GetSessionToken or AssumeRole'
            cand --mfa-code 'The current MFA code (prompted for when omitted on a terminal)'
            cand --role-arn 'Assume this role and cache its credentials'
            cand --external-id 'External id for AssumeRole'
            cand --role-session-name 'Role session name for AssumeRole (default dbiam-<unix time>)'
            cand --duration 'Session lifetime: seconds or 90m, 12h (default 1h; GetSessionToken 15m-36h, AssumeRole 15m-12h)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --status 'Show the cached sessions and the time they have left'
            cand --keys 'Prompt for an access key id, secret access key and optional session token'
            cand --keys-from-stdin 'Read access key id, secret access key and optional session token from stdin, one per line'
            cand --verify-only 'Verify and print the identity only; cache nothing'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;logout'= {
            cand --session 'The session to remove (default: DBIAM_SESSION, else `default`)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --all 'Remove every cached session'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;token'= {
            cand --hostname 'Database endpoint host name (the name the token is signed for)'
            cand --port 'Database port (RDS/Aurora)'
            cand --username 'Database user name (RDS/Aurora)'
            cand --expires-in 'DSQL: token lifetime in seconds (default 900)'
            cand --db-name 'Redshift: the database the credentials are for'
            cand --cluster-id 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)'
            cand --workgroup 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials'
            cand --db-user 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)'
            cand --db-groups 'Redshift: database groups the user joins for this session (comma-separated)'
            cand --duration 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --dsql 'Mint an Aurora DSQL token instead of an RDS one'
            cand --admin 'DSQL: a token for the `admin` role (DbConnectAdmin)'
            cand --verify 'Check the credentials with STS GetCallerIdentity before minting'
            cand --redshift 'Print Amazon Redshift temporary database credentials (user, password, expiration) for other tools, from --cluster-id/--db-user or --workgroup, instead of a token'
            cand --auto-create 'Redshift: create the database user if it does not exist'
            cand --with-iam 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand inspect 'Decode a token: host, port, user, region, signer, expiry (never the signature)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;token;inspect'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;token;help'= {
            cand inspect 'Decode a token: host, port, user, region, signer, expiry (never the signature)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;token;help;inspect'= {
        }
        &'dbiam;token;help;help'= {
        }
        &'dbiam;discover'= {
            cand --services 'Services to query, comma-separated: rds, aurora, proxy, redshift, redshift-serverless, docdb, dynamodb (default: all)'
            cand --engine 'Only engines containing this text, e.g. `postgres` (postgres and aurora-postgresql)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --all-regions 'Query every region of the resolved region''s partition (a built-in list of regions enabled by default) instead of --region'
            cand --iam-only 'Only resources where IAM authentication is usable (enabled, required, always)'
            cand --save 'Save every SQL database listed as a named target in the config file, named after its id (`ID-REGION` when the id appears in several regions); a target of the same name is replaced'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;sql'= {
            cand --engine 'The database engine (default: from the URL scheme, the host name, or the port)'
            cand --url 'A connection URL (same as the positional URL)'
            cand -h 'Database server host name [env: PGHOST]'
            cand --host 'Database server host name [env: PGHOST]'
            cand --hostaddr 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]'
            cand -p 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand --port 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand -U 'Database user name (default: the OS user) [env: PGUSER]'
            cand --username 'Database user name (default: the OS user) [env: PGUSER]'
            cand -d 'Database name (default: the user name) [env: PGDATABASE]'
            cand --dbname 'Database name (default: the user name) [env: PGDATABASE]'
            cand --signing-host 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)'
            cand --signing-port 'Sign the IAM token for this port instead of --port'
            cand --sslmode 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]'
            cand --sslrootcert 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --ssl-ca 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --connect-timeout 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]'
            cand --cluster-id 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)'
            cand --workgroup 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials'
            cand --db-user 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)'
            cand --db-groups 'Redshift: database groups the user joins for this session (comma-separated)'
            cand --duration 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)'
            cand -c 'Run this SQL (repeatable; runs in order with -f)'
            cand --command 'Run this SQL (repeatable; runs in order with -f)'
            cand -f 'Run the SQL script in FILE, `-` for stdin (repeatable). Default: stdin when it is not a terminal'
            cand --file 'Run the SQL script in FILE, `-` for stdin (repeatable). Default: stdin when it is not a terminal'
            cand -v 'Set a psql variable for :NAME, :''NAME'' and :"NAME" (repeatable)'
            cand --set 'Set a psql variable for :NAME, :''NAME'' and :"NAME" (repeatable)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --no-iam 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
            cand --auto-create 'Redshift: create the database user if it does not exist'
            cand --with-iam 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
            cand -1 'Run everything in one transaction (BEGIN … COMMIT; ROLLBACK on error)'
            cand --single-transaction 'Run everything in one transaction (BEGIN … COMMIT; ROLLBACK on error)'
            cand --continue-on-error 'Go on after a failing statement (psql without ON_ERROR_STOP; exit 0)'
            cand -t 'Print rows only: no header, no row-count footer'
            cand --tuples-only 'Print rows only: no header, no row-count footer'
            cand -q 'Do not print command tags (INSERT 0 1, CREATE TABLE, …)'
            cand --quiet 'Do not print command tags (INSERT 0 1, CREATE TABLE, …)'
            cand --help 'Print help'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;connect'= {
            cand --engine 'The database engine (default: from the URL scheme, the host name, or the port)'
            cand --url 'A connection URL (same as the positional URL)'
            cand -h 'Database server host name [env: PGHOST]'
            cand --host 'Database server host name [env: PGHOST]'
            cand --hostaddr 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]'
            cand -p 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand --port 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand -U 'Database user name (default: the OS user) [env: PGUSER]'
            cand --username 'Database user name (default: the OS user) [env: PGUSER]'
            cand -d 'Database name (default: the user name) [env: PGDATABASE]'
            cand --dbname 'Database name (default: the user name) [env: PGDATABASE]'
            cand --signing-host 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)'
            cand --signing-port 'Sign the IAM token for this port instead of --port'
            cand --sslmode 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]'
            cand --sslrootcert 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --ssl-ca 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --connect-timeout 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]'
            cand --cluster-id 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)'
            cand --workgroup 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials'
            cand --db-user 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)'
            cand --db-groups 'Redshift: database groups the user joins for this session (comma-separated)'
            cand --duration 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --no-iam 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
            cand --auto-create 'Redshift: create the database user if it does not exist'
            cand --with-iam 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
            cand --no-pager 'Never page long results (the pager is PAGER, else `less -FRX`; only on a terminal)'
            cand --no-history 'Do not read or write the history file'
            cand --help 'Print help'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tables 'List tables with status, item count, size, key schema and billing mode'
            cand describe 'Show a table''s keys, indexes, TTL and stream settings'
            cand get 'Read one item by its key (exit 1 when there is none)'
            cand put 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)'
            cand delete 'Delete one item by its key; prints the item that was deleted'
            cand query 'Query by key condition, following every page'
            cand scan 'Scan a table or index, following every page; --segments N scans in parallel'
            cand sql 'Run a PartiQL statement (ExecuteStatement), following every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;dynamo;tables'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo;describe'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo;get'= {
            cand --key 'The key as JSON, e.g. ''{"pk": "a", "sk": 1}'''
            cand --projection 'ProjectionExpression: the attributes to return'
            cand --names 'ExpressionAttributeNames as a JSON object'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --consistent 'Strongly consistent read'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo;put'= {
            cand --item 'The item as JSON; `-` reads stdin, `@FILE` reads a file. Stdin and files may hold many items (NDJSON: one object per line)'
            cand --condition 'ConditionExpression (one item only), e.g. ''attribute_not_exists(pk)'''
            cand --values 'ExpressionAttributeValues as a JSON object, e.g. ''{":p": "a"}'''
            cand --names 'ExpressionAttributeNames as a JSON object, e.g. ''{"#n": "name"}'''
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo;delete'= {
            cand --key 'The key as JSON'
            cand --condition 'ConditionExpression, e.g. ''version = :v'''
            cand --values 'ExpressionAttributeValues as a JSON object, e.g. ''{":p": "a"}'''
            cand --names 'ExpressionAttributeNames as a JSON object, e.g. ''{"#n": "name"}'''
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo;query'= {
            cand --key-condition 'KeyConditionExpression, e.g. ''pk = :p AND sk > :s'''
            cand --filter 'FilterExpression, applied after the read'
            cand --index 'Read this secondary index'
            cand --limit 'Return at most N items in total'
            cand --projection 'ProjectionExpression: the attributes to return'
            cand --page-size 'Items DynamoDB reads per request (default: up to 1 MB per page)'
            cand --values 'ExpressionAttributeValues as a JSON object, e.g. ''{":p": "a"}'''
            cand --names 'ExpressionAttributeNames as a JSON object, e.g. ''{"#n": "name"}'''
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --consistent 'Strongly consistent reads'
            cand --desc 'Read in descending sort-key order'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo;scan'= {
            cand --filter 'FilterExpression, applied after the read'
            cand --index 'Read this secondary index'
            cand --limit 'Return at most N items in total'
            cand --projection 'ProjectionExpression: the attributes to return'
            cand --page-size 'Items DynamoDB reads per request (default: up to 1 MB per page)'
            cand --values 'ExpressionAttributeValues as a JSON object, e.g. ''{":p": "a"}'''
            cand --names 'ExpressionAttributeNames as a JSON object, e.g. ''{"#n": "name"}'''
            cand --segments 'Parallel scan with this many segments, all read at once'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --consistent 'Strongly consistent reads'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo;sql'= {
            cand --params 'Values for the `?` placeholders as a JSON array'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --consistent 'Strongly consistent read'
            cand --typed 'Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …) instead of plain JSON'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;dynamo;help'= {
            cand tables 'List tables with status, item count, size, key schema and billing mode'
            cand describe 'Show a table''s keys, indexes, TTL and stream settings'
            cand get 'Read one item by its key (exit 1 when there is none)'
            cand put 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)'
            cand delete 'Delete one item by its key; prints the item that was deleted'
            cand query 'Query by key condition, following every page'
            cand scan 'Scan a table or index, following every page; --segments N scans in parallel'
            cand sql 'Run a PartiQL statement (ExecuteStatement), following every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;dynamo;help;tables'= {
        }
        &'dbiam;dynamo;help;describe'= {
        }
        &'dbiam;dynamo;help;get'= {
        }
        &'dbiam;dynamo;help;put'= {
        }
        &'dbiam;dynamo;help;delete'= {
        }
        &'dbiam;dynamo;help;query'= {
        }
        &'dbiam;dynamo;help;scan'= {
        }
        &'dbiam;dynamo;help;sql'= {
        }
        &'dbiam;dynamo;help;help'= {
        }
        &'dbiam;targets'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the targets in the config file'
            cand show 'Show one target''s settings'
            cand add 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`'
            cand remove 'Remove a target'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;targets;list'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;targets;show'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;targets;add'= {
            cand --engine 'The database engine (default: from the URL scheme, the host name, or the port)'
            cand --url 'A connection URL (same as the positional URL)'
            cand -h 'Database server host name [env: PGHOST]'
            cand --host 'Database server host name [env: PGHOST]'
            cand --hostaddr 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]'
            cand -p 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand --port 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand -U 'Database user name (default: the OS user) [env: PGUSER]'
            cand --username 'Database user name (default: the OS user) [env: PGUSER]'
            cand -d 'Database name (default: the user name) [env: PGDATABASE]'
            cand --dbname 'Database name (default: the user name) [env: PGDATABASE]'
            cand --signing-host 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)'
            cand --signing-port 'Sign the IAM token for this port instead of --port'
            cand --sslmode 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]'
            cand --sslrootcert 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --ssl-ca 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --connect-timeout 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]'
            cand --cluster-id 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)'
            cand --workgroup 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials'
            cand --db-user 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)'
            cand --db-groups 'Redshift: database groups the user joins for this session (comma-separated)'
            cand --duration 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)'
            cand --role-arn 'Assume this IAM role before minting tokens for this target'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --no-iam 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
            cand --auto-create 'Redshift: create the database user if it does not exist'
            cand --with-iam 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
            cand --force 'Replace a target of the same name'
            cand --help 'Print help'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;targets;remove'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;targets;help'= {
            cand list 'List the targets in the config file'
            cand show 'Show one target''s settings'
            cand add 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`'
            cand remove 'Remove a target'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;targets;help;list'= {
        }
        &'dbiam;targets;help;show'= {
        }
        &'dbiam;targets;help;add'= {
        }
        &'dbiam;targets;help;remove'= {
        }
        &'dbiam;targets;help;help'= {
        }
        &'dbiam;exec'= {
            cand --engine 'The database engine (default: from the URL scheme, the host name, or the port)'
            cand --url 'A connection URL (same as the positional URL)'
            cand -h 'Database server host name [env: PGHOST]'
            cand --host 'Database server host name [env: PGHOST]'
            cand --hostaddr 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]'
            cand -p 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand --port 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand -U 'Database user name (default: the OS user) [env: PGUSER]'
            cand --username 'Database user name (default: the OS user) [env: PGUSER]'
            cand -d 'Database name (default: the user name) [env: PGDATABASE]'
            cand --dbname 'Database name (default: the user name) [env: PGDATABASE]'
            cand --signing-host 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)'
            cand --signing-port 'Sign the IAM token for this port instead of --port'
            cand --sslmode 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]'
            cand --sslrootcert 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --ssl-ca 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --connect-timeout 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]'
            cand --cluster-id 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)'
            cand --workgroup 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials'
            cand --db-user 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)'
            cand --db-groups 'Redshift: database groups the user joins for this session (comma-separated)'
            cand --duration 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --no-iam 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
            cand --auto-create 'Redshift: create the database user if it does not exist'
            cand --with-iam 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
            cand --help 'Print help'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;env'= {
            cand --engine 'The database engine (default: from the URL scheme, the host name, or the port)'
            cand --url 'A connection URL (same as the positional URL)'
            cand -h 'Database server host name [env: PGHOST]'
            cand --host 'Database server host name [env: PGHOST]'
            cand --hostaddr 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]'
            cand -p 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand --port 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand -U 'Database user name (default: the OS user) [env: PGUSER]'
            cand --username 'Database user name (default: the OS user) [env: PGUSER]'
            cand -d 'Database name (default: the user name) [env: PGDATABASE]'
            cand --dbname 'Database name (default: the user name) [env: PGDATABASE]'
            cand --signing-host 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)'
            cand --signing-port 'Sign the IAM token for this port instead of --port'
            cand --sslmode 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]'
            cand --sslrootcert 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --ssl-ca 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --connect-timeout 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]'
            cand --cluster-id 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)'
            cand --workgroup 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials'
            cand --db-user 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)'
            cand --db-groups 'Redshift: database groups the user joins for this session (comma-separated)'
            cand --duration 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)'
            cand --shell 'The shell to write for'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --no-iam 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
            cand --auto-create 'Redshift: create the database user if it does not exist'
            cand --with-iam 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
            cand --help 'Print help'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;doctor'= {
            cand --engine 'The database engine (default: from the URL scheme, the host name, or the port)'
            cand --url 'A connection URL (same as the positional URL)'
            cand -h 'Database server host name [env: PGHOST]'
            cand --host 'Database server host name [env: PGHOST]'
            cand --hostaddr 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]'
            cand -p 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand --port 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand -U 'Database user name (default: the OS user) [env: PGUSER]'
            cand --username 'Database user name (default: the OS user) [env: PGUSER]'
            cand -d 'Database name (default: the user name) [env: PGDATABASE]'
            cand --dbname 'Database name (default: the user name) [env: PGDATABASE]'
            cand --signing-host 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)'
            cand --signing-port 'Sign the IAM token for this port instead of --port'
            cand --sslmode 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]'
            cand --sslrootcert 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --ssl-ca 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --connect-timeout 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]'
            cand --cluster-id 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)'
            cand --workgroup 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials'
            cand --db-user 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)'
            cand --db-groups 'Redshift: database groups the user joins for this session (comma-separated)'
            cand --duration 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)'
            cand --db-instance-identifier 'The RDS instance (or Aurora cluster) to ask about IAM auth, when the host is not its endpoint (tunnels, proxies, CNAMEs)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --no-iam 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
            cand --auto-create 'Redshift: create the database user if it does not exist'
            cand --with-iam 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
            cand --help 'Print help'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;setup'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait'
            cand policy 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication'
            cand user 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;setup;enable'= {
            cand --timeout 'Give up waiting after this many seconds, at most a week (exit 1; the change goes on)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --cluster 'DBID is an Aurora DB cluster (IAM authentication is a cluster setting in Aurora)'
            cand --apply-immediately 'Apply now instead of in the next maintenance window'
            cand --no-wait 'Request the change and return without waiting'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;setup;policy'= {
            cand --db-user 'The database user the policy lets in'
            cand --principal-tag 'ABAC: let each caller in as the user named by its principal tag KEY (`${aws:PrincipalTag/KEY}`), instead of one --db-user'
            cand --redshift 'A Redshift provisioned cluster (redshift:GetClusterCredentials) instead of RDS'
            cand --db-name 'Redshift: allow only this database'
            cand --dsql 'An Aurora DSQL cluster id (dsql:DbConnect) instead of RDS'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --cluster 'DBID is an Aurora DB cluster: the policy names its DbClusterResourceId'
            cand --auto-create 'Redshift: also allow creating the user at first login (redshift:CreateClusterUser)'
            cand --admin 'DSQL: allow the `admin` role (dsql:DbConnectAdmin) instead of custom roles'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;setup;user'= {
            cand --engine 'The database engine (default: from the URL scheme, the host name, or the port)'
            cand --url 'A connection URL (same as the positional URL)'
            cand -h 'Database server host name [env: PGHOST]'
            cand --host 'Database server host name [env: PGHOST]'
            cand --hostaddr 'Connect to this IP address instead of resolving --host; TLS still checks --host (as libpq''s hostaddr; for SSH tunnels) [env: PGHOSTADDR]'
            cand -p 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand --port 'Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT]'
            cand -U 'Database user name (default: the OS user) [env: PGUSER]'
            cand --username 'Database user name (default: the OS user) [env: PGUSER]'
            cand -d 'Database name (default: the user name) [env: PGDATABASE]'
            cand --dbname 'Database name (default: the user name) [env: PGDATABASE]'
            cand --signing-host 'Sign the IAM token for this host instead of --host (the RDS endpoint behind a tunnel, proxy or CNAME)'
            cand --signing-port 'Sign the IAM token for this port instead of --port'
            cand --sslmode 'TLS mode, as libpq (default verify-full) [env: PGSSLMODE]'
            cand --sslrootcert 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --ssl-ca 'Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT]'
            cand --connect-timeout 'Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT]'
            cand --cluster-id 'Redshift: the provisioned cluster''s identifier (default: the host name''s first label)'
            cand --workgroup 'Redshift Serverless: the workgroup (default: the first label of a `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials'
            cand --db-user 'Redshift: the database user to get credentials for (GetClusterCredentials; default: -U)'
            cand --db-groups 'Redshift: database groups the user joins for this session (comma-separated)'
            cand --duration 'Redshift: the credentials'' lifetime in seconds (900 to 3600; default 900)'
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --no-iam 'Do not use IAM: the password comes from PGPASSWORD or a hidden prompt'
            cand --auto-create 'Redshift: create the database user if it does not exist'
            cand --with-iam 'Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM)'
            cand --dry-run 'Print the SQL on stdout and change nothing (no connection is made)'
            cand --help 'Print help'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;setup;help'= {
            cand enable 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait'
            cand policy 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication'
            cand user 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;setup;help;enable'= {
        }
        &'dbiam;setup;help;policy'= {
        }
        &'dbiam;setup;help;user'= {
        }
        &'dbiam;setup;help;help'= {
        }
        &'dbiam;completions'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;man'= {
            cand --profile 'AWS profile from the shared config files (overrides environment keys)'
            cand --region 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name)'
            cand --endpoint-url 'Send AWS API calls to this endpoint instead of AWS''s (AWS_ENDPOINT_URL works too)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR is honoured with `auto`)'
            cand --signing-time 'Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ)'
            cand --allowed-accounts 'Refuse credentials of any other AWS account (comma-separated 12-digit ids)'
            cand --debug 'Print diagnostics on stderr (secrets are always redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dbiam;help'= {
            cand login 'Verify AWS credentials and cache a temporary session for later commands'
            cand logout 'Remove cached `dbiam login` sessions'
            cand token 'Mint an RDS/Aurora or Aurora DSQL IAM auth token, or inspect one'
            cand discover 'List IAM-capable databases (RDS, Aurora, proxies, Redshift, DocumentDB, DynamoDB) across regions'
            cand sql 'Run SQL on PostgreSQL, MySQL, Redshift or DSQL with IAM auth over verified TLS (like psql -f/-c)'
            cand connect 'An interactive SQL shell that stays logged in (IAM token refreshed on reconnect)'
            cand dynamo 'DynamoDB tables and items in plain JSON: get, put, delete, query, scan, PartiQL'
            cand targets 'Named connections in the config file: list, show, add, remove'
            cand exec 'Run a command (psql, pg_dump, mysql, …) with a fresh IAM token in its environment'
            cand env 'Print the variables `dbiam exec` sets, as lines for `eval`'
            cand doctor 'Check everything IAM database login needs, with a fix for each failure'
            cand setup 'Switch IAM database authentication on: `setup enable`, `setup policy`, `setup user`'
            cand completions 'Print the shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print the man page, or write every page into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dbiam;help;login'= {
        }
        &'dbiam;help;logout'= {
        }
        &'dbiam;help;token'= {
            cand inspect 'Decode a token: host, port, user, region, signer, expiry (never the signature)'
        }
        &'dbiam;help;token;inspect'= {
        }
        &'dbiam;help;discover'= {
        }
        &'dbiam;help;sql'= {
        }
        &'dbiam;help;connect'= {
        }
        &'dbiam;help;dynamo'= {
            cand tables 'List tables with status, item count, size, key schema and billing mode'
            cand describe 'Show a table''s keys, indexes, TTL and stream settings'
            cand get 'Read one item by its key (exit 1 when there is none)'
            cand put 'Write one item (PutItem) or many (BatchWriteItem, 25 at a time)'
            cand delete 'Delete one item by its key; prints the item that was deleted'
            cand query 'Query by key condition, following every page'
            cand scan 'Scan a table or index, following every page; --segments N scans in parallel'
            cand sql 'Run a PartiQL statement (ExecuteStatement), following every page'
        }
        &'dbiam;help;dynamo;tables'= {
        }
        &'dbiam;help;dynamo;describe'= {
        }
        &'dbiam;help;dynamo;get'= {
        }
        &'dbiam;help;dynamo;put'= {
        }
        &'dbiam;help;dynamo;delete'= {
        }
        &'dbiam;help;dynamo;query'= {
        }
        &'dbiam;help;dynamo;scan'= {
        }
        &'dbiam;help;dynamo;sql'= {
        }
        &'dbiam;help;targets'= {
            cand list 'List the targets in the config file'
            cand show 'Show one target''s settings'
            cand add 'Add (or with --force replace) a target; takes the connection flags of `dbiam sql`'
            cand remove 'Remove a target'
        }
        &'dbiam;help;targets;list'= {
        }
        &'dbiam;help;targets;show'= {
        }
        &'dbiam;help;targets;add'= {
        }
        &'dbiam;help;targets;remove'= {
        }
        &'dbiam;help;exec'= {
        }
        &'dbiam;help;env'= {
        }
        &'dbiam;help;doctor'= {
        }
        &'dbiam;help;setup'= {
            cand enable 'Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait'
            cand policy 'Print a least-privilege IAM policy (JSON) for connecting with IAM authentication'
            cand user 'Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL'
        }
        &'dbiam;help;setup;enable'= {
        }
        &'dbiam;help;setup;policy'= {
        }
        &'dbiam;help;setup;user'= {
        }
        &'dbiam;help;completions'= {
        }
        &'dbiam;help;man'= {
        }
        &'dbiam;help;help'= {
        }
    ]
    $completions[$command]
}
