import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../src/core/index';
import { exportAzCli } from '../src/export';
import { loadDocument } from '../src/io';
import { main } from './main';
import { collect, example, run, writeTemp } from './test-support';

const SCRIPT = `az group create -n rg -l westeurope
az network vnet create -g rg -n vnet-a --address-prefixes 10.0.0.0/16
az network vnet subnet create -g rg --vnet-name vnet-a -n snet-nodes --address-prefixes 10.0.0.0/22
az aks create -g rg -n aks1 --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.244.0.0/16 \\
  --service-cidr 10.10.0.0/16 --dns-service-ip 10.10.0.10 --nodepool-name system --node-count 2 --node-vm-size Standard_D4ds_v5 \\
  --vnet-subnet-id "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-a/subnets/snet-nodes"
`;

describe('aksnet import', () => {
  it('exit 0 when everything is imported; -o writes a design file with a layout that loads', async () => {
    const out = writeTemp('imported.json', '');
    const io = await run(['import', writeTemp('clean.sh', SCRIPT), '-o', out], 0);
    expect(io.stdout).toContain('imported line 4: az aks create: AKS cluster aks1');
    expect(io.stdout).toMatch(/az: 4 imported, 0 defaulted, 0 ignored, 0 unresolved/);
    const r = loadDocument(readFileSync(out, 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.design.clusters[0]!.name).toBe('aks1');
    // Every box has a place: VNet, subnet, cluster, pool.
    expect(Object.keys(r.doc.layout.nodes).sort()).toEqual(['aks-1', 'pool-1', 'snet-1', 'vnet-1']);
  });

  it('exit 1 when something is ignored or unresolved (seed 000: the docker bridge flag, the missing subnet)', async () => {
    const seed = `az aks create --resource-group myResourceGroup --name myAKSCluster --network-plugin azure \\
  --vnet-subnet-id /subscriptions/S/resourceGroups/myResourceGroup/providers/Microsoft.Network/virtualNetworks/myVnet/subnets/myAKSSubnet \\
  --dns-service-ip 10.2.0.10 --docker-bridge-address 172.17.0.1/16 --service-cidr 10.2.0.0/24`;
    const io = await run(['import', writeTemp('seed0.sh', seed)], 1);
    expect(io.stdout).toMatch(/ignored line 1: az aks create --docker-bridge-address: 172\.17\.0\.1\/16: obsolete/);
    expect(io.stdout).toMatch(/unresolved line 1: az aks create/);
  });

  it('reads Bicep with tree-sitter-bicep: the aks-baseline hub imports its VNet and firewall, detected or with --from', async () => {
    const file = 'fixtures/import/aks-baseline/hub-default.bicep';
    // location defaults to resourceGroup().location, which only a deployment knows: it is given as a param.
    for (const args of [
      [file, '--param', 'location=eastus2'],
      [file, '--from', 'bicep', '--param', 'location=eastus2'],
    ]) {
      const io = collect();
      const out = writeTemp('hub.json', '');
      const code = await main(['import', ...args, '-o', out], io);
      expect(code === 0 || code === 1).toBe(true);
      expect(io.stdout()).toMatch(/^bicep: \d+ imported/m);
      const r = loadDocument(readFileSync(out, 'utf8'));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      // hub-default.bicep: one hub VNet (10.200.0.0/24) and its Azure Firewall.
      expect(r.doc.design.vnets.map((v) => v.addressSpaces)).toEqual([['10.200.0.0/24']]);
      expect(r.doc.design.firewalls).toHaveLength(1);
    }
    const bad = await run(['import', file, '--param', 'location'], 2);
    expect(bad.stderr).toContain('expected NAME=VALUE');
  });

  it('reads stdin for -, with --from', async () => {
    const io = { ...collect(), stdin: async () => SCRIPT };
    expect(await main(['import', '-', '--from', 'az'], io)).toBe(0);
    expect(io.stdout()).toContain('az: 4 imported');
  });

  it('exit 2 when nothing could be read, for a missing file, and for a bad --from', async () => {
    const empty = await run(['import', writeTemp('prose.sh', 'echo hello\n'), '--from', 'az'], 2);
    expect(empty.stderr).toContain('nothing could be imported');
    const missing = await run(['import', '/nonexistent/x.sh'], 2);
    expect(missing.stderr).toContain('no such file');
    const bad = await run(['import', writeTemp('a.sh', SCRIPT), '--from', 'terraform'], 2);
    expect(bad.stderr).toContain('--from must be one of az, bicep, arm, azjson');
    const big = { ...collect(), stdin: async () => null };
    expect(await main(['import', '-'], big)).toBe(2);
    expect(big.stderr()).toContain('too large');
  });

  it("imports an example's own az export back", async () => {
    const doc = loadDocument(readFileSync(example('seed-kubenet.json'), 'utf8'));
    if (!doc.ok) throw new Error('example');
    const script = exportAzCli(doc.doc.design, computePlan(doc.doc.design));
    const io = await run(['import', writeTemp('export.sh', script)], 0);
    expect(io.stdout).toMatch(/0 ignored, 0 unresolved/);
  });
});
