/**
 * `aksnet lesson LESSON.json [--step N] [--check DESIGN.json] [-o FILE] [--json]`: prints a lesson's steps (or
 * one step with its hints), writes the design a step shows, and grades a design against a step's check.
 * Exit codes: 0 ok or passed, 1 the check failed, 2 unreadable input or bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  flowName,
  gradeCheck,
  lessonStepDesign,
  type Lesson,
  type LessonCheck,
  type LessonStep,
} from '../../src/core/index';
import { checkStepDesign, lessonStart, parseLesson, serializeDocument, newDocument } from '../../src/io';
import type { Command, CliIo } from '../io';
import { EXIT_INPUT, OUTPUT_AND_JSON, usageError, parseCommandArgs, printable, readDesign } from '../read-design';

export const LESSON_USAGE = 'aksnet lesson LESSON.json [--step N] [--check DESIGN.json] [-o FILE] [--json]';

const BUNDLED = fileURLToPath(new URL('../../examples/', import.meta.url));

/** A template named by a lesson: beside the lesson, one folder up (examples/lessons → examples), or bundled. */
function templateReader(lessonFile: string) {
  const dirs = [dirname(lessonFile), join(dirname(lessonFile), '..'), BUNDLED];
  return (name: string): string | undefined => {
    for (const d of dirs) {
      const p = join(d, name);
      if (existsSync(p)) return readFileSync(p, 'utf8');
    }
    return undefined;
  };
}

function describeCheck(c: LessonCheck): string {
  switch (c.kind) {
    case 'finding':
      return `${c.rule} is reported${c.subjectId ? ` on ${c.subjectId}` : ''}`;
    case 'no-finding':
      return `no ${c.rule} finding${c.subjectId ? ` on ${c.subjectId}` : ''}`;
    case 'trace': {
      return `${flowName(c.flow)} ${c.outcome}`;
    }
    case 'matrix':
      return `${c.from} → ${c.to} ${c.protocol} ${c.port} ${c.allowed ? 'allowed' : 'denied'}`;
    case 'all':
      return c.of.map(describeCheck).join('; ');
  }
}

function stepLines(step: LessonStep, n: number, full: boolean): string[] {
  const out = [`${n}. ${printable(step.title)}${step.fault ? '  [break it]' : step.check ? '  [check]' : ''}`];
  if (full)
    out.push(
      '',
      ...printable(step.text)
        .split('\n')
        .map((l) => (l ? `   ${l}` : '')),
      '',
    );
  if (step.fault) out.push(`   fault: ${step.fault.id}${step.fault.target ? ` on ${step.fault.target}` : ''}`);
  if (step.check) out.push(`   check: ${printable(describeCheck(step.check))}`);
  if (full) (step.hints ?? []).forEach((h, i) => out.push(`   hint ${i + 1}: ${printable(h)}`));
  if (full && step.learnUrl) out.push(`   learn: ${step.learnUrl}`);
  return out;
}

function printLesson(lesson: Lesson, io: CliIo): void {
  const lines = [printable(lesson.title), printable(lesson.summary), ''];
  lesson.steps.forEach((s, i) => lines.push(...stepLines(s, i + 1, false)));
  io.out(`${lines.join('\n')}\n`);
}

function stepIndex(value: unknown, lesson: Lesson, io: CliIo): number | null {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > lesson.steps.length) {
    io.err(`aksnet: --step expects a step number from 1 to ${lesson.steps.length}, got ${printable(String(value))}\n`);
    return null;
  }
  return n - 1;
}

async function gradeStep(lesson: Lesson, i: number, designFile: string, json: boolean, io: CliIo): Promise<number> {
  const step = lesson.steps[i]!;
  if (!step.check) {
    io.err(`aksnet: step ${i + 1} (${printable(step.id)}) has no check to grade\n`);
    return EXIT_INPUT;
  }
  const read = await readDesign(designFile, io);
  if (!read.ok) return read.exitCode;
  const r = gradeCheck(read.doc.design, step.check);
  if (json) io.out(`${JSON.stringify({ step: step.id, ...r }, null, 2)}\n`);
  else
    io.out(
      `${r.passed ? 'PASSED' : 'NOT YET'}: step ${i + 1}, ${printable(step.title)}\n${r.detail.map((d) => `  ${printable(d)}`).join('\n')}\n`,
    );
  return r.passed ? 0 : 1;
}

export const lessonCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(
    args,
    { step: { type: 'string' }, check: { type: 'string' }, ...OUTPUT_AND_JSON },
    LESSON_USAGE,
    io,
  );
  if (!parsed.ok) return parsed.exitCode;
  const { file, values } = parsed;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    io.err(`aksnet: ${printable(file)}: cannot read\n`);
    return EXIT_INPUT;
  }
  const lesson = parseLesson(text);
  if (!lesson.ok) {
    io.err(`aksnet: ${printable(file)}: ${printable(lesson.message)}\n`);
    return EXIT_INPUT;
  }
  if (values.step === undefined) {
    if (values.check !== undefined || values.output !== undefined) {
      return usageError(io, LESSON_USAGE, '--check and -o need --step');
    }
    if (values.json) io.out(`${JSON.stringify(lesson.lesson, null, 2)}\n`);
    else printLesson(lesson.lesson, io);
    return 0;
  }
  const i = stepIndex(values.step, lesson.lesson, io);
  if (i === null) return EXIT_INPUT;
  if (typeof values.check === 'string') return gradeStep(lesson.lesson, i, values.check, values.json === true, io);
  const step = lesson.lesson.steps[i]!;
  if (typeof values.output === 'string') {
    const start = lessonStart(lesson.lesson, templateReader(file));
    if (!start.ok) {
      io.err(`aksnet: ${printable(file)}: ${printable(start.message)}\n`);
      return EXIT_INPUT;
    }
    const at = lessonStepDesign(lesson.lesson, start.design, i, checkStepDesign);
    if ('error' in at) {
      io.err(`aksnet: ${printable(file)}: step ${printable(at.stepId)}: ${printable(at.error)}\n`);
      return EXIT_INPUT;
    }
    const doc = { ...newDocument(`${lesson.lesson.title}, step ${i + 1}`), design: at.design };
    await writeFile(values.output, serializeDocument(doc));
    io.out(`wrote the design of step ${i + 1} (${printable(step.title)}) to ${printable(values.output)}\n`);
    return 0;
  }
  io.out(`${stepLines(step, i + 1, true).join('\n')}\n`);
  return 0;
};
