import type { LogPattern } from "./types";

// Name resolution, TCP connection and TLS failures as printed by common runtimes
// (Go net, glibc/Python socket, Node, Java, curl, libpq).
export const networkPatterns: LogPattern[] = [
  {
    id: "net.dns.lookup-failed",
    category: "dns_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:\bno such host\b|name or service not known|temporary failure in name resolution|nodename nor servname provided|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|\bNXDOMAIN\b|could not resolve host|\bUnknownHostException\b|server misbehaving|could not translate host name)`,
    explanation:
      "A hostname could not be resolved: wrong service name/namespace, missing DNS record, or CoreDNS trouble.",
    examples: {
      positive: [
        "dial tcp: lookup postgres.prod.svc.cluster.local on 10.96.0.10:53: no such host",
        "socket.gaierror: [Errno -2] Name or service not known",
        "Error: getaddrinfo ENOTFOUND redis-master",
        "java.net.UnknownHostException: kafka-0.kafka-headless: Temporary failure in name resolution",
        "curl: (6) Could not resolve host: api.internal",
      ],
      negative: ["resolved host api.internal to 10.0.0.5", "connected to postgres.prod.svc.cluster.local"],
    },
  },
  {
    id: "net.dns.resolver",
    category: "dns_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:\bgaierror\b|\bNameResolutionError\b|failed to resolve '[^']+'|\blookup \S+ on [0-9a-f.:\[\]]+:53: |dns (?:lookup|resolution) (?:failed|timed out|error))`,
    explanation:
      "Resolver-level errors from Python (gaierror/urllib3), Go (lookup … on …:53) or DNS clients.",
    examples: {
      positive: [
        "urllib3.exceptions.NameResolutionError: Failed to resolve 'payments.svc' ([Errno -3] Temporary failure)",
        "lookup api.example.com on 10.96.0.10:53: read udp 10.1.0.5:44321->10.96.0.10:53: i/o timeout",
      ],
      negative: ["Failed to resolve dependencies for project", "resolved 12 packages"],
    },
  },
  {
    id: "net.tcp.refused",
    category: "connection_refused",
    severity: "high",
    regex: String.raw`(?i)(?:connection refused|\bECONNREFUSED\b|\[Errno 111\]|actively refused it|\bConnectException\b|\bConnectionRefusedError\b)`,
    explanation:
      "Nothing is listening at the target address: the dependency is down, not ready, or on another port.",
    examples: {
      positive: [
        "dial tcp [::1]:5432: connectex: No connection could be made because the target machine actively refused it.",
        "dial tcp 10.0.12.7:5432: connect: connection refused",
        "Error: connect ECONNREFUSED 127.0.0.1:6379",
        "java.net.ConnectException: Connection refused (Connection refused)",
        "ConnectionRefusedError: [Errno 111] Connection refused",
      ],
      negative: ["connection established to 10.0.12.7:5432", "connection pool size 10"],
    },
  },
  {
    id: "net.tcp.unreachable",
    category: "connection_refused",
    severity: "medium",
    regex: String.raw`(?i)(?:\bno route to host\b|\bEHOSTUNREACH\b)`,
    explanation: "The target address is unreachable (network policy, wrong IP, or the endpoint is gone).",
    examples: {
      positive: [
        "dial tcp 10.0.3.4:443: connect: no route to host",
        "Error: connect EHOSTUNREACH 10.2.0.9:80",
      ],
      negative: ["route added to host table"],
    },
  },
  {
    id: "tls.x509",
    category: "tls_certificate",
    severity: "high",
    regex: String.raw`(?i)(?:\bx509: |\bcertificate (?:has )?expired\b|certificate is not yet valid|\berror \d+ at \d+ depth lookup: |certificate verify failed|self[- ]signed certificate|unable to (?:get local issuer|verify the first) certificate|\b(?:CERT_HAS_EXPIRED|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID)\b)`,
    explanation:
      "The peer's certificate is expired, self-signed, issued by an unknown CA, or for another host name.",
    examples: {
      positive: [
        "error 9 at 0 depth lookup: certificate is not yet valid",
        'Get "https://registry.internal/v2/": x509: certificate signed by unknown authority',
        "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate",
        "Error: certificate has expired",
        "code: 'SELF_SIGNED_CERT_IN_CHAIN'",
      ],
      negative: ["certificate renewed, valid until 2031-01-01", "loaded 140 CA certificates"],
    },
  },
  {
    id: "tls.handshake",
    category: "tls_certificate",
    severity: "high",
    regex: String.raw`(?i)(?:\bSSLHandshakeException\b|PKIX path building failed|\bSSLCertVerificationError\b|tls: (?:handshake failure|bad certificate|failed to verify certificate)|Hostname/IP does not match certificate)`,
    explanation: "TLS handshake rejected during certificate validation (Java PKIX, Go crypto/tls, Node).",
    examples: {
      positive: [
        "javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException",
        "remote error: tls: bad certificate",
      ],
      negative: ["TLS handshake completed in 12ms"],
    },
  },
];
