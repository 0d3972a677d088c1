/**
 * Application Gateway for Containers in the exports: the gateway, its association with the delegated subnet and
 * its frontends. az uses the `alb` extension (`az network alb`, installed with the script's prerequisites);
 * Bicep the Microsoft.ServiceNetworking resource types and their child resources.
 * https://learn.microsoft.com/azure/application-gateway/for-containers/quickstart-create-application-gateway-for-containers-byo-deployment
 */
import type { Design } from '../core/index';
import { az, createdAs, inGroup, type AzCommand } from './az-model';
import type { AzFlags } from './az-flags';
import { located, res } from './bicep-network';
import { ex, type BResource, type Symbols } from './bicep-writer';
import { nm } from './names';
import { concat, lit, param } from './shell';

const ANY = null;

/** The az commands the export uses for it, with their flags (from the alb extension's command definitions). */
export const AGC_AZ_FLAGS: Record<string, AzFlags> = {
  'network alb create': { '--resource-group': ANY, '--name': ANY, '--location': ANY },
  'network alb association create': {
    '--resource-group': ANY,
    '--name': ANY,
    '--alb-name': ANY,
    '--location': ANY,
    '--association-type': ['subnets'],
    '--subnet': ANY,
  },
  'network alb frontend create': { '--resource-group': ANY, '--name': ANY, '--alb-name': ANY, '--location': ANY },
};

const RG = () => param('RESOURCE_GROUP');
const LOC = () => param('LOCATION');

export function agcCommands(d: Design): AzCommand[] {
  const out: AzCommand[] = [];
  for (const g of d.appGatewaysForContainers) {
    const vnet = d.vnets.find((v) => v.subnets.some((s) => s.id === g.subnetId));
    const subnet = vnet?.subnets.find((s) => s.id === g.subnetId);
    if (!vnet || !subnet) continue;
    const subnetId = concat(
      lit('/subscriptions/'),
      param('SUBSCRIPTION_ID'),
      lit('/resourceGroups/'),
      RG(),
      lit('/providers/Microsoft.Network/virtualNetworks/'),
      nm(vnet.name),
      lit(`/subnets/${subnet.name}`),
    );
    out.push(
      az('network alb create', createdAs(nm(g.name)), `Application Gateway for Containers ${g.name}`),
      az(
        'network alb association create',
        inGroup()
          .add('--name', g.associationName)
          .add('--alb-name', nm(g.name))
          .add('--location', LOC())
          .add('--association-type', 'subnets')
          .add('--subnet', subnetId),
      ),
      ...g.frontends.map((f) =>
        az(
          'network alb frontend create',
          inGroup().add('--name', f.name).add('--alb-name', nm(g.name)).add('--location', LOC()),
        ),
      ),
    );
  }
  return out;
}

export function agcResources(d: Design, sym: Symbols): BResource[] {
  return d.appGatewaysForContainers.flatMap((g) => {
    const subnet = sym.get(g.subnetId);
    if (!subnet) return [];
    const symbol = sym.name(g.id, `agc_${g.name}`);
    return [
      located('Microsoft.ServiceNetworking/trafficControllers', symbol, g.name, {}),
      res(
        'Microsoft.ServiceNetworking/trafficControllers/associations',
        sym.name(`${g.id}:association`, `${symbol}_association`),
        {
          parent: ex(symbol),
          name: g.associationName,
          location: ex('location'),
          properties: { associationType: 'subnets', subnet: { id: ex(`${subnet}.id`) } },
        },
      ),
      ...g.frontends.map((f) =>
        res('Microsoft.ServiceNetworking/trafficControllers/frontends', sym.name(f.id, `${symbol}_${f.name}`), {
          parent: ex(symbol),
          name: f.name,
          location: ex('location'),
        }),
      ),
    ];
  });
}
