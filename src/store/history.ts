/** Undo history helpers for edits that reach the design in several writes but are one step for the user. */
import { useDesignStore } from './design-store';

/** Runs a design write without a new undo step: it joins the step taken by the write before it. */
export function joinLastStep(write: () => void): void {
  const t = useDesignStore.temporal.getState();
  t.pause();
  try {
    write();
  } finally {
    t.resume();
  }
}
