/** The pictures the CLI draws: from the file's layout, or an auto-layout when the file has none. */
import type { Plan } from '../src/core/index';
import { exportPicture, layoutDesign, type PictureFormatId } from '../src/export';
import type { DesignDocument } from '../src/io';

export async function drawPicture(format: PictureFormatId, doc: DesignDocument, plan: Plan): Promise<string> {
  const layout = Object.keys(doc.layout.nodes).length > 0 ? doc.layout.nodes : await layoutDesign(doc.design);
  return exportPicture(format, doc.design, plan, layout, doc.meta.name);
}
