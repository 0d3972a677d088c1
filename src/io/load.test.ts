import { describe, expect, it } from 'vitest';
import { loadDocument, type LoadResult } from './load';
import { newDocument, serializeDocument } from './save';
import { makeMinimalDocument, makeRawDocument } from './test-support';

/** The single error of a failed load, as "path: message". */
function errorsOf(r: LoadResult): string[] {
  if (r.ok) throw new Error('expected the load to fail');
  return r.errors.map((e) => `${e.path}: ${e.message}`);
}

function docOf(r: LoadResult) {
  if (!r.ok) throw new Error(`expected the load to succeed: ${JSON.stringify(r.errors)}`);
  return r;
}

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function withRaw(change: (raw: Raw) => void): Raw {
  const raw = makeRawDocument() as Raw;
  change(raw);
  return raw;
}

/** The errors of loading the raw minimal document after `change`. */
const errorsWith = (change: (raw: Raw) => void): string[] => errorsOf(loadDocument(withRaw(change)));

describe('loadDocument: valid documents', () => {
  it('round-trips a document through serializeDocument unchanged and without warnings', () => {
    const doc = makeMinimalDocument();
    const r = docOf(loadDocument(serializeDocument(doc)));
    expect(r.doc).toEqual(doc);
    expect(r.warnings).toEqual([]);
  });

  it('accepts an already-parsed value as well as text', () => {
    expect(docOf(loadDocument(makeMinimalDocument())).doc).toEqual(makeMinimalDocument());
  });

  it('loads a new empty document', () => {
    const r = docOf(loadDocument(serializeDocument(newDocument('Untitled'))));
    expect(r.doc.meta.name).toBe('Untitled');
    expect(r.doc.design.vnets).toEqual([]);
    expect(r.doc.layout).toEqual({ nodes: {} });
  });

  it('fills documented defaults for omitted fields', () => {
    const raw = {
      format: 'aks-network-design',
      schemaVersion: 1,
      meta: { name: 'defaults' },
      design: {
        location: 'westeurope',
        vnets: [
          {
            id: 'v',
            name: 'v',
            addressSpaces: ['10.1.0.0/16'],
            subnets: [{ id: 's', name: 's', cidr: '10.1.0.0/24' }],
          },
        ],
        clusters: [
          {
            id: 'k',
            name: 'k',
            networkPlugin: 'kubenet',
            nodePools: [{ id: 'p1', name: 'p1', mode: 'System', vmSize: 'x', count: 1, nodeSubnetId: 's' }],
          },
          { id: 'o', name: 'o', networkPlugin: 'azure', networkPluginMode: 'overlay', nodePools: [] },
          { id: 'a', name: 'a', networkPlugin: 'azure', nodePools: [] },
        ],
      },
    };
    const { doc } = docOf(loadDocument(raw));
    const [k, o, a] = doc.design.clusters;
    // az aks create defaults: service CIDR 10.0.0.0/16, DNS 10.0.0.10; pod CIDR 10.244.0.0/16 for kubenet and overlay only.
    expect(k).toMatchObject({ serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10', podCidr: '10.244.0.0/16' });
    expect(k).toMatchObject({ networkDataplane: 'azure', networkPolicy: 'none', podIpAllocation: 'nodeSubnet' });
    expect(k).toMatchObject({ outboundType: 'loadBalancer', privateCluster: false, apiServerVnetIntegration: false });
    expect(o!.podCidr).toBe('10.244.0.0/16');
    expect(a!.podCidr).toBeUndefined();
    expect(k!.nodePools[0]!.osType).toBe('Linux');
    expect(k!.nodePools[0]!.maxSurge).toBeUndefined();
    expect(doc.design.vnets[0]!.subnets[0]!.purpose).toBe('general');
    expect(doc.design.peerings).toEqual([]);
    expect(doc.design.bastions).toEqual([]);
    expect(doc.layout).toEqual({ nodes: {} });
  });

  it('keeps malformed CIDR text: the planning core reports it as invalid-cidr, the design is not lost', () => {
    const raw = withRaw((r) => {
      r.design.vnets[0].subnets[0].cidr = '10.10.1.7/16';
      r.design.vnets[0].addressSpaces[0] = '999.1.1.1/8';
    });
    const { doc } = docOf(loadDocument(raw));
    expect(doc.design.vnets[0]!.subnets[0]!.cidr).toBe('10.10.1.7/16');
    expect(doc.design.vnets[0]!.addressSpaces[0]).toBe('999.1.1.1/8');
  });

  it('drops unknown fields with a warning naming each', () => {
    const raw = withRaw((r) => {
      r.design.vnets[0].colour = 'blue';
      r.meta.createdWith = 'other tool';
    });
    const r = docOf(loadDocument(raw));
    expect(r.warnings).toEqual([
      'meta.createdWith: unknown field ignored',
      'design.vnets[0].colour: unknown field ignored',
    ]);
    expect(r.doc.design.vnets[0]).not.toHaveProperty('colour');
  });

  it('drops layout entries of ids the design does not have, with a warning', () => {
    const raw = withRaw((r) => {
      r.layout.nodes.ghost = { x: 1, y: 2 };
    });
    const r = docOf(loadDocument(raw));
    expect(r.warnings).toEqual(['layout.nodes.ghost: no design element has this id; position ignored']);
    expect(Object.keys(r.doc.layout.nodes)).toEqual(['vnet1', 'snet1']);
  });
});

describe('loadDocument: errors name the field path', () => {
  it('reports a missing required field', () => {
    expect(errorsWith((r) => delete r.design.vnets[0].name)).toEqual([
      'design.vnets[0].name: required field is missing',
    ]);
  });

  it("keeps a cluster's Services (defaults filled) and names the path of a bad target port", () => {
    const ok = loadDocument(
      withRaw((r) => {
        r.design.clusters[0].services = [
          { id: 's1', name: 'api', selector: { app: 'api' }, ports: [{ port: 80, targetPort: 'http' }] },
        ];
      }),
    );
    expect(ok.ok && ok.doc.design.clusters[0]!.services).toEqual([
      {
        id: 's1',
        name: 'api',
        namespace: 'default',
        type: 'ClusterIP',
        selector: { app: 'api' },
        ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }],
      },
    ]);
    const bad = loadDocument(
      withRaw((r) => {
        r.design.clusters[0].services = [{ id: 's1', name: 'api', ports: [{ port: 80, targetPort: 0 }] }];
      }),
    );
    expect(errorsOf(bad).every((e) => e.startsWith('design.clusters[0].services[0].ports[0].targetPort'))).toBe(true);
    expect(errorsOf(bad).length).toBeGreaterThan(0);
  });

  it('reports wrong types with the value received', () => {
    const errors = errorsWith((r) => {
      r.design.vnets[0].addressSpaces = '10.0.0.0/8';
      r.design.clusters[0].privateCluster = 'yes';
      r.design.clusters[0].nodePools[0].count = '3';
    });
    expect(errors).toEqual([
      'design.vnets[0].addressSpaces: expected a list, got text "10.0.0.0/8"',
      'design.clusters[0].privateCluster: expected true or false, got text "yes"',
      'design.clusters[0].nodePools[0].count: expected an integer, got text "3"',
    ]);
  });

  it('reports counts outside 0..1000 (nodes per pool) and fractions', () => {
    const errors = errorsWith((r) => {
      const pool = r.design.clusters[0].nodePools[0];
      r.design.clusters[0].nodePools = [
        { ...pool, id: 'a', count: -3 },
        { ...pool, id: 'b', count: 2.5 },
        { ...pool, id: 'c', count: 100001 },
      ];
    });
    expect(errors).toEqual([
      'design.clusters[0].nodePools[0].count: expected an integer ≥ 0, got -3',
      'design.clusters[0].nodePools[1].count: expected an integer, got 2.5',
      'design.clusters[0].nodePools[2].count: expected an integer ≤ 1000, got 100001 (a node pool holds at most 1,000 nodes: https://learn.microsoft.com/azure/aks/quotas-skus-regions)',
    ]);
  });

  it('reports values outside an enumeration', () => {
    const errors = errorsWith((r) => {
      r.design.clusters[0].outboundType = 'natGateway';
    });
    expect(errors).toEqual([
      'design.clusters[0].outboundType: expected "loadBalancer" or "managedNATGateway" or "userAssignedNATGateway" or "userDefinedRouting" or "none", got text "natGateway"',
    ]);
  });

  it('reports text longer than the limit', () => {
    const errors = errorsWith((r) => {
      r.design.vnets[0].name = 'v'.repeat(300);
    });
    expect(errors).toEqual(['design.vnets[0].name: expected at most 256 characters, got 300']);
  });

  it('reports an empty id', () => {
    expect(errorsWith((r) => (r.design.vnets[0].id = ''))).toEqual(['design.vnets[0].id: must not be empty']);
  });

  it('refuses IPv6 ranges with a clear message', () => {
    const errors = errorsWith((r) => {
      r.design.vnets[0].addressSpaces.push('fd00:10::/48');
      r.design.clusters[0].dnsServiceIp = '::a';
    });
    expect(errors).toEqual([
      'design.vnets[0].addressSpaces[1]: IPv6 is not supported; only IPv4 ranges can be planned (got "fd00:10::/48")',
      'design.clusters[0].dnsServiceIp: IPv6 is not supported; only IPv4 ranges can be planned (got "::a")',
    ]);
  });

  it('reports a bad max surge', () => {
    expect(errorsWith((r) => (r.design.clusters[0].nodePools[0].maxSurge = 'lots'))).toEqual([
      'design.clusters[0].nodePools[0].maxSurge: expected a node count ("1") or a percentage ("33%"), got text "lots"',
    ]);
  });

  it('names both paths of a duplicate id', () => {
    const errors = errorsWith((r) => {
      r.design.vnets[0].subnets.push({ id: 'vnet1', name: 'snet-2', cidr: '10.10.1.0/24', purpose: 'general' });
    });
    expect(errors).toEqual([
      'design.vnets[0].subnets[1].id: duplicate id "vnet1": already used by the vnet at design.vnets[0].id',
    ]);
  });

  it('names the field of a reference to an id that does not exist', () => {
    const errors = errorsWith((r) => {
      r.design.clusters[0].nodePools[0].nodeSubnetId = 'snet-missing';
    });
    expect(errors).toEqual([
      'design.clusters[0].nodePools[0].nodeSubnetId: refers to subnet "snet-missing", which does not exist in this design',
    ]);
  });

  it('names the field of a reference to the wrong kind of element', () => {
    const errors = errorsWith((r) => {
      r.design.clusters[0].nodePools[0].nodeSubnetId = 'vnet1';
    });
    expect(errors).toEqual([
      'design.clusters[0].nodePools[0].nodeSubnetId: refers to "vnet1", which is a vnet (at design.vnets[0].id), not a subnet',
    ]);
  });

  it('refuses an unknown or missing format', () => {
    expect(errorsWith((r) => (r.format = 'excalidraw'))).toEqual([
      'format: unknown format "excalidraw"; expected "aks-network-design"',
    ]);
    expect(errorsWith((r) => delete r.format)).toEqual([
      'format: required field is missing; expected "aks-network-design"',
    ]);
  });

  it('refuses a file newer than the app', () => {
    expect(errorsWith((r) => (r.schemaVersion = 7))).toEqual([
      'schemaVersion: this file has schema version 7, newer than this app reads (2); open it with a newer version of aksnet',
    ]);
  });

  it('refuses a schema version that is not a positive integer', () => {
    expect(errorsWith((r) => (r.schemaVersion = '1'))).toEqual(['schemaVersion: expected an integer ≥ 1, got "1"']);
    expect(errorsWith((r) => (r.schemaVersion = 0))).toEqual(['schemaVersion: expected an integer ≥ 1, got 0']);
  });

  it('reports text that is not JSON', () => {
    const [message] = errorsOf(loadDocument('{"format": '));
    expect(message).toMatch(/^: not valid JSON: /);
  });

  it('reports a document that is not an object', () => {
    for (const input of ['[]', '42', 'null', '"hello"']) {
      expect(errorsOf(loadDocument(input))).toEqual([': expected a design document (a JSON object)']);
    }
    expect(errorsOf(loadDocument(undefined))).toEqual([': expected a design document, got nothing']);
  });

  it('reports layout coordinates that are not numbers', () => {
    expect(errorsWith((r) => (r.layout.nodes.vnet1.x = 'left'))).toEqual([
      'layout.nodes.vnet1.x: expected a number, got text "left"',
    ]);
  });
});
