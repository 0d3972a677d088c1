import { describe, expect, it } from 'vitest';
import { hashOfLesson, lessonOfHash } from './lesson-hash';

describe('lesson links in the hash', () => {
  it('reads a bundled lesson and its step, counted from 1', () => {
    expect(lessonOfHash('#lesson=kubenet-vs-cni&step=3')).toEqual({ kind: 'bundled', id: 'kubenet-vs-cni', step: 2 });
    expect(lessonOfHash('#lesson=a')).toEqual({ kind: 'bundled', id: 'a', step: 0 });
  });

  it('opens the first step for a step that is not a whole number from 1', () => {
    for (const s of ['0', '-2', '1.5', 'x', ''])
      expect(lessonOfHash(`#lesson=a&step=${s}`)).toEqual({ kind: 'bundled', id: 'a', step: 0 });
  });

  it('reads a lesson carried as a payload; lz-string URI output survives URLSearchParams', () => {
    // '+' would read as a space in a query string, so the payload is taken from the raw text.
    const payload = 'N4Ig+lBcIA$-x';
    const hash = hashOfLesson({ kind: 'file', payload, step: 4 });
    expect(hash).toBe(`#lessonfile=${payload}&step=5`);
    expect(lessonOfHash(hash)).toEqual({ kind: 'file', payload, step: 4 });
  });

  it('leaves other hashes alone', () => {
    expect(lessonOfHash('#d=abc')).toBeNull();
    expect(lessonOfHash('')).toBeNull();
    expect(lessonOfHash('#lessons')).toBeNull();
  });

  it('round-trips a bundled id that needs escaping', () => {
    const link = { kind: 'bundled' as const, id: 'a b&c', step: 1 };
    expect(lessonOfHash(hashOfLesson(link))).toEqual(link);
  });
});
