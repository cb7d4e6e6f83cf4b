import type { LogPattern } from "./types";

// Scheduling, storage attachment and node-pressure problems.
export const kubernetesPlacementPatterns: LogPattern[] = [
  {
    id: "k8s.schedule.failed",
    category: "failed_scheduling",
    severity: "high",
    regex: String.raw`\b(?:FailedScheduling|Unschedulable|NotTriggerScaleUp)\b|(?i)\b\d+/\d+ nodes are available`,
    explanation: "No node satisfies the pod's resource requests, selectors, affinity or tolerations.",
    examples: {
      positive: [
        "Warning  FailedScheduling  30s  default-scheduler  0/3 nodes are available: 3 Insufficient cpu.",
        "PodScheduled   False   Unschedulable",
      ],
      negative: ["Normal  Scheduled  30s  default-scheduler  Successfully assigned prod/api-0 to node-1"],
    },
  },
  {
    id: "k8s.schedule.constraint",
    category: "failed_scheduling",
    severity: "high",
    regex: String.raw`(?i)(?:\bInsufficient (?:cpu|memory|ephemeral-storage|pods|[a-z0-9.-]+/gpu)\b|didn't match (?:pod's )?node (?:affinity|selector)|didn't match pod (?:anti-)?affinity rules|pod didn't trigger scale-up)`,
    explanation: "Scheduler predicate details: which resource or constraint ruled out the nodes.",
    examples: {
      positive: [
        "2 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector",
        "pod didn't trigger scale-up: 1 max node group size reached",
      ],
      negative: ["memory request 512Mi"],
    },
  },
  {
    id: "k8s.volume.mount-failed",
    category: "volume_mount",
    severity: "high",
    regex: String.raw`\b(?:FailedMount|FailedAttachVolume|MountVolume\.\w+ failed)|(?i)(?:unable to attach or mount volumes|multi-attach error for volume|AttachVolume\.Attach failed)`,
    explanation: "The kubelet or CSI driver cannot attach or mount a volume the pod needs.",
    examples: {
      positive: [
        "Warning  FailedMount  1m  kubelet  Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data]: timed out waiting for the condition",
        'Multi-Attach error for volume "pvc-1234" Volume is already exclusively attached to one node',
      ],
      negative: [
        "Normal  SuccessfulAttachVolume  1m  attachdetach-controller  AttachVolume.Attach succeeded",
      ],
    },
  },
  {
    id: "k8s.volume.pvc",
    category: "volume_mount",
    severity: "high",
    regex: String.raw`(?i)(?:persistentvolumeclaim "[^"]*" not found|unbound immediate persistentvolumeclaims|waiting for a volume to be created|no persistent volumes available for this claim|ProvisioningFailed)`,
    explanation: "The PersistentVolumeClaim is missing or cannot be bound/provisioned.",
    examples: {
      positive: [
        "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.",
        `persistentvolumeclaim "data-db-0" not found`,
      ],
      negative: ["persistentvolumeclaim/data-db-0 created"],
    },
  },
  {
    id: "k8s.evict.evicted",
    category: "node_pressure_eviction",
    severity: "high",
    regex: String.raw`\bEvicted\b|(?i)\bthe node (?:was|had) (?:low on resource|condition)|\bEvictionThresholdMet\b`,
    explanation: "The kubelet evicted the pod because the node ran low on memory, disk or PIDs.",
    examples: {
      positive: [
        "Reason:  Evicted",
        "Message: The node was low on resource: ephemeral-storage. Container app was using 12Gi, which exceeds its request of 0.",
      ],
      negative: ["pod evicted-logs-collector started"],
    },
  },
  {
    id: "k8s.evict.pressure",
    category: "node_pressure_eviction",
    severity: "high",
    regex: String.raw`\b(?:MemoryPressure|DiskPressure|PIDPressure)\s+True\b|node\.kubernetes\.io/(?:memory|disk|pid)-pressure|(?i)attempting to reclaim (?:memory|ephemeral-storage|nodefs|imagefs)`,
    explanation: "Node condition or taint signalling resource pressure that triggers evictions.",
    examples: {
      positive: [
        "Warning  EvictionThresholdMet  node/worker-2  Attempting to reclaim ephemeral-storage",
        "1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }",
      ],
      negative: ["  MemoryPressure   False   Mon, 01 Jan 2024   KubeletHasSufficientMemory"],
    },
  },
];
