/**
 * forbidden-range: ranges Azure reserves can't be VNet address space (VNet FAQ), and AKS additionally forbids
 * a few for the cluster's VNet, pod CIDR and service CIDR (configure-kubenet prerequisites).
 */
import { overlapsCidr, parseCidr } from '../cidr';
import type { Design } from '../model';
import { DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR, networkModelOf, usesPodCidr } from '../ipam/defaults';
import type { Finding } from '../plan-types';
import { designIndex, vnetsOfCluster } from '../design-index';
import { forbiddenRange } from './foundation-rules';
import { makeFinding, type Checker } from './rule';

const VNET_FAQ =
  'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#what-address-ranges-can-i-use-in-my-virtual-networks';
const AKS_PREREQ = 'https://learn.microsoft.com/azure/aks/configure-kubenet#prerequisites';

/** Not usable in any VNet address space. */
export const VNET_FORBIDDEN: readonly { cidr: string; why: string }[] = [
  { cidr: '224.0.0.0/4', why: 'is multicast' },
  { cidr: '255.255.255.255/32', why: 'is broadcast' },
  { cidr: '127.0.0.0/8', why: 'is loopback' },
  { cidr: '169.254.0.0/16', why: 'is link-local' },
  { cidr: '168.63.129.16/32', why: "is Azure's internal DNS and health probe address" },
];

/** Not usable for an AKS cluster's VNet, pod CIDR or service CIDR. */
export const AKS_FORBIDDEN: readonly string[] = ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'];

export const checkForbiddenRanges: Checker = (design: Design) => {
  const out: Finding[] = [];
  const idx = designIndex(design);
  const aksVnets = new Set(design.clusters.flatMap((c) => [...vnetsOfCluster(c, idx)]));
  for (const v of design.vnets) {
    for (const space of v.addressSpaces) {
      if (!parseCidr(space).ok) continue;
      const hit = VNET_FORBIDDEN.find((f) => overlapsCidr(space, f.cidr));
      if (hit) {
        out.push(
          makeFinding(
            forbiddenRange,
            v.id,
            { what: `VNet ${v.name}`, cidr: space, forbidden: hit.cidr, why: hit.why },
            { learnUrl: VNET_FAQ },
          ),
        );
        continue;
      }
      if (!aksVnets.has(v.id)) continue;
      const aks = AKS_FORBIDDEN.find((f) => overlapsCidr(space, f));
      if (aks) {
        const params = { what: `cluster VNet ${v.name}`, cidr: space, forbidden: aks, why: 'AKS reserves' };
        out.push(makeFinding(forbiddenRange, v.id, params, { learnUrl: AKS_PREREQ }));
      }
    }
  }
  for (const c of design.clusters) {
    const ranges = [{ what: `${c.name} service CIDR`, cidr: c.serviceCidr || DEFAULT_SERVICE_CIDR }];
    if (usesPodCidr(networkModelOf(c)))
      ranges.push({ what: `${c.name} pod CIDR`, cidr: c.podCidr || DEFAULT_POD_CIDR });
    for (const r of ranges) {
      if (!parseCidr(r.cidr).ok) continue;
      const aks = AKS_FORBIDDEN.find((f) => overlapsCidr(r.cidr, f));
      if (aks)
        out.push(
          makeFinding(forbiddenRange, c.id, { ...r, forbidden: aks, why: 'AKS reserves' }, { learnUrl: AKS_PREREQ }),
        );
    }
  }
  return out;
};
