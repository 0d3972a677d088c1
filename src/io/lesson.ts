/**
 * Reading a lesson file: size and hostile-key checks → format and version → migrations → the lesson schema →
 * what the schema cannot say (unique step ids, known faults and rules) → the start design through the design
 * file's own loader. Never throws: every problem names the path of the field that caused it.
 */
import { faultById, ruleById, type Design, type Lesson, type LessonCheck } from '../core/index';
import { checkInputSize, findHostileKeys } from './hostile';
import { loadDocument } from './load';
import { formatIssue, formatPath, pickIssues, type LoadError } from './load-error';
import { runMigrations, type Migration, type RawDocument } from './migrations';
import { CURRENT_LESSON_VERSION, LESSON_FORMAT, lessonFileSchema, type ParsedLessonFile } from './lesson-schema';
import { CURRENT_SCHEMA_VERSION, DOCUMENT_FORMAT } from './schema';

export { CURRENT_LESSON_VERSION, LESSON_FORMAT, LESSON_LIMITS } from './lesson-schema';

/** Every migration of the lesson file ever shipped, oldest first (none yet: version 1 is the first). */
export const LESSON_MIGRATIONS: readonly Migration[] = [];

export type LessonParse =
  { ok: true; lesson: Lesson; warnings: string[] } | { ok: false; message: string; errors: LoadError[] };

const MAX_SHOWN = 20;

function fail(errors: LoadError[]): LessonParse {
  const lines = errors.slice(0, MAX_SHOWN).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  if (errors.length > MAX_SHOWN) lines.push(`… and ${errors.length - MAX_SHOWN} more`);
  return { ok: false, message: `not a valid lesson file:\n${lines.join('\n')}`, errors };
}

function toJson(input: unknown): { value: unknown } | LoadError {
  if (typeof input !== 'string') return { value: input };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const tooLarge = checkInputSize(text);
  if (tooLarge) return tooLarge;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { path: '', message: `not valid JSON: ${(e as Error).message}` };
  }
}

function checkHeader(value: unknown): LoadError | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { path: '', message: 'expected a lesson file (a JSON object)' };
  const raw = value as RawDocument;
  if (raw.format !== LESSON_FORMAT) {
    const got = raw.format === undefined ? 'it is missing' : `got ${JSON.stringify(raw.format)}`;
    return { path: 'format', message: `expected "${LESSON_FORMAT}"; ${got}` };
  }
  const v = raw.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    return { path: 'schemaVersion', message: `expected an integer ≥ 1, got ${JSON.stringify(v) ?? 'nothing'}` };
  if (v > CURRENT_LESSON_VERSION)
    return {
      path: 'schemaVersion',
      message: `this lesson has schema version ${v}, newer than this app reads (${CURRENT_LESSON_VERSION}); open it with a newer version of aksnet`,
    };
  return null;
}

/** The rule ids a check names, with the path of each. */
function checkRules(check: LessonCheck, path: string): { rule: string; path: string }[] {
  if (check.kind === 'all') return check.of.flatMap((c, i) => checkRules(c, `${path}.of[${i}]`));
  return check.kind === 'finding' || check.kind === 'no-finding' ? [{ rule: check.rule, path: `${path}.rule` }] : [];
}

/** What the schema cannot say: step ids are unique, faults and rules exist. */
function checkReferences(lesson: ParsedLessonFile['lesson']): LoadError[] {
  const errors: LoadError[] = [];
  const seen = new Map<string, number>();
  lesson.steps.forEach((step, i) => {
    const at = `lesson.steps[${i}]`;
    const first = seen.get(step.id);
    if (first !== undefined)
      errors.push({ path: `${at}.id`, message: `step id "${step.id}" is already used by step ${first + 1}` });
    else seen.set(step.id, i);
    if (step.fault && !faultById(step.fault.id))
      errors.push({ path: `${at}.fault.id`, message: `unknown fault "${step.fault.id}"` });
    const rules = [
      ...(step.check ? checkRules(step.check, `${at}.check`) : []),
      ...(step.highlight ?? []).flatMap((h, j) =>
        h.kind === 'finding' ? [{ rule: h.rule, path: `${at}.highlight[${j}].rule` }] : [],
      ),
    ];
    for (const r of rules) if (!ruleById(r.rule)) errors.push({ path: r.path, message: `unknown rule "${r.rule}"` });
  });
  return errors;
}

/** The start design through the design file's loader; its error paths are given from the lesson file's root. */
function loadStartDesign(design: unknown, version: number | undefined, title: string) {
  const doc = {
    format: DOCUMENT_FORMAT,
    schemaVersion: version ?? CURRENT_SCHEMA_VERSION,
    meta: { name: title },
    design,
  };
  const loaded = loadDocument(doc);
  const rebase = (p: string) => (p.startsWith('design') ? `lesson.start.${p}` : `lesson.start.${p || 'design'}`);
  if (!loaded.ok) return { errors: loaded.errors.map((e) => ({ path: rebase(e.path), message: e.message })) };
  return { design: loaded.doc.design, warnings: loaded.warnings.map((w) => `lesson.start.${w}`) };
}

function schemaErrors(raw: unknown): LoadError[] | ParsedLessonFile {
  try {
    const parsed = lessonFileSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    return pickIssues(parsed.error.issues).map((i) => ({ path: formatPath(i.path), message: formatIssue(i, raw) }));
  } catch (e) {
    return [{ path: '', message: `not a lesson file: a value could not be checked (${(e as Error).message})` }];
  }
}

/** Reads a lesson file from JSON text or a parsed value. Never throws. */
export function parseLesson(input: string | unknown): LessonParse {
  const json = toJson(input);
  if ('path' in json) return fail([json]);
  const hostile = findHostileKeys(json.value);
  if (hostile.length > 0) return fail(hostile);
  const header = checkHeader(json.value);
  if (header) return fail([header]);
  const migrated = runMigrations(json.value as RawDocument, LESSON_MIGRATIONS, CURRENT_LESSON_VERSION);
  if (!migrated.ok) return fail([{ path: 'schemaVersion', message: migrated.message }]);
  const parsed = schemaErrors(migrated.doc);
  if (Array.isArray(parsed)) return fail(parsed);
  const refs = checkReferences(parsed.lesson);
  if (refs.length > 0) return fail(refs);
  const { start, ...rest } = parsed.lesson;
  if ('template' in start) return { ok: true, lesson: { ...rest, start } as Lesson, warnings: [] };
  const loaded = loadStartDesign(start.design, start.schemaVersion, rest.title);
  if (!loaded.design) return fail(loaded.errors);
  return { ok: true, lesson: { ...rest, start: { design: loaded.design } } as Lesson, warnings: loaded.warnings };
}

/** Checks a step's design with the design file's schema and reference checks; null when it would load. */
export function checkStepDesign(design: Design): string | null {
  const loaded = loadStartDesign(design, undefined, 'step');
  if (loaded.design) return null;
  const [first] = loaded.errors;
  return first ? `${first.path.replace(/^lesson\.start\./, '')}: ${first.message}` : null;
}

/** A lesson file's text, two-space indented with a final newline, as the design file is written. */
export function serializeLesson(lesson: Lesson): string {
  const file = { format: LESSON_FORMAT, schemaVersion: CURRENT_LESSON_VERSION, lesson };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The design a lesson starts from: its own, or the bundled template it names (`readTemplate` gives the
 * template file's text or value, undefined when there is none).
 */
export function lessonStart(
  lesson: Lesson,
  readTemplate: (name: string) => unknown,
): { ok: true; design: Design } | { ok: false; message: string } {
  if ('design' in lesson.start) return { ok: true, design: lesson.start.design };
  const name = lesson.start.template;
  const text = readTemplate(name);
  if (text === undefined) return { ok: false, message: `lesson.start.template: no bundled template "${name}"` };
  const loaded = loadDocument(text);
  if (!loaded.ok) {
    const [e] = loaded.errors;
    return { ok: false, message: `template ${name}: ${e ? `${e.path}: ${e.message}` : 'cannot be loaded'}` };
  }
  return { ok: true, design: loaded.doc.design };
}
