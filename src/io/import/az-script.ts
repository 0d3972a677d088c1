/**
 * The az CLI script importer: pure, never throwing, and nothing in the script is ever run. Reads what the az
 * export writes and the common hand-written forms; every command gives a report item.
 */
import type { Design, SubnetPurpose } from '../../core/index';
import { Build, Step } from './az-build';
import { AKS_HANDLERS } from './az-aks';
import { firstWords, lexScript, MAX_SCRIPT_CHARS } from './az-lex';
import { NETWORK_HANDLERS, type Handler } from './az-net';
import { dropManagementPips, SERVICE_HANDLERS } from './az-svc';
import { unreadable, type ImportItem, type ImportResult } from './report';

const HANDLERS: Record<string, Handler> = { ...NETWORK_HANDLERS, ...SERVICE_HANDLERS, ...AKS_HANDLERS };

/** Commands that read, sign in or install: nothing to model and nothing to report. */
const QUIET =
  /^(version|login|logout|upgrade|extension |account |configure|provider |feature |aks get-credentials|aks show|aks list|aks wait|.* show$|.* list$|.* wait$)/;
const NOT_MODELLED: Record<string, string> = {
  'role assignment create': 'role assignments are not part of the network design',
  'aks command invoke': 'Kubernetes manifests applied to the cluster',
};

/** The purpose a subnet's name or its users give it (the az commands carry no purpose). */
function inferPurposes(d: Design): void {
  const use = new Map<string, SubnetPurpose>();
  const set = (id: string | undefined, p: SubnetPurpose) => id && !use.has(id) && use.set(id, p);
  for (const c of d.clusters) set(c.apiServerSubnetId, 'apiserver');
  for (const g of d.appGateways) set(g.subnetId, 'app-gateway');
  for (const c of d.clusters) for (const p of c.nodePools) set(p.podSubnetId, 'aks-pods');
  for (const c of d.clusters) for (const p of c.nodePools) set(p.nodeSubnetId, 'aks-nodes');
  for (const pe of d.privateEndpoints) set(pe.subnetId, 'private-endpoints');
  const byName: Record<string, SubnetPurpose> = {
    azurefirewallsubnet: 'firewall',
    azurefirewallmanagementsubnet: 'firewall-management',
    gatewaysubnet: 'gateway',
    azurebastionsubnet: 'bastion',
  };
  for (const v of d.vnets)
    for (const s of v.subnets) {
      const named = byName[s.name.toLowerCase()];
      const delegated = s.delegation?.toLowerCase() === 'microsoft.containerservice/managedclusters';
      s.purpose = named ?? use.get(s.id) ?? (delegated ? 'apiserver' : 'general');
    }
}

function runCommand(b: Build, call: Step['call'], items: ImportItem[]): void {
  const cmd = call.path.join(' ');
  const at = `line ${call.line}`;
  const handler = Object.hasOwn(HANDLERS, cmd) ? HANDLERS[cmd] : undefined;
  if (handler) {
    const step = new Step(call);
    b.steps.push(step);
    handler(b, step);
    return;
  }
  if (QUIET.test(cmd)) return;
  const why = Object.hasOwn(NOT_MODELLED, cmd) ? NOT_MODELLED[cmd] : 'command not modelled by the design';
  items.push({ status: 'ignored', at, what: `az ${firstWords(cmd)}`, message: `${why}: not imported` });
}

function finish(b: Build, items: ImportItem[]): void {
  b.finish();
  dropManagementPips(b);
  for (const g of b.d.appGatewaysForContainers.filter((x) => !x.subnetId))
    items.push({
      status: 'unresolved',
      at: 'end of script',
      what: `az network alb create ${g.name}`,
      message: 'no subnet association: the gateway is not imported',
    });
  b.d.appGatewaysForContainers = b.d.appGatewaysForContainers.filter((x) => x.subnetId);
  // A firewall whose subnet never came (reported on its command) cannot stay: the design needs the subnet.
  const gone = new Set(b.d.firewalls.filter((f) => !f.subnetId).map((f) => f.id));
  b.d.firewalls = b.d.firewalls.filter((f) => !gone.has(f.id));
  inferPurposes(b.d);
  if (!b.located)
    items.push({
      status: 'defaulted',
      at: 'script',
      what: 'location',
      message: `no --location given: ${b.d.location} used`,
    });
}

/** Reads an az CLI script into a design with a report. */
export function importAzScript(text: string): ImportResult {
  if (text.length > MAX_SCRIPT_CHARS)
    return unreadable(
      'az',
      'script',
      `the script is too large: ${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_SCRIPT_CHARS.toLocaleString('en-US')}`,
      'input',
    );
  const lexed = lexScript(text);
  const b = new Build();
  const other: ImportItem[] = [];
  for (const call of lexed.calls) runCommand(b, call, other);
  const tail: ImportItem[] = [];
  finish(b, tail);
  const line = (i: ImportItem) => Number(/^line (\d+)/.exec(i.at)?.[1] ?? Infinity);
  const items = [...lexed.items, ...other, ...b.steps.flatMap((s) => s.items())].sort((x, y) => line(x) - line(y));
  if (b.steps.length === 0)
    return {
      from: 'az',
      design: null,
      items: [
        ...items,
        { status: 'ignored', at: 'input', what: 'script', message: 'no az command the importer reads' },
      ],
    };
  return { from: 'az', design: b.d, items: [...items, ...tail] };
}
