import { beforeEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../core/index';
import { oneClusterDesign } from '../core/ipam/test-design';
import { newDocument, type DesignDocument } from '../io';
import { redo, undo, useDesignStore } from './design-store';
import {
  checkStep,
  currentGrade,
  goToStep,
  leaveLesson,
  nextStep,
  openLesson,
  previousStep,
  resetStep,
  showHint,
  useLessonStore,
  userDocument,
} from './lesson';

// The node subnet of oneClusterDesign is a /22 (1,019 usable); 3 nodes + 1 surge, 30 pods each: 3 + 1 + 120 = 124
// addresses. A /26 has 64 − 5 = 59 usable: subnet-too-small. A /25 has 123: still too small. A /24, 251: fits.
const START = oneClusterDesign({});
const lesson: Lesson = {
  id: 'test',
  title: 'A test lesson',
  summary: 'Shrinks a subnet, then asks for it back.',
  start: { design: START },
  steps: [
    { id: 'intro', title: 'The cluster', text: 'One cluster.' },
    {
      id: 'break',
      title: 'Too small',
      text: 'Repair the subnet.',
      changes: [{ op: 'set', id: 'nodes', field: 'cidr', value: '10.240.0.0/26' }],
      check: { kind: 'no-finding', rule: 'subnet-too-small' },
      hints: ['Look at the node subnet.', 'A /24 holds 251.'],
    },
    { id: 'outro', title: 'Done', text: 'Fixed.' },
  ],
};

const startDoc = (): DesignDocument => ({ ...newDocument('Lesson start'), design: START });
const design = () => useDesignStore.getState().doc.design;
const cidr = () => design().vnets[0]!.subnets[0]!.cidr;
const setCidr = (c: string) => useDesignStore.getState().updateDesign((d) => void (d.vnets[0]!.subnets[0]!.cidr = c));
const run = () => useLessonStore.getState().run!;

let mine: DesignDocument;

beforeEach(() => {
  leaveLesson();
  useLessonStore.setState({ run: null, presenting: false, aside: null });
  useDesignStore.getState().replaceDoc(newDocument('My design'));
  useDesignStore.temporal.getState().clear();
  useDesignStore.getState().setBanner(null);
  // Two edits of the user's own: two undo steps to keep.
  useDesignStore.getState().renameDesign('My design v2');
  useDesignStore.getState().renameDesign('My design v3');
  mine = useDesignStore.getState().doc;
});

describe('the lesson runner', () => {
  it('shows each step with the earlier steps applied, forward and back', () => {
    expect(openLesson(lesson, startDoc(), { source: { kind: 'bundled' } })).toBeNull();
    expect(cidr()).toBe('10.240.0.0/22');
    nextStep();
    expect(run().step).toBe(1);
    expect(cidr()).toBe('10.240.0.0/26');
    nextStep();
    // The change of step 1 stays for step 2.
    expect(cidr()).toBe('10.240.0.0/26');
    nextStep();
    expect(run().step).toBe(2);
    previousStep();
    previousStep();
    expect(run().step).toBe(0);
    expect(cidr()).toBe('10.240.0.0/22');
    previousStep();
    expect(run().step).toBe(0);
  });

  it('keeps the user’s document and history aside, autosaves that one, and puts both back on leaving', async () => {
    openLesson(lesson, startDoc(), { source: { kind: 'bundled' }, step: 1 });
    expect(useDesignStore.getState().doc).not.toBe(mine);
    expect(userDocument()).toBe(mine);
    setCidr('10.240.0.0/24');
    nextStep();
    previousStep();
    await Promise.resolve();
    // Its own steps are not something else loaded: the lesson runs on, with the user's design still aside.
    expect(useLessonStore.getState().run?.step).toBe(1);
    expect(userDocument()).toBe(mine);
    expect(useDesignStore.getState().banner).toBeNull();
    leaveLesson();
    expect(useLessonStore.getState().run).toBeNull();
    expect(useDesignStore.getState().doc).toBe(mine);
    expect(userDocument()).toBe(mine);
    // The user's two undo steps are there again, and nothing of the lesson.
    undo();
    expect(useDesignStore.getState().doc.meta.name).toBe('My design v2');
    undo();
    expect(useDesignStore.getState().doc.meta.name).toBe('My design');
    redo();
    redo();
    expect(useDesignStore.getState().doc).toBe(mine);
  });

  it('grades the student’s repair made through the normal edit path; the grade lasts until the design changes', () => {
    openLesson(lesson, startDoc(), { source: { kind: 'bundled' }, step: 1 });
    const failed = checkStep()!;
    expect(failed.passed).toBe(false);
    expect(currentGrade(run(), design())).toBe(failed);
    setCidr('10.240.0.0/25');
    expect(currentGrade(run(), design())).toBeNull();
    expect(checkStep()!.passed).toBe(false);
    setCidr('10.240.0.0/24');
    expect(checkStep()!.passed).toBe(true);
    // The student's edits are undoable within the step, but an undo never leaves the step.
    undo();
    undo();
    undo();
    expect(cidr()).toBe('10.240.0.0/26');
    expect(useDesignStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('reveals hints one at a time and reset puts the step back', () => {
    openLesson(lesson, startDoc(), { source: { kind: 'bundled' }, step: 1 });
    showHint();
    expect(run().hints).toBe(1);
    showHint();
    showHint();
    expect(run().hints).toBe(2);
    setCidr('10.240.0.0/24');
    resetStep();
    expect(cidr()).toBe('10.240.0.0/26');
    expect(run().hints).toBe(0);
  });

  it('refuses a step it cannot reach and stays where it is', () => {
    openLesson(lesson, startDoc(), { source: { kind: 'bundled' } });
    goToStep(7);
    expect(run().step).toBe(0);
    expect(openLesson({ ...lesson, steps: [] }, startDoc(), { source: { kind: 'bundled' } })).toEqual({
      error: 'the lesson has no steps',
    });
  });

  it('a lesson opened over another keeps the user’s design aside, not the first lesson’s step', () => {
    openLesson(lesson, startDoc(), { source: { kind: 'bundled' }, step: 1 });
    openLesson({ ...lesson, id: 'other' }, startDoc(), { source: { kind: 'bundled' } });
    expect(userDocument()).toBe(mine);
    leaveLesson();
    expect(useDesignStore.getState().doc).toBe(mine);
  });

  it('anything else loaded ends the lesson, with the user’s design one undo back', async () => {
    openLesson(lesson, startDoc(), { source: { kind: 'bundled' }, step: 1 });
    useDesignStore.getState().replaceDoc(newDocument('Opened file'));
    await Promise.resolve();
    expect(useDesignStore.getState().banner?.text).toBe(
      'The lesson "A test lesson" ended. Undo brings back your design "My design v3".',
    );
    expect(useLessonStore.getState().run).toBeNull();
    expect(userDocument().meta.name).toBe('Opened file');
    undo();
    expect(useDesignStore.getState().doc).toBe(mine);
    undo();
    expect(useDesignStore.getState().doc.meta.name).toBe('My design v2');
  });
});
