/** The Bicep importer for the import dialog: nothing is loaded until `wanted` is first true. */
import { useEffect, useState } from 'react';
import type { BicepReader } from './bicep-reader';

export type ParserState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; reader: BicepReader }
  | { state: 'failed'; message: string };

export function useBicepReader(wanted: boolean): ParserState {
  const [s, setS] = useState<ParserState>({ state: 'idle' });
  useEffect(() => {
    if (!wanted || s.state !== 'idle') return;
    setS({ state: 'loading' });
    // A state update after the dialog closed is dropped by React: no cleanup is needed.
    void import('./bicep-reader')
      .then((m) => m.bicepReader())
      .then(
        (reader) => setS({ state: 'ready', reader }),
        (e: unknown) => setS({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
  }, [wanted, s.state]);
  return s;
}
