import type { LogPattern } from "./types";

// Errors returned by a database server, and cloud credential/permission errors
// outside Terraform (SDKs, CLIs, workload identity).
export const dataCloudPatterns: LogPattern[] = [
  {
    id: "db.auth",
    category: "database_error",
    severity: "high",
    regex: String.raw`(?i)(?:(?:password|ident|peer|md5|sasl|scram-sha-256) authentication failed for user|User "[^"]+" (?:Ident|Password|Peer) Authentication failed|\bFATAL:\s+(?:role|database) "[^"]*" does not exist|no pg_hba\.conf entry for|Access denied for user '[^']*'@|Login failed for user '|\bER_ACCESS_DENIED_ERROR\b|Authentication failed\.?.*(?:mongo|SCRAM)|\bSCRAM-SHA-\d+ authentication failed|\bMongoServerError: Authentication failed|\bWRONGPASS\b|\bNOAUTH Authentication required)`,
    explanation: "The database rejected the credentials or the database/role named does not exist.",
    examples: {
      positive: [
        'psql: error: Fatal error:  User "postgres" Ident Authentication failed',
        'FATAL:  Ident authentication failed for user "postgres"',
        'FATAL:  password authentication failed for user "app"',
        "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)",
        'FATAL:  no pg_hba.conf entry for host "10.0.0.5", user "app", database "app", SSL off',
        "MongoServerError: Authentication failed.",
        "WRONGPASS invalid username-password pair or user is disabled.",
      ],
      negative: ["authentication succeeded for user app", "Access denied (403) to bucket"],
    },
  },
  {
    id: "db.capacity",
    category: "database_error",
    severity: "high",
    regex: String.raw`(?i)(?:too many (?:clients already|connections)|sorry, too many clients|remaining connection slots are reserved|\bER_CON_COUNT_ERROR\b|max_connections|connection pool exhausted|Connection is not available, request timed out after|\bTooManyConnections\b|could not obtain (?:a )?connection from the pool)`,
    explanation: "The database ran out of connection slots (or the client pool is exhausted).",
    examples: {
      positive: [
        "FATAL:  sorry, too many clients already",
        "ERROR 1040 (HY000): Too many connections",
        "FATAL: remaining connection slots are reserved for non-replication superuser connections",
        "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
      ],
      negative: ["connections: 12 active"],
    },
  },
  {
    id: "db.schema-or-query",
    category: "database_error",
    severity: "medium",
    regex: String.raw`(?i)(?:\brelation "[^"]+" does not exist|\bcolumn "[^"]+" (?:of relation "[^"]+" )?does not exist|Table '[^']+' doesn't exist|Unknown column '[^']+'|no such table: |\bdeadlock detected\b|Deadlock found when trying to get lock|Lock wait timeout exceeded|duplicate key value violates unique constraint|violates (?:foreign key|not-null|check) constraint|\bSQLSTATE\[[0-9A-Z]{5}\]|\bcode: '(?:28P01|28000|53300|42P01|42703|40P01|23505|23503|3D000|57P01|08P01)'|\broutine: '(?:auth_failed|errorMissingColumn|parserOpenTable|_bt_check_unique)'|\bSQLSTATE[ =:]+[0-9A-Z]{5}|\bPSQLException\b|\bpq: |\bER_[A-Z_]+\b|\bSqlException\b|\bOperationalError\) \(psycopg2|\bsqlalchemy\.exc\.(?:Programming|Integrity|Operational)Error|\bORA-\d{5}\b|\bMongoServerError\b|could not serialize access due to|canceling statement due to statement timeout|database "[^"]+" does not exist|\bread-only transaction\b)`,
    explanation:
      "The database server rejected the statement: missing table/column (migrations not applied), constraint violation, deadlock or lock/statement timeout.",
    examples: {
      positive: [
        "  code: '28P01',",
        "  routine: 'auth_failed' }",
        'ERROR:  relation "users" does not exist at character 15',
        "ERROR: deadlock detected",
        "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'app.orders' doesn't exist",
        'pq: duplicate key value violates unique constraint "users_email_key"',
        "ORA-00942: table or view does not exist",
      ],
      negative: ["SELECT 1", "migrations applied: 12"],
    },
  },
  {
    id: "cloud.aws-auth",
    category: "cloud_auth",
    severity: "high",
    regex: String.raw`(?i)(?:\bInvalidClientTokenId\b|\bSignatureDoesNotMatch\b|\bExpiredToken(?:Exception)?\b|\bUnrecognizedClientException\b|security token included in the request is (?:invalid|expired)|\bAccessDenied(?:Exception)?\b|is not authorized to perform: \S+|Unable to locate credentials|NoCredentialProviders|no EC2 IMDS role found|\bInvalidAccessKeyId\b|The AWS Access Key Id you provided does not exist|Not authorized to perform sts:AssumeRoleWithWebIdentity|\bWebIdentityErr\b|failed to refresh cached credentials|\bCredentialsProviderError\b|Could not load credentials from any providers|\bNoCredentialsError\b|\bUnauthorizedOperation\b|\bAuthFailure\b|The config profile \(\S+\) could not be found|(?:SSO|sso) (?:session|token) .*expired)`,
    explanation:
      "AWS rejected the request: no credentials, invalid or expired keys/tokens, or an IAM policy that does not allow the action.",
    examples: {
      positive: [
        "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied",
        "User: arn:aws:sts::123:assumed-role/x/y is not authorized to perform: s3:PutObject on resource",
        'Unable to locate credentials. You can configure credentials by running "aws configure".',
        "ExpiredToken: The security token included in the request is expired",
        "An error occurred (InvalidAccessKeyId) when calling the ListBuckets operation",
      ],
      negative: ["aws s3 ls returned 3 objects", "role assumed successfully"],
    },
  },
  {
    id: "cloud.gcp-azure-auth",
    category: "cloud_auth",
    severity: "high",
    regex: String.raw`(?i)(?:could not (?:find|load) default credentials|Required '[a-z]+\.[A-Za-z.]+' permission|IAM permission denied|"status":\s*"PERMISSION_DENIED"|Permission denied on resource project|retrieve an access token for the Compute Engine|insufficient (?:permission|authentication) scopes|Your default credentials were not found|\bDefaultCredentialsError\b|oauth2: cannot fetch token|invalid_grant|Reauthentication (?:is )?(?:needed|required)|gcloud auth (?:login|application-default login)|Permission '[a-z]+\.[A-Za-z.]+' denied|does not have [a-z]+\.[A-Za-z.]+ (?:access|permission)|\bPERMISSION_DENIED\b.*(?:googleapis|IAM|permission)|\bUNAUTHENTICATED\b|Request had insufficient authentication scopes|\bAADSTS\d{4,}|\bAuthorizationFailed\b|does not have authorization to perform action|DefaultAzureCredential failed|\bClientAuthenticationError\b|\bInvalidAuthenticationToken\w*|ManagedIdentityCredential authentication unavailable|az login|\b401 Unauthorized\b.*(?:googleapis|azure|amazonaws))`,
    explanation:
      "GCP or Azure rejected the request: missing application default credentials, an expired login, or a role without the permission.",
    examples: {
      positive: [
        "Error: API returned: Required 'compute.projects.get' permission for 'projects/demo'",
        '    "status": "PERMISSION_DENIED"',
        "IAM permission denied to create broker",
        "google.auth.exceptions.DefaultCredentialsError: Your default credentials were not found.",
        "Permission 'storage.objects.get' denied on resource (or it may not exist).",
        "AADSTS7000215: Invalid client secret provided.",
        "(AuthorizationFailed) The client 'x' with object id 'y' does not have authorization to perform action 'Microsoft.Storage/storageAccounts/read'",
        "DefaultAzureCredential failed to retrieve a token from the included credentials.",
      ],
      negative: ["gcloud config set project demo", "Logged in as user@example.com"],
    },
  },
];
