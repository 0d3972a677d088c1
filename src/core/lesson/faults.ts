/** The built-in faults, each tied to a real failure, with the check it fails and a reference repair. */
import { DNS_EGRESS_BLOCKED } from './faults-netpol';
import { ASYMMETRIC_FIREWALL_LB, APPGW_DEFAULT_ROUTE, UDR_NO_DEFAULT_ROUTE } from './faults-routing';
import { SERVICE_CIDR_PEERED_OVERLAP, SNAT_EXHAUSTION, SURGE_SUBNET_TOO_SMALL } from './faults-capacity';
import type { Fault } from './types';

export const FAULTS: readonly Fault[] = [
  SURGE_SUBNET_TOO_SMALL,
  UDR_NO_DEFAULT_ROUTE,
  APPGW_DEFAULT_ROUTE,
  ASYMMETRIC_FIREWALL_LB,
  DNS_EGRESS_BLOCKED,
  SERVICE_CIDR_PEERED_OVERLAP,
  SNAT_EXHAUSTION,
];

const BY_ID = new Map(FAULTS.map((f) => [f.id, f]));

export function faultById(id: string): Fault | undefined {
  return BY_ID.get(id);
}
