import { describe, expect, it } from 'vitest';
import { example, run } from './test-support';

describe('aksnet trace', () => {
  it('traces pod egress of the baseline through the hub firewall', async () => {
    const { stdout } = await run(['trace', example('aks-baseline.json'), '--from', 'npsystem', '--to', 'internet'], 0);
    expect(stdout).toContain('Trace npsystem → internet: delivered');
    expect(stdout).toContain('Azure Firewall fw-eastus2 (10.200.0.4)');
    expect(stdout).toContain(
      'Source seen by the destination: public IP pip-fw-eastus2-00, pip-fw-eastus2-01, pip-fw-eastus2-02 of fw-eastus2',
    );
  });

  it('--json returns the trace object; bad input exits 2', async () => {
    const kubenet = example('seed-kubenet.json');
    // 192.168.1.20 is in the VNet (VnetLocal); 10.0.0.1 is outside it and falls to 10.0.0.0/8 → None.
    const inVnet = await run(['trace', kubenet, '--from', 'nodepool1', '--to', '192.168.1.20', '--json'], 0);
    expect(JSON.parse(inVnet.stdout).outcome).toBe('delivered');
    const dropped = await run(['trace', kubenet, '--from', 'nodepool1', '--to', '10.0.0.1', '--json']);
    expect(JSON.parse(dropped.stdout).hops.at(-1).decidedBy).toBe(
      'myAKSSubnet: 10.0.0.0/8 → None (private range outside the VNet: dropped)',
    );
    const bad = await run(['trace', kubenet, '--from', 'nodepool1', '--to', '1.2.3'], 2);
    expect(bad.stderr).toBe('aksnet: --to "1.2.3" is neither an IPv4 address nor "internet"\n');
  });
});

describe('aksnet trace, sources and errors', () => {
  it('accepts cluster/pool and subnet names; a subnet trace starts at a VM in it', async () => {
    const { stdout } = await run(
      ['trace', example('aks-baseline.json'), '--from', 'snet-privatelinkendpoints', '--to', 'internet', '--json'],
      0,
    );
    const t = JSON.parse(stdout);
    // snet-privatelinkendpoints has no route table: 0.0.0.0/0 → Internet, no cluster outbound and no NAT gateway;
    // the subnet is private (default outbound access is retired for new subnets), so a VM there has no egress.
    expect(t.hops[0].label).toBe('a VM in snet-privatelinkendpoints');
    expect(t.hops[1].kind).toBe('drop');
    expect(t.hops[1].label).toBe('no outbound path');
    expect(t.sourceIpSeen).toBeNull();
  });

  it('the landing zone private cluster egresses through the hub firewall while its outbound type is loadBalancer', async () => {
    const { stdout } = await run(
      ['trace', example('landing-zone-private.json'), '--from', 'system', '--to', 'internet'],
      0,
    );
    expect(stdout).toContain('Azure Firewall azfw-hub (10.0.1.4)');
  });

  it('exits 2 for an unknown source and when --from or --to is missing', async () => {
    const unknown = await run(['trace', example('seed-kubenet.json'), '--from', 'nope', '--to', 'internet'], 2);
    expect(unknown.stderr).toBe('aksnet: no node pool or subnet named "nope"\n');
    const missing = await run(['trace', example('seed-kubenet.json'), '--from', 'nodepool1'], 2);
    expect(missing.stderr).toContain('aksnet: --from and --to are required');
  });
});
