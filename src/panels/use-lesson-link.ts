/**
 * The running lesson in the address bar (`#lesson=<id>&step=<n>`, or the lesson file itself for one that is not
 * bundled): a reload or a copied link comes back to the same step. Leaving the lesson drops the link. Also the
 * presenter's keys.
 */
import { useEffect } from 'react';
import { nextStep, previousStep, setPresenting, useDesignStore, useLessonStore } from '../store';
import { hashOfLesson, lessonOfHash } from './lesson-hash';
import { lessonLinkOf } from './lesson-open';

function replaceHash(hash: string): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
}

export function useLessonLinkSync(): void {
  useEffect(
    () =>
      useLessonStore.subscribe((s, prev) => {
        if (s.run === prev.run) return;
        if (s.run) {
          if (s.run.lesson === prev.run?.lesson && s.run.step === prev.run.step) return;
          const hash = hashOfLesson(lessonLinkOf(s.run));
          // replaceState: no hashchange, so the step is not opened again.
          if (location.hash !== hash) replaceHash(hash);
        } else if (lessonOfHash(location.hash)) replaceHash('');
      }),
    [],
  );
}

/** Puts the link of the current step in the address bar and copies it. */
export function copyLessonLink(): void {
  const run = useLessonStore.getState().run;
  if (!run) return;
  const hash = hashOfLesson(lessonLinkOf(run));
  replaceHash(hash);
  const url = `${location.origin}${location.pathname}${location.search}${hash}`;
  const store = useDesignStore.getState();
  const copied = navigator.clipboard ? navigator.clipboard.writeText(url) : Promise.reject(new Error('no clipboard'));
  copied.then(
    () => store.setBanner({ kind: 'info', text: 'Link to this step copied; it is also in the address bar.' }),
    () => store.setBanner({ kind: 'info', text: 'The link to this step is in the address bar; copy it from there.' }),
  );
}

function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}

const NEXT = new Set(['ArrowRight', 'PageDown', ' ']);
const BACK = new Set(['ArrowLeft', 'PageUp']);

/**
 * Presenter keys, caught before the canvas sees them (arrows would move a selected box): ArrowRight, PageDown and
 * Space step forward (what presentation clickers send), ArrowLeft and PageUp back, Escape leaves presenter mode.
 */
export function useLessonKeys(presenting: boolean): void {
  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
      if (NEXT.has(e.key)) nextStep();
      else if (BACK.has(e.key)) previousStep();
      else if (e.key === 'Escape') setPresenting(false);
      else return;
      // Also keeps Space from clicking the focused button a second time.
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [presenting]);
}
