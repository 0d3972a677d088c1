import { beforeEach, describe, expect, it } from 'vitest';
import { newDocument } from '../io';
import { addResource } from './factory-resources';
import { addVnet } from './factory';
import { useDesignStore, undo } from './design-store';
import { deleteElements, describeDelete } from './delete';

beforeEach(() => {
  useDesignStore.getState().replaceDoc(newDocument('t'));
  useDesignStore.getState().setBanner(null);
});

/** A VNet with a firewall dropped on it: AzureFirewallSubnet, fw-1 in it, and its public IP. */
function firewallDesign() {
  useDesignStore.setState((s) => {
    const design = structuredClone(s.doc.design);
    const layout = { ...s.doc.layout.nodes };
    const v = addVnet(design, layout, 0, 0);
    addResource(design, layout, 'firewall', 0, 300, { vnetId: v });
    return { doc: { ...s.doc, design, layout: { nodes: layout } } };
  });
  return useDesignStore.getState().doc.design;
}

describe('delete', () => {
  it('says what a subnet takes with it and which public IP it leaves attached to nothing; Undo brings all back', () => {
    const d = firewallDesign();
    const subnet = d.vnets[0]!.subnets[0]!;
    expect(subnet.name).toBe('AzureFirewallSubnet');
    deleteElements([subnet.id]);
    const after = useDesignStore.getState().doc.design;
    expect(after.firewalls).toEqual([]);
    expect(after.publicIps.map((p) => p.name)).toEqual(['pip-fw-1']);
    const banner = useDesignStore.getState().banner!;
    expect(banner.text).toBe(
      'Deleted subnet AzureFirewallSubnet, and with it Azure Firewall fw-1. The public IP pip-fw-1 stays, attached to nothing.',
    );
    expect(banner.actions!.map((a) => a.testId)).toEqual(['banner-undo']);
    banner.actions![0]!.run();
    expect(useDesignStore.getState().doc.design).toBe(d);
    expect(useDesignStore.getState().banner).toBeNull();
  });

  it('names only what was asked when nothing goes with it', () => {
    const d = firewallDesign();
    const after = structuredClone(d);
    after.publicIps = [];
    after.firewalls[0]!.publicIpIds = [];
    expect(describeDelete(d, after, [d.publicIps[0]!.id])).toBe('Deleted public IP pip-fw-1.');
  });

  it('the Undo of a delete does nothing once the design changed again', () => {
    const d = firewallDesign();
    deleteElements([d.vnets[0]!.id]);
    const run = useDesignStore.getState().banner!.actions![0]!.run;
    useDesignStore.getState().renameDesign('changed');
    run();
    expect(useDesignStore.getState().doc.meta.name).toBe('changed');
    undo();
    expect(useDesignStore.getState().doc.design.vnets).toEqual([]);
  });
});
