/** public-ip-unattached: a public IP of the design that no resource uses. */
import { publicIpOwners } from '../elements';
import { defineRule, type AnyRule } from './rule';

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
      // A public IP some element or row refers to is drawn on its first owner: those without one are unused.
      const used = publicIpOwners(design);
      for (const p of design.publicIps) if (!used.has(p.id)) report(p.id, { name: p.name });
    },
  }),
];
