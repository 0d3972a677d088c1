/**
 * Peerings Azure refuses: a VNet peered with itself (its address space overlaps itself), and a second peering
 * between the same two VNets (a VNet holds one peering to a given remote VNet), in either direction.
 */
import type { Id } from '../model';
import { defineRule, type AnyRule } from './rule';

const MANAGE_PEERING = 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering';

export const PEERING_RULES: readonly AnyRule[] = [
  defineRule<{ peering: string; vnet: string }>({
    id: 'peering-self',
    family: 'peering',
    severity: 'error',
    summary: 'A peering links two different VNets.',
    learnUrl: MANAGE_PEERING,
    message: (p) => `peering ${p.peering} links VNet ${p.vnet} with itself; a peering needs two different VNets`,
    check: ({ design }, report) => {
      const names = new Map(design.vnets.map((v) => [v.id, v.name]));
      for (const p of design.peerings)
        if (p.localVnetId === p.remoteVnetId)
          report(p.id, { peering: p.name, vnet: names.get(p.localVnetId) ?? p.localVnetId });
    },
  }),
  defineRule<{ peering: string; first: string; a: string; b: string }>({
    id: 'peering-duplicate',
    family: 'peering',
    severity: 'error',
    summary: 'Two VNets are peered once: one peering object stands for both directions.',
    learnUrl: MANAGE_PEERING,
    message: (p) =>
      `peering ${p.peering} links ${p.a} and ${p.b}, which peering ${p.first} already links; delete one (a peering covers both directions)`,
    check: ({ design }, report) => {
      const names = new Map(design.vnets.map((v) => [v.id, v.name]));
      const first = new Map<string, string>();
      for (const p of design.peerings) {
        if (p.localVnetId === p.remoteVnetId) continue;
        const key = [p.localVnetId, p.remoteVnetId].sort().join('|');
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, p.name);
          continue;
        }
        const name = (id: Id) => names.get(id) ?? id;
        report(p.id, { peering: p.name, first: earlier, a: name(p.localVnetId), b: name(p.remoteVnetId) });
      }
    },
  }),
];
