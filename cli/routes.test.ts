import { describe, expect, it } from 'vitest';
import { example, run } from './test-support';

describe('aksnet routes', () => {
  it('prints the effective routes of one subnet, the user default route active over the Internet one', async () => {
    const io = await run(['routes', example('workshop-hub-spoke.json'), '--subnet', 'aks-subnet'], 0);
    const lines = io.stdout.split('\n');
    expect(lines[0]).toBe('Subnet aks-subnet (spoke-vnet)');
    expect(lines[1]).toMatch(/^ {2}Source +State +Prefix +Next hop +Next hop IP +Why$/);
    expect(io.stdout).toMatch(/Default {2}Invalid {2}0\.0\.0\.0\/0 +Internet +default route to the Internet/);
    expect(io.stdout).toMatch(
      /User +Active +0\.0\.0\.0\/0 +VirtualAppliance +10\.100\.0\.4 +route default-to-firewall in aks-egress-udr/,
    );
  });

  it('--json gives every subnet with its routes', async () => {
    const io = await run(['routes', example('seed-kubenet.json'), '--json'], 0);
    const out = JSON.parse(io.stdout);
    // kubenet: 3 nodes + 1 surge = 4 pod routes on the node subnet, 10.244.0.0/24 → 192.168.1.4 first.
    const pods = out[0].routes.filter((r: { note: string }) => r.note.startsWith('kubenet'));
    expect(pods).toHaveLength(4);
    expect([pods[0].prefix, pods[0].nextHopIp]).toEqual(['10.244.0.0/24', '192.168.1.4']);
  });

  it('exits 2 naming the subnets when --subnet matches none', async () => {
    const io = await run(['routes', example('seed-kubenet.json'), '--subnet', 'nope'], 2);
    expect(io.stderr).toBe('aksnet: no subnet named "nope"; subnets: myAKSSubnet\n');
  });
});
