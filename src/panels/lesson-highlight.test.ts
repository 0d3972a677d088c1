import { describe, expect, it } from 'vitest';
import { computePlan, type LessonStep } from '../core/index';
import { stepFocus } from './lesson-highlight';
import { loadExample } from './test-support';

const design = loadExample('workshop-hub-spoke').design;
const plan = computePlan(design);

describe('what a lesson step lights up', () => {
  it('lights the elements, each once, and the hops of a traced flow, with the trace', () => {
    const step: LessonStep = {
      id: 's',
      title: 'Egress',
      text: '',
      highlight: [
        { kind: 'element', id: 'fw-hub' },
        { kind: 'flow', flow: { kind: 'egress', fromPoolId: 'pool-system', to: 'internet' } },
      ],
    };
    const focus = stepFocus(step, design, plan);
    expect(focus.traces).toHaveLength(1);
    expect(focus.traces[0]!.trace.outcome).toBe('delivered');
    // The firewall is both named and a hop of the egress: it is listed once, first.
    expect(focus.nodeIds[0]).toBe('fw-hub');
    expect(focus.nodeIds.filter((id) => id === 'fw-hub')).toHaveLength(1);
    expect(focus.nodeIds).toContain('pool-system');
  });

  it('lists the findings of a rule and lights their subjects; a rule without findings lights nothing', () => {
    const broken = structuredClone(design);
    broken.routeTables.find((t) => t.id === 'rt-aks-egress')!.routes = [];
    const step: LessonStep = {
      id: 's',
      title: 'Broken',
      text: '',
      highlight: [{ kind: 'finding', rule: 'udr-missing-default-route' }],
    };
    const focus = stepFocus(step, broken, computePlan(broken));
    expect(focus.findings.map((f) => [f.rule, f.subjectId])).toEqual([['udr-missing-default-route', 'snet-aks']]);
    expect(focus.nodeIds).toEqual(['snet-aks']);
    expect(stepFocus(step, design, plan)).toEqual({ nodeIds: [], findings: [], matrixClusterIds: [], traces: [] });
  });

  it('a matrix highlight names the cluster whose matrix is shown', () => {
    const step: LessonStep = { id: 's', title: 'M', text: '', highlight: [{ kind: 'matrix', clusterId: 'aks' }] };
    expect(stepFocus(step, design, plan)).toMatchObject({ nodeIds: ['aks'], matrixClusterIds: ['aks'] });
  });
});
