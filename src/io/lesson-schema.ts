/**
 * The lesson file's schema: `{ format: "aksnet-lesson", schemaVersion, lesson }`. Every string and list is
 * bounded; the start design is checked afterwards by the design file's own loader (lesson.ts).
 */
import { z } from 'zod';
import { NETPOL_PROTOCOLS, type LessonCheck } from '../core/index';
import { idSchema, LIMITS } from './schema-primitives';

export const LESSON_FORMAT = 'aksnet-lesson';
export const CURRENT_LESSON_VERSION = 1;

export const LESSON_LIMITS = {
  /** Most steps in one lesson. */
  steps: 100,
  /** Most changes in one step. */
  changes: 200,
  /** Longest step text, in characters (several paragraphs). */
  text: 8000,
  /** Most hints per step, and the longest one. */
  hints: 10,
  hint: 1000,
  /** Most highlights per step. */
  highlights: 50,
  /** Deepest nesting of `all` checks. */
  checkDepth: 4,
  /** Most checks in one `all`. */
  checks: 50,
  /** Longest URL. */
  url: 2000,
} as const;

const shortText = z.string().min(1).max(LIMITS.name);
const url = z
  .string()
  .max(LESSON_LIMITS.url)
  .refine((s) => /^https:\/\//.test(s), { message: 'expected an https:// link' });
const jsonObject = z.record(z.string().max(LIMITS.name), z.unknown());

const opSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('set'), id: idSchema, field: shortText, value: z.unknown() }),
  z.strictObject({ op: z.literal('unset'), id: idSchema, field: shortText }),
  z.strictObject({ op: z.literal('add'), list: shortText, parentId: idSchema.optional(), element: jsonObject }),
  z.strictObject({ op: z.literal('remove'), id: idSchema }),
]);

const flowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('egress'), fromPoolId: idSchema, to: idSchema }),
  z.strictObject({ kind: z.literal('ingress'), toPoolId: idSchema, via: shortText.optional() }),
]);

const leafChecks = [
  z.strictObject({ kind: z.literal('no-finding'), rule: shortText, subjectId: idSchema.optional() }),
  z.strictObject({ kind: z.literal('finding'), rule: shortText, subjectId: idSchema.optional() }),
  z.strictObject({
    kind: z.literal('trace'),
    flow: flowSchema,
    outcome: z.enum(['delivered', 'dropped', 'blocked']),
  }),
  z.strictObject({
    kind: z.literal('matrix'),
    clusterId: idSchema,
    from: shortText,
    to: shortText,
    port: z.number().int().min(1).max(65535),
    protocol: z.enum(NETPOL_PROTOCOLS as [string, ...string[]]),
    allowed: z.boolean(),
  }),
] as const;

/** Checks nest through `all` a bounded number of levels, so a hostile file cannot recurse without end. */
function checkSchema(depth: number): z.ZodType<LessonCheck> {
  const all =
    depth > 0
      ? [
          z.strictObject({
            kind: z.literal('all'),
            of: z
              .array(checkSchema(depth - 1))
              .min(1)
              .max(LESSON_LIMITS.checks),
          }),
        ]
      : [];
  return z.discriminatedUnion('kind', [...leafChecks, ...all]) as unknown as z.ZodType<LessonCheck>;
}

const highlightSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('element'), id: idSchema }),
  z.strictObject({ kind: z.literal('flow'), flow: flowSchema }),
  z.strictObject({ kind: z.literal('finding'), rule: shortText }),
  z.strictObject({ kind: z.literal('matrix'), clusterId: idSchema }),
]);

const stepSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  text: z.string().min(1).max(LESSON_LIMITS.text),
  changes: z.array(opSchema).max(LESSON_LIMITS.changes).optional(),
  fault: z.strictObject({ id: idSchema, target: idSchema.optional() }).optional(),
  highlight: z.array(highlightSchema).max(LESSON_LIMITS.highlights).optional(),
  check: checkSchema(LESSON_LIMITS.checkDepth).optional(),
  hints: z.array(z.string().min(1).max(LESSON_LIMITS.hint)).max(LESSON_LIMITS.hints).optional(),
  learnUrl: url.optional(),
});

const startSchema = z.union([
  z.strictObject({
    template: z.string().regex(/^[\w.-]+\.json$/, 'expected a template file name such as workshop-hub-spoke.json'),
  }),
  // The design's own schema version (of the design file format); absent means the current one.
  z.strictObject({ design: jsonObject, schemaVersion: z.number().int().min(1).optional() }),
]);

export const lessonSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  summary: z.string().min(1).max(LIMITS.text),
  sources: z.array(shortText).max(50).optional(),
  start: startSchema,
  steps: z.array(stepSchema).min(1).max(LESSON_LIMITS.steps),
});

export const lessonFileSchema = z.strictObject({
  format: z.literal(LESSON_FORMAT),
  schemaVersion: z.literal(CURRENT_LESSON_VERSION),
  lesson: lessonSchema,
});

export type ParsedLessonFile = z.infer<typeof lessonFileSchema>;
