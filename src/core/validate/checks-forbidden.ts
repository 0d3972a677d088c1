/**
 * forbidden-range: ranges Azure reserves can't be VNet address space (VNet FAQ), and AKS additionally forbids
 * a few for the cluster's VNet, pod CIDR and service CIDR (configure-kubenet prerequisites).
 */
import { overlapsCidr, parseCidr } from '../cidr';
import { clusterAddressing, usesPodCidr } from '../ipam/defaults';
import { designIndex, vnetsOfCluster } from '../design-index';
import { defineRule, type AnyRule } from './rule';

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

type Hit = { what: string; cidr: string; forbidden: string; why: string };

export const FORBIDDEN_RANGE_RULES: readonly AnyRule[] = [
  defineRule<Hit>({
    id: 'vnet-reserved-range',
    family: 'forbidden-range',
    severity: 'error',
    summary:
      'VNet address spaces avoid the ranges Azure reserves (multicast, broadcast, loopback, link-local, 168.63.129.16).',
    learnUrl: VNET_FAQ,
    message: (p) => `${p.what} ${p.cidr} overlaps ${p.forbidden}, which ${p.why}`,
    check: ({ design }, report) => {
      for (const v of design.vnets) {
        for (const space of v.addressSpaces) {
          const hit = parseCidr(space).ok ? VNET_FORBIDDEN.find((f) => overlapsCidr(space, f.cidr)) : undefined;
          if (hit) report(v.id, { what: `VNet ${v.name}`, cidr: space, forbidden: hit.cidr, why: hit.why });
        }
      }
    },
  }),
  defineRule<Hit>({
    id: 'aks-reserved-range',
    family: 'forbidden-range',
    severity: 'error',
    summary: "A cluster's VNet, pod CIDR and service CIDR avoid the ranges AKS reserves.",
    learnUrl: AKS_PREREQ,
    message: (p) => `${p.what} ${p.cidr} overlaps ${p.forbidden}, which ${p.why}`,
    check: ({ design }, report) => {
      const idx = designIndex(design);
      const aksVnets = new Set(design.clusters.flatMap((c) => [...vnetsOfCluster(c, idx)]));
      for (const v of design.vnets) {
        if (!aksVnets.has(v.id)) continue;
        for (const space of v.addressSpaces) {
          // A space Azure reserves for every VNet is reported once, by vnet-reserved-range.
          if (!parseCidr(space).ok || VNET_FORBIDDEN.some((f) => overlapsCidr(space, f.cidr))) continue;
          const aks = AKS_FORBIDDEN.find((f) => overlapsCidr(space, f));
          if (aks) report(v.id, { what: `cluster VNet ${v.name}`, cidr: space, forbidden: aks, why: 'AKS reserves' });
        }
      }
      for (const c of design.clusters) {
        const { podCidr, serviceCidr } = clusterAddressing(c);
        const ranges = [{ what: `${c.name} service CIDR`, cidr: serviceCidr }];
        if (usesPodCidr(c)) ranges.push({ what: `${c.name} pod CIDR`, cidr: podCidr });
        for (const r of ranges) {
          const aks = parseCidr(r.cidr).ok ? AKS_FORBIDDEN.find((f) => overlapsCidr(r.cidr, f)) : undefined;
          if (aks) report(c.id, { ...r, forbidden: aks, why: 'AKS reserves' });
        }
      }
    },
  }),
];
