/** The connection-list diff in netpol-analyzer's `diff` text form: added, removed and changed pairs. */
import { formatConns, equalConns, type ConnLine } from '../../src/core/index';

export interface DiffLine {
  type: 'added' | 'removed' | 'changed';
  source: string;
  destination: string;
  dir1: string;
  dir2: string;
  text: string;
}

export function diffLines(a: readonly ConnLine[], b: readonly ConnLine[]): DiffLine[] {
  const key = (l: ConnLine) => `${l.src}\u0000${l.dst}`;
  const before = new Map(a.map((l) => [key(l), l]));
  const after = new Map(b.map((l) => [key(l), l]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: DiffLine[] = [];
  for (const k of keys) {
    const x = before.get(k);
    const y = after.get(k);
    if (x && y && equalConns(x.conns, y.conns)) continue;
    const type = !x ? 'added' : !y ? 'removed' : 'changed';
    const [source, destination] = k.split('\u0000') as [string, string];
    const dir1 = x ? formatConns(x.conns) : 'No Connections';
    const dir2 = y ? formatConns(y.conns) : 'No Connections';
    const text = `diff-type: ${type}, source: ${source}, destination: ${destination}, dir1:  ${dir1}, dir2: ${dir2}`;
    out.push({ type, source, destination, dir1, dir2, text });
  }
  return out;
}
