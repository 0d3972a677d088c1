import { describe, expect, it } from 'vitest';
import { importBicep, importBicepFiles, MAX_MODULE_DEPTH } from './bicep';
import { joinModulePath, moduleReaderOf, type BicepSourceFile } from './bicep-modules';
import { bicepParser } from './bicep-support/test-support';

const parser = await bicepParser();

const SPOKE = `
param name string
param prefix string
param location string = resourceGroup().location
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: name
  location: location
  properties: {
    addressSpace: { addressPrefixes: [prefix] }
    subnets: [
      { name: 'snet-nodes', properties: { addressPrefix: cidrSubnet(prefix, 24, 0) } }
      { name: 'snet-pe', properties: { addressPrefix: cidrSubnet(prefix, 24, 1) } }
    ]
  }
}
output vnetId string = vnet.id
output vnetName string = vnet.name
`;

const HUB = `
param location string = 'eastus2'
var spokes = ['a', 'b']
resource hub 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-hub'
  location: location
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
}
module spoke './spokes/spoke.bicep' = [for (s, i) in spokes: {
  name: 'spoke-\${s}'
  params: {
    name: 'vnet-\${s}'
    prefix: cidrSubnet('10.0.0.0/8', 16, i + 1)
    location: location
  }
}]
resource toSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = [for (s, i) in spokes: {
  parent: hub
  name: 'to-\${spoke[i].outputs.vnetName}'
  properties: { remoteVirtualNetwork: { id: spoke[i].outputs.vnetId } }
}]
`;

const files = (entry: string, more: Record<string, string>): BicepSourceFile[] => [
  { name: 'hub.bicep', text: entry },
  ...Object.entries(more).map(([name, text]) => ({ name, text })),
];
const report = (r: ReturnType<typeof importBicep>) => r.items.map((i) => `${i.status} ${i.what}: ${i.message}`);

describe('Bicep modules', () => {
  it('a local module loop gets its params, computes its subnets and gives its outputs back', () => {
    const r = importBicepFiles(files(HUB, { 'spokes/spoke.bicep': SPOKE }), parser);
    const d = r.design!;
    // cidrSubnet('10.0.0.0/8', 16, i + 1): 10.1.0.0/16 and 10.2.0.0/16; their first two /24s hold the subnets.
    expect(d.vnets.map((v) => [v.name, v.addressSpaces, v.subnets.map((s) => s.cidr)])).toEqual([
      ['vnet-hub', ['10.0.0.0/16'], []],
      ['vnet-a', ['10.1.0.0/16'], ['10.1.0.0/24', '10.1.1.0/24']],
      ['vnet-b', ['10.2.0.0/16'], ['10.2.0.0/24', '10.2.1.0/24']],
    ]);
    // The peerings name and reach each spoke through the module's outputs.
    const name = (id: string) => d.vnets.find((v) => v.id === id)!.name;
    expect(d.peerings.map((p) => [p.name, name(p.localVnetId), name(p.remoteVnetId)])).toEqual([
      ['to-vnet-a', 'vnet-hub', 'vnet-a'],
      ['to-vnet-b', 'vnet-hub', 'vnet-b'],
    ]);
    expect(r.items.filter((i) => i.status === 'unresolved')).toEqual([]);
    // The spoke file was read as the module, not again on its own (it has no values for its params).
    expect(report(r).filter((l) => l.includes('has no default value'))).toEqual([]);
    // Each line says where: the module declaration, the instance and its file, then the line in that file.
    expect(r.items.find((i) => i.what.endsWith('virtualNetworks vnet-a'))?.at).toMatch(
      /^hub\.bicep line 9 module spoke\[0\] \(\.\/spokes\/spoke\.bicep\) line 5/,
    );
  });

  it('a module file that is not given is unresolved with its path; the rest imports', () => {
    const r = importBicep(HUB, parser);
    expect(r.design!.vnets.map((v) => v.name)).toEqual(['vnet-hub']);
    expect(report(r)).toContain(
      'unresolved module spoke[0]: ./spokes/spoke.bicep: ./spokes/spoke.bicep is not among the files given: open it together with this file; its resources are not imported',
    );
  });

  it('registry modules, template specs, absolute paths and ARM modules are ignored, each with why', () => {
    const text = [
      "resource v 'Microsoft.Network/virtualNetworks@2023-11-01' = { name: 'v', properties: { addressSpace: { addressPrefixes: ['10.9.0.0/16'] } } }",
      "module avm 'br/public:avm/res/network/virtual-network:0.5.0' = { name: 'a', params: { name: 'x' } }",
      "module acr 'br:contoso.azurecr.io/bicep/vnet:v1' = { name: 'b' }",
      "module spec 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = { name: 'c' }",
      "module abs '/etc/passwd.bicep' = { name: 'd' }",
      "module win 'C:\\\\temp\\\\x.bicep' = { name: 'e' }",
      "module arm './nested.json' = { name: 'f' }",
    ].join('\n');
    const r = importBicep(text, parser);
    expect(r.design!.vnets.map((v) => v.name)).toEqual(['v']);
    const lines = report(r).filter((l) => l.includes(' module '.trim()) && l.startsWith('ignored module'));
    expect(lines).toEqual([
      'ignored module avm: br/public:avm/res/network/virtual-network:0.5.0: br/public:avm/res/network/virtual-network:0.5.0 is a registry module: it is not fetched, so its resources are not imported',
      'ignored module acr: br:contoso.azurecr.io/bicep/vnet:v1: br:contoso.azurecr.io/bicep/vnet:v1 is a registry module: it is not fetched, so its resources are not imported',
      'ignored module spec: ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0: ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0 is a template spec: it is not fetched, so its resources are not imported',
      'ignored module abs: /etc/passwd.bicep: /etc/passwd.bicep is an absolute path: modules are read relative to the file that uses them',
      'ignored module win: C:\\temp\\x.bicep: C:\\temp\\x.bicep is an absolute path: modules are read relative to the file that uses them',
      'ignored module arm: ./nested.json: ./nested.json is not a .bicep file: only Bicep modules are followed',
    ]);
  });

  it('a module that uses itself, or nests too deep, stops with a report line', () => {
    const self =
      "module me './hub.bicep' = { name: 'me' }\nresource v 'Microsoft.Network/virtualNetworks@2023-11-01' = { name: 'v', properties: { addressSpace: { addressPrefixes: ['10.9.0.0/16'] } } }";
    const r = importBicepFiles(files(self, {}), parser);
    expect(report(r)).toContain('ignored module me: ./hub.bicep: it uses itself (hub.bicep → hub.bicep)');
    // m0 uses m1, m1 uses m2, ...: each level adds a VNet; the reading stops MAX_MODULE_DEPTH levels down.
    const level = (i: number) =>
      `module next './m${i + 1}.bicep' = { name: 'n' }\nresource v 'Microsoft.Network/virtualNetworks@2023-11-01' = { name: 'v${i}', properties: { addressSpace: { addressPrefixes: ['10.${i}.0.0/16'] } } }`;
    const chain = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m${i + 1}.bicep`, level(i + 1)]));
    const deep = importBicepFiles(files(level(0), chain), parser);
    expect(deep.design!.vnets).toHaveLength(MAX_MODULE_DEPTH + 1);
    expect(report(deep).filter((l) => l.includes('nested deeper'))).toEqual([
      `ignored module next: ./m${MAX_MODULE_DEPTH + 1}.bicep: modules nested deeper than ${MAX_MODULE_DEPTH} levels are not followed`,
    ]);
  });
});

describe('module paths', () => {
  it('joins onto the folder of the file that uses the module and never climbs above the root', () => {
    expect(joinModulePath('hub.bicep', './spoke.bicep')).toBe('spoke.bicep');
    expect(joinModulePath('net/hub.bicep', '../modules/peer.bicep')).toBe('modules/peer.bicep');
    expect(joinModulePath('net/hub.bicep', 'a\\b.bicep')).toBe('net/a/b.bicep');
    expect(joinModulePath('hub.bicep', '../outside.bicep')).toBeNull();
  });

  it('among files given together, matches the path, else a single file of that name', () => {
    const read = moduleReaderOf([
      { name: 'modules/peer.bicep', text: 'a' },
      { name: 'x/dup.bicep', text: 'b' },
      { name: 'y/dup.bicep', text: 'c' },
    ]);
    expect(read('net/hub.bicep', '../modules/peer.bicep')).toEqual({ name: 'modules/peer.bicep', text: 'a' });
    expect(read('hub.bicep', './peer.bicep')).toEqual({ name: 'modules/peer.bicep', text: 'a' });
    expect(read('hub.bicep', './dup.bicep')).toEqual({
      missing: './dup.bicep: 2 of the files given are named dup.bicep',
    });
  });
});
