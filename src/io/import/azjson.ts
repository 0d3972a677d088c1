/**
 * az JSON output → design: `az network vnet list/show`, `az network route-table list`, `az network nsg list`,
 * `az aks show` / `az aks nodepool list` (flattened camelCase: dnsServiceIp, vnetSubnetId), REST lists
 * (`{ "value": [...] }`) and Azure Resource Graph results (`{ "data": [...] }`, types in lowercase, fields under
 * `properties`). The builder reads fields without case and from `properties` or the top, so every shape is one.
 */
import type { BuildOptions } from './build';
import { buildFromResources } from './from-resources';
import { refusedKeys, unreadable, type ImportResult } from './report';
import { parseResourceId, type RawResource } from './resources';
import { arr, get, isObj, readJson, str, type Val } from './values';

function itemsOf(v: Val): Val[] | null {
  if (Array.isArray(v)) return v;
  if (isObj(v)) {
    for (const k of ['data', 'value']) if (Array.isArray(get(v, k))) return arr(get(v, k));
    if (typeof get(v, 'type') === 'string') return [v];
  }
  return null;
}

/** az JSON text → design and report. Never throws. */
export function importAzJson(text: string, opts: BuildOptions = {}): ImportResult {
  const fail = (message: string) => unreadable('azjson', 'input', message);
  const json = readJson(text);
  if (!json.ok) return fail(json.message);
  const list = itemsOf(json.value as Val);
  if (!list) return fail('not az output: expected an array, { "data": [...] }, { "value": [...] } or one resource');
  const items = refusedKeys(json.dropped);
  const resources: RawResource[] = [];
  list.forEach((x, i) => {
    const at = `[${i}]`;
    const type = str(get(x, 'type'));
    if (!isObj(x) || !type) {
      items.push({ status: 'ignored', at, what: 'item', message: 'no "type": not a resource' });
      return;
    }
    // A child's full name ("vnet/subnet") is in its id; az prints only the last segment as `name`.
    const fromId = parseResourceId(str(get(x, 'id')) ?? '');
    const fullName = fromId && fromId.type.toLowerCase() === type.toLowerCase() ? fromId.name : str(get(x, 'name'));
    if (!fullName) {
      items.push({ status: 'ignored', at, what: type, message: 'no name' });
      return;
    }
    resources.push({ type, name: fullName, body: x, at });
  });
  if (!resources.length)
    return {
      from: 'azjson',
      design: null,
      items: [
        ...items,
        ...(items.length ? [] : [{ status: 'ignored' as const, at: '', what: 'input', message: 'no resources' }]),
      ],
    };
  return buildFromResources('azjson', resources, opts, items);
}
