/**
 * The peers outside a cluster's pods that its allowed-flow matrix shows: the Internet, each VNet peered with the
 * cluster's VNets, each on-premises site, each Application Gateway subnet in those VNets, each private endpoint.
 * A flow to a peer is allowed only when it is allowed to every address of the peer (see matrix.ts).
 */
import { rangeEnd, toRange, type Range } from '../cidr';
import { designIndex, vnetsOfCluster } from '../design-index';
import type { Cluster, Design } from '../model';
import type { ExternalPeer } from './matrix';

type Span = readonly [number, number];

const span = (r: Range): Span => [r.start, rangeEnd(r)];

function spans(cidrs: readonly string[]): Span[] {
  return cidrs.flatMap((c) => {
    const r = toRange(c);
    return r ? [span(r)] : [];
  });
}

/** 0.0.0.0/0 without the ranges that are not on the Internet (RFC 1918, shared, loopback, link-local). */
const NOT_INTERNET = spans([
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
]);

function internetSpans(): Span[] {
  const out: Span[] = [];
  let lo = 0;
  for (const [a, b] of [...NOT_INTERNET].sort((x, y) => x[0] - y[0])) {
    if (a > lo) out.push([lo, a - 1]);
    lo = Math.max(lo, b + 1);
  }
  if (lo <= 2 ** 32 - 1) out.push([lo, 2 ** 32 - 1]);
  return out;
}

const INTERNET: ExternalPeer = { id: 'internet', label: 'Internet', ranges: internetSpans() };

export function designExternals(design: Design, cluster: Cluster): ExternalPeer[] {
  const idx = designIndex(design);
  const own = vnetsOfCluster(cluster, idx);
  const out: ExternalPeer[] = [INTERNET];
  const peered = new Set<string>();
  for (const v of own) for (const p of idx.peers.get(v) ?? []) if (!own.has(p)) peered.add(p);
  for (const id of peered) {
    const v = idx.vnet.get(id);
    if (v) out.push({ id: `vnet:${v.id}`, label: `VNet ${v.name}`, ranges: spans(v.addressSpaces) });
  }
  for (const site of design.onPremSites)
    out.push({ id: `onprem:${site.id}`, label: `On-premises ${site.name}`, ranges: spans(site.addressPrefixes) });
  for (const gw of design.appGateways) {
    const ref = idx.subnet.get(gw.subnetId);
    if (ref && (own.has(ref.vnet.id) || peered.has(ref.vnet.id)))
      out.push({ id: `appgw:${gw.id}`, label: `App Gateway ${gw.name} subnet`, ranges: spans([ref.subnet.cidr]) });
  }
  for (const pe of design.privateEndpoints) {
    const ref = idx.subnet.get(pe.subnetId);
    if (!ref || !(own.has(ref.vnet.id) || peered.has(ref.vnet.id))) continue;
    // Without a fixed address the endpoint may take any address of its subnet.
    const at = pe.privateIp ? spans([`${pe.privateIp}/32`]) : spans([ref.subnet.cidr]);
    out.push({ id: `pe:${pe.id}`, label: `Private endpoint ${pe.name}`, ranges: at });
  }
  return out.filter((e) => e.ranges.length > 0);
}
