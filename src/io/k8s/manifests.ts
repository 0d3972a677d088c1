/**
 * Reads Kubernetes manifests (multi-document YAML, or `kubectl get … -o yaml|json` lists) into what the
 * NetworkPolicy engine evaluates: namespaces, workloads, Services and policies. Never throws: what cannot be read
 * is reported with its document and line, and the rest is still read.
 */
import { Document as YamlDocument, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type {
  ContainerPort,
  NetpolProtocol,
  Namespace,
  K8sNetworkPolicy,
  K8sService,
  Workload,
  WorkloadKind,
} from '../../core/index';
import { networkPolicySchema, SERVICE_TYPES, WORKLOAD_KINDS } from '../../core/index';

/** A Service as the design keeps it (without its id). */
export type ManifestService = Omit<K8sService, 'id'>;

export interface ManifestProblem {
  source: string;
  line: number;
  /** `Kind ns/name` when the object was identified. */
  object?: string;
  message: string;
}

export interface ManifestSet {
  namespaces: Namespace[];
  workloads: Workload[];
  services: ManifestService[];
  policies: K8sNetworkPolicy[];
  /** Each policy's YAML text, in the order of `policies`: what a design keeps. */
  policyTexts: { name: string; namespace: string; yaml: string }[];
  /** Objects of kinds the engine does not use, counted by kind. */
  ignored: Record<string, number>;
  problems: ManifestProblem[];
}

/** Bounds a hostile input cannot pass: objects per input and list nesting. */
export const MAX_MANIFEST_OBJECTS = 20000;
const MAX_LIST_DEPTH = 4;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number') out[k] = String(x);
  return out;
}

function protocolOf(v: unknown): NetpolProtocol {
  return v === 'UDP' || v === 'SCTP' ? v : 'TCP';
}

function containerPorts(podSpec: unknown): ContainerPort[] {
  if (!isObj(podSpec)) return [];
  const containers = [podSpec.containers, podSpec.initContainers].flatMap((c) => (Array.isArray(c) ? c : []));
  return containers.flatMap((c) =>
    isObj(c) && Array.isArray(c.ports)
      ? c.ports.flatMap((p) =>
          isObj(p) && typeof p.containerPort === 'number'
            ? [{ name: str(p.name), containerPort: p.containerPort, protocol: protocolOf(p.protocol) }]
            : [],
        )
      : [],
  );
}

/** The pod template of a workload kind (CronJob nests it one level deeper). */
function podTemplate(kind: WorkloadKind, spec: Obj): { metadata?: unknown; spec?: unknown } | undefined {
  if (kind === 'CronJob') {
    const job = isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined;
    return job && isObj(job.template) ? job.template : undefined;
  }
  return isObj(spec.template) ? spec.template : undefined;
}

function readWorkload(kind: WorkloadKind, obj: Obj, namespace: string, name: string): Workload {
  const spec = isObj(obj.spec) ? obj.spec : {};
  if (kind === 'Pod') {
    const status = isObj(obj.status) ? obj.status : {};
    const meta = isObj(obj.metadata) ? obj.metadata : {};
    return {
      kind,
      name,
      namespace,
      labels: labelsOf(meta.labels),
      ports: containerPorts(spec),
      podIp: str(status.podIP),
    };
  }
  const tpl = podTemplate(kind, spec);
  const tplMeta = isObj(tpl?.metadata) ? tpl.metadata : {};
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
  return { kind, name, namespace, labels: labelsOf(tplMeta.labels), ports: containerPorts(tpl?.spec), replicas };
}

const isPort = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
const isPortName = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 15;

/** The Service, or null for a type without a selector and ports (ExternalName) the matrix cannot use. */
function readService(obj: Obj, namespace: string, name: string): ManifestService | null {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const type = str(spec.type) ?? 'ClusterIP';
  if (!(SERVICE_TYPES as readonly string[]).includes(type)) return null;
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  return {
    name,
    namespace,
    type: type as ManifestService['type'],
    selector: labelsOf(spec.selector),
    ports: ports.flatMap((p) => {
      if (!isObj(p) || !isPort(p.port)) return [];
      const port: ManifestService['ports'][number] = { port: p.port, protocol: protocolOf(p.protocol) };
      if (isPortName(p.name)) port.name = p.name;
      if (isPort(p.targetPort) || isPortName(p.targetPort)) port.targetPort = p.targetPort;
      return [port];
    }),
  };
}

interface Located {
  obj: unknown;
  source: string;
  line: number;
  /** Line of a path inside the object, for error messages. */
  lineOf: (path: (string | number)[]) => number;
  /** The object as YAML: its own document as written (comments kept), or a list item written out. */
  yamlText: () => string;
}

/** Converts a zod issue path into the line it points at, falling back to the nearest existing parent. */
function pathLine(doc: Document, counter: LineCounter, base: (string | number)[], fallback: number) {
  return (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn([...base, ...path.slice(0, n)], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return fallback;
  };
}

/** Every top-level object of every document, lists (`kind: List`, `items: [...]`) unfolded. */
function collectObjects(text: string, source: string, problems: ManifestProblem[]): Located[] {
  const counter = new LineCounter();
  const out: Located[] = [];
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { lineCounter: counter }) as Document[];
  } catch (e) {
    problems.push({ source, line: 1, message: `not YAML or JSON: ${(e as Error).message}` });
    return out;
  }
  for (const doc of docs) {
    for (const err of doc.errors) {
      problems.push({ source, line: counter.linePos(err.pos[0]).line, message: err.message.split('\n')[0]! });
    }
    if (doc.errors.length > 0) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.push({ source, line: 1, message: (e as Error).message });
      continue;
    }
    const start = doc.contents?.range ? counter.linePos(doc.contents.range[0]).line : 1;
    const visit = (v: unknown, base: (string | number)[], depth: number) => {
      if (!isObj(v) || out.length >= MAX_MANIFEST_OBJECTS) return;
      if (Array.isArray(v.items) && (typeof v.kind !== 'string' || v.kind.endsWith('List'))) {
        if (depth >= MAX_LIST_DEPTH) return;
        v.items.forEach((item, i) => visit(item, [...base, 'items', i], depth + 1));
        return;
      }
      const lineOf = pathLine(doc, counter, base, start);
      const yamlText = () => (base.length === 0 ? doc.toString() : new YamlDocument(v).toString());
      out.push({ obj: v, source, line: lineOf([]), lineOf, yamlText });
    };
    visit(value, [], 0);
  }
  if (out.length >= MAX_MANIFEST_OBJECTS) {
    problems.push({ source, line: 1, message: `more than ${MAX_MANIFEST_OBJECTS} objects: the rest were not read` });
  }
  return out;
}

function readPolicy(o: Located, namespace: string, problems: ManifestProblem[], id: string): K8sNetworkPolicy | null {
  const parsed = networkPolicySchema.safeParse(o.obj);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      problems.push({
        source: o.source,
        line: o.lineOf(path),
        object: id,
        message: `${path.join('.') || '(object)'}: ${issue.message}`,
      });
    }
    return null;
  }
  const { metadata, spec } = parsed.data;
  return { name: metadata.name, namespace, ...spec };
}

/** An object a controller in the same input owns (a Deployment's ReplicaSet, a ReplicaSet's Pods) is its owner's. */
function ownedWithin(obj: Obj, namespace: string, present: Set<string>): boolean {
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
  return owners.some(
    (r) => isObj(r) && r.controller === true && present.has(`${String(r.kind)}/${namespace}/${String(r.name)}`),
  );
}

/** Reads one or more manifest texts (each with a name for messages) into one set. */
export function readManifests(inputs: readonly { source: string; text: string }[]): ManifestSet {
  const set: ManifestSet = {
    namespaces: [],
    workloads: [],
    services: [],
    policies: [],
    policyTexts: [],
    ignored: {},
    problems: [],
  };
  const objects = inputs.flatMap((i) => collectObjects(i.text, i.source, set.problems));
  const key = (o: Obj) => {
    const meta = isObj(o.metadata) ? o.metadata : {};
    return { kind: str(o.kind) ?? '', name: str(meta.name) ?? '', namespace: str(meta.namespace) ?? 'default' };
  };
  const present = new Set(
    objects.flatMap((o) => (isObj(o.obj) ? [`${key(o.obj).kind}/${key(o.obj).namespace}/${key(o.obj).name}`] : [])),
  );
  const seenNs = new Set<string>();
  for (const o of objects) {
    const obj = o.obj as Obj;
    const { kind, name, namespace } = key(obj);
    const id = `${kind || '(no kind)'} ${namespace}/${name || '(no name)'}`;
    if (!kind || !name) {
      set.problems.push({
        source: o.source,
        line: o.line,
        object: id,
        message: 'an object needs kind and metadata.name',
      });
      continue;
    }
    if (kind === 'Namespace') {
      if (!seenNs.has(name))
        set.namespaces.push({ name, labels: labelsOf(isObj(obj.metadata) ? obj.metadata.labels : undefined) });
      seenNs.add(name);
    } else if ((WORKLOAD_KINDS as readonly string[]).includes(kind)) {
      if (!ownedWithin(obj, namespace, present))
        set.workloads.push(readWorkload(kind as WorkloadKind, obj, namespace, name));
    } else if (kind === 'Service') {
      const svc = readService(obj, namespace, name);
      if (svc) set.services.push(svc);
      else set.ignored['Service (ExternalName)'] = (set.ignored['Service (ExternalName)'] ?? 0) + 1;
    } else if (kind === 'NetworkPolicy') {
      const p = readPolicy(o, namespace, set.problems, id);
      if (p) {
        set.policies.push(p);
        set.policyTexts.push({ name: p.name, namespace, yaml: o.yamlText() });
      }
    } else {
      set.ignored[kind] = (set.ignored[kind] ?? 0) + 1;
    }
  }
  // Namespaces that objects name but the input does not declare still exist for selectors (with only their name).
  for (const ns of new Set([...set.workloads, ...set.services, ...set.policies].map((x) => x.namespace))) {
    if (!seenNs.has(ns)) set.namespaces.push({ name: ns, labels: {} });
  }
  return set;
}
