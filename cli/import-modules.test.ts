import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './test-support';

const SPOKE = `param name string
param prefix string
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: name
  location: 'eastus2'
  properties: {
    addressSpace: { addressPrefixes: [prefix] }
    subnets: [{ name: 'snet-nodes', properties: { addressPrefix: cidrSubnet(prefix, 22, 1) } }]
  }
}
`;

/** root/net/hub.bicep uses ../modules/spoke.bicep, a spoke beside it, one outside the root and one through a link. */
function tree(): { root: string; hub: string } {
  const root = mkdtempSync(join(tmpdir(), 'aksnet-modules-'));
  const outside = mkdtempSync(join(tmpdir(), 'aksnet-outside-'));
  for (const d of ['net', 'modules']) mkdirSync(join(root, d));
  writeFileSync(join(root, 'modules', 'spoke.bicep'), SPOKE);
  writeFileSync(join(root, 'net', 'near.bicep'), SPOKE);
  writeFileSync(join(outside, 'secret.bicep'), SPOKE);
  symlinkSync(join(outside, 'secret.bicep'), join(root, 'net', 'link.bicep'));
  const hub = join(root, 'net', 'hub.bicep');
  writeFileSync(
    hub,
    [
      "module far '../modules/spoke.bicep' = { name: 'far', params: { name: 'vnet-far', prefix: '10.1.0.0/16' } }",
      "module near './near.bicep' = { name: 'near', params: { name: 'vnet-near', prefix: '10.2.0.0/16' } }",
      "module link './link.bicep' = { name: 'link', params: { name: 'vnet-link', prefix: '10.3.0.0/16' } }",
      "module gone './missing.bicep' = { name: 'gone' }",
      "module avm 'br/public:avm/res/network/virtual-network:0.5.0' = { name: 'avm' }",
    ].join('\n'),
  );
  return { root, hub };
}

describe('aksnet import follows local Bicep modules', () => {
  it('inside the folder of the file; --module-root widens it; links out of it, missing and registry modules are reported', async () => {
    const { root, hub } = tree();
    const io = await run(['import', hub], 1);
    const out = io.stdout;
    // ./near.bicep is beside the hub: read with the params the hub gives it.
    expect(out).toMatch(/imported line 2 module near \(\.\/near\.bicep\) line 3: .*vnet-near/);
    expect(out).toContain(
      'unresolved line 1: module far: ../modules/spoke.bicep: ../modules/spoke.bicep is outside the module root (--module-root widens it); its resources are not imported',
    );
    expect(out).toContain(
      'unresolved line 3: module link: ./link.bicep: ./link.bicep leads outside the module root; its resources are not imported',
    );
    expect(out).toContain(
      'unresolved line 4: module gone: ./missing.bicep: ./missing.bicep cannot be read: no such file',
    );
    expect(out).toMatch(/ignored line 5: module avm: br\/public:.* is a registry module: it is not fetched/);

    const wide = await run(['import', hub, '--module-root', root], 1);
    expect(wide.stdout).toMatch(/imported line 1 module far \(\.\.\/modules\/spoke\.bicep\) line 3: .*vnet-far/);
    expect(wide.stdout).toContain('leads outside the module root');
  });

  it('refuses a module root that does not hold the file', async () => {
    const { hub } = tree();
    const io = await run(['import', hub, '--module-root', mkdtempSync(join(tmpdir(), 'aksnet-other-'))], 2);
    expect(io.stderr).toMatch(/is not inside the module root/);
  });
});
