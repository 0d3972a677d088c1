import { describe, expect, it } from 'vitest';
import {
  formatLabels,
  formatPorts,
  formatServicePorts,
  parseK8sName,
  parseLabels,
  parsePorts,
  parseReplicas,
  parseServicePorts,
} from './k8s-text';

describe('Kubernetes panel values', () => {
  it('labels: key=value pairs, prefixed keys, empty values; errors name the bad part', () => {
    expect(parseLabels('app=hello-world, role=backend')).toEqual({
      ok: true,
      value: { app: 'hello-world', role: 'backend' },
    });
    expect(parseLabels('kubernetes.io/metadata.name=demo, empty=')).toEqual({
      ok: true,
      value: { 'kubernetes.io/metadata.name': 'demo', empty: '' },
    });
    expect(parseLabels('')).toEqual({ ok: true, value: {} });
    expect(parseLabels('role')).toMatchObject({ ok: false, error: '"role" is not key=value' });
    expect(parseLabels('-bad=x')).toMatchObject({ ok: false });
    expect(parseLabels('a=b,a=c')).toMatchObject({ ok: false, error: '"a" is given twice' });
    expect(parseLabels('a=has space')).toMatchObject({ ok: false });
    // A hostile key is not a label name (it starts with "_"), and a valid one never reaches the prototype.
    expect(parseLabels('__proto__=x')).toMatchObject({ ok: false });
    const r = parseLabels('constructor=x');
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(r.ok && Object.hasOwn(r.value, 'constructor')).toBe(true);
    expect(formatLabels({ app: 'web', tier: 'front' })).toBe('app=web, tier=front');
  });

  it('ports: name, number and protocol (TCP when missing); unique names; 1 to 65535', () => {
    expect(parsePorts('http:80, dns:53/udp, 9000/SCTP')).toEqual({
      ok: true,
      value: [
        { name: 'http', containerPort: 80, protocol: 'TCP' },
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { containerPort: 9000, protocol: 'SCTP' },
      ],
    });
    expect(parsePorts('70000')).toMatchObject({ ok: false, error: '70000: a port is 1 to 65535' });
    expect(parsePorts('http:80, http:81')).toMatchObject({ ok: false });
    expect(parsePorts('a--b:80')).toMatchObject({ ok: false });
    expect(parsePorts('8080:80')).toMatchObject({ ok: false }); // a port name has at least one letter
    expect(parsePorts('80/ICMP')).toMatchObject({ ok: false });
    expect(formatPorts([{ name: 'http', containerPort: 80, protocol: 'TCP' }])).toBe('http:80/TCP');
  });

  it('names and replicas', () => {
    expect(parseK8sName('backend', 'A name')).toEqual({ ok: true, value: 'backend' });
    expect(parseK8sName('Backend', 'A name').ok).toBe(false);
    expect(parseK8sName('a'.repeat(64), 'A name').ok).toBe(false);
    expect(parseReplicas('3')).toEqual({ ok: true, value: 3 });
    expect(parseReplicas('-1').ok).toBe(false);
    expect(parseReplicas('2.5').ok).toBe(false);
  });
});

describe('Service ports as typed', () => {
  it('reads name, port, numeric or named target and protocol, and prints them back the same', () => {
    const r = parseServicePorts('http:80->8080/TCP, dns:53/udp, https:443->https');
    expect(r).toEqual({
      ok: true,
      value: [
        { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
      ],
    });
    if (r.ok) expect(formatServicePorts(r.value)).toBe('http:80->8080/TCP, dns:53/UDP, https:443->https/TCP');
    expect(parseServicePorts('')).toEqual({ ok: true, value: [] });
  });

  it('refuses what Kubernetes refuses, with the reason', () => {
    // https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services
    expect(parseServicePorts('80, 443')).toEqual({
      ok: false,
      error: 'a Service with more than one port names every port (name:port)',
    });
    expect(parseServicePorts('a:80, b:80')).toEqual({ ok: false, error: 'port 80/TCP is given twice' });
    expect(parseServicePorts('a:80, a:81')).toMatchObject({ ok: false, error: expect.stringContaining('"a"') });
    expect(parseServicePorts('70000')).toEqual({ ok: false, error: '70000: a port is 1 to 65535' });
    expect(parseServicePorts('80->0')).toEqual({ ok: false, error: '0: a target port is 1 to 65535' });
    expect(parseServicePorts('80->')).toMatchObject({ ok: false, error: expect.stringContaining('[name:]port') });
  });
});
