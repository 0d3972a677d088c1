/** The toolbar's picture menu: SVG, PNG at a chosen scale, draw.io, and the PNG to the clipboard. */
import { useRef, useState } from 'react';
import { copyPicture, downloadPicture } from './picture';
import { useDismiss } from '../panels/use-dismiss';

const SCALES = [1, 2, 3, 4] as const;

export function PictureMenu() {
  const [scale, setScale] = useState<number>(2);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismiss(menu);
  const run = (f: () => Promise<void>) => {
    if (menu.current) menu.current.open = false;
    void f();
  };
  return (
    <details className="menu" ref={menu} data-testid="picture-menu">
      <summary title="The whole design as a picture, with its lines, a title and a legend">Picture</summary>
      <div className="menu-body" role="menu">
        <button
          type="button"
          role="menuitem"
          data-testid="picture-svg"
          onClick={() => run(() => downloadPicture('svg'))}
        >
          SVG (vector)
        </button>
        <div className="menu-row">
          <button
            type="button"
            role="menuitem"
            data-testid="picture-png"
            onClick={() => run(() => downloadPicture('png', scale))}
          >
            PNG
          </button>
          <label>
            scale{' '}
            <select data-testid="picture-scale" value={scale} onChange={(e) => setScale(Number(e.target.value))}>
              {SCALES.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
        </div>
        <button
          type="button"
          role="menuitem"
          data-testid="picture-drawio"
          title="diagrams.net file: VNets and subnets as groups, lines as edges"
          onClick={() => run(() => downloadPicture('drawio'))}
        >
          draw.io
        </button>
        <button type="button" role="menuitem" data-testid="picture-copy" onClick={() => run(() => copyPicture(scale))}>
          Copy PNG to clipboard
        </button>
      </div>
    </details>
  );
}
