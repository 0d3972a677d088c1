/**
 * The az CLI script: parameters at the top, then every resource in dependency order, then the Kubernetes
 * manifests applied with `az aks command invoke` (works for private clusters too). Every value is a quoted
 * word; names come only from the design, values only from the design or the script's own parameters.
 */
import type { Design } from '../core/model';
import type { Plan } from '../core/plan-types';
import { aksCommands } from './az-aks';
import { az, Flags, renderCommand, type AzCommand } from './az-model';
import { natGatewayCommands, nsgCommands, peeringCommands, publicIpCommands, routeTableCommands, vnetCommands } from './az-network';
import { appGatewayCommands, bastionCommands, firewallCommands, privateEndpointCommands } from './az-services';
import { clusterManifests, renderManifests, subnetNamesOf } from './k8s-yaml';
import { nm } from './names';
import { param, shQuote } from './shell';

export interface AzCliOptions {
  resourceGroup?: string;
}

/** Every az command of the script, in order (tests check them against the flag table). */
export function azCommands(design: Design): AzCommand[] {
  return [
    az('group create', new Flags().add('--name', param('RESOURCE_GROUP')).add('--location', param('LOCATION')), 'Resource group'),
    ...publicIpCommands(design),
    ...natGatewayCommands(design),
    ...nsgCommands(design),
    ...routeTableCommands(design),
    ...vnetCommands(design),
    ...peeringCommands(design),
    ...firewallCommands(design),
    ...appGatewayCommands(design),
    ...bastionCommands(design),
    ...privateEndpointCommands(design),
    ...aksCommands(design),
  ];
}

/** A heredoc delimiter that no line of the body equals, so the body can never end the heredoc early. */
function delimiter(body: string): string {
  const lines = new Set(body.split('\n'));
  let tag = 'AKSNET_MANIFESTS';
  for (let i = 2; lines.has(tag); i++) tag = `AKSNET_MANIFESTS_${i}`;
  return tag;
}

function manifestSteps(design: Design): string[] {
  const names = subnetNamesOf(design);
  return design.clusters.flatMap((c, i) => {
    const m = clusterManifests(design, c, names);
    if (m.length === 0) return [];
    const file = `manifests-${i + 1}.yaml`;
    const body = renderManifests(m).replace(/\n$/, '');
    const tag = delimiter(body);
    const invoke = az('aks command invoke', new Flags().add('--resource-group', param('RESOURCE_GROUP')).add('--name', nm(c.name))
      .add('--command', `kubectl apply -f ${file}`).add('--file', file));
    return [`# Kubernetes manifests for ${c.name.replace(/[\r\n]+/g, ' ')}\ncat > ${shQuote(file)} <<'${tag}'\n${body}\n${tag}\n${renderCommand(invoke)}`];
  });
}

export function exportAzCli(design: Design, _plan: Plan, opts: AzCliOptions = {}): string {
  const rg = opts.resourceGroup ?? 'rg-aks-network';
  const header = [
    '#!/usr/bin/env bash',
    '# Deploys the AKS network design with the Azure CLI. Review, set the parameters, then run it.',
    'set -euo pipefail',
    '',
    '# Parameters: override any of them from the environment.',
    `RESOURCE_GROUP="\${RESOURCE_GROUP:-${rg.replace(/[^A-Za-z0-9._()-]/g, '')}}"`,
    `LOCATION="\${LOCATION:-${design.location.replace(/[^a-z0-9]/g, '')}}"`,
    'NAME_PREFIX="${NAME_PREFIX:-}"',
    'SUBSCRIPTION_ID="${SUBSCRIPTION_ID:-$(az account show --query id --output tsv)}"',
  ].join('\n');
  const body = azCommands(design).map(renderCommand);
  return `${[header, ...body, ...manifestSteps(design)].join('\n\n')}\n`;
}
