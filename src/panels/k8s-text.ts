/**
 * The Kubernetes panel's typed values: labels as `key=value, key=value`, ports as `name:80/TCP, 53/UDP`, names as
 * Kubernetes requires them. Each parse gives the value or the message shown next to the field.
 */
import type { K8sContainerPort, K8sServicePort } from '../core/index';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports (IANA_SVC_NAME)
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-)){0,13}[a-z0-9]?$/;

export function parseK8sName(text: string, what: string): Parsed<string> {
  const t = text.trim();
  if (!DNS_LABEL.test(t))
    return {
      ok: false,
      error: `${what} is lowercase letters, digits and hyphens, 1 to 63 characters, starting and ending with a letter or digit`,
    };
  return { ok: true, value: t };
}

function labelKeyError(key: string): string | null {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== null && !LABEL_PREFIX.test(prefix)) return `"${key}": the prefix must be a DNS subdomain`;
  if (!LABEL_NAME.test(name))
    return `"${key}": a label name is 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
  return null;
}

/**
 * A comma-separated list: each non-empty item, trimmed, read by `read`, which sees the items read before it; the
 * first item that does not read gives the list's message.
 */
function parseItems<T>(text: string, read: (item: string, before: readonly T[]) => Parsed<T>): Parsed<T[]> {
  const out: T[] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const r = read(item, out);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function parseLabels(text: string): Parsed<Record<string, string>> {
  const pairs = parseItems<[string, string]>(text, (item, before) => {
    const eq = item.indexOf('=');
    if (eq < 0) return fail(`"${item}" is not key=value`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    const keyError = labelKeyError(key);
    if (keyError) return fail(keyError);
    if (value && !LABEL_NAME.test(value))
      return fail(`"${value}": a label value is empty or up to 63 letters, digits, "-", "_" or "."`);
    if (before.some(([k]) => k === key)) return fail(`"${key}" is given twice`);
    return { ok: true, value: [key, value] };
  });
  return pairs.ok ? { ok: true, value: Object.fromEntries(pairs.value) } : pairs;
}

/** What is wrong with a port number and its optional name, the same for a pod's ports and a Service's. */
function portError(port: number, name: string | undefined): string | null {
  if (port < 1 || port > 65535) return `${port}: a port is 1 to 65535`;
  if (name !== undefined && !PORT_NAME.test(name))
    return `"${name}": a port name is up to 15 lowercase letters, digits and single hyphens`;
  return null;
}

export function formatLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

const PORT_ITEM = /^(?:([^:\s]+):)?(\d+)(?:\/(TCP|UDP|SCTP))?$/i;

export function parsePorts(text: string): Parsed<K8sContainerPort[]> {
  return parseItems<K8sContainerPort>(text, (item, before) => {
    const m = PORT_ITEM.exec(item);
    if (!m) return fail(`"${item}" is not [name:]port[/TCP|UDP|SCTP], e.g. http:80/TCP`);
    const [, name, num, proto] = m;
    const port = Number(num);
    const bad = portError(port, name);
    if (bad) return fail(bad);
    const protocol = (proto?.toUpperCase() ?? 'TCP') as K8sContainerPort['protocol'];
    if (name !== undefined && before.some((p) => p.name === name))
      return fail(`two ports are named "${name}": a pod's port names are unique`);
    return { ok: true, value: { ...(name !== undefined ? { name } : {}), containerPort: port, protocol } };
  });
}

export function formatPorts(ports: readonly K8sContainerPort[]): string {
  return ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.containerPort}/${p.protocol}`).join(', ');
}

// [name:]port[->target][/PROTO]; the target is a number or a container port name.
const SERVICE_PORT_ITEM = /^(?:([^:\s]+):)?(\d+)(?:\s*->\s*([a-z0-9-]+))?(?:\/(TCP|UDP|SCTP))?$/i;

/** A Service's ports: `http:80->8080/TCP, 53/UDP, 443->https`. */
export function parseServicePorts(text: string): Parsed<K8sServicePort[]> {
  const ports = parseItems<K8sServicePort>(text, (item, before) => {
    const m = SERVICE_PORT_ITEM.exec(item);
    if (!m) return fail(`"${item}" is not [name:]port[->target][/TCP|UDP|SCTP], e.g. http:80->8080/TCP`);
    const [, name, num, target, proto] = m;
    const port = Number(num);
    const bad = portError(port, name);
    if (bad) return fail(bad);
    let targetPort: number | string | undefined;
    if (target !== undefined && /^\d+$/.test(target)) {
      targetPort = Number(target);
      if (targetPort < 1 || targetPort > 65535) return fail(`${target}: a target port is 1 to 65535`);
    } else if (target !== undefined) {
      if (!PORT_NAME.test(target))
        return fail(`"${target}": a named target port is up to 15 lowercase letters, digits and single hyphens`);
      targetPort = target;
    }
    const protocol = (proto?.toUpperCase() ?? 'TCP') as K8sServicePort['protocol'];
    // https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services
    if (before.some((p) => p.port === port && p.protocol === protocol))
      return fail(`port ${port}/${protocol} is given twice`);
    if (name !== undefined && before.some((p) => p.name === name))
      return fail(`two ports are named "${name}": a Service's port names are unique`);
    const value = {
      ...(name !== undefined ? { name } : {}),
      port,
      ...(targetPort !== undefined ? { targetPort } : {}),
      protocol,
    };
    return { ok: true, value };
  });
  if (ports.ok && ports.value.length > 1 && ports.value.some((p) => p.name === undefined))
    return fail('a Service with more than one port names every port (name:port)');
  return ports;
}

export function formatServicePorts(ports: readonly K8sServicePort[]): string {
  return ports
    .map(
      (p) =>
        `${p.name ? `${p.name}:` : ''}${p.port}${p.targetPort !== undefined ? `->${p.targetPort}` : ''}/${p.protocol}`,
    )
    .join(', ');
}

export function parseReplicas(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > 100_000)
    return { ok: false, error: 'replicas is a whole number from 0 to 100000' };
  return { ok: true, value: Number(t) };
}

/** A starting policy for a namespace: deny all ingress, the usual first step. */
export function defaultDenyYaml(namespace: string, name: string): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  podSelector: {}',
    '  policyTypes:',
    '    - Ingress',
    '',
  ].join('\n');
}
