/** az commands for the services in the VNets: Application Gateway, Bastion and private endpoints. */
import { designIndex, type Design } from '../core/index';
import { az, createdAs, inGroup, type AzCommand } from './az-model';
import { nameOf, nm } from './names';
import { wafPolicyNameOf } from './policy-layout';
import { concat, lit, param } from './shell';

function vnetOfSubnet(d: Design, subnetId: string) {
  return designIndex(d).subnet.get(subnetId);
}

export function appGatewayCommands(d: Design): AzCommand[] {
  return d.appGateways.flatMap((g) => {
    const at = vnetOfSubnet(d, g.subnetId);
    if (!at) return [];
    const out: AzCommand[] = [];
    // WAF_v2 gateways get a WAF policy: the Microsoft default rule set, in Prevention mode.
    const waf = g.sku === 'WAF_v2' ? nm(wafPolicyNameOf(g.name)) : undefined;
    if (waf) {
      out.push(
        az(
          'network application-gateway waf-policy create',
          createdAs(waf).add('--type', 'Microsoft_DefaultRuleSet').add('--version', '2.1'),
          `WAF policy of ${g.name}`,
        ),
        az(
          'network application-gateway waf-policy policy-setting update',
          inGroup().add('--policy-name', waf).add('--state', 'Enabled').add('--mode', 'Prevention'),
        ),
      );
    }
    const f = createdAs(nm(g.name))
      .add('--sku', g.sku)
      .add('--min-capacity', g.minCapacity)
      .add('--max-capacity', g.maxCapacity)
      .add('--vnet-name', nm(at.vnet.name))
      .add('--subnet', at.subnet.name)
      .add('--priority', 100)
      .add('--waf-policy', waf);
    const pip = nameOf(d.publicIps, g.publicIpId);
    if (pip) f.add('--public-ip-address', nm(pip));
    if (g.privateFrontendIp) f.add('--private-ip-address', g.privateFrontendIp);
    out.push(az('network application-gateway create', f, `Application Gateway ${g.name}`));
    return out;
  });
}

export function bastionCommands(d: Design): AzCommand[] {
  return d.bastions.flatMap((b) => {
    const at = vnetOfSubnet(d, b.subnetId);
    const pip = nameOf(d.publicIps, b.publicIpId);
    if (!at || !pip) return [];
    return [
      az(
        'network bastion create',
        createdAs(nm(b.name))
          .add('--vnet-name', nm(at.vnet.name))
          .add('--public-ip-address', nm(pip))
          .add('--sku', b.sku),
        `Bastion ${b.name}`,
      ),
    ];
  });
}

/** Private endpoints point at existing resources in the same resource group (their names are not prefixed). */
export function privateEndpointCommands(d: Design): AzCommand[] {
  return d.privateEndpoints.flatMap((pe) => {
    const at = vnetOfSubnet(d, pe.subnetId);
    if (!at) return [];
    const target = concat(
      lit('/subscriptions/'),
      param('SUBSCRIPTION_ID'),
      lit('/resourceGroups/'),
      param('RESOURCE_GROUP'),
      lit(`/providers/${pe.targetType}/${pe.targetName}`),
    );
    return [
      az(
        'network private-endpoint create',
        createdAs(nm(pe.name))
          .add('--vnet-name', nm(at.vnet.name))
          .add('--subnet', at.subnet.name)
          .add('--private-connection-resource-id', target)
          .many('--group-id', [pe.groupId])
          .add('--connection-name', `${pe.name}-connection`),
        `Private endpoint ${pe.name} to ${pe.targetName}`,
      ),
    ];
  });
}
