/**
 * A cluster's migration to Azure CNI Overlay or to the Cilium dataplane: the preconditions of each stage, the
 * migrated design, the commands in order and the addresses before and after. Pure: the input is never changed.
 * https://learn.microsoft.com/azure/aks/update-azure-cni
 */
import { parseCidr } from '../cidr';
import { networkModelOf } from '../ipam/defaults';
import type { Design, Id } from '../model';
import { computePlan } from '../plan';
import { ciliumCommands, overlayCommands } from './commands';
import { describeChanges } from './changes';
import { applyStage, applyStageInPlace, choosePodCidr, podCidrClash, podCidrTaken } from './design';
import { checkStage, MIGRATE_URL } from './preconditions';
import { clusterUse, sideOf, subnetUses } from './usage';
import type {
  CheckSeverity,
  MigrationCheck,
  MigrationCommand,
  MigrationOptions,
  MigrationPlan,
  MigrationStage,
  MigrationTarget,
} from './types';

const RANK: Record<CheckSeverity, number> = { blocker: 0, warning: 1, info: 2 };
const blocked = (checks: readonly MigrationCheck[]) => checks.some((c) => c.severity === 'blocker');

function stagesFor(design: Design, clusterId: Id, target: MigrationTarget): MigrationStage[] {
  const c = design.clusters.find((x) => x.id === clusterId)!;
  if (target === 'overlay') return ['overlay'];
  // "Kubenet clusters can't update the data plane directly to Cilium. Migrate the IPAM mode to Azure CNI Overlay
  // first, then update the data plane" (update-azure-cni): two operations.
  return networkModelOf(c) === 'kubenet' ? ['overlay', 'cilium'] : ['cilium'];
}

/** The pod CIDR of the Overlay stage, or the blocker that stops it. */
function podCidrFor(design: Design, clusterId: Id, wanted?: string): { cidr: string } | { check: MigrationCheck } {
  const c = design.clusters.find((x) => x.id === clusterId)!;
  const base = { stage: 'overlay' as const, severity: 'blocker' as const, subjectId: c.id };
  let normal: string | undefined;
  if (wanted !== undefined) {
    const parsed = parseCidr(wanted);
    if (!parsed.ok)
      return {
        check: {
          ...base,
          id: 'migrate-overlay-pod-cidr-invalid',
          message: `pod CIDR "${wanted}" is not an IPv4 CIDR such as 10.244.0.0/16`,
          learnUrl: MIGRATE_URL.overlayConcepts,
        },
      };
    normal = parsed.cidr;
  }
  const cidr = choosePodCidr(design, c, normal);
  if (!cidr)
    return {
      check: {
        ...base,
        id: 'migrate-overlay-pod-cidr-none-free',
        message: `no private range large enough for ${c.name}'s pod CIDR overlaps nothing in the design: give one`,
        learnUrl: MIGRATE_URL.overlayConcepts,
      },
    };
  const clash = podCidrClash(cidr, podCidrTaken(design, c));
  if (clash)
    return {
      check: {
        ...base,
        id: 'migrate-overlay-pod-cidr-overlap',
        message: `pod CIDR ${cidr} overlaps ${clash.owner} (${clash.cidr}): the Overlay pod CIDR must overlap no VNet, peer, on-premises range or the service CIDR`,
        learnUrl: MIGRATE_URL.overlayConcepts,
      },
    };
  return { cidr };
}

/** Errors and warnings the migrated design has that the current one does not (by rule and subject). */
function newFindings(before: Design, after: Design, stage: MigrationStage): MigrationCheck[] {
  const key = (f: { rule: string; subjectId: Id }) => `${f.rule}\u0000${f.subjectId}`;
  const had = new Set(computePlan(before).findings.map(key));
  return computePlan(after)
    .findings.filter((f) => f.severity !== 'info' && !had.has(key(f)))
    .map((f) => ({
      id: f.severity === 'error' ? 'migrate-design-error' : 'migrate-design-warning',
      severity: f.severity === 'error' ? ('blocker' as const) : ('warning' as const),
      stage,
      subjectId: f.subjectId,
      message: `after the migration: ${f.message} (${f.rule})`,
      learnUrl: f.learnUrl,
    }));
}

interface Run {
  design: Design;
  checks: MigrationCheck[];
  commands: MigrationCommand[];
}

function runStage(run: Run, clusterId: Id, stage: MigrationStage, opts: MigrationOptions): boolean {
  run.checks.push(...checkStage(run.design, clusterId, stage));
  if (blocked(run.checks)) return false;
  if (stage === 'cilium') {
    run.commands.push(...ciliumCommands(run.design, clusterId));
    run.design = applyStage(run.design, clusterId, 'cilium');
    return true;
  }
  const pod = podCidrFor(run.design, clusterId, opts.podCidr);
  if ('check' in pod) {
    run.checks.push(pod.check);
    return false;
  }
  const next = applyStage(run.design, clusterId, 'overlay', pod.cidr);
  run.commands.push(...overlayCommands(run.design, next, clusterId));
  run.design = next;
  return true;
}

/** The migration of cluster `clusterId` (by id or name) to `target`; null when the design has no such cluster. */
export function planMigration(
  design: Design,
  cluster: Id,
  target: MigrationTarget,
  opts: MigrationOptions = {},
): MigrationPlan | null {
  const c = design.clusters.find((x) => x.id === cluster) ?? design.clusters.find((x) => x.name === cluster);
  if (!c) return null;
  const stages = stagesFor(design, c.id, target);
  const run: Run = { design, checks: [], commands: [] };
  let ok = true;
  for (const stage of stages) if (ok) ok = runStage(run, c.id, stage, opts);
  if (ok) {
    run.checks.push(...newFindings(design, run.design, stages[stages.length - 1]!));
    ok = !blocked(run.checks);
  }
  const migrated = ok ? run.design : design;
  const before = sideOf(design);
  const after = migrated === design ? before : sideOf(migrated);
  const next = migrated.clusters.find((x) => x.id === c.id)!;
  return {
    clusterId: c.id,
    clusterName: c.name,
    target,
    stages,
    possible: ok,
    checks: [...run.checks].sort((a, b) => RANK[a.severity] - RANK[b.severity]),
    commands: ok ? run.commands : [],
    changes: ok ? describeChanges(design, migrated, c.id) : [],
    before: clusterUse(c, before.plan),
    after: clusterUse(next, after.plan),
    subnets: subnetUses(before, after, c.id),
    design: migrated,
  };
}

/**
 * Replays a possible migration on a design in place: the store's draft, so Apply is one undo step that keeps the
 * untouched elements. The pod CIDR is the one the plan chose.
 */
export function applyMigration(d: Design, m: MigrationPlan): void {
  if (!m.possible) return;
  for (const stage of m.stages) applyStageInPlace(d, m.clusterId, stage, m.after.podCidr);
}
