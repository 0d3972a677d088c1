/**
 * Ingress through Application Gateway for Containers: a client resolves a frontend's FQDN, the gateway's data
 * plane in the association subnet proxies to the pod IPs (with Overlay, the pod routing domain is extended to
 * that subnet), and the pods see an address of the association subnet with the client in X-Forwarded-For.
 * https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
 * https://learn.microsoft.com/azure/application-gateway/for-containers/container-networking
 */
import { firstUsableIp, formatIp, parseCidr } from '../cidr';
import type { Cluster, Design, NodePool } from '../model';
import { admit, podIpHop, trace, type MissingNsgRule } from './ingress-hops';
import type { Hop, Trace } from './trace-types';

const COMPONENTS =
  'https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components';
const NETWORKING = 'https://learn.microsoft.com/azure/application-gateway/for-containers/container-networking';
/** The listener port the trace assumes (frontends take HTTP 80 and HTTPS 443). */
const HTTPS = 443;

export function agcIngress(design: Design, cluster: Cluster, pool: NodePool, missing: MissingNsgRule[]): Trace[] {
  const gateways = design.appGatewaysForContainers.filter((g) => g.clusterId === cluster.id);
  return gateways.flatMap((g) => {
    const subnet = design.vnets.flatMap((v) => v.subnets).find((s) => s.id === g.subnetId);
    const range = subnet ? parseCidr(subnet.cidr) : null;
    // Any address of the association subnet may proxy; its first usable one stands for them in NSG checks.
    const proxyIp = range?.ok ? formatIp(firstUsableIp(range.range)) : undefined;
    return g.frontends.map((f) => {
      const hops: Hop[] = [
        {
          kind: 'public-ip',
          resourceId: g.id,
          label: `frontend ${f.name} (Azure-generated FQDN)`,
          decidedBy: `${g.name} frontend`,
          learnUrl: COMPONENTS,
        },
      ];
      if (cluster.networkPlugin !== 'azure') {
        hops.push({
          kind: 'drop',
          resourceId: g.id,
          label: `${cluster.name} uses ${cluster.networkPlugin}: Application Gateway for Containers reaches pods only with Azure CNI`,
          decidedBy: 'container networking',
          learnUrl: NETWORKING,
        });
        return trace('internet', `${g.name}/${f.name}`, hops, false, null);
      }
      hops.push({
        kind: 'app-gateway',
        resourceId: g.id,
        label: `Application Gateway for Containers ${g.name} in ${subnet?.name ?? g.subnetId}`,
        decidedBy: `ALB Controller of ${cluster.name} programs the pod IPs as backends`,
        learnUrl: COMPONENTS,
      });
      const podSubnet = pool.podSubnetId ?? pool.nodeSubnetId;
      const src = { tag: 'VirtualNetwork' as const, ...(proxyIp ? { ip: proxyIp } : {}) };
      const ok = admit(design, podSubnet, src, HTTPS, `association subnet to pods on TCP ${HTTPS}`, hops, missing);
      if (ok) hops.push(podIpHop(pool, HTTPS, 'the gateway proxies to pod IPs directly'));
      const seen = `an address of ${subnet?.name ?? 'the association subnet'} (X-Forwarded-For carries the client)`;
      return trace('internet', `${g.name}/${f.name}`, hops, ok, seen, !ok);
    });
  });
}
