/**
 * The text input of an inspector field (one value, or one row of a list). Enter completes the edit; Escape takes
 * back what it wrote (use-commit.ts) and shows the value from before it; leaving the input completes the edit and
 * ends it, so the next write starts a new undo step.
 */
import type { Commit } from './use-commit';

export interface EditInputProps {
  id: string;
  text: string;
  commit: Pick<Commit<unknown>, 'revert' | 'end'>;
  invalid: boolean;
  label?: string;
  describedBy?: string;
  onText: (text: string) => void;
  /** Enter or blur: write the typed value if it is valid and new. */
  onComplete: () => void;
  /** Escape, after the revert: show the value from before the edit. */
  onRevert: () => void;
  /** Focus: remember the value the edit starts from. */
  onStart: () => void;
}

export function EditInput(p: EditInputProps) {
  return (
    <input
      id={p.id}
      data-testid={p.id}
      type="text"
      value={p.text}
      spellCheck={false}
      aria-label={p.label}
      aria-invalid={p.invalid}
      aria-describedby={p.describedBy}
      onChange={(e) => p.onText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') p.onComplete();
        else if (e.key === 'Escape') {
          p.commit.revert();
          p.onRevert();
        }
      }}
      onFocus={p.onStart}
      onBlur={() => {
        p.onComplete();
        p.commit.end();
      }}
    />
  );
}
