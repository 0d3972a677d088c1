import { describe, expect, it } from 'vitest';
import { gradeCheck } from './grade';
import { lessonDesigns, lessonStepDesign } from './steps';
import { example } from './test-support';
import type { Lesson } from './types';

const start = example('workshop-hub-spoke');

const lesson: Lesson = {
  id: 't',
  title: 'Test',
  summary: 'Steps over the workshop design.',
  start: { template: 'workshop-hub-spoke.json' },
  steps: [
    { id: 'look', title: 'Look', text: 'The design as it is.' },
    {
      id: 'scale',
      title: 'Scale',
      text: 'Five nodes.',
      changes: [{ op: 'set', id: 'pool-system', field: 'count', value: 5 }],
    },
    {
      id: 'break',
      title: 'Break it',
      text: 'The default route goes.',
      fault: { id: 'udr-no-default-route' },
      check: { kind: 'no-finding', rule: 'udr-missing-default-route' },
    },
    { id: 'after', title: 'After', text: 'Later steps start repaired.' },
  ],
};

function designAt(i: number) {
  const r = lessonStepDesign(lesson, start, i);
  if ('error' in r) throw new Error(r.error);
  return r.design;
}

describe('lessonStepDesign', () => {
  it('is the start design at a step without changes, unchanged and the same object', () => {
    expect(designAt(0)).toBe(start);
  });

  it('keeps the changes of earlier steps', () => {
    expect(designAt(1).clusters[0]!.nodePools[0]!.count).toBe(5);
    expect(designAt(2).clusters[0]!.nodePools[0]!.count).toBe(5);
    expect(start.clusters[0]!.nodePools[0]!.count).toBe(3);
  });

  it("injects the step's fault, and a later step starts from its reference repair", () => {
    const check = lesson.steps[2]!.check!;
    expect(gradeCheck(designAt(2), check).passed).toBe(false);
    expect(gradeCheck(designAt(3), check).passed).toBe(true);
    expect(designAt(3).routeTables[0]!.routes.map((r) => [r.addressPrefix, r.nextHopIpAddress])).toEqual([
      ['0.0.0.0/0', '10.100.0.4'],
    ]);
  });

  it('gives the same designs one at a time and all at once', () => {
    const all = lessonDesigns(lesson, start);
    expect(all.map((s) => ('design' in s ? JSON.stringify(s.design) : s))).toEqual(
      lesson.steps.map((_, i) => JSON.stringify(designAt(i))),
    );
  });

  it('names the step that cannot apply, and a step out of range', () => {
    const bad: Lesson = {
      ...lesson,
      steps: [...lesson.steps, { id: 'typo', title: 'T', text: 'x', changes: [{ op: 'remove', id: 'no-such' }] }],
    };
    expect(lessonStepDesign(bad, start, 4)).toEqual({
      error: 'change 1 (remove): no element has id "no-such"',
      stepId: 'typo',
    });
    expect(lessonStepDesign(lesson, start, 9)).toEqual({ error: 'the lesson has no step 10 (it has 4)', stepId: '' });
    const wrongFault: Lesson = {
      ...lesson,
      steps: [{ id: 'f', title: 'F', text: 'x', fault: { id: 'snat-exhaustion' } }],
    };
    expect(lessonStepDesign(wrongFault, start, 0)).toEqual({
      error: 'fault snat-exhaustion: the design has no cluster that is using outbound type loadBalancer',
      stepId: 'f',
    });
  });

  it('runs the validator it is given on every step', () => {
    const r = lessonStepDesign(lesson, start, 3, (d) => (d.clusters[0]!.nodePools[0]!.count > 4 ? 'too many' : null));
    expect(r).toEqual({ error: 'too many', stepId: 'scale' });
  });
});
