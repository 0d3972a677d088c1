import { describe, expect, it } from 'vitest';
import { main } from './main';
import { collect } from './test-support';

const example = (name: string) => new URL(`../examples/${name}`, import.meta.url).pathname;

describe('aksnet routes', () => {
  it('prints the effective routes of one subnet, the user default route active over the Internet one', async () => {
    const io = collect();
    expect(await main(['routes', example('workshop-hub-spoke.json'), '--subnet', 'aks-subnet'], io)).toBe(0);
    const lines = io.stdout().split('\n');
    expect(lines[0]).toBe('Subnet aks-subnet (spoke-vnet)');
    expect(lines[1]).toMatch(/^ {2}Source +State +Prefix +Next hop +Next hop IP +Why$/);
    expect(io.stdout()).toMatch(/Default {2}Invalid {2}0\.0\.0\.0\/0 +Internet +default route to the Internet/);
    expect(io.stdout()).toMatch(/User +Active +0\.0\.0\.0\/0 +VirtualAppliance +10\.100\.0\.4 +route default-to-firewall in aks-egress-udr/);
  });

  it('--json gives every subnet with its routes', async () => {
    const io = collect();
    expect(await main(['routes', example('seed-kubenet.json'), '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout());
    // kubenet: 3 nodes + 1 surge = 4 pod routes on the node subnet, 10.244.0.0/24 → 192.168.1.4 first.
    const pods = out[0].routes.filter((r: { note: string }) => r.note.startsWith('kubenet'));
    expect(pods).toHaveLength(4);
    expect([pods[0].prefix, pods[0].nextHopIp]).toEqual(['10.244.0.0/24', '192.168.1.4']);
  });

  it('exits 2 naming the subnets when --subnet matches none', async () => {
    const io = collect();
    expect(await main(['routes', example('seed-kubenet.json'), '--subnet', 'nope'], io)).toBe(2);
    expect(io.stderr()).toBe('aksnet: no subnet named "nope"; subnets: myAKSSubnet\n');
  });
});

describe('aksnet trace', () => {
  it('traces pod egress of the baseline through the hub firewall', async () => {
    const io = collect();
    expect(await main(['trace', example('aks-baseline.json'), '--from', 'npsystem', '--to', 'internet'], io)).toBe(0);
    expect(io.stdout()).toContain('Trace npsystem → internet: delivered');
    expect(io.stdout()).toContain('Azure Firewall fw-eastus2 (10.200.0.4)');
    expect(io.stdout()).toContain('Source seen by the destination: public IP pip-fw-eastus2-default of fw-eastus2');
  });

  it('--json returns the trace object; bad input exits 2', async () => {
    const io = collect();
    // 192.168.1.20 is in the VNet (VnetLocal); 10.0.0.1 is outside it and falls to 10.0.0.0/8 → None.
    expect(await main(['trace', example('seed-kubenet.json'), '--from', 'nodepool1', '--to', '192.168.1.20', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout()).outcome).toBe('delivered');
    const dropped = collect();
    await main(['trace', example('seed-kubenet.json'), '--from', 'nodepool1', '--to', '10.0.0.1', '--json'], dropped);
    expect(JSON.parse(dropped.stdout()).hops.at(-1).decidedBy).toBe('myAKSSubnet: 10.0.0.0/8 → None (private range outside the VNet: dropped)');
    const bad = collect();
    expect(await main(['trace', example('seed-kubenet.json'), '--from', 'nodepool1', '--to', '1.2.3'], bad)).toBe(2);
    expect(bad.stderr()).toBe('aksnet: --to "1.2.3" is neither an IPv4 address nor "internet"\n');
  });
});
