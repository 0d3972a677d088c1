/** pool-name and invalid-name: every name in the design is one Azure (or Kubernetes) accepts. */
import type { Design, Id } from '../model';
import type { Finding } from '../plan-types';
import { checkName, nameRuleUrl, type NameKind } from './fields';
import { invalidName, poolName } from './foundation-rules';
import { makeFinding, type Checker } from './rule';

function namedElements(d: Design): { id: Id; kind: NameKind; label: string; name: string }[] {
  const out: { id: Id; kind: NameKind; label: string; name: string }[] = [];
  const add = (kind: NameKind, label: string, items: { id: Id; name: string }[]) => {
    for (const x of items) out.push({ id: x.id, kind, label, name: x.name });
  };
  add('vnet', 'VNet', d.vnets);
  add(
    'subnet',
    'subnet',
    d.vnets.flatMap((v) => v.subnets),
  );
  add('peering', 'peering', d.peerings);
  add('cluster', 'cluster', d.clusters);
  add('load-balancer', 'load balancer', d.loadBalancers);
  add('app-gateway', 'Application Gateway', d.appGateways);
  add('firewall', 'firewall', d.firewalls);
  add('nat-gateway', 'NAT gateway', d.natGateways);
  add('public-ip', 'public IP', d.publicIps);
  add('route-table', 'route table', d.routeTables);
  add(
    'route',
    'route',
    d.routeTables.flatMap((r) => r.routes),
  );
  add('nsg', 'NSG', d.nsgs);
  add('private-endpoint', 'private endpoint', d.privateEndpoints);
  add('bastion', 'Bastion', d.bastions);
  for (const lb of d.loadBalancers) add('k8s-service', 'Kubernetes Service', lb.frontends);
  return out;
}

export const checkNames: Checker = (design) => {
  const out: Finding[] = [];
  for (const e of namedElements(design)) {
    const problem = checkName(e.kind, e.name);
    if (problem)
      out.push(
        makeFinding(invalidName, e.id, { kind: e.label, name: e.name, problem }, { learnUrl: nameRuleUrl(e.kind) }),
      );
  }
  for (const lb of design.loadBalancers) {
    for (const f of lb.frontends) {
      const problem = checkName('k8s-namespace', f.namespace);
      if (problem)
        out.push(
          makeFinding(
            invalidName,
            lb.id,
            { kind: 'Kubernetes namespace', name: f.namespace, problem },
            { learnUrl: nameRuleUrl('k8s-namespace') },
          ),
        );
    }
  }
  for (const c of design.clusters) {
    for (const p of c.nodePools) {
      const problem = checkName(p.osType === 'Windows' ? 'windows-pool' : 'linux-pool', p.name);
      if (problem) out.push(makeFinding(poolName, p.id, { name: p.name, os: p.osType, problem }));
    }
  }
  return out;
};
