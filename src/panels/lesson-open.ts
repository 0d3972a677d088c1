/**
 * Opening a lesson: bundled (examples/lessons/*.json, in the build: no request at runtime), from a file, or from
 * a link. Its start design is a bundled template by file name or a design of its own, loaded with the checks a
 * design file gets. A lesson that cannot be opened says why in the banner and the user's design stays.
 */
import type { Lesson } from '../core/index';
import {
  decodeLessonLink,
  encodeLessonLink,
  loadDocument,
  MAX_INPUT_CHARS,
  newDocument,
  parseLesson,
  type DesignDocument,
} from '../io';
import { goToStep, openLesson, useDesignStore, useLessonStore, type LessonRun, type LessonSource } from '../store';
import type { LessonLink } from './lesson-hash';
import { explainLoadErrors } from './open-result';
import { TEMPLATES } from './templates';

const FILES = import.meta.glob('../../examples/lessons/*.json', { eager: true, import: 'default' });

export interface BundledLesson {
  /** File name without .json. */
  file: string;
  lesson: Lesson;
}

/** The bundled lessons that parse, in file-name order (each is unit-tested to parse). */
export const BUNDLED_LESSONS: BundledLesson[] = Object.entries(FILES)
  .map(([path, raw]) => ({
    file: path
      .split('/')
      .pop()!
      .replace(/\.json$/, ''),
    r: parseLesson(JSON.stringify(raw)),
  }))
  .flatMap(({ file, r }) => (r.ok ? [{ file, lesson: r.lesson }] : []))
  .sort((a, b) => a.file.localeCompare(b.file));

export const bundledLesson = (id: string): Lesson | undefined =>
  BUNDLED_LESSONS.find((b) => b.lesson.id === id)?.lesson;

/** The document a lesson starts from, or why it has none. */
export function startDocument(lesson: Lesson): { doc: DesignDocument } | { error: string } {
  if ('template' in lesson.start) {
    const name = lesson.start.template.replace(/\.json$/, '');
    const t = TEMPLATES.find((x) => x.file === name);
    if (!t) return { error: `it starts from the template "${name}", which is not one of the bundled templates` };
    const r = loadDocument(t.doc);
    return r.ok ? { doc: r.doc } : { error: `its template "${name}" does not load: ${explainLoadErrors(r)}` };
  }
  const r = loadDocument({ ...newDocument(lesson.title), design: lesson.start.design });
  return r.ok ? { doc: r.doc } : { error: `its start design does not load: ${explainLoadErrors(r)}` };
}

function refuse(what: string, why: string): false {
  useDesignStore.getState().setBanner({
    kind: 'error',
    // The lesson reader lists its problems one a line; the banner is one line.
    text: `${what} could not be opened, your design is unchanged: ${why.replace(/:\n/g, ': ').replace(/\n/g, '; ')}`,
  });
  return false;
}

/** Opens a lesson at a step (0-based), or goes to that step when it is the lesson already running. */
export function startLesson(lesson: Lesson, source: LessonSource, step = 0, what = `The lesson "${lesson.title}"`) {
  const run = useLessonStore.getState().run;
  if (run && run.lesson === lesson) {
    const to = Math.min(step, lesson.steps.length - 1);
    // The same link handled twice (on start, then by the shell) leaves the step as it is.
    if (to !== run.step) goToStep(to);
    return true;
  }
  const start = startDocument(lesson);
  if ('error' in start) return refuse(what, start.error);
  const r = openLesson(lesson, start.doc, { source, step });
  if (r) return refuse(what, r.error);
  useDesignStore.getState().setBanner(null);
  return true;
}

export function openBundledLesson(id: string, step = 0): boolean {
  const lesson = bundledLesson(id);
  if (!lesson) return refuse('The lesson link', `no bundled lesson has the id "${id}"`);
  return startLesson(lesson, { kind: 'bundled' }, step);
}

/** A lesson file's text (already read), opened at its first step. */
export function openLessonText(text: string, name: string): boolean {
  const r = parseLesson(text);
  if (!r.ok) return refuse(`"${name}"`, r.message);
  return startLesson(r.lesson, { kind: 'file', name, text }, 0, `"${name}"`);
}

/** A lesson file chosen by the user: refused before it is read when it is larger than any file the app reads. */
export async function openLessonFile(file: File): Promise<boolean> {
  if (file.size > MAX_INPUT_CHARS)
    return refuse(
      `"${file.name}"`,
      `it is ${file.size.toLocaleString('en-US')} bytes; at most ${MAX_INPUT_CHARS.toLocaleString('en-US')} are read`,
    );
  return openLessonText(await file.text(), file.name);
}

/** The link payload of each file lesson opened: made once, kept as the link gave it. */
const payloads = new WeakMap<Lesson, string>();

/** The link that opens this lesson at this step. */
export function lessonLinkOf(run: LessonRun): LessonLink {
  if (run.source.kind === 'bundled') return { kind: 'bundled', id: run.lesson.id, step: run.step };
  let payload = payloads.get(run.lesson);
  if (payload === undefined) {
    payload = encodeLessonLink(run.source.text);
    payloads.set(run.lesson, payload);
  }
  return { kind: 'file', payload, step: run.step };
}

/** The lesson of a link in the hash; a running lesson the link names moves to the link's step. */
export function openLessonLink(link: LessonLink): boolean {
  if (link.kind === 'bundled') return openBundledLesson(link.id, link.step);
  const run = useLessonStore.getState().run;
  if (run && run.source.kind === 'file' && payloads.get(run.lesson) === link.payload)
    return startLesson(run.lesson, run.source, link.step);
  const r = decodeLessonLink(link.payload);
  if (!r.ok) return refuse('The lesson link', r.message);
  payloads.set(r.lesson, link.payload);
  return startLesson(r.lesson, { kind: 'file', name: 'the lesson link', text: r.text }, link.step, 'The lesson link');
}
