/**
 * The lesson runner: a lesson shown step by step in the design store, so the canvas, the panels and the normal
 * edit path work on each step's design. The user's own document and its undo history are kept aside while a
 * lesson runs and put back unchanged when it ends; autosave keeps saving that kept document, never a lesson step.
 * Anything else put in place meanwhile (a file opened, a template, another tab's design) ends the lesson and
 * leaves the user's design one Undo back.
 */
import { create } from 'zustand';
import { gradeCheck, lessonStepDesign, type CheckResult, type Design, type Lesson } from '../core/index';
import { checkStepDesign, type DesignDocument } from '../io';
import { useDesignStore } from './design-store';
import { requestFit, undoBanner } from './replace';

type PastStates = ReturnType<typeof useDesignStore.temporal.getState>['pastStates'];

/** Where the lesson came from: a bundled lesson is linked by id, any other by its whole text. */
export type LessonSource = { kind: 'bundled' } | { kind: 'file'; name: string; text: string };

export interface LessonRun {
  lesson: Lesson;
  source: LessonSource;
  /** The document the lesson starts from (its design and the layout it is drawn with). */
  start: DesignDocument;
  step: number;
  /** The document this step put in place: the student's edits are what differs from it. */
  stepDoc: DesignDocument;
  /** How many of the step's hints are shown. */
  hints: number;
  /** The last grade, with the design it graded: it is shown only while that design is the current one. */
  graded: { design: Design; result: CheckResult } | null;
  /** Why the step asked for could not be shown (the current step stays). */
  error: string | null;
}

interface Aside {
  doc: DesignDocument;
  past: PastStates;
  future: PastStates;
}

export interface LessonState {
  run: LessonRun | null;
  presenting: boolean;
  aside: Aside | null;
}

export const useLessonStore = create<LessonState>()(() => ({ run: null, presenting: false, aside: null }));

let unwatch: (() => void) | null = null;
/** Whether the runner itself is putting a document in place: any other load ends the lesson. */
let placing = false;

function stepDocument(
  run: Pick<LessonRun, 'lesson' | 'start'>,
  step: number,
  layoutOf: DesignDocument,
): { doc: DesignDocument } | { error: string } {
  // Each step's design gets the checks a design file gets: a lesson never shows a design the app could not load.
  const r = lessonStepDesign(run.lesson, run.start.design, step, checkStepDesign);
  if ('error' in r) return { error: `step "${r.stepId}" could not be shown: ${r.error}` };
  // The layout the boxes are drawn with so far stays: moving boxes is not part of the lesson.
  const doc: DesignDocument = { ...run.start, design: r.design, layout: layoutOf.layout };
  return { doc };
}

function putInPlace(doc: DesignDocument): DesignDocument {
  // The store tells its listeners of the load before replaceDoc returns: the watcher must know it is ours.
  placing = true;
  try {
    useDesignStore.getState().replaceDoc(doc);
  } finally {
    placing = false;
  }
  // Each step starts its own history: an Undo never walks back into the previous step or the user's design.
  useDesignStore.temporal.getState().clear();
  return useDesignStore.getState().doc;
}

/** Something else was loaded while the lesson ran: the lesson ends and the user's design is one Undo back. */
function onForeignLoad(): void {
  const { aside, run } = useLessonStore.getState();
  stopWatching();
  useLessonStore.setState({ run: null, presenting: false, aside: null });
  if (!aside) return;
  const now = useDesignStore.getState().doc;
  const text = `The lesson "${run?.lesson.title ?? ''}" ended. Undo brings back your design "${aside.doc.meta.name}".`;
  // Once the load is done: the history records the step it replaced after the store's listeners ran, and the
  // banner of whatever replaced it would name that step as what Undo brings back.
  queueMicrotask(() => {
    if (useDesignStore.getState().doc !== now) return;
    useDesignStore.temporal.setState({ pastStates: [...aside.past, { doc: aside.doc }], futureStates: [] });
    undoBanner(text, now, requestFit);
  });
}

function watch(): void {
  if (unwatch) return;
  unwatch = useDesignStore.subscribe((s, prev) => {
    if (!placing && s.loads !== prev.loads) onForeignLoad();
  });
}

function stopWatching(): void {
  unwatch?.();
  unwatch = null;
}

export interface OpenLessonOptions {
  source: LessonSource;
  /** The step to open at (0-based), clamped to the lesson. */
  step?: number;
}

/**
 * Opens a lesson on its start document at a step. The user's document is kept aside (only the first time: a
 * lesson opened over another keeps the user's design, not the other lesson's step). Returns why it could not be
 * opened; then nothing changed.
 */
export function openLesson(lesson: Lesson, start: DesignDocument, opts: OpenLessonOptions): { error: string } | null {
  if (lesson.steps.length === 0) return { error: 'the lesson has no steps' };
  const step = Math.min(Math.max(0, Math.trunc(opts.step ?? 0)), lesson.steps.length - 1);
  const built = stepDocument({ lesson, start }, step, start);
  if ('error' in built) return { error: built.error };
  const current = useLessonStore.getState();
  const t = useDesignStore.temporal.getState();
  const aside = current.aside ?? {
    doc: useDesignStore.getState().doc,
    past: [...t.pastStates],
    future: [...t.futureStates],
  };
  // The aside is in place before the store tells autosave of the new document.
  useLessonStore.setState({ aside });
  stopWatching();
  const stepDoc = putInPlace(built.doc);
  watch();
  useLessonStore.setState({
    run: { lesson, source: opts.source, start, step, stepDoc, hints: 0, graded: null, error: null },
  });
  return null;
}

/** Shows step `index` (0-based): the start design with every step up to it applied. */
export function goToStep(index: number): void {
  const run = useLessonStore.getState().run;
  if (!run || index < 0 || index >= run.lesson.steps.length) return;
  const built = stepDocument(run, index, useDesignStore.getState().doc);
  if ('error' in built) {
    useLessonStore.setState({ run: { ...run, error: built.error } });
    return;
  }
  const stepDoc = putInPlace(built.doc);
  useLessonStore.setState({ run: { ...run, step: index, stepDoc, hints: 0, graded: null, error: null } });
}

export const nextStep = (): void => goToStep((useLessonStore.getState().run?.step ?? -1) + 1);
export const previousStep = (): void => goToStep((useLessonStore.getState().run?.step ?? 0) - 1);

/** Puts the step back as the lesson gives it, dropping the student's edits on it. */
export function resetStep(): void {
  const run = useLessonStore.getState().run;
  if (run) goToStep(run.step);
}

/** Grades the current design with the step's check. */
export function checkStep(): CheckResult | null {
  const run = useLessonStore.getState().run;
  const check = run?.lesson.steps[run.step]?.check;
  if (!run || !check) return null;
  const design = useDesignStore.getState().doc.design;
  const result = gradeCheck(design, check);
  useLessonStore.setState({ run: { ...run, graded: { design, result } } });
  return result;
}

/** Reveals the step's next hint. */
export function showHint(): void {
  const run = useLessonStore.getState().run;
  const hints = run?.lesson.steps[run.step]?.hints ?? [];
  if (run && run.hints < hints.length) useLessonStore.setState({ run: { ...run, hints: run.hints + 1 } });
}

export function setPresenting(presenting: boolean): void {
  if (useLessonStore.getState().run) useLessonStore.setState({ presenting });
}

/** Ends the lesson: the user's document and its undo history come back exactly as they were. */
export function leaveLesson(): void {
  const { aside, run } = useLessonStore.getState();
  if (!run) return;
  stopWatching();
  if (aside) {
    useDesignStore.getState().replaceDoc(aside.doc);
    useDesignStore.temporal.setState({ pastStates: aside.past, futureStates: aside.future });
  }
  useLessonStore.setState({ run: null, presenting: false, aside: null });
}

/** The document autosave keeps: the user's, also while a lesson shows its steps in its place. */
export function userDocument(): DesignDocument {
  return useLessonStore.getState().aside?.doc ?? useDesignStore.getState().doc;
}

/** The grade to show: the last one, while the design it graded is still the current one. */
export function currentGrade(run: LessonRun | null, design: Design): CheckResult | null {
  return run?.graded && run.graded.design === design ? run.graded.result : null;
}
