import { describe, expect, it } from 'vitest';
import { main } from './main';
import { collect } from './test-support';

const example = (name: string) => new URL(`../examples/${name}`, import.meta.url).pathname;

describe('aksnet trace', () => {
  it('traces pod egress of the baseline through the hub firewall', async () => {
    const io = collect();
    expect(await main(['trace', example('aks-baseline.json'), '--from', 'npsystem', '--to', 'internet'], io)).toBe(0);
    expect(io.stdout()).toContain('Trace npsystem → internet: delivered');
    expect(io.stdout()).toContain('Azure Firewall fw-eastus2 (10.200.0.4)');
    expect(io.stdout()).toContain(
      'Source seen by the destination: public IP pip-fw-eastus2-00, pip-fw-eastus2-01, pip-fw-eastus2-02 of fw-eastus2',
    );
  });

  it('--json returns the trace object; bad input exits 2', async () => {
    const io = collect();
    // 192.168.1.20 is in the VNet (VnetLocal); 10.0.0.1 is outside it and falls to 10.0.0.0/8 → None.
    expect(
      await main(['trace', example('seed-kubenet.json'), '--from', 'nodepool1', '--to', '192.168.1.20', '--json'], io),
    ).toBe(0);
    expect(JSON.parse(io.stdout()).outcome).toBe('delivered');
    const dropped = collect();
    await main(['trace', example('seed-kubenet.json'), '--from', 'nodepool1', '--to', '10.0.0.1', '--json'], dropped);
    expect(JSON.parse(dropped.stdout()).hops.at(-1).decidedBy).toBe(
      'myAKSSubnet: 10.0.0.0/8 → None (private range outside the VNet: dropped)',
    );
    const bad = collect();
    expect(await main(['trace', example('seed-kubenet.json'), '--from', 'nodepool1', '--to', '1.2.3'], bad)).toBe(2);
    expect(bad.stderr()).toBe('aksnet: --to "1.2.3" is neither an IPv4 address nor "internet"\n');
  });
});

describe('aksnet trace, sources and errors', () => {
  it('accepts cluster/pool and subnet names; a subnet trace starts at a VM in it', async () => {
    const io = collect();
    expect(
      await main(
        ['trace', example('aks-baseline.json'), '--from', 'snet-privatelinkendpoints', '--to', 'internet', '--json'],
        io,
      ),
    ).toBe(0);
    const t = JSON.parse(io.stdout());
    // snet-privatelinkendpoints has no route table: 0.0.0.0/0 → Internet, no cluster outbound and no NAT gateway;
    // the subnet is private (default outbound access is retired for new subnets), so a VM there has no egress.
    expect(t.hops[0].label).toBe('a VM in snet-privatelinkendpoints');
    expect(t.hops[1].kind).toBe('drop');
    expect(t.hops[1].label).toBe('no outbound path');
    expect(t.sourceIpSeen).toBeNull();
  });

  it('the landing zone private cluster egresses through the hub firewall while its outbound type is loadBalancer', async () => {
    const io = collect();
    expect(
      await main(['trace', example('landing-zone-private.json'), '--from', 'system', '--to', 'internet'], io),
    ).toBe(0);
    expect(io.stdout()).toContain('Azure Firewall azfw-hub (10.0.1.4)');
  });

  it('exits 2 for an unknown source and when --from or --to is missing', async () => {
    const unknown = collect();
    expect(await main(['trace', example('seed-kubenet.json'), '--from', 'nope', '--to', 'internet'], unknown)).toBe(2);
    expect(unknown.stderr()).toBe('aksnet: no node pool or subnet named "nope"\n');
    const missing = collect();
    expect(await main(['trace', example('seed-kubenet.json'), '--from', 'nodepool1'], missing)).toBe(2);
    expect(missing.stderr()).toContain('aksnet: --from and --to are required');
  });
});
