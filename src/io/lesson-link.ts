/**
 * Lesson links: a lesson that is not bundled travels in the link as its file, compact JSON compressed with
 * lz-string like a design's share link; decoding goes through parseLesson, so a linked lesson gets exactly the
 * checks a lesson file gets. Never throws.
 */
import LZString from 'lz-string';
import type { Lesson } from '../core/index';
import { MAX_INPUT_CHARS } from './hostile';
import { parseLesson } from './lesson';
import { measureLzPayload } from './lz-size';
import { MAX_SHARE_PAYLOAD_CHARS } from './share-link';

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
  const fail = (message: string): LessonLinkResult => ({ ok: false, message });
  if (typeof payload !== 'string' || payload.length === 0) return fail('the lesson link is empty');
  if (payload.length > MAX_SHARE_PAYLOAD_CHARS)
    return fail(
      `the lesson link is too long (${payload.length.toLocaleString('en-US')} characters; the limit is ${MAX_SHARE_PAYLOAD_CHARS.toLocaleString('en-US')})`,
    );
  if (!/^[A-Za-z0-9+\-$]*$/.test(payload))
    return fail('the lesson link is damaged: it contains characters a link never has');
  // Measured before expanding: lz-string output can grow with the square of its input.
  const size = measureLzPayload(payload, MAX_INPUT_CHARS);
  if (size.kind === 'too-large')
    return fail(`the lesson link expands to more than ${MAX_INPUT_CHARS.toLocaleString('en-US')} characters`);
  let json: string | null = null;
  if (size.kind === 'ok') {
    try {
      json = LZString.decompressFromEncodedURIComponent(payload);
    } catch {
      json = null;
    }
  }
  if (!json) return fail('the lesson link is damaged: it could not be decompressed');
  const r = parseLesson(json);
  return r.ok ? { ok: true, lesson: r.lesson, text: json } : fail(r.message);
}
