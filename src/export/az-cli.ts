/**
 * The az CLI script: parameters at the top, then every resource in dependency order, then the Kubernetes
 * manifests applied with `az aks command invoke` (works for private clusters too). Every value is a quoted
 * word; names come only from the design, values only from the design or the script's own parameters.
 */
import { APPGW_ISOLATION_FEATURE, type Design, type Plan } from '../core/index';
import { agcCommands } from './agc';
import { aksCommands } from './az-aks';
import { firewallCommands } from './az-firewall';
import { az, Flags, inGroup, renderCommand, type AzCommand } from './az-model';
import {
  natGatewayCommands,
  nsgCommands,
  peeringCommands,
  publicIpCommands,
  routeTableCommands,
  vnetCommands,
} from './az-network';
import { appGatewayCommands, bastionCommands, privateEndpointCommands } from './az-services';
import {
  clusterManifests,
  DEFAULT_RESOURCE_GROUP,
  renderManifests,
  subnetNamesOf,
  type ManifestContext,
} from './k8s-yaml';
import { nm } from './names';
import { param, shQuote } from './shell';

/** Azure resource group names: 1 to 90 letters, digits, _ - . ( ), not ending in a period. */
export const RESOURCE_GROUP_PATTERN = /^[-A-Za-z0-9._()]{0,89}[-A-Za-z0-9_()]$/;

export interface AzCliOptions {
  /** Default of the RESOURCE_GROUP parameter. */
  resourceGroup?: string;
}

/** The resource commands in dependency order: each group creates what later groups refer to. */
const RESOURCE_COMMANDS: readonly ((design: Design) => AzCommand[])[] = [
  publicIpCommands,
  natGatewayCommands,
  nsgCommands,
  routeTableCommands,
  vnetCommands,
  peeringCommands,
  firewallCommands,
  appGatewayCommands,
  bastionCommands,
  privateEndpointCommands,
  agcCommands,
  aksCommands,
];

/** Every az command of the script, in order (tests check them against the flag table). */
export function azCommands(design: Design): AzCommand[] {
  return [
    ...prerequisiteCommands(design),
    az(
      'group create',
      new Flags().add('--name', param('RESOURCE_GROUP')).add('--location', param('LOCATION')),
      'Resource group',
    ),
    ...RESOURCE_COMMANDS.flatMap((commands) => commands(design)),
  ];
}

/** A heredoc delimiter that no line of the body equals, so the body can never end the heredoc early. */
function delimiter(body: string): string {
  const framed = `\n${body}\n`;
  let tag = 'AKSNET_MANIFESTS';
  for (let i = 2; framed.includes(`\n${tag}\n`); i++) tag = `AKSNET_MANIFESTS_${i}`;
  return tag;
}

/**
 * The manifests name Azure resources by the script's parameters. They are written with a quoted heredoc (no
 * expansion at all) holding placeholders the design's own text does not contain; bash pattern substitution then
 * replaces them, with the replacement quoted so that `&` in a value stays literal (bash 5.2 patsub_replacement).
 */
function marker(name: string, text: string): string {
  let mark = `@@${name}@@`;
  for (let i = 2; text.includes(mark); i++) mark = `@@${name}_${i}@@`;
  return mark;
}

function substitution(mark: string, param: string): string {
  return `manifest="\${manifest//${mark}/"\${${param}}"}"`;
}

function manifestSteps(design: Design, plan: Plan): string[] {
  const names = subnetNamesOf(design);
  // The manifests' texts come from the design (load balancers, public IP and subnet names, gateways, endpoints,
  // drawn policies): a marker absent from it is absent from the manifests.
  const designText = JSON.stringify(design);
  const ctx: ManifestContext = {
    resourceGroup: marker('RESOURCE_GROUP', designText),
    namePrefix: marker('NAME_PREFIX', designText),
  };
  const seen = new Map<string, string>();
  return design.clusters.flatMap((c, i) => {
    const manifests = clusterManifests(design, c, names, ctx, plan);
    if (manifests.length === 0) return [];
    const file = shQuote(`manifests-${i + 1}.yaml`);
    const body = renderManifests(manifests, seen).replace(/\n$/, '');
    const tag = delimiter(body);
    const subs = [
      ...(body.includes(ctx.resourceGroup) ? [substitution(ctx.resourceGroup, 'RESOURCE_GROUP')] : []),
      ...(body.includes(ctx.namePrefix) ? [substitution(ctx.namePrefix, 'NAME_PREFIX')] : []),
    ];
    const write =
      subs.length === 0
        ? `cat > ${file} <<'${tag}'\n${body}\n${tag}`
        : [`manifest="$(cat <<'${tag}'\n${body}\n${tag}\n)"`, ...subs, `printf '%s\\n' "\${manifest}" > ${file}`].join(
            '\n',
          );
    const invoke = az(
      'aks command invoke',
      inGroup()
        .add('--name', nm(c.name))
        .add('--command', `kubectl apply -f manifests-${i + 1}.yaml`)
        .add('--file', `manifests-${i + 1}.yaml`),
    );
    return [`# Kubernetes manifests for ${c.name.replace(/[\r\n]+/g, ' ')}\n${write}\n${renderCommand(invoke)}`];
  });
}

/**
 * Parameters, checked before anything runs: Azure resource group names take letters, digits, _ - . ( ) and
 * up to 90 characters; the name prefix is kept to letters, digits and hyphens, valid in every resource name.
 * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 */
function header(design: Design, rg: string): string {
  return [
    '#!/usr/bin/env bash',
    '# Deploys the AKS network design with the Azure CLI. Review, set the parameters, then run it.',
    'set -euo pipefail',
    '',
    '# Parameters: override any of them from the environment.',
    `RESOURCE_GROUP="\${RESOURCE_GROUP:-${RESOURCE_GROUP_PATTERN.test(rg) ? rg : DEFAULT_RESOURCE_GROUP}}"`,
    `LOCATION="\${LOCATION:-${design.location.replace(/[^a-z0-9]/g, '')}}"`,
    'NAME_PREFIX="${NAME_PREFIX:-}"',
    `rg_pattern='${RESOURCE_GROUP_PATTERN.source}'`,
    'if [[ ! "${RESOURCE_GROUP}" =~ ${rg_pattern} ]]; then',
    "  echo 'RESOURCE_GROUP: 1 to 90 letters, digits, _ - . ( ), not ending in a period' >&2",
    '  exit 2',
    'fi',
    "prefix_pattern='^[-A-Za-z0-9]{0,20}$'",
    'if [[ ! "${NAME_PREFIX}" =~ ${prefix_pattern} ]]; then',
    "  echo 'NAME_PREFIX: up to 20 letters, digits and hyphens' >&2",
    '  exit 2',
    'fi',
    'SUBSCRIPTION_ID="${SUBSCRIPTION_ID:-$(az account show --query id --output tsv)}"',
  ].join('\n');
}

/**
 * The extensions whose commands the script uses. az would otherwise stop at a y/n install prompt after the VNets
 * exist (and a non-interactive run aborts), so they are installed before anything is created.
 * https://learn.microsoft.com/cli/azure/azure-cli-extensions-overview
 */
export function extensionsOf(design: Design): string[] {
  return [
    // network firewall … https://learn.microsoft.com/cli/azure/network/firewall
    ...(design.firewalls.length ? ['azure-firewall'] : []),
    // network bastion … https://learn.microsoft.com/cli/azure/network/bastion
    ...(design.bastions.length ? ['bastion'] : []),
    // network alb … https://learn.microsoft.com/cli/azure/network/alb
    ...(design.appGatewaysForContainers.length ? ['alb'] : []),
  ];
}

/**
 * The azure-firewall extension's reference pages state "version 2.75.0 or higher" of the Azure CLI:
 * https://learn.microsoft.com/cli/azure/network/firewall/management-ip-config
 */
export const MIN_AZ_VERSION = '2.75.0';

/** The az version read into AZ_VERSION, then every extension the script uses. */
function prerequisiteCommands(design: Design): AzCommand[] {
  return [
    {
      ...az(
        'version',
        new Flags().add('--query', '"azure-cli"').add('--output', 'tsv'),
        `Azure CLI ${MIN_AZ_VERSION} or later (the azure-firewall extension needs it), checked before anything is created`,
      ),
      assignTo: 'AZ_VERSION',
    },
    ...extensionsOf(design).map((name) =>
      az(
        'extension add',
        new Flags().add('--name', name).switch('--upgrade').switch('--yes'),
        `${name} extension, installed up front so no prompt stops the script`,
      ),
    ),
    ...isolationFeatureCheck(design),
  ];
}

const ISOLATION_STATE = 'APPGW_ISOLATION_STATE';

/**
 * A network-isolated Application Gateway is one created after the subscription feature is Registered; ARM has no
 * property for it, so the script reads the feature's state and stops before anything exists when it is not.
 * https://learn.microsoft.com/azure/application-gateway/application-gateway-private-deployment
 */
function isolationFeatureCheck(design: Design): AzCommand[] {
  if (!design.appGateways.some((g) => g.networkIsolation)) return [];
  return [
    {
      ...az(
        'feature show',
        new Flags()
          .add('--namespace', 'Microsoft.Network')
          .add('--name', APPGW_ISOLATION_FEATURE)
          .add('--query', 'properties.state')
          .add('--output', 'tsv'),
        `${APPGW_ISOLATION_FEATURE}: network-isolated Application Gateways need it Registered before they are created`,
      ),
      assignTo: ISOLATION_STATE,
    },
  ];
}

const ISOLATION_CHECK = [
  `if [[ "\${${ISOLATION_STATE}}" != 'Registered' ]]; then`,
  `  echo "${APPGW_ISOLATION_FEATURE} is \${${ISOLATION_STATE}:-not registered}: run az feature register --namespace Microsoft.Network --name ${APPGW_ISOLATION_FEATURE}, wait until it is Registered, run az provider register --namespace Microsoft.Network, then rerun this script" >&2`,
  '  exit 2',
  'fi',
].join('\n');

/** Stops before anything is created when az is older than the extensions need. */
const VERSION_CHECK = [
  `if ! printf '%s\\n' '${MIN_AZ_VERSION}' "\${AZ_VERSION}" | sort -V -C; then`,
  `  echo "Azure CLI \${AZ_VERSION} found; this script needs ${MIN_AZ_VERSION} or later (az upgrade)" >&2`,
  '  exit 2',
  'fi',
].join('\n');

function renderStep(cmd: AzCommand): string {
  const text = renderCommand(cmd);
  if (cmd.assignTo === 'AZ_VERSION') return `${text}\n${VERSION_CHECK}`;
  return cmd.assignTo === ISOLATION_STATE ? `${text}\n${ISOLATION_CHECK}` : text;
}

export function exportAzCli(design: Design, plan: Plan, opts: AzCliOptions = {}): string {
  const body = azCommands(design).map(renderStep);
  const head = header(design, opts.resourceGroup ?? DEFAULT_RESOURCE_GROUP);
  return `${[head, ...body, ...manifestSteps(design, plan)].join('\n\n')}\n`;
}
