import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hoverBox, setHovered, usePorts } from './ports';

describe('hoverBox', () => {
  const g = globalThis as { window?: unknown };
  let target: EventTarget;
  beforeEach(() => {
    // The pointer-up listener is all hoverBox asks of the window.
    target = new EventTarget();
    g.window = target;
    setHovered(null);
  });
  afterEach(() => {
    delete g.window;
  });

  it('gives the box under a free pointer its handles at once', () => {
    hoverBox('a', 0);
    expect(usePorts.getState().hovered).toBe('a');
    hoverBox(null, 0);
    expect(usePorts.getState().hovered).toBeNull();
  });

  it('leaves the boxes a drag crosses alone and gives the last one its handles when the button is released', () => {
    hoverBox('a', 0);
    hoverBox(null, 1);
    hoverBox('b', 1);
    hoverBox(null, 1);
    hoverBox('c', 1);
    expect(usePorts.getState().hovered).toBe('a');
    target.dispatchEvent(new Event('pointerup'));
    expect(usePorts.getState().hovered).toBe('c');
    // The next press listens afresh.
    hoverBox('d', 1);
    expect(usePorts.getState().hovered).toBe('c');
    target.dispatchEvent(new Event('pointerup'));
    expect(usePorts.getState().hovered).toBe('d');
  });
});
