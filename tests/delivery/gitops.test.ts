import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Application, AppProject } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1";
import Ajv from "ajv";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ClusterRole, ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1";
import { ConfigMap, Namespace, Service, ServiceAccount } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { celSource, evaluateCel, regoSource } from "./support/gatekeeper-cel";
import { gate, inCi, ROOT, walk, which } from "./support/tools";

// kubectl kustomize renders both overlays; every object is validated against its schema
// (kubernetes-models / argo-cd models, or a hand-written schema for CRDs without a model),
// then the fields that matter are asserted one by one: the models ignore unknown keys.
// Gatekeeper's CEL runs here on the policy fixtures and on every rendered object; the Rego
// runs in GitHub Actions (gator verify), since no OPA runtime is available offline.

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are checked field by field below
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  [key: string]: any;
};

const GITOPS = path.join(ROOT, "gitops");
const kubectl = which("kubectl");
const kustomizeGate = gate("kubectl (kustomize)", Boolean(kubectl), "kubectl is not on the PATH");
const readYaml = (rel: string) => YAML.parse(readFileSync(path.join(GITOPS, rel), "utf8"));

function render(overlay: string): Obj[] {
  const out = spawnSync(kubectl as string, ["kustomize", path.join(GITOPS, "overlays", overlay)], {
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed:\n${out.stderr}`);
  return YAML.parseAllDocuments(out.stdout).map((d) => d.toJSON() as Obj);
}

// biome-ignore lint/suspicious/noExplicitAny: model constructors take their own typed specs
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ServiceAccount": ServiceAccount,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "batch/v1/Job": Job,
  "networking.k8s.io/v1/Ingress": Ingress,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "rbac.authorization.k8s.io/v1/ClusterRole": ClusterRole,
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": ClusterRoleBinding,
  "storage.k8s.io/v1/StorageClass": StorageClass,
};

// CRDs without a model package: the fields this repo relies on, strictly.
const ajv = new Ajv({ allErrors: true, strict: false });
const ref = { type: "object", required: ["name"], properties: { name: { type: "string" } } };
const CRD_SCHEMAS: Record<string, object> = {
  "external-secrets.io/v1/SecretStore": {
    type: "object",
    required: ["spec"],
    properties: {
      spec: {
        type: "object",
        required: ["provider"],
        properties: {
          provider: {
            type: "object",
            required: ["aws"],
            properties: {
              aws: {
                type: "object",
                required: ["service", "region", "auth"],
                additionalProperties: false,
                properties: {
                  service: { enum: ["SecretsManager", "ParameterStore"] },
                  region: { type: "string", pattern: "^[a-z]{2}-[a-z]+-\\d$" },
                  auth: {
                    type: "object",
                    additionalProperties: false,
                    properties: {
                      jwt: {
                        type: "object",
                        required: ["serviceAccountRef"],
                        properties: { serviceAccountRef: ref },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  "external-secrets.io/v1/ExternalSecret": {
    type: "object",
    required: ["spec"],
    properties: {
      spec: {
        type: "object",
        required: ["secretStoreRef", "target", "data"],
        additionalProperties: false,
        properties: {
          refreshInterval: { type: "string" },
          secretStoreRef: {
            type: "object",
            required: ["name", "kind"],
            properties: { name: { type: "string" }, kind: { enum: ["SecretStore", "ClusterSecretStore"] } },
          },
          target: {
            type: "object",
            required: ["name"],
            properties: {
              name: { type: "string" },
              creationPolicy: { enum: ["Owner", "Orphan", "Merge", "None"] },
              template: { type: "object" },
            },
          },
          data: {
            type: "array",
            minItems: 1,
            items: {
              type: "object",
              required: ["secretKey", "remoteRef"],
              additionalProperties: false,
              properties: {
                secretKey: { type: "string" },
                remoteRef: {
                  type: "object",
                  required: ["key"],
                  additionalProperties: false,
                  properties: { key: { type: "string" }, property: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
  },
  "monitoring.coreos.com/v1/ServiceMonitor": {
    type: "object",
    required: ["spec"],
    properties: {
      spec: {
        type: "object",
        required: ["selector", "endpoints"],
        additionalProperties: false,
        properties: {
          selector: { type: "object", required: ["matchLabels"] },
          endpoints: {
            type: "array",
            minItems: 1,
            items: {
              type: "object",
              additionalProperties: false,
              required: ["port", "path"],
              properties: {
                port: { type: "string" },
                path: { type: "string" },
                interval: { type: "string", pattern: "^\\d+[smh]$" },
                scrapeTimeout: { type: "string", pattern: "^\\d+[smh]$" },
                authorization: {
                  type: "object",
                  required: ["type", "credentials"],
                  properties: {
                    type: { const: "Bearer" },
                    credentials: { type: "object", required: ["name", "key"] },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

function validateObject(obj: Obj): void {
  const key = `${obj.apiVersion}/${obj.kind}`;
  const Model = MODELS[key];
  if (Model) {
    new Model(obj).validate();
    return;
  }
  const schema = CRD_SCHEMAS[key];
  if (!schema) throw new Error(`no schema for ${key} (${obj.metadata.name}): add a model or a schema`);
  const check = ajv.compile(schema);
  const name = obj.metadata.name;
  if (!check(obj)) throw new Error(`${key} ${name}: ${ajv.errorsText(check.errors)}`);
}

const find = (objs: Obj[], kind: string, name: string) => {
  const found = objs.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} not rendered`);
  return found;
};

const lbTemplate = readYaml("policies/templates/k8srequiredlbtags.yaml");
const nonRootTemplate = readYaml("policies/templates/k8snonrootlimits.yaml");
const lbConstraint = readYaml("policies/constraints/loadbalancer-must-have-tags.yaml");
const nonRootConstraint = readYaml("policies/constraints/containers-nonroot-with-limits.yaml");
const POD_KINDS = new Set(["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);

describe("gitops overlays", () => {
  it.skipIf(kustomizeGate.available || !inCi)("has kubectl (required in CI)", () => {
    expect.fail(kustomizeGate.line);
  });

  for (const overlay of ["dev", "prod"]) {
    describe.skipIf(!kustomizeGate.available)(`overlays/${overlay}`, () => {
      const objs = kustomizeGate.available ? render(overlay) : [];

      it("renders every object with a valid schema, all in namespace portico", () => {
        expect(objs.length).toBeGreaterThanOrEqual(20);
        const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "StorageClass"]);
        for (const obj of objs) {
          validateObject(obj);
          if (!clusterScoped.has(obj.kind))
            expect(obj.metadata.namespace, `${obj.kind}/${obj.metadata.name}`).toBe("portico");
        }
        const kinds = new Set(objs.map((o) => o.kind));
        for (const kind of [
          "Deployment",
          "Service",
          "Ingress",
          "NetworkPolicy",
          "ServiceAccount",
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget",
          "Job",
          "StatefulSet",
          "ServiceMonitor",
          "ConfigMap",
          "ExternalSecret",
          "SecretStore",
        ])
          expect(kinds.has(kind), kind).toBe(true);
        expect(kinds.has("Secret"), "no Secret values in git").toBe(false);
      });

      it("Deployment: 2 replicas, 256Mi/512Mi, hardened, probes on /api/health", () => {
        const d = find(objs, "Deployment", "portico");
        expect(d.spec.replicas).toBe(2);
        const pod = d.spec.template.spec;
        expect(pod.serviceAccountName).toBe("portico");
        expect(pod.securityContext).toMatchObject({
          runAsNonRoot: true,
          runAsUser: 10001,
          runAsGroup: 10001,
          seccompProfile: { type: "RuntimeDefault" },
        });
        expect(pod.containers).toHaveLength(1);
        const c = pod.containers[0];
        expect(c.image).toMatch(
          new RegExp(`^\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/portico/${overlay}:`),
        );
        expect(c.resources.requests.memory).toBe("256Mi");
        expect(c.resources.limits.memory).toBe("512Mi");
        expect(c.securityContext).toEqual({
          runAsNonRoot: true,
          runAsUser: 10001,
          runAsGroup: 10001,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          privileged: false,
          capabilities: { drop: ["ALL"] },
          seccompProfile: { type: "RuntimeDefault" },
        });
        expect(c.ports).toEqual([{ name: "http", containerPort: 3000, protocol: "TCP" }]);
        expect(c.readinessProbe.httpGet).toEqual({ path: "/api/health?probe=ready", port: "http" });
        expect(c.livenessProbe.httpGet).toEqual({ path: "/api/health?probe=live", port: "http" });
        expect(c.startupProbe.httpGet).toEqual({ path: "/api/health?probe=live", port: "http" });
        expect(c.volumeMounts).toEqual([{ name: "tmp", mountPath: "/tmp" }]);
        expect(pod.volumes).toEqual([{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }]);
        expect(c.envFrom).toEqual([
          { configMapRef: { name: "portico-config" } },
          { secretRef: { name: "portico-secrets" } },
        ]);
        // The probe query names must be the ones the health route accepts.
        const schema = readFileSync(path.join(ROOT, "app/api/health/schema.ts"), "utf8");
        expect(schema).toMatch(/z\.enum\(\["live", "ready"\]\)/);
      });

      it("Service, HPA and PDB select the Deployment's pods; ServiceMonitor scrapes /api/metrics with the token", () => {
        const labels = find(objs, "Deployment", "portico").spec.template.metadata.labels;
        const svc = find(objs, "Service", "portico");
        expect(svc.spec.type).toBe("ClusterIP");
        expect(Object.entries(svc.spec.selector).every(([k, v]) => labels[k] === v)).toBe(true);
        expect(svc.spec.ports).toEqual([{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }]);
        const pdb = find(objs, "PodDisruptionBudget", "portico");
        expect(pdb.spec.minAvailable).toBe(1);
        expect(Object.entries(pdb.spec.selector.matchLabels).every(([k, v]) => labels[k] === v)).toBe(true);
        const hpa = find(objs, "HorizontalPodAutoscaler", "portico");
        expect(hpa.spec.scaleTargetRef).toEqual({
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: "portico",
        });
        expect(hpa.spec.minReplicas).toBe(2);
        expect(hpa.spec.maxReplicas).toBeGreaterThan(2);
        const sm = find(objs, "ServiceMonitor", "portico");
        expect(
          Object.entries(sm.spec.selector.matchLabels).every(([k, v]) => svc.metadata.labels?.[k] === v),
        ).toBe(true);
        expect(sm.spec.endpoints[0]).toMatchObject({
          port: "http",
          path: "/api/metrics",
          authorization: {
            type: "Bearer",
            credentials: { name: "portico-secrets", key: "PORTICO_METRICS_TOKEN" },
          },
        });
      });

      it("Ingress: internet-facing ALB, HTTPS with redirect, Terraform's security group", () => {
        const ing = find(objs, "Ingress", "portico");
        const a = ing.metadata.annotations ?? {};
        expect(ing.spec.ingressClassName).toBe("alb");
        expect(a["alb.ingress.kubernetes.io/scheme"]).toBe("internet-facing");
        expect(a["alb.ingress.kubernetes.io/target-type"]).toBe("ip");
        expect(JSON.parse(a["alb.ingress.kubernetes.io/listen-ports"])).toEqual([
          { HTTP: 80 },
          { HTTPS: 443 },
        ]);
        expect(a["alb.ingress.kubernetes.io/ssl-redirect"]).toBe("443");
        expect(a["alb.ingress.kubernetes.io/certificate-arn"]).toMatch(
          /^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\//,
        );
        expect(a["alb.ingress.kubernetes.io/security-groups"]).toMatch(/^sg-/);
        expect(a["alb.ingress.kubernetes.io/healthcheck-path"]).toBe("/api/health?probe=ready");
        expect(a["alb.ingress.kubernetes.io/tags"]).toBe(`Project=portico,Environment=${overlay}`);
        expect(ing.spec.rules[0].http.paths[0].backend.service).toEqual({
          name: "portico",
          port: { name: "http" },
        });
      });

      it("NetworkPolicy: default deny; app ingress from the ALB subnets and Prometheus only; egress DNS, 443, Postgres, Chroma", () => {
        const deny = find(objs, "NetworkPolicy", "default-deny");
        expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        const np = find(objs, "NetworkPolicy", "portico");
        expect(np.spec.policyTypes).toEqual(["Ingress", "Egress"]);
        const [alb, prom] = np.spec.ingress;
        expect(alb.from.map((f: { ipBlock: { cidr: string } }) => f.ipBlock.cidr)).toEqual([
          "10.0.101.0/24",
          "10.0.102.0/24",
        ]);
        expect(alb.ports).toEqual([{ port: 3000, protocol: "TCP" }]);
        expect(prom.from[0].namespaceSelector.matchLabels).toEqual({
          "kubernetes.io/metadata.name": "monitoring",
        });
        expect(np.spec.ingress).toHaveLength(2);
        const egressPorts = np.spec.egress.map((e: { ports: { port: number }[] }) =>
          e.ports.map((p) => p.port).join("/"),
        );
        expect(egressPorts).toEqual(["53/53", "5432", "8000", "443"]);
        const pg = np.spec.egress[1];
        expect(pg.to.map((t: { ipBlock: { cidr: string } }) => t.ipBlock.cidr)).toEqual([
          "10.0.1.0/24",
          "10.0.2.0/24",
        ]);
        for (const rule of np.spec.egress)
          for (const to of rule.to)
            if (to.ipBlock?.cidr === "0.0.0.0/0")
              expect(rule.ports).toEqual([{ port: 443, protocol: "TCP" }]);
        const chroma = find(objs, "NetworkPolicy", "chroma");
        expect(chroma.spec.ingress[0].from[0].podSelector.matchLabels).toEqual({
          "app.kubernetes.io/name": "portico",
        });
      });

      it("ServiceAccount is annotated for IRSA with this environment's app role", () => {
        const sa = find(objs, "ServiceAccount", "portico");
        expect(sa.metadata.annotations?.["eks.amazonaws.com/role-arn"]).toBe(
          `arn:aws:iam::123456789012:role/portico-${overlay}-app`,
        );
      });

      it("migration Job is an ArgoCD PreSync hook running npm run db:migrate from the app image", () => {
        const job = find(objs, "Job", "portico-migrate");
        const a = job.metadata.annotations ?? {};
        expect(a["argocd.argoproj.io/hook"]).toBe("PreSync");
        expect(a["argocd.argoproj.io/hook-delete-policy"]).toBe("BeforeHookCreation,HookSucceeded");
        const c = job.spec.template.spec.containers[0];
        expect(c.command).toEqual(["npm", "run", "db:migrate"]);
        expect(c.image).toBe(find(objs, "Deployment", "portico").spec.template.spec.containers[0].image);
        expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
        const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
        expect(pkg.scripts["db:migrate"]).toBeDefined();
        // Everything the hook needs exists before it: PreSync wave -1.
        for (const [kind, name] of [
          ["ServiceAccount", "portico"],
          ["ConfigMap", "portico-config"],
          ["ExternalSecret", "portico-secrets"],
          ["SecretStore", "aws-secrets-manager"],
        ]) {
          const o = find(objs, kind, name).metadata.annotations ?? {};
          expect(o["argocd.argoproj.io/hook"], `${kind}/${name}`).toBe("PreSync");
          expect(Number(o["argocd.argoproj.io/sync-wave"])).toBeLessThan(
            Number(a["argocd.argoproj.io/sync-wave"]),
          );
        }
      });

      it("Chroma is a StatefulSet with an encrypted PVC", () => {
        const sts = find(objs, "StatefulSet", "chroma");
        expect(sts.spec.volumeClaimTemplates[0].spec).toMatchObject({
          accessModes: ["ReadWriteOnce"],
          storageClassName: "gp3-encrypted",
          resources: { requests: { storage: "10Gi" } },
        });
        expect(sts.spec.template.spec.containers[0].volumeMounts).toContainEqual({
          name: "data",
          mountPath: "/data",
        });
        expect(find(objs, "StorageClass", "gp3-encrypted").parameters.encrypted).toBe("true");
        expect(sts.spec.template.spec.containers[0].image).toMatch(/^chromadb\/chroma:\d+\.\d+\.\d+$/);
      });

      it("secrets come from Secrets Manager through External Secrets, authenticated as the app's service account", () => {
        const store = find(objs, "SecretStore", "aws-secrets-manager");
        expect(store.spec.provider.aws.auth.jwt.serviceAccountRef.name).toBe("portico");
        const es = find(objs, "ExternalSecret", "portico-secrets");
        expect(es.spec.target.name).toBe("portico-secrets");
        expect(Object.keys(es.spec.target.template.data).sort()).toEqual([
          "DATABASE_URL",
          "GOOGLE_GENERATIVE_AI_API_KEY",
          "OIDC_CLIENT_SECRET",
          "PORTICO_AUTH_SECRET",
          "PORTICO_METRICS_TOKEN",
        ]);
        for (const d of es.spec.data) expect(d.remoteRef.key).not.toMatch(/set-by-overlay|portico\/env\//);
        expect(es.spec.data[0].remoteRef.key).toMatch(new RegExp(`secret:rds!db-portico-${overlay}$`));
        const cm = find(objs, "ConfigMap", "portico-config");
        for (const value of Object.values(cm.data as Record<string, string>))
          expect(value).not.toMatch(/password|secret|token|key=/i);
      });

      it("runs as a shared, signed-in portal behind the ALB: oidc mode, public URL = the Ingress host, proxy trusted", () => {
        const cm = find(objs, "ConfigMap", "portico-config");
        const ingress = find(objs, "Ingress", "portico");
        // Local mode refuses to listen on 0.0.0.0, and the host check answers 421 to any other Host.
        expect(cm.data.PORTICO_AUTH_MODE).toBe("oidc");
        expect(cm.data.PORTICO_PUBLIC_URL).toBe(`https://${ingress.spec.rules[0].host}`);
        expect(cm.data.PORTICO_TRUST_PROXY).toBe("true");
        expect(cm.data.OIDC_ISSUER_URL).toMatch(/^https:\/\//);
        expect(cm.data.OIDC_CLIENT_ID).toBeTruthy();
      });

      it("every rendered object passes both Gatekeeper policies' CEL (=== true)", () => {
        const lb = celSource(lbTemplate);
        const nonRoot = celSource(nonRootTemplate);
        let services = 0;
        let workloads = 0;
        for (const obj of objs) {
          if (obj.kind === "Service") {
            services++;
            expect(evaluateCel(lb, obj, lbConstraint.spec.parameters), obj.metadata.name).toEqual([]);
          }
          if (POD_KINDS.has(obj.kind)) {
            workloads++;
            expect(
              evaluateCel(nonRoot, obj, nonRootConstraint.spec.parameters),
              `${obj.kind}/${obj.metadata.name}`,
            ).toEqual([]);
          }
        }
        expect(services).toBe(2);
        expect(workloads).toBe(3);
      });
    });
  }
});

describe("ArgoCD applications", () => {
  for (const env of ["dev", "prod"]) {
    it(`portico-${env}: valid, automated prune + self-heal, retry with backoff, CreateNamespace`, () => {
      const app = readYaml(`argocd/portico-${env}.yaml`);
      new Application(app).validate();
      expect(app.spec.project).toBe("portico");
      expect(app.spec.source.path).toBe(`gitops/overlays/${env}`);
      expect(app.spec.destination).toEqual({
        server: "https://kubernetes.default.svc",
        namespace: "portico",
      });
      expect(app.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
      expect(app.spec.syncPolicy.syncOptions).toContain("CreateNamespace=true");
      expect(app.spec.syncPolicy.retry.limit).toBeGreaterThan(0);
      expect(app.spec.syncPolicy.retry.backoff).toMatchObject({
        duration: "10s",
        factor: 2,
        maxDuration: "5m",
      });
    });
  }

  it("the AppProject confines them to the portico namespace of this cluster", () => {
    const project = readYaml("argocd/project.yaml");
    new AppProject(project).validate();
    expect(project.spec.destinations).toEqual([
      { server: "https://kubernetes.default.svc", namespace: "portico" },
    ]);
  });
});

describe("Gatekeeper policies", () => {
  const suite = readYaml("policies/tests/suite.yaml") as {
    tests: {
      name: string;
      template: string;
      constraint: string;
      cases: { name: string; object: string; assertions: { violations: string | boolean }[] }[];
    }[];
  };
  const testsDir = path.join(GITOPS, "policies/tests");
  const load = (rel: string) => YAML.parse(readFileSync(path.resolve(testsDir, rel), "utf8"));

  it("templates carry both engines, and the constraints' parameters match each template's schema", () => {
    for (const t of suite.tests) {
      const template = load(t.template);
      const constraint = load(t.constraint);
      expect(template.apiVersion).toBe("templates.gatekeeper.sh/v1");
      const engines = template.spec.targets[0].code.map((c: { engine: string }) => c.engine);
      expect(engines).toEqual(["K8sNativeValidation", "Rego"]);
      expect(regoSource(template)).toMatch(new RegExp(`^package ${template.metadata.name}$`, "m"));
      expect(regoSource(template)).toMatch(/^violation\[\{"msg": msg\}\]/m);
      expect(constraint.kind).toBe(template.spec.crd.spec.names.kind);
      expect(constraint.spec.enforcementAction).toBe("deny");
      const schema = { ...template.spec.crd.spec.validation.openAPIV3Schema, additionalProperties: false };
      const check = ajv.compile(schema);
      expect(check(constraint.spec.parameters), ajv.errorsText(check.errors)).toBe(true);
    }
  });

  it("every gator suite case gets the asserted answer from the CEL", () => {
    let cases = 0;
    for (const t of suite.tests) {
      const source = celSource(load(t.template));
      const params = load(t.constraint).spec.parameters;
      for (const c of t.cases) {
        cases++;
        const expectViolation = c.assertions.some((a) => a.violations === "yes" || a.violations === true);
        const failures = evaluateCel(source, load(c.object), params);
        expect(failures.length > 0, `${t.name}/${c.name}: ${failures.join("; ")}`).toBe(expectViolation);
      }
    }
    expect(cases).toBeGreaterThanOrEqual(10);
  });

  it("has allowed and denied fixtures for each policy and every fixture is in the suite", () => {
    const listed = new Set(suite.tests.flatMap((t) => t.cases.map((c) => path.basename(c.object))));
    const files = walk(path.join(testsDir, "samples")).map((f) => path.basename(f));
    expect(files.sort()).toEqual([...listed].sort());
    for (const t of suite.tests) {
      const answers = new Set(t.cases.map((c) => String(c.assertions[0].violations)));
      expect(answers).toEqual(new Set(["yes", "no"]));
    }
  });

  it("the policies kustomization lists every template and constraint", () => {
    const k = readYaml("policies/kustomization.yaml");
    const files = walk(path.join(GITOPS, "policies")).filter((f) => /^(templates|constraints)\//.test(f));
    expect([...k.resources].sort()).toEqual(files.sort());
  });
});
