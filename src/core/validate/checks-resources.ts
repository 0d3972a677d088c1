/** public-ip-unattached: a public IP of the design that no resource uses. */
import { refIds, rowsOf, walkElements } from '../elements';
import { kindSpec, type RefSpec } from '../kinds';
import type { Design, Id } from '../model';
import { defineRule, type AnyRule } from './rule';

/** Public IPs that an element or a row (a load balancer frontend) refers to. */
function usedPublicIps(d: Design): Set<Id> {
  const ids = new Set<Id>();
  const add = (owner: unknown, refs: readonly RefSpec[]) => {
    for (const ref of refs) if (ref.to === 'publicIp') for (const { id } of refIds(owner, ref)) ids.add(id);
  };
  walkElements(d, ({ kind, element }) => {
    add(element, kindSpec(kind).refs);
    for (const { spec, row } of rowsOf(kind, element)) add(row, spec.refs);
  });
  return ids;
}

export const RESOURCE_RULES: readonly AnyRule[] = [
  defineRule<{ name: string }>({
    id: 'public-ip-unattached',
    severity: 'warning',
    summary: 'Every public IP is associated with a resource of the design (often what a delete left behind).',
    // The page lists what a public IP can be associated with: load balancers, NAT gateways, Application Gateway,
    // Azure Firewall, Bastion, VPN/ExpressRoute gateways, ...; it is dedicated to one until unassigned.
    learnUrl: 'https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses',
    message: (p) =>
      `public IP ${p.name} is associated with nothing in the design: attach it (firewall, NAT gateway, Application Gateway, Bastion, load balancer frontend, cluster outbound) or delete it`,
    check: ({ design }, report) => {
      const used = usedPublicIps(design);
      for (const p of design.publicIps) if (!used.has(p.id)) report(p.id, { name: p.name });
    },
  }),
];
