/**
 * The design a lesson shows at a step: its start design with every step up to this one applied in order, each
 * step's changes first, then its fault. An exercise is over once the lesson moves on, so the fault of an
 * earlier step is followed by its reference repair: a later step starts from the repaired design. A step whose
 * change, fault or repair cannot apply names itself and why.
 */
import type { Design } from '../model';
import { faultById } from './faults';
import { applyOps } from './ops';
import type { Lesson, LessonStep } from './types';

export type StepDesign = { design: Design } | { error: string; stepId: string };

/** Checks a step's design beyond the core's own (the app passes the design file's schema); null when it is fine. */
export type DesignValidator = (design: Design) => string | null;

/** One step's changes and fault on a design; with `repaired`, the fault's reference repair after it. */
export function applyStep(design: Design, step: LessonStep, repaired = false): { design: Design } | { error: string } {
  const changed = applyOps(design, step.changes ?? []);
  if ('error' in changed || !step.fault) return changed;
  const fault = faultById(step.fault.id);
  if (!fault) return { error: `unknown fault "${step.fault.id}"` };
  const broken = fault.inject(changed.design, step.fault.target);
  if ('error' in broken) return { error: `fault ${fault.id}: ${broken.error}` };
  if (!repaired) return broken;
  const fixed = fault.repair(broken.design, step.fault.target);
  return 'error' in fixed ? { error: `repair of fault ${fault.id}: ${fixed.error}` } : fixed;
}

/**
 * The start design with steps 0..stepIndex applied; `validate` (optional) checks each step's result. The design
 * of an earlier step is reused, never changed: each step works on a copy.
 */
export function lessonStepDesign(
  lesson: Lesson,
  start: Design,
  stepIndex: number,
  validate?: DesignValidator,
): StepDesign {
  if (!Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex >= lesson.steps.length)
    return { error: `the lesson has no step ${stepIndex + 1} (it has ${lesson.steps.length})`, stepId: '' };
  let design = start;
  for (const [i, step] of lesson.steps.slice(0, stepIndex + 1).entries()) {
    const next = applyStep(design, step, i < stepIndex);
    if ('error' in next) return { error: next.error, stepId: step.id };
    const invalid = validate?.(next.design);
    if (invalid) return { error: invalid, stepId: step.id };
    design = next.design;
  }
  return { design };
}

/** The design of every step, in order (as lessonStepDesign gives each), stopping at the first step that fails. */
export function lessonDesigns(lesson: Lesson, start: Design, validate?: DesignValidator): StepDesign[] {
  const out: StepDesign[] = [];
  let design = start;
  for (const step of lesson.steps) {
    const shown = applyStep(design, step);
    const invalid = 'error' in shown ? shown.error : validate?.(shown.design);
    if ('error' in shown || invalid) {
      out.push({ error: invalid ?? '', stepId: step.id });
      return out;
    }
    out.push(shown);
    const next = step.fault ? applyStep(design, step, true) : shown;
    if ('error' in next) {
      out[out.length - 1] = { error: next.error, stepId: step.id };
      return out;
    }
    design = next.design;
  }
  return out;
}
