import { describe, expect, it } from 'vitest';
import { makeMinimalDocument } from './test-support';
import { checkStepDesign, parseLesson, serializeLesson, LESSON_LIMITS } from './lesson';

const step = { id: 's1', title: 'First', text: 'Some text.' };
const file = (lesson: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  format: 'aksnet-lesson',
  schemaVersion: 1,
  lesson: {
    id: 'l',
    title: 'L',
    summary: 'A lesson.',
    start: { template: 'seed-kubenet.json' },
    steps: [step],
    ...lesson,
  },
  ...extra,
});

function refused(input: unknown): string {
  const r = parseLesson(input);
  if (r.ok) throw new Error('accepted');
  return r.message;
}

describe('parseLesson', () => {
  it('reads a lesson from text or a value, and writes it back the same', () => {
    const r = parseLesson(JSON.stringify(file({})));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.steps[0]).toEqual(step);
    expect(parseLesson(serializeLesson(r.lesson))).toEqual(r);
  });

  it('loads an embedded start design with the design schema, naming bad fields from the lesson root', () => {
    const design = makeMinimalDocument().design;
    const ok = parseLesson(file({ start: { design } }));
    expect(ok.ok && 'design' in ok.lesson.start && ok.lesson.start.design.clusters[0]!.id).toBe('aks1');
    const bad = structuredClone(design) as unknown as { clusters: { nodePools: { count: unknown }[] }[] };
    bad.clusters[0]!.nodePools[0]!.count = 'three';
    expect(refused(file({ start: { design: bad } }))).toBe(
      'not a valid lesson file:\nlesson.start.design.clusters[0].nodePools[0].count: expected an integer, got text "three"',
    );
  });

  it('refuses the wrong format, a newer version and broken JSON with the reason', () => {
    expect(refused('{"format":"aks-network-design","schemaVersion":2}')).toBe(
      'not a valid lesson file:\nformat: expected "aksnet-lesson"; got "aks-network-design"',
    );
    expect(refused(file({}, { schemaVersion: 7 }))).toMatch(/schemaVersion: this lesson has schema version 7, newer/);
    expect(refused('{"format":')).toMatch(/^not a valid lesson file:\nnot valid JSON/);
    expect(refused('[]')).toBe('not a valid lesson file:\nexpected a lesson file (a JSON object)');
  });

  it('names the path of a bad field', () => {
    expect(
      refused(file({ steps: [{ ...step, check: { kind: 'trace', flow: { kind: 'egress' }, outcome: 'ok' } }] })),
    ).toBe(
      [
        'not a valid lesson file:',
        'lesson.steps[0].check.flow.fromPoolId: required field is missing',
        'lesson.steps[0].check.flow.to: required field is missing',
        'lesson.steps[0].check.outcome: expected "delivered" or "dropped" or "blocked", got text "ok"',
      ].join('\n'),
    );
    expect(refused(file({ steps: [{ ...step, extra: 1 }] }))).toMatch(/lesson\.steps\[0\]: .*extra/);
    expect(refused(file({ steps: [] }))).toBe('not a valid lesson file:\nlesson.steps: expected at least 1 items');
  });

  it('refuses unknown faults and rules, and a step id used twice', () => {
    const msg = refused(
      file({
        steps: [
          {
            ...step,
            fault: { id: 'melt-down' },
            check: { kind: 'all', of: [{ kind: 'no-finding', rule: 'no-such-rule' }] },
          },
          step,
        ],
      }),
    );
    expect(msg).toBe(
      [
        'not a valid lesson file:',
        'lesson.steps[0].fault.id: unknown fault "melt-down"',
        'lesson.steps[0].check.of[0].rule: unknown rule "no-such-rule"',
        'lesson.steps[1].id: step id "s1" is already used by step 1',
      ].join('\n'),
    );
  });

  it('refuses hostile input: prototype keys, oversize text, too many steps, endless nesting of checks', () => {
    expect(refused('{"format":"aksnet-lesson","schemaVersion":1,"lesson":{"__proto__":{"x":1}}}')).toMatch(
      /lesson\.__proto__: forbidden key "__proto__"/,
    );
    expect(refused(file({ steps: [{ ...step, text: 'x'.repeat(LESSON_LIMITS.text + 1) }] }))).toBe(
      `not a valid lesson file:\nlesson.steps[0].text: expected at most ${LESSON_LIMITS.text} characters, got ${LESSON_LIMITS.text + 1}`,
    );
    const many = Array.from({ length: LESSON_LIMITS.steps + 1 }, (_, i) => ({ ...step, id: `s${i}` }));
    expect(refused(file({ steps: many }))).toBe(
      `not a valid lesson file:\nlesson.steps: expected at most ${LESSON_LIMITS.steps} items, got ${LESSON_LIMITS.steps + 1}`,
    );
    let check: Record<string, unknown> = { kind: 'no-finding', rule: 'subnet-too-small' };
    for (let i = 0; i < 6; i++) check = { kind: 'all', of: [check] };
    expect(refused(file({ steps: [{ ...step, check }] }))).toMatch(
      /lesson\.steps\[0\]\.check\.of\[0\]\.of\[0\]\.of\[0\]\.of\[0\]/,
    );
    expect(refused(file({ start: { template: '../../etc/passwd' } }))).toMatch(/lesson\.start/);
    expect(refused(file({ steps: [{ ...step, learnUrl: 'javascript:alert(1)' }] }))).toBe(
      'not a valid lesson file:\nlesson.steps[0].learnUrl: expected an https:// link (got "javascript:alert(1)")',
    );
  });
});

describe('checkStepDesign', () => {
  it('is null for a design that loads and names the field of one that does not', () => {
    const d = makeMinimalDocument().design;
    expect(checkStepDesign(d)).toBeNull();
    const bad = structuredClone(d);
    bad.clusters[0]!.nodePools[0]!.nodeSubnetId = 'gone';
    expect(checkStepDesign(bad)).toMatch(/^design\.clusters\[0\]\.nodePools\[0\]\.nodeSubnetId: /);
  });
});
