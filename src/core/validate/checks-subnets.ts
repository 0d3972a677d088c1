/**
 * subnet-too-small and the special-subnet family: a subnet holds what is planned in it, and subnets with a
 * platform role have the name, size, delegation and dedication Azure requires of them (their routes and NSGs:
 * checks-special-routes.ts).
 */
import { nextFreeCidr, prefixForUsable } from '../cidr';
import type { Subnet, SubnetPurpose, Vnet } from '../model';
import type { Fix, SubnetPlan } from '../plan-types';
import { otherSubnetCidrs, vnetSpaces } from '../design-index';
import { defineRule, type AnyRule, type RuleContext } from './rule';
import { AKS_DELEGATION, SPECIAL_SUBNETS } from '../subnet-roles';

export { SPECIAL_SUBNETS };

/** A fix moving the subnet to a free block of `prefix` in its VNet, when there is one. */
export function resizeFix(vnet: Vnet, subnet: Subnet, prefix: number): Fix | undefined {
  const cidr = nextFreeCidr(vnetSpaces(vnet), otherSubnetCidrs(vnet, subnet.id), prefix);
  return cidr ? { kind: 'set-subnet-cidr', subnetId: subnet.id, cidr, label: `Use ${cidr} (/${prefix})` } : undefined;
}

const RESERVED_NAMES = new Map(
  Object.entries(SPECIAL_SUBNETS).map(([purpose, s]) => [s.name.toLowerCase(), purpose as SubnetPurpose]),
);
const APISERVER_URL = 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration';
const APPGW_URL =
  'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#virtual-network-and-dedicated-subnet';

const IP_PLANNING = 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning';
const NODE_SUBNET_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni#prerequisites';
const SPECIAL_URL =
  'https://learn.microsoft.com/azure/virtual-network/virtual-network-for-azure-services#services-that-can-be-deployed-into-a-virtual-network';

/** Every subnet with its plan, in design order. */
function* subnetsOf({ design, plan }: RuleContext): Generator<{ vnet: Vnet; s: Subnet; sp: SubnetPlan }> {
  for (const vnet of design.vnets)
    for (const s of vnet.subnets) {
      const sp = plan.subnets[s.id];
      if (sp) yield { vnet, s, sp };
    }
}

function resizeFixOpt(vnet: Vnet, s: Subnet, prefix: number): { fix?: Fix } {
  const fix = resizeFix(vnet, s, prefix);
  return fix ? { fix } : {};
}

/** What other than its own consumers a dedicated subnet holds, or null. */
function intruders(sp: SubnetPlan, own: string[]): string | null {
  const others = sp.items.filter((i) => !own.includes(i.kind));
  return others.length > 0 ? others.map((i) => i.label).join(', ') : null;
}

/** A subnet of `purpose` holds only its `own` consumers: the rule names whatever else it holds. */
function dedicatedRule(def: {
  id: string;
  summary: string;
  purpose: SubnetPurpose;
  own: string[];
  learnUrl: string;
  message: (what: string) => string;
}): AnyRule {
  return defineRule<{ what: string }>({
    id: def.id,
    family: 'special-subnet',
    severity: 'error',
    summary: def.summary,
    learnUrl: def.learnUrl,
    message: (p) => def.message(p.what),
    check: (ctx, report) => {
      for (const { s, sp } of subnetsOf(ctx)) {
        const what = s.purpose === def.purpose ? intruders(sp, def.own) : null;
        if (what) report(s.id, { what });
      }
    },
  });
}

export const SUBNET_RULES: readonly AnyRule[] = [
  defineRule<{ cidr: string; needed: number; usable: number; total: number; detail: string }>({
    id: 'subnet-too-small',
    severity: 'error',
    summary: "A subnet holds everything planned in it plus Azure's 5 reserved addresses.",
    learnUrl: IP_PLANNING,
    message: (p) =>
      `${p.cidr} needs ${p.needed} addresses (${p.detail}) but has ${p.usable} usable (${p.total} − 5 reserved)`,
    check: (ctx, report) => {
      for (const { vnet, s, sp } of subnetsOf(ctx)) {
        if (sp.cidr === null || sp.free >= 0) continue;
        const detail = sp.items.map((i) => `${i.label} ${i.count}`).join(' + ');
        const params = { cidr: sp.cidr, needed: sp.used, usable: sp.total - sp.reserved, total: sp.total, detail };
        report(s.id, params, resizeFixOpt(vnet, s, prefixForUsable(sp.used)));
      }
    },
  }),
  defineRule<{ name: string; reservedFor: string; purpose: string }>({
    id: 'special-subnet-reserved-name',
    family: 'special-subnet',
    severity: 'error',
    summary:
      'The names AzureFirewallSubnet, AzureFirewallManagementSubnet, GatewaySubnet and AzureBastionSubnet are only for their service.',
    learnUrl: SPECIAL_URL,
    message: (p) =>
      `the name ${p.name} is reserved for the ${p.reservedFor} subnet; this subnet is marked ${p.purpose}`,
    check: (ctx, report) => {
      for (const { s } of subnetsOf(ctx)) {
        const reservedFor = RESERVED_NAMES.get(s.name.toLowerCase());
        if (reservedFor && reservedFor !== s.purpose)
          report(
            s.id,
            { name: s.name, reservedFor, purpose: s.purpose },
            { learnUrl: SPECIAL_SUBNETS[reservedFor]!.url },
          );
      }
    },
  }),
  defineRule<{ purpose: string; required: string; name: string }>({
    id: 'special-subnet-name',
    family: 'special-subnet',
    severity: 'error',
    summary: 'Azure Firewall, its management subnet, the VPN/ExpressRoute gateway and Bastion need their subnet name.',
    learnUrl: SPECIAL_URL,
    message: (p) => `a ${p.purpose} subnet must be named ${p.required} (is ${p.name})`,
    check: (ctx, report) => {
      for (const { vnet, s } of subnetsOf(ctx)) {
        const spec = SPECIAL_SUBNETS[s.purpose];
        if (!spec || s.name === spec.name) continue;
        // Renaming onto a name another subnet of the VNet has would make two subnets of one name.
        const taken = vnet.subnets.some((x) => x.id !== s.id && x.name.toLowerCase() === spec.name.toLowerCase());
        const fix: Fix = { kind: 'set-subnet-name', subnetId: s.id, name: spec.name, label: `Rename to ${spec.name}` };
        report(
          s.id,
          { purpose: s.purpose, required: spec.name, name: s.name },
          {
            learnUrl: spec.url,
            ...(taken ? {} : { fix }),
          },
        );
      }
    },
  }),
  defineRule<{ name: string; minPrefix: number; prefix: number }>({
    id: 'special-subnet-size',
    family: 'special-subnet',
    severity: 'error',
    summary:
      'AzureFirewallSubnet, AzureFirewallManagementSubnet and AzureBastionSubnet are /26 or larger, GatewaySubnet /29 or larger.',
    learnUrl: SPECIAL_URL,
    message: (p) => `${p.name} must be /${p.minPrefix} or larger (is /${p.prefix})`,
    check: (ctx, report) => {
      for (const { vnet, s, sp } of subnetsOf(ctx)) {
        const spec = SPECIAL_SUBNETS[s.purpose];
        if (!spec || sp.prefixLength === null || sp.prefixLength <= spec.maxPrefix) continue;
        report(
          s.id,
          { name: spec.name, minPrefix: spec.maxPrefix, prefix: sp.prefixLength },
          {
            learnUrl: spec.url,
            ...resizeFixOpt(vnet, s, spec.maxPrefix),
          },
        );
      }
    },
  }),
  defineRule<{ name: string; recommended: number; prefix: number }>({
    id: 'gateway-subnet-size-recommended',
    family: 'special-subnet',
    severity: 'warning',
    summary: 'GatewaySubnet is /27 or larger, as Microsoft recommends for room to grow.',
    learnUrl: SPECIAL_SUBNETS.gateway!.url,
    message: (p) => `${p.name} should be /${p.recommended} or larger (is /${p.prefix})`,
    check: (ctx, report) => {
      for (const { s, sp } of subnetsOf(ctx)) {
        const spec = SPECIAL_SUBNETS[s.purpose];
        const p = sp.prefixLength;
        if (!spec?.recommendedPrefix || p === null || p > spec.maxPrefix || p <= spec.recommendedPrefix) continue;
        report(s.id, { name: spec.name, recommended: spec.recommendedPrefix, prefix: p });
      }
    },
  }),
  defineRule<{ delegation: string }>({
    id: 'apiserver-subnet-delegation',
    family: 'special-subnet',
    severity: 'error',
    summary: 'The API server subnet is delegated to Microsoft.ContainerService/managedClusters.',
    learnUrl: APISERVER_URL,
    message: (p) => `the API server subnet must be delegated to ${p.delegation}`,
    check: (ctx, report) => {
      for (const { s } of subnetsOf(ctx))
        if (s.purpose === 'apiserver' && s.delegation !== AKS_DELEGATION) report(s.id, { delegation: AKS_DELEGATION });
    },
  }),
  defineRule<{ prefix: number }>({
    id: 'apiserver-subnet-size',
    family: 'special-subnet',
    severity: 'error',
    summary: 'The API server subnet is /28 or larger.',
    learnUrl: APISERVER_URL,
    message: (p) => `the API server subnet must be /28 or larger (is /${p.prefix})`,
    check: (ctx, report) => {
      for (const { vnet, s, sp } of subnetsOf(ctx))
        if (s.purpose === 'apiserver' && sp.prefixLength !== null && sp.prefixLength > 28)
          report(s.id, { prefix: sp.prefixLength }, resizeFixOpt(vnet, s, 28));
    },
  }),
  dedicatedRule({
    id: 'apiserver-subnet-dedicated',
    summary: 'The API server subnet hosts nothing but the API server.',
    purpose: 'apiserver',
    own: ['apiserver'],
    learnUrl: APISERVER_URL,
    message: (what) => `the API server subnet can't host other workloads but holds ${what}`,
  }),
  dedicatedRule({
    id: 'appgw-subnet-dedicated',
    summary: 'The Application Gateway subnet holds Application Gateways only.',
    purpose: 'app-gateway',
    own: ['appgw-instances', 'appgw-private-frontend'],
    learnUrl: APPGW_URL,
    message: (what) => `the Application Gateway subnet is dedicated to gateways but also holds ${what}`,
  }),
  defineRule<{ delegation: string }>({
    id: 'node-subnet-delegation',
    family: 'special-subnet',
    severity: 'error',
    summary: 'An AKS node subnet is not delegated to a service.',
    learnUrl: NODE_SUBNET_URL,
    message: (p) => `an AKS node subnet cannot be delegated (delegated to ${p.delegation})`,
    check: (ctx, report) => {
      for (const { s } of subnetsOf(ctx))
        if (s.purpose === 'aks-nodes' && s.delegation) report(s.id, { delegation: s.delegation });
    },
  }),
];
