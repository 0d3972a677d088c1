/**
 * Grading a lesson check from the plan: findings present or gone, the outcome of a traced flow, a cell of a
 * cluster's NetworkPolicy matrix. Never from the UI, so the presenter, the CLI and the tests grade alike.
 */
import { firstUsableIp, formatIp, toRange } from '../cidr';
import type { Design, Id } from '../model';
import { hasConn } from '../netpol/conn-set';
import { designExternals } from '../netpol/design-externals';
import { policyWorldOf } from '../netpol/design-world';
import { computeMatrix, workloadLabel, type FlowMatrix } from '../netpol/matrix';
import { traceEgress } from '../paths/egress';
import { traceIngress } from '../paths/ingress';
import type { Trace } from '../paths/trace-types';
import { computePlan } from '../plan';
import type { Plan } from '../plan-types';
import type { CheckResult, FlowRef, LessonCheck } from './types';
import { walkFlow } from '../walk/walk';
import type { Walk } from '../walk/types';

/** The address an egress flow to a design element is traced to: its private IP, or the first host of its range. */
export function flowTargetIp(design: Design, to: 'internet' | Id): string | null {
  if (to === 'internet') return 'internet';
  const pe = design.privateEndpoints.find((e) => e.id === to);
  if (pe?.privateIp) return pe.privateIp;
  const fw = design.firewalls.find((f) => f.id === to);
  if (fw?.privateIp) return fw.privateIp;
  const fe = design.loadBalancers.flatMap((l) => l.frontends).find((f) => f.id === to);
  if (fe?.privateIp) return fe.privateIp;
  const cidr =
    design.onPremSites.find((s) => s.id === to)?.addressPrefixes[0] ??
    design.vnets.flatMap((v) => v.subnets).find((s) => s.id === to)?.cidr ??
    design.vnets.find((v) => v.id === to)?.addressSpaces[0];
  const range = cidr ? toRange(cidr) : null;
  // Azure keeps the first four addresses of a subnet: the first VM gets the fifth (.4).
  return range ? formatIp(firstUsableIp(range)) : null;
}

/** The traces of a flow: one for egress, the ingress traces `via` picks (every one without it). */
export function flowTraces(design: Design, plan: Plan, flow: FlowRef): Trace[] | string {
  if (flow.kind === 'egress') {
    const ip = flowTargetIp(design, flow.to);
    if (!ip) return `no design element "${flow.to}" has an address to trace to`;
    return [traceEgress(design, plan, flow.fromPoolId, ip)];
  }
  if (flow.kind === 'pod-to-pod' || flow.kind === 'onprem-to-ilb') {
    const w = walkFlow(design, plan, flow);
    return w ? [traceOfWalk(w)] : `the design has no such flow (${flowName(flow)})`;
  }
  const all = traceIngress(design, plan, flow.toPoolId);
  const via = flow.via;
  const picked = via ? all.filter((t) => t.from === via || t.hops.some((h) => h.resourceId === via)) : all;
  if (picked.length === 0)
    return via
      ? `no ingress path to ${flow.toPoolId} comes through "${via}"`
      : `no ingress path reaches ${flow.toPoolId}`;
  return picked;
}

/** A walked flow (no trace of its own) as a trace: its steps as hops, its outcome. */
function traceOfWalk(w: Walk): Trace {
  const hops = w.steps.map((s) => ({
    kind: s.kind,
    label: s.at,
    decidedBy: s.rule,
    ...(s.resourceId ? { resourceId: s.resourceId } : {}),
  }));
  const seen = w.outcome === 'delivered' ? (w.steps.at(-1)?.src ?? null) : null;
  const ends = flowName(w.flow).split(' → ');
  return { from: ends[0]!, to: ends[1]!, hops, sourceIpSeen: seen, outcome: w.outcome, findings: [] };
}

/** A flow in words, by its ends' ids. */
export function flowName(f: FlowRef): string {
  switch (f.kind) {
    case 'egress':
      return `${f.fromPoolId} → ${f.to}`;
    case 'ingress':
      return `${f.via ?? 'every ingress path'} → ${f.toPoolId}`;
    case 'pod-to-pod':
      return `${f.fromPoolId} → ${f.toPoolId}`;
    case 'onprem-to-ilb':
      return `${f.siteId} → ${f.frontendId}`;
  }
}

function gradeTrace(design: Design, plan: Plan, check: Extract<LessonCheck, { kind: 'trace' }>): CheckResult {
  const traces = flowTraces(design, plan, check.flow);
  if (typeof traces === 'string') return { passed: false, detail: [traces] };
  const detail = traces.map((t) => {
    const last = t.hops[t.hops.length - 1];
    return `${t.from} → ${t.to}: ${t.outcome}${last && t.outcome !== 'delivered' ? ` at ${last.label} (${last.decidedBy})` : ''}`;
  });
  const passed = traces.every((t) => t.outcome === check.outcome);
  return { passed, detail: [`${flowName(check.flow)} should be ${check.outcome}`, ...detail] };
}

function gradeFindings(plan: Plan, check: Extract<LessonCheck, { kind: 'finding' | 'no-finding' }>): CheckResult {
  const hits = plan.findings.filter(
    (f) => f.rule === check.rule && (check.subjectId === undefined || f.subjectId === check.subjectId),
  );
  const on = check.subjectId ? ` on ${check.subjectId}` : '';
  const messages = hits.map((f) => f.message);
  if (check.kind === 'no-finding')
    return hits.length === 0
      ? { passed: true, detail: [`no ${check.rule} finding remains${on}`] }
      : { passed: false, detail: [`${hits.length} ${check.rule} finding(s) remain${on}`, ...messages] };
  return hits.length > 0
    ? { passed: true, detail: [`${check.rule} is reported${on}`, ...messages] }
    : { passed: false, detail: [`no ${check.rule} finding${on}`] };
}

/** The row or column of the matrix: a workload as `namespace/name` (or its full label), an external peer by id or label. */
function endpointIndex(m: FlowMatrix, name: string): number {
  return m.endpoints.findIndex((e, i) => {
    if (e.id === name || e.label === name) return true;
    const w = m.world.workloads[i];
    return (
      e.kind === 'workload' && w !== undefined && (`${w.namespace}/${w.name}` === name || workloadLabel(w) === name)
    );
  });
}

function gradeMatrix(design: Design, check: Extract<LessonCheck, { kind: 'matrix' }>): CheckResult {
  const cluster = design.clusters.find((c) => c.id === check.clusterId);
  if (!cluster) return { passed: false, detail: [`no cluster has id "${check.clusterId}"`] };
  const m = computeMatrix(policyWorldOf(cluster), designExternals(design, cluster));
  const row = endpointIndex(m, check.from);
  const col = endpointIndex(m, check.to);
  const missing = [row < 0 ? check.from : null, col < 0 ? check.to : null].filter((x) => x !== null);
  if (missing.length)
    return { passed: false, detail: [`${cluster.name} has no workload or peer ${missing.join(', ')}`] };
  const allowed = hasConn(m.cells[row]![col]!.combined, check.protocol, check.port);
  const what = `${check.from} → ${check.to} on ${check.protocol} ${check.port}`;
  const want = check.allowed ? 'allowed' : 'denied';
  return {
    passed: allowed === check.allowed,
    detail: [`${what} should be ${want}: it is ${allowed ? 'allowed' : 'denied'}`],
  };
}

function gradeWith(design: Design, plan: Plan, check: LessonCheck): CheckResult {
  switch (check.kind) {
    case 'finding':
    case 'no-finding':
      return gradeFindings(plan, check);
    case 'trace':
      return gradeTrace(design, plan, check);
    case 'matrix':
      return gradeMatrix(design, check);
    case 'all': {
      const results = check.of.map((c) => gradeWith(design, plan, c));
      return { passed: results.every((r) => r.passed), detail: results.flatMap((r) => r.detail) };
    }
  }
}

/** Grades a check against a design; computes the plan itself (pass `plan` when one is at hand). */
export function gradeCheck(design: Design, check: LessonCheck, plan: Plan = computePlan(design)): CheckResult {
  return gradeWith(design, plan, check);
}
