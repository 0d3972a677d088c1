import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../core/index';
import { encodeLessonLink, newDocument, type DesignDocument } from '../io';
import { goToStep, leaveLesson, useDesignStore, useLessonStore, userDocument } from '../store';
import {
  BUNDLED_LESSONS,
  lessonLinkOf,
  openBundledLesson,
  openLessonLink,
  openLessonText,
  startDocument,
} from './lesson-open';
import { TEMPLATES } from './templates';
import { loadExample } from './test-support';

let mine: DesignDocument;
const banner = () => useDesignStore.getState().banner;
const run = () => useLessonStore.getState().run;

beforeEach(() => {
  leaveLesson();
  useDesignStore.getState().replaceDoc(newDocument('My design'));
  useDesignStore.getState().renameDesign('My design, edited');
  useDesignStore.getState().setBanner(null);
  mine = useDesignStore.getState().doc;
});

/** A lesson file of two steps on a bundled template (fixtures/lessons/two-steps-shrink.json); the second shrinks its node subnet. */
function lessonFile(template = 'seed-azure-cni.json'): string {
  const file = JSON.parse(readFileSync('fixtures/lessons/two-steps-shrink.json', 'utf8')) as {
    lesson: { start: { template: string } };
  };
  file.lesson.start.template = template;
  return JSON.stringify(file);
}

describe('opening lessons', () => {
  it('bundles lessons, each opening at every one of its steps, and leaving gives the user’s design back', () => {
    expect(BUNDLED_LESSONS.length).toBeGreaterThan(0);
    for (const { lesson } of BUNDLED_LESSONS) {
      expect(openBundledLesson(lesson.id), lesson.id).toBe(true);
      for (let i = 0; i < lesson.steps.length; i++) {
        goToStep(i);
        expect([lesson.id, run()!.step, run()!.error]).toEqual([lesson.id, i, null]);
      }
      expect(userDocument()).toBe(mine);
      leaveLesson();
      expect(useDesignStore.getState().doc).toBe(mine);
    }
  });

  it('starts a template lesson on the template with its layout', () => {
    const r = startDocument({ start: { template: 'seed-azure-cni.json' } } as Lesson);
    const template = loadExample('seed-azure-cni');
    expect('doc' in r && r.doc.layout).toEqual(template.layout);
    expect('doc' in r && r.doc.design).toEqual(template.design);
    expect(TEMPLATES.some((t) => t.file === 'seed-azure-cni')).toBe(true);
  });

  it('refuses a lesson on a template that is not bundled, and the design stays', () => {
    expect(openLessonText(lessonFile('no-such-template'), 'mine.json')).toBe(false);
    expect(banner()?.kind).toBe('error');
    expect(banner()?.text).toContain('"mine.json" could not be opened, your design is unchanged');
    expect(banner()?.text).toContain('no-such-template');
    expect(useDesignStore.getState().doc).toBe(mine);
    expect(run()).toBeNull();
  });

  it('refuses a file that is not a lesson, saying why, and the design stays', () => {
    expect(openLessonText('{"format": "aks-network-design"}', 'design.json')).toBe(false);
    expect(banner()?.text).toMatch(/^"design.json" could not be opened, your design is unchanged: /);
    expect(useDesignStore.getState().doc).toBe(mine);
  });

  it('refuses a link to a lesson that is not bundled', () => {
    expect(openBundledLesson('no-such-lesson')).toBe(false);
    expect(banner()?.text).toBe(
      'The lesson link could not be opened, your design is unchanged: no bundled lesson has the id "no-such-lesson"',
    );
  });

  it('carries a lesson file in its link, and the same link at another step moves the running lesson', () => {
    const payload = encodeLessonLink(lessonFile());
    expect(openLessonLink({ kind: 'file', payload, step: 1 })).toBe(true);
    const opened = run()!;
    expect(opened.lesson.id).toBe('file-lesson');
    expect(opened.step).toBe(1);
    expect(useDesignStore.getState().doc.design.vnets[0]!.subnets[0]!.cidr).toBe('10.1.0.0/25');
    expect(lessonLinkOf(opened)).toEqual({ kind: 'file', payload, step: 1 });
    expect(openLessonLink({ kind: 'file', payload, step: 0 })).toBe(true);
    expect(run()!.lesson).toBe(opened.lesson);
    expect(run()!.step).toBe(0);
    expect(userDocument()).toBe(mine);
  });

  it('a file lesson’s link opens the same lesson again', () => {
    openLessonText(lessonFile(), 'lesson.json');
    const link = lessonLinkOf({ ...run()!, step: 1 });
    leaveLesson();
    expect(openLessonLink(link)).toBe(true);
    expect([run()!.lesson.title, run()!.step]).toEqual(['A lesson from a file', 1]);
  });

  it('refuses a damaged lesson link', () => {
    expect(openLessonLink({ kind: 'file', payload: 'not a payload!', step: 0 })).toBe(false);
    expect(banner()?.text).toBe(
      'The lesson link could not be opened, your design is unchanged: the lesson link is damaged: it contains characters a link never has',
    );
    expect(useDesignStore.getState().doc).toBe(mine);
  });
});
