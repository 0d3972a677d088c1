/** The canvas as PNG or SVG, drawn in the browser (html-to-image, loaded on demand). */
export async function exportPicture(format: 'png' | 'svg', name: string): Promise<void> {
  const el = document.querySelector<HTMLElement>('.react-flow');
  if (!el) return;
  const { toPng, toSvg } = await import('html-to-image');
  // Controls and the minimap are tools, not part of the drawing.
  const filter = (n: HTMLElement) =>
    !n.classList?.contains('react-flow__controls') && !n.classList?.contains('react-flow__minimap');
  const url =
    format === 'png'
      ? await toPng(el, { filter, backgroundColor: '#ffffff', pixelRatio: 2 })
      : await toSvg(el, { filter, backgroundColor: '#ffffff' });
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.${format}`;
  a.click();
}
