/**
 * When a field's typed value reaches the design: on Enter, on blur, or after a pause on a valid value; never on
 * each keystroke (a valid prefix such as "10.1.0.0/3" of "10.1.0.0/33" would otherwise be written). Every write
 * of one edit (a pause, then Enter) joins one undo step; Escape takes the edit back.
 */
import { useEffect, useRef } from 'react';
import type { DesignDocument } from '../io';
import { joinLastStep, undo, useDesignStore } from '../store';

/**
 * The pause after which a valid value is written: longer than the gap between keystrokes of someone typing an
 * address (about 150-400 ms), short enough that the plan follows soon after they stop.
 */
export const COMMIT_PAUSE_MS = 600;

export interface Commit<T> {
  /** The typed value is valid: write it after the pause unless more typing comes first. */
  later: (value: T) => void;
  /** Enter or blur: write now. */
  now: (value: T) => void;
  /** The typed value is invalid: nothing pending is written. */
  drop: () => void;
  /** Escape: forget what is pending and take back what this edit wrote. */
  revert: () => void;
  /** The edit is over (blur): the next write starts a new undo step. */
  end: () => void;
}

export function useCommit<T>(write: (value: T) => void): Commit<T> {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ value: T } | null>(null);
  // The document right after this edit's last write: a later write joins its step while nothing else changed.
  const wrote = useRef<DesignDocument | null>(null);
  const writeRef = useRef(write);
  writeRef.current = write;

  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  };
  const apply = (value: T) => {
    cancel();
    const join = wrote.current !== null && useDesignStore.getState().doc === wrote.current;
    if (join) joinLastStep(() => writeRef.current(value));
    else writeRef.current(value);
    wrote.current = useDesignStore.getState().doc;
  };
  // A field removed with a value still pending (the selection changed) writes it rather than lose it.
  useEffect(
    () => () => {
      const p = pending.current;
      if (p) apply(p.value);
    },
    [],
  );
  return {
    later: (value) => {
      cancel();
      pending.current = { value };
      timer.current = setTimeout(() => apply(value), COMMIT_PAUSE_MS);
    },
    now: apply,
    drop: cancel,
    revert: () => {
      cancel();
      if (wrote.current && useDesignStore.getState().doc === wrote.current) undo();
      wrote.current = null;
    },
    end: () => {
      wrote.current = null;
    },
  };
}
