/**
 * Pictures of the whole design, drawn from the design and its layout (not from the viewport): the vector SVG,
 * a PNG rendered from that SVG at a chosen scale, the draw.io file, and the PNG copied to the clipboard.
 */
import { exportPicture, type PictureFormatId } from '../export';
import { fileNameFor } from '../export/file-names';
import { downloadBlob, planOf, useDesignStore } from '../store';

function currentPicture(format: PictureFormatId): string {
  const { doc } = useDesignStore.getState();
  return exportPicture(format, doc.design, planOf(doc.design), doc.layout.nodes, doc.meta.name);
}

/** Browsers refuse canvases above about 16k pixels a side or 268M pixels: the scale is lowered to stay inside. */
const MAX_SIDE = 16_000;
const MAX_PIXELS = 120_000_000;

/** The SVG drawn onto a canvas at `scale` device pixels per diagram pixel, as a PNG. */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const w = img.naturalWidth;
    const h = img.naturalHeight;
    const s = Math.min(scale, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_PIXELS / (w * h)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * s));
    canvas.height = Math.max(1, Math.round(h * s));
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadPicture(format: 'svg' | 'png' | 'drawio', scale = 2): Promise<void> {
  // One naming scheme with Save and the exports.
  const name = useDesignStore.getState().doc.meta.name;
  if (format === 'png') {
    downloadBlob(fileNameFor(name, '.png'), await svgToPng(currentPicture('svg'), scale));
    return;
  }
  const text = currentPicture(format);
  downloadBlob(
    fileNameFor(name, `.${format}`),
    new Blob([text], { type: format === 'svg' ? 'image/svg+xml' : 'application/vnd.jgraph.mxfile' }),
  );
}

/** Copies the PNG to the clipboard; says so, or why not, in the banner. */
export async function copyPicture(scale = 2): Promise<void> {
  const store = useDesignStore.getState();
  try {
    if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') throw new Error('no clipboard');
    // The item takes a promise, so the clipboard is asked while the click still counts as a user gesture.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': svgToPng(currentPicture('svg'), scale) })]);
    store.setBanner({ kind: 'info', text: 'Picture copied to the clipboard (PNG).' });
  } catch {
    store.setBanner({
      kind: 'error',
      text: 'The clipboard does not take pictures here: download the PNG or SVG instead.',
    });
  }
}
