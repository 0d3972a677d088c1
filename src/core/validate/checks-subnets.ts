/**
 * subnet-too-small and special-subnet: a subnet holds what is planned in it, and subnets with a platform role
 * have the name, size, delegation, NSG and route table Azure requires of them.
 */
import { nextFreeCidr, prefixForUsable } from '../cidr';
import type { Design, Subnet, Vnet } from '../model';
import type { Finding, Fix, Plan, Severity, SubnetPlan } from '../plan-types';
import { otherSubnetCidrs, vnetSpaces } from '../design-index';
import { specialSubnet, subnetTooSmall } from './foundation-rules';
import { checkSpecialRoutes } from './checks-special-routes';
import { makeFinding, type Checker } from './rule';

/** A fix moving the subnet to a free block of `prefix` in its VNet, when there is one. */
export function resizeFix(vnet: Vnet, subnet: Subnet, prefix: number): Fix | undefined {
  const cidr = nextFreeCidr(vnetSpaces(vnet), otherSubnetCidrs(vnet, subnet.id), prefix);
  return cidr ? { kind: 'set-subnet-cidr', subnetId: subnet.id, cidr, label: `Use ${cidr} (/${prefix})` } : undefined;
}

function tooSmall(vnet: Vnet, subnet: Subnet, sp: SubnetPlan): Finding | null {
  if (sp.cidr === null || sp.free >= 0) return null;
  const detail = [...sp.items.map((i) => `${i.label} ${i.count}`)].join(' + ');
  const fix = resizeFix(vnet, subnet, prefixForUsable(sp.used));
  const params = { cidr: sp.cidr, needed: sp.used, usable: sp.total - sp.reserved, total: sp.total, detail };
  return makeFinding(subnetTooSmall, subnet.id, params, fix ? { fix } : {});
}

interface Special {
  name: string;
  /** Largest prefix length allowed (smallest subnet). */
  maxPrefix: number;
  /** Prefix length from which a warning suggests a bigger subnet. */
  recommendedPrefix?: number;
  url: string;
}

const SPECIAL: Partial<Record<Subnet['purpose'], Special>> = {
  // "Azure Firewall needs a /26 subnet" (firewall FAQ).
  firewall: {
    name: 'AzureFirewallSubnet',
    maxPrefix: 26,
    url: 'https://learn.microsoft.com/azure/firewall/firewall-faq#why-does-azure-firewall-need-a--26-subnet-size',
  },
  'firewall-management': {
    name: 'AzureFirewallManagementSubnet',
    maxPrefix: 26,
    url: 'https://learn.microsoft.com/azure/firewall/forced-tunneling',
  },
  // Gateway subnet: /29 works, /27 or larger is recommended.
  gateway: {
    name: 'GatewaySubnet',
    maxPrefix: 29,
    recommendedPrefix: 27,
    url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub',
  },
  // Bastion needs /26 or larger.
  bastion: {
    name: 'AzureBastionSubnet',
    maxPrefix: 26,
    url: 'https://learn.microsoft.com/azure/bastion/configuration-settings#subnet',
  },
};
const RESERVED_NAMES = new Map(Object.entries(SPECIAL).map(([purpose, s]) => [s.name.toLowerCase(), purpose]));
const APISERVER_URL = 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration';
const APPGW_URL =
  'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#virtual-network-and-dedicated-subnet';
const AKS_DELEGATION = 'Microsoft.ContainerService/managedClusters';

function special(vnet: Vnet, s: Subnet, sp: SubnetPlan, design: Design): Finding[] {
  const out: Finding[] = [];
  const say = (text: string, url: string, opts: { fix?: Fix; severity?: Severity } = {}) =>
    out.push(makeFinding(specialSubnet, s.id, { text }, { ...opts, learnUrl: url }));
  const spec = SPECIAL[s.purpose];
  const prefix = sp.prefixLength;
  const reservedFor = RESERVED_NAMES.get(s.name.toLowerCase());
  if (reservedFor && reservedFor !== s.purpose) {
    say(
      `the name ${s.name} is reserved for the ${reservedFor} subnet; this subnet is marked ${s.purpose}`,
      SPECIAL[reservedFor as Subnet['purpose']]!.url,
    );
  }
  if (spec) {
    if (s.name !== spec.name) {
      say(`a ${s.purpose} subnet must be named ${spec.name} (is ${s.name})`, spec.url, {
        fix: { kind: 'set-subnet-name', subnetId: s.id, name: spec.name, label: `Rename to ${spec.name}` },
      });
    }
    if (prefix !== null && prefix > spec.maxPrefix) {
      const fix = resizeFix(vnet, s, spec.maxPrefix);
      say(`${spec.name} must be /${spec.maxPrefix} or larger (is /${prefix})`, spec.url, fix ? { fix } : {});
    } else if (prefix !== null && spec.recommendedPrefix && prefix > spec.recommendedPrefix) {
      say(`${spec.name} should be /${spec.recommendedPrefix} or larger (is /${prefix})`, spec.url, {
        severity: 'warning',
      });
    }
  }
  checkSpecialRoutes(design, vnet, s, (text, url, opts) => say(text, url, opts ?? {}));
  if (s.purpose === 'apiserver') {
    if (s.delegation !== AKS_DELEGATION)
      say(`the API server subnet must be delegated to ${AKS_DELEGATION}`, APISERVER_URL);
    if (prefix !== null && prefix > 28)
      say(`the API server subnet must be /28 or larger (is /${prefix})`, APISERVER_URL, resizeFixOpt(vnet, s, 28));
  }
  if (s.purpose === 'aks-nodes' && s.delegation)
    say(
      `an AKS node subnet cannot be delegated (delegated to ${s.delegation})`,
      'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni#prerequisites',
    );
  dedicated(s, sp, say);
  return out;
}

function resizeFixOpt(vnet: Vnet, s: Subnet, prefix: number): { fix?: Fix } {
  const fix = resizeFix(vnet, s, prefix);
  return fix ? { fix } : {};
}

/** App Gateway and API server subnets host nothing else. */
function dedicated(s: Subnet, sp: SubnetPlan, say: (text: string, url: string) => void): void {
  const own =
    s.purpose === 'app-gateway'
      ? ['appgw-instances', 'appgw-private-frontend']
      : s.purpose === 'apiserver'
        ? ['apiserver']
        : null;
  if (!own) return;
  const others = sp.items.filter((i) => !own.includes(i.kind));
  if (others.length === 0) return;
  const what = others.map((i) => i.label).join(', ');
  if (s.purpose === 'app-gateway')
    say(`the Application Gateway subnet is dedicated to gateways but also holds ${what}`, APPGW_URL);
  else say(`the API server subnet can't host other workloads but holds ${what}`, APISERVER_URL);
}

export const checkSubnets: Checker = (design, plan: Omit<Plan, 'findings'>) => {
  const out: Finding[] = [];
  for (const v of design.vnets) {
    for (const s of v.subnets) {
      const sp = plan.subnets[s.id];
      if (!sp) continue;
      const f = tooSmall(v, s, sp);
      if (f) out.push(f);
      out.push(...special(v, s, sp, design));
    }
  }
  return out;
};
