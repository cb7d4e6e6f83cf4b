import type { LogPattern } from "./types";

// Operating-system level failures: full disks, bound ports, file permissions,
// and network operations that time out.
export const systemPatterns: LogPattern[] = [
  {
    id: "os.disk-full",
    category: "disk_full",
    severity: "high",
    regex: String.raw`(?i)(?:no space left on device|\bENOSPC\b|disk quota exceeded|\bEDQUOT\b|There is not enough space on the disk|not enough free disk space|\bDiskFull\b|could not (?:extend|write to) file .*: No space|insufficient disk space)`,
    explanation: "A filesystem the process writes to is full (or its quota is exhausted).",
    examples: {
      positive: [
        "write /var/lib/docker/tmp/GetImageBlob123: no space left on device",
        "npm ERR! code ENOSPC",
        "OSError: [Errno 28] No space left on device: '/tmp/x'",
        'ERROR:  could not extend file "base/16384/16385": No space left on device',
      ],
      negative: ["Filesystem has 40% free space", "disk usage 12%"],
    },
  },
  {
    id: "os.port-in-use",
    category: "port_in_use",
    severity: "high",
    regex: String.raw`(?i)(?:\bEADDRINUSE\b|address already in use|port \d{1,5} (?:is )?already (?:in use|allocated)|port is already allocated|Only one usage of each socket address|Failed to bind to (?:address )?\S+: address already in use|Web server failed to start\. Port \d+ was already in use|bind\(\) to \S+ failed \(98|\[Errno 98\]|\bBindException\b)`,
    explanation: "Another process (or another container in the same pod) already listens on the port.",
    examples: {
      positive: [
        "Error: listen EADDRINUSE: address already in use :::3000",
        "listen tcp :8080: bind: address already in use",
        "Bind for 0.0.0.0:5432 failed: port is already allocated",
        "Web server failed to start. Port 8080 was already in use.",
        "java.net.BindException: Address already in use",
      ],
      negative: ["Listening on port 3000", "port 8080 is free"],
    },
  },
  {
    id: "os.permission-denied",
    category: "permission_denied",
    severity: "high",
    regex: String.raw`(?i)(?:\bEACCES\b|\bEPERM\b|\[Errno 13\] Permission denied|(?:open|mkdir|stat|chmod|chown|unlink|write|read|exec|rename|remove|create|access|lstat)\s.*: permission denied|: Permission denied$|permission denied while trying to connect to the Docker daemon|operation not permitted|java\.nio\.file\.AccessDeniedException|\bPermissionError\b|could not open file .*: Permission denied|Permission denied \(publickey)`,
    explanation:
      "The process's user lacks permission on a file, directory, socket or device (an OS permission, not Kubernetes RBAC).",
    examples: {
      positive: [
        "Error: EACCES: permission denied, open '/app/logs/app.log'",
        "PermissionError: [Errno 13] Permission denied: '/data/out.csv'",
        "mkdir /var/lib/app: permission denied",
        "chown: changing ownership of '/data': Operation not permitted",
        "Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock",
        "bash: ./run.sh: Permission denied",
      ],
      negative: [
        'Error from server (Forbidden): pods is forbidden: User "x" cannot list resource "pods"',
        "access granted",
      ],
    },
  },
  {
    id: "net.timeout",
    category: "network_timeout",
    severity: "medium",
    regex: String.raw`(?i)(?:\bi/o timeout\b|context deadline exceeded|\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|connection timed out|connect timed out|\bConnectTimeoutError\b|\bReadTimeout(?:Error)?\b|\bConnectTimeout\b|Read timed out|\bSocketTimeoutException\b|\bTimeoutError\b|operation timed out|timeout awaiting response headers|Client\.Timeout exceeded|TLS handshake timeout|\bgateway time-?out\b|\b504 Gateway)`,
    explanation:
      "A remote endpoint did not answer in time: it is overloaded, filtered by a firewall/NetworkPolicy, or unreachable.",
    examples: {
      positive: [
        "dial tcp 10.0.3.4:5432: i/o timeout",
        "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
        "Error: connect ETIMEDOUT 52.1.2.3:443",
        "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.example.com', port=443)",
        "java.net.SocketTimeoutException: Read timed out",
        "net/http: TLS handshake timeout",
      ],
      negative: ["request completed in 20ms", "timeout set to 30s"],
    },
  },
];
