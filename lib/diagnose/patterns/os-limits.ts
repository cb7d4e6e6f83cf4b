import type { LogPattern } from "./types";

// Recognised failures that have no category of their own (category "other"):
// exhausted descriptor/watch limits, writes to a read-only filesystem and an
// unroutable network. They are named so they are not mistaken for the nearest
// category: a read-only filesystem is not a failed volume mount (the mount
// worked, it is read-only by design or after an I/O error), an unroutable
// network is not a refusing peer, and a socket error from fd exhaustion is not
// an application bug. Their rank (categories.ts) lets them beat the stack trace
// and the network symptoms they surface through.
export const osLimitPatterns: LogPattern[] = [
  {
    id: "os.fd-exhausted",
    category: "other",
    severity: "high",
    regex: String.raw`(?i)(?:too many open files|\b(?:WSA)?EMFILE\b|\bENFILE\b|fork: (?:retry: )?Resource temporarily unavailable|pthread_create failed: Resource temporarily unavailable|file table overflow|System limit for number of file watchers reached|inotify (?:watch|instance) limit)`,
    explanation:
      "The process (EMFILE) or the node (ENFILE) ran out of file descriptors, inotify watches or processes/threads: a descriptor/connection leak or a limit (nofile, pids) set too low.",
    examples: {
      positive: [
        "accept tcp [::]:8080: accept4: too many open files; retrying in 5ms",
        "java.net.SocketException: Too many open files",
        "Error: EMFILE: too many open files, watch '/app/src'",
        "OSError: [Errno 24] Too many open files: '/data/x.csv'",
        "Error: ENOSPC: System limit for number of file watchers reached, watch '/app'",
        "/entrypoint.sh: fork: retry: Resource temporarily unavailable",
      ],
      negative: ["opened 12 files", "max open files 1048576 (configured)"],
    },
  },
  {
    id: "os.read-only-fs",
    category: "other",
    severity: "medium",
    regex: String.raw`(?i)(?:\bread-only file ?system\b|\bEROFS\b|\[Errno 30\]|Remounting filesystem read-only|filesystem is read-only)`,
    explanation:
      "A write hit a filesystem mounted read-only (readOnlyRootFilesystem, a read-only volume or image layer, or a disk the kernel remounted read-only after I/O errors); write to a writable volume such as an emptyDir instead.",
    examples: {
      positive: [
        "OSError: [Errno 30] Read-only file system: '/app/cache'",
        "Error: EROFS: read-only file system, open '/tmp/x'",
        "mkdir /srv/data: read-only file system",
        "EXT4-fs (sda1): Remounting filesystem read-only",
      ],
      negative: ["mounted /data read-write", "readOnly: true"],
    },
  },
  {
    id: "net.unreachable",
    category: "other",
    severity: "medium",
    regex: String.raw`(?i)(?:\bnetwork is unreachable\b|\b(?:WSA)?ENETUNREACH\b|attempted to an unreachable network|\[Errno 101\]|\bNetworkUnreachable\b)`,
    explanation:
      "The host has no route to the target network (no default route, IPv6 without connectivity, egress blocked): the packet never left, so no peer refused or timed out.",
    examples: {
      positive: [
        "dial tcp 142.250.74.78:443: connect: network is unreachable",
        "Failed to establish a new connection: [Errno 101] Network is unreachable",
        "Error: connect ENETUNREACH 2606:4700::6810:84e5:443",
      ],
      negative: ["network reachable again", "dial tcp 10.0.0.1:80: connect: no route to host"],
    },
  },
];
