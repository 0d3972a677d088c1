/**
 * Every bundled lesson (examples/lessons/*.json) parses, every step's design loads with the design file's schema,
 * every exercise's check fails once its fault is injected and passes after the fault's reference repair, and
 * every check of a step without a fault passes on the design the step shows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePlan, faultById, gradeCheck, lessonStepDesign, type Design, type Lesson } from '../core/index';
import { checkStepDesign, lessonStart, parseLesson } from './lesson';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const LESSONS = new URL('lessons/', EXAMPLES);
const FILES = readdirSync(LESSONS).filter((f) => f.endsWith('.json'));

const readTemplate = (name: string) => {
  const url = new URL(name, EXAMPLES);
  return existsSync(url) ? readFileSync(url, 'utf8') : undefined;
};

function loadLesson(file: string): { lesson: Lesson; start: Design } {
  const parsed = parseLesson(readFileSync(new URL(file, LESSONS), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  expect(parsed.warnings, file).toEqual([]);
  const start = lessonStart(parsed.lesson, readTemplate);
  if (!start.ok) throw new Error(`${file}: ${start.message}`);
  return { lesson: parsed.lesson, start: start.design };
}

function stepDesign(lesson: Lesson, start: Design, i: number): Design {
  const r = lessonStepDesign(lesson, start, i, checkStepDesign);
  if ('error' in r) throw new Error(`${lesson.id} step ${r.stepId}: ${r.error}`);
  return r.design;
}

describe('bundled lessons', () => {
  it('ships at least six, none of them a design template', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(6);
    for (const f of FILES) expect(JSON.parse(readFileSync(new URL(f, LESSONS), 'utf8')).format).toBe('aksnet-lesson');
  });

  for (const file of FILES) {
    describe(file, () => {
      const { lesson, start } = loadLesson(file);

      it('has several steps, each with teaching text, and at least one break-it exercise with hints', () => {
        expect(lesson.steps.length).toBeGreaterThanOrEqual(4);
        for (const s of lesson.steps) expect(s.text.length, s.id).toBeGreaterThan(120);
        const exercises = lesson.steps.filter((s) => s.fault && s.check);
        expect(exercises.length).toBeGreaterThanOrEqual(1);
        for (const s of exercises) expect(s.hints?.length ?? 0, s.id).toBeGreaterThanOrEqual(2);
      });

      it('starts from a design with no error finding', () => {
        expect(computePlan(start).findings.filter((f) => f.severity === 'error')).toEqual([]);
      });

      lesson.steps.forEach((step, i) => {
        if (!step.check) return;
        const check = step.check;
        if (!step.fault) {
          it(`step ${step.id}: its check passes on the design it shows`, () => {
            const r = gradeCheck(stepDesign(lesson, start, i), check);
            expect(r.passed, r.detail.join('\n')).toBe(true);
          });
          return;
        }
        const fault = faultById(step.fault.id)!;
        const target = step.fault.target;
        it(`step ${step.id}: fault ${fault.id} fails the check and its reference repair passes it`, () => {
          const broken = stepDesign(lesson, start, i);
          expect(gradeCheck(broken, check).passed).toBe(false);
          // The fault's own check names the finding: it is there once broken.
          const own = fault.check(broken, target);
          expect(gradeCheck(broken, own).passed).toBe(false);
          const repaired = fault.repair(broken, target);
          if ('error' in repaired) throw new Error(repaired.error);
          expect(checkStepDesign(repaired.design)).toBeNull();
          const r = gradeCheck(repaired.design, check);
          expect(r.passed, r.detail.join('\n')).toBe(true);
          expect(gradeCheck(repaired.design, own).passed).toBe(true);
        });
      });
    });
  }
});
