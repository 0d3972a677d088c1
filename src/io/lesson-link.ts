/**
 * Lesson links: a lesson that is not bundled travels in the link as its file, compact JSON compressed with
 * lz-string like a design's share link; decoding goes through parseLesson, so a linked lesson gets exactly the
 * checks a lesson file gets. Never throws.
 */
import LZString from 'lz-string';
import type { Lesson } from '../core/index';
import { MAX_INPUT_CHARS } from './hostile';
import { parseLesson } from './lesson';
import { expandLinkPayload } from './lz-link';

/** The lesson, and the lesson file text the link carried. */
export type LessonLinkResult = { ok: true; lesson: Lesson; text: string } | { ok: false; message: string };

/** The link payload of a lesson file's text (compacted when it is JSON, as a lesson file is). */
export function encodeLessonLink(lessonFileText: string): string {
  let compact = lessonFileText;
  try {
    compact = JSON.stringify(JSON.parse(lessonFileText));
  } catch {
    // Not JSON: the decoder's parseLesson says why, as it would for the file.
  }
  return LZString.compressToEncodedURIComponent(compact);
}

export function decodeLessonLink(payload: string): LessonLinkResult {
  const link = expandLinkPayload(payload, 'the lesson link', MAX_INPUT_CHARS);
  if (!link.ok) return link;
  const r = parseLesson(link.text);
  return r.ok ? { ok: true, lesson: r.lesson, text: link.text } : { ok: false, message: r.message };
}
