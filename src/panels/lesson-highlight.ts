/** What a lesson step draws attention to, resolved on the design shown: boxes to light, findings, matrices. Pure. */
import {
  flowName,
  flowTraces,
  type Design,
  type Finding,
  type FlowRef,
  type LessonStep,
  type Plan,
  type Trace,
} from '../core/index';
import { hopNodeIds } from './paths-logic';

export interface StepFocus {
  /** Canvas boxes to highlight and fit the view to, once each. */
  nodeIds: string[];
  /** The findings of the rules the step points at. */
  findings: Finding[];
  /** Clusters whose NetworkPolicy matrix the step shows. */
  matrixClusterIds: string[];
  traces: { title: string; trace: Trace }[];
}

const flowTitle = (flow: FlowRef) =>
  flow.kind === 'egress'
    ? `Egress from ${flow.fromPoolId} to ${flow.to}`
    : flow.kind === 'ingress'
      ? `Ingress to ${flow.toPoolId}`
      : `Flow ${flowName(flow)}`;

export function stepFocus(step: LessonStep | undefined, design: Design, plan: Plan): StepFocus {
  const ids: string[] = [];
  const focus: StepFocus = { nodeIds: ids, findings: [], matrixClusterIds: [], traces: [] };
  const light = (id: string | undefined) => {
    if (id && !ids.includes(id)) ids.push(id);
  };
  for (const h of step?.highlight ?? []) {
    if (h.kind === 'element') light(h.id);
    else if (h.kind === 'finding') {
      const found = plan.findings.filter((f) => f.rule === h.rule || f.family === h.rule);
      focus.findings.push(...found.filter((f) => !focus.findings.includes(f)));
      found.forEach((f) => light(f.subjectId));
    } else if (h.kind === 'matrix') {
      if (!focus.matrixClusterIds.includes(h.clusterId)) focus.matrixClusterIds.push(h.clusterId);
      light(h.clusterId);
    } else {
      const traces = flowTraces(design, plan, h.flow);
      if (typeof traces !== 'string') {
        for (const trace of traces) {
          focus.traces.push({ title: flowTitle(h.flow), trace });
          hopNodeIds(trace).forEach(light);
        }
      } else {
        // Not traceable on this design (the step may be about why): its ends are lit instead.
        const f = h.flow;
        light(
          f.kind === 'egress' || f.kind === 'pod-to-pod' ? f.fromPoolId : f.kind === 'ingress' ? f.toPoolId : f.siteId,
        );
        if (h.flow.kind === 'egress' && h.flow.to !== 'internet') light(h.flow.to);
      }
    }
  }
  return focus;
}
