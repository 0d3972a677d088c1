import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeLessonLink, encodeLessonLink } from './lesson-link';

const text = readFileSync(new URL('../../examples/lessons/egress-firewall.json', import.meta.url), 'utf8');

describe('lesson links', () => {
  it('carry a lesson file compacted: the decoded lesson is the file’s, the text its compact JSON', () => {
    const payload = encodeLessonLink(text);
    expect(payload).toBe(LZString.compressToEncodedURIComponent(JSON.stringify(JSON.parse(text))));
    const r = decodeLessonLink(payload);
    expect(r.ok && r.lesson.id).toBe('egress-firewall');
    expect(r.ok && JSON.parse(r.text)).toEqual(JSON.parse(text));
  });

  it('get the checks a lesson file gets', () => {
    const r = decodeLessonLink(encodeLessonLink('{"format": "aksnet-lesson", "schemaVersion": 1}'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^not a valid lesson file:/);
  });

  it('refuse damaged, empty and oversized links with the reason', () => {
    expect(decodeLessonLink('')).toEqual({ ok: false, message: 'the lesson link is empty' });
    expect(decodeLessonLink('abc def')).toEqual({
      ok: false,
      message: 'the lesson link is damaged: it contains characters a link never has',
    });
    expect(decodeLessonLink('x'.repeat(2_000_001))).toEqual({
      ok: false,
      message: 'the lesson link is too long (2,000,001 characters; the limit is 2,000,000)',
    });
    expect(decodeLessonLink('AAAA')).toEqual({
      ok: false,
      message: 'the lesson link is damaged: it could not be decompressed',
    });
  });
});
