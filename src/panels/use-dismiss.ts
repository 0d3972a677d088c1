/** Toolbar menus (a `<details>`) close as menus do: on a press outside them, or on Escape. */
import { useEffect, type RefObject } from 'react';

export function useDismiss(ref: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const d = ref.current;
      if (d?.open && !d.contains(e.target as Node)) d.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      const d = ref.current;
      if (e.key !== 'Escape' || !d?.open) return;
      d.open = false;
      // Focus goes back to the menu's button, as after closing any menu.
      d.querySelector('summary')?.focus();
    };
    // Capture: the canvas stops some presses from reaching the document.
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [ref]);
}
