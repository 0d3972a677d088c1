/**
 * The az commands of a migration, in the order they run. Flags are those of the current azure-cli:
 * `az aks update` takes network_plugin, network_plugin_mode, network_dataplane, network_policy and pod_cidr
 * (src/azure-cli/azure/cli/command_modules/acs/custom.py, aks_update; enums in acs/_params.py), and
 * `az network vnet subnet update` takes --route-table and the generic --remove ("You can also append
 * "--remove routeTable" in "az network vnet subnet update" to detach it", network/_params.py).
 */
import type { Cluster, Design, Id } from '../model';
import { kubenetRouteTables } from './design';
import type { MigrationCommand, MigrationStage } from './types';

/** The resource group is the script's variable, as the az export writes it. */
export const RESOURCE_GROUP = '$RESOURCE_GROUP';

/** Every flag a migration command may write, by command. */
export const MIGRATION_AZ_FLAGS: Record<string, readonly string[]> = {
  'aks update': [
    '--resource-group',
    '--name',
    '--network-plugin',
    '--network-plugin-mode',
    '--network-dataplane',
    '--network-policy',
    '--pod-cidr',
  ],
  'network vnet subnet update': ['--resource-group', '--vnet-name', '--name', '--route-table', '--remove'],
};

/** A word bash reads as itself; anything else is single-quoted (bash expands nothing inside). */
const PLAIN = /^[A-Za-z0-9_./:=@%+-]+$/;
function shellWord(t: string): string {
  if (t === RESOURCE_GROUP) return `"${RESOURCE_GROUP}"`;
  return PLAIN.test(t) ? t : `'${t.replace(/'/g, `'\\''`)}'`;
}

function shellLine(argv: string[]): string {
  const words = argv.map(shellWord);
  return ['az', ...words].join(' ');
}

function command(stage: MigrationStage, argv: string[], why: string): MigrationCommand {
  return { stage, argv, text: shellLine(argv), why };
}

const aksUpdate = (c: Cluster) => ['aks', 'update', '--resource-group', RESOURCE_GROUP, '--name', c.name];

function subnetUpdate(design: Design, subnetId: Id): string[] {
  for (const v of design.vnets)
    for (const s of v.subnets)
      if (s.id === subnetId)
        return [
          'network',
          'vnet',
          'subnet',
          'update',
          '--resource-group',
          RESOURCE_GROUP,
          '--vnet-name',
          v.name,
          '--name',
          s.name,
        ];
  return [];
}

/** Commands of the Overlay stage, from the design before it (`before`) to the design after it (`after`). */
export function overlayCommands(before: Design, after: Design, clusterId: Id): MigrationCommand[] {
  const c = before.clusters.find((x) => x.id === clusterId);
  const next = after.clusters.find((x) => x.id === clusterId);
  if (!c || !next) return [];
  const out: MigrationCommand[] = [];
  if (c.networkPolicy === 'azure' || c.networkPolicy === 'calico')
    out.push(
      command('overlay', [...aksUpdate(c), '--network-policy', 'none'], 'uninstall the network policy engine first'),
    );
  const tables = c.networkPlugin === 'kubenet' ? kubenetRouteTables(before, c) : [];
  for (const { subnetId, table } of tables)
    out.push(
      command(
        'overlay',
        [...subnetUpdate(before, subnetId), '--remove', 'routeTable'],
        `detach route table ${table.name}`,
      ),
    );
  const update = [...aksUpdate(c), '--network-plugin', 'azure', '--network-plugin-mode', 'overlay'];
  // Required from Azure CNI; from kubenet only when the pod CIDR changes (Learn: it "remains the same" otherwise).
  if (c.networkPlugin !== 'kubenet' || next.podCidr !== c.podCidr) update.push('--pod-cidr', next.podCidr ?? '');
  out.push(command('overlay', update, 'move the IPAM mode to Azure CNI Overlay'));
  for (const { subnetId, table } of tables)
    if (table.routes.length > 0)
      out.push(
        command(
          'overlay',
          [...subnetUpdate(before, subnetId), '--route-table', table.name],
          `attach route table ${table.name} again for its own routes`,
        ),
      );
  return out;
}

/** The Cilium stage: one update of the dataplane. */
export function ciliumCommands(before: Design, clusterId: Id): MigrationCommand[] {
  const c = before.clusters.find((x) => x.id === clusterId);
  if (!c) return [];
  return [command('cilium', [...aksUpdate(c), '--network-dataplane', 'cilium'], 'move the dataplane to Cilium')];
}
