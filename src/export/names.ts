/** Resource ids and names in the script: every name goes through NAME_PREFIX and stays one quoted word. */
import { byIdOf, designIndex, type Design, type Id } from '../core/index';
import { concat, lit, param, type Word } from './shell';

export function nm(name: string): Word {
  return concat(param('NAME_PREFIX'), lit(name));
}

const base = (): Word =>
  concat(
    lit('/subscriptions/'),
    param('SUBSCRIPTION_ID'),
    lit('/resourceGroups/'),
    param('RESOURCE_GROUP'),
    lit('/providers/'),
  );

/** The full resource id of a resource in the script's resource group. */
export function resourceId(type: string, ...names: [string, string][]): Word {
  // The top resource carries NAME_PREFIX like everything the script creates; child names (subnets) do not.
  const tail = names.flatMap(([segment, name], i) =>
    i === 0 ? [lit(`${type}/`), nm(name)] : [lit(`/${segment}/${name}`)],
  );
  return concat(base(), ...tail);
}

export function subnetId(design: Design, id: Id | undefined): Word | undefined {
  const hit = id ? designIndex(design).subnet.get(id) : undefined;
  return hit && resourceId('Microsoft.Network/virtualNetworks', ['', hit.vnet.name], ['subnets', hit.subnet.name]);
}

export function nameOf<T extends { id: Id; name: string }>(items: T[], id: Id | undefined): string | undefined {
  return id ? byIdOf(items).get(id)?.name : undefined;
}
