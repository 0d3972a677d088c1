/**
 * loadDocument for a design read at start-up: in a worker when the text is large and the browser has workers, on
 * the page otherwise (a worker's start costs more than reading a small design). A worker that cannot start or
 * fails falls back to reading on the page, so the design always loads as it would have.
 */
import { loadDocument, type LoadResult } from '../io';

/** Texts shorter than this are read on the page: the 4x enterprise design is about 1.3 M characters. */
export const WORKER_OVER_CHARS = 1_000_000;

export function parseOffThread(text: string): Promise<LoadResult> {
  if (text.length < WORKER_OVER_CHARS || typeof Worker === 'undefined') return Promise.resolve(loadDocument(text));
  return new Promise((resolve) => {
    let worker: Worker;
    const onPage = () => {
      worker?.terminate();
      resolve(loadDocument(text));
    };
    try {
      worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      onPage();
      return;
    }
    worker.onmessage = (e: MessageEvent<LoadResult>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = onPage;
    worker.onmessageerror = onPage;
    worker.postMessage(text);
  });
}
