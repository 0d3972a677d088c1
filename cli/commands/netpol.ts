/**
 * `aksnet netpol INPUT…`: what may talk to what under the NetworkPolicies of Kubernetes manifests (files or
 * folders of YAML/JSON, `kubectl get … -o yaml|json` output). Prints netpol-analyzer's connection list, the matrix
 * (`-o md|csv`), one query (`--from --to [--port --protocol] [--json] [--explain]`), or a diff (`--diff A B`).
 * Exit codes: 0 ok (a query: allowed), 1 a query that is denied, 2 unreadable input or bad usage.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  computeMatrix,
  connectionList,
  evaluateFlow,
  formatConnLine,
  formatConns,
  hasConn,
  parseIp,
  policyIndex,
  policyWorldOf,
  workloadLabel,
  type DirectionVerdict,
  type NetpolProtocol,
  type Peer,
  type PolicyWorld,
} from '../../src/core/index';
import { MAX_INPUT_CHARS, readManifests, type ManifestSet } from '../../src/io';
import type { CliIo, Command } from '../io';
import { EXIT_INPUT, usageError, printable, readDesign } from '../read-design';
import { diffLines } from './netpol-diff';

const USAGE =
  'aksnet netpol DESIGN.json [--cluster NAME] | INPUT… [-o txt|json|md|csv] [--from NS/NAME --to NS/NAME|IP [--port N] [--protocol TCP|UDP|SCTP] [--json] [--explain]] | --diff A B';
const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const MAX_FILES = 2000;

async function listFiles(path: string, out: string[]): Promise<void> {
  const info = await stat(path);
  if (info.isFile()) {
    out.push(path);
    return;
  }
  if (!info.isDirectory()) return;
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    const child = join(path, e.name);
    if (e.isDirectory()) await listFiles(child, out);
    else if (e.isFile() && MANIFEST_FILE.test(e.name)) out.push(child);
  }
}

/** Reads every input into one manifest set; prints what could not be read. Null when nothing could. */
export async function readInputs(paths: string[], io: CliIo): Promise<ManifestSet | null> {
  const files: string[] = [];
  for (const p of paths) {
    try {
      await listFiles(p, files);
    } catch {
      io.err(`aksnet: ${printable(p)}: cannot read: no such file or folder\n`);
      return null;
    }
  }
  const texts: { source: string; text: string }[] = [];
  for (const f of files) {
    const size = (await stat(f)).size;
    if (size > MAX_INPUT_CHARS * 4) {
      io.err(`aksnet: ${printable(f)}: the file is too large: ${size} bytes\n`);
      continue;
    }
    texts.push({ source: f, text: (await readFile(f, 'utf8')).replace(/^\uFEFF/, '') });
  }
  if (texts.length === 0) {
    io.err(`aksnet: no manifest files in ${paths.map(printable).join(', ')}\n`);
    return null;
  }
  const set = readManifests(texts);
  for (const p of set.problems) {
    io.err(
      `aksnet: ${printable(p.source)}:${p.line}: ${p.object ? `${printable(p.object)}: ` : ''}${printable(p.message)}\n`,
    );
  }
  return set;
}

/** A design file (its cluster's Kubernetes layer) or manifests. */
async function worldFromInputs(
  paths: string[],
  clusterName: string | undefined,
  io: CliIo,
): Promise<PolicyWorld | null> {
  if (paths.length === 1 && paths[0]!.endsWith('.json')) {
    const text = await readFile(paths[0]!, 'utf8').catch(() => '');
    if (text.includes('"aks-network-design"')) {
      const read = await readDesign(paths[0]!, io);
      if (!read.ok) return null;
      const clusters = read.doc.design.clusters;
      const c = clusterName ? clusters.find((x) => x.name === clusterName || x.id === clusterName) : clusters[0];
      if (!c) {
        io.err(
          `aksnet: ${clusterName ? `no cluster named "${printable(clusterName)}"` : 'the design has no cluster'}\n`,
        );
        return null;
      }
      return policyWorldOf(c);
    }
  }
  const set = await readInputs(paths, io);
  return set ? worldOf(set) : null;
}

const worldOf = (s: ManifestSet): PolicyWorld => ({
  namespaces: s.namespaces,
  workloads: s.workloads,
  policies: s.policies,
});

/** `ns/name`, or a name alone when one workload has it; an IPv4 address is an external endpoint. */
function resolveEndpoint(world: PolicyWorld, text: string): Peer | string {
  const ip = parseIp(text);
  if (ip !== null) return { kind: 'range', lo: ip, hi: ip, label: text };
  const [ns, name] = text.includes('/') ? text.split('/', 2) : [undefined, text];
  const found = world.workloads.filter((w) => w.name === name && (ns === undefined || w.namespace === ns));
  if (found.length === 1) return { kind: 'pod', workload: found[0]! };
  return found.length === 0
    ? `no workload or IPv4 address "${printable(text)}"`
    : `"${printable(text)}" is ambiguous: give NS/NAME`;
}

const peerLabel = (p: Peer) => (p.kind === 'pod' ? workloadLabel(p.workload) : p.kind === 'range' ? p.label : 'node');

function verdictJson(v: DirectionVerdict, protocol: NetpolProtocol, port: number | undefined) {
  return {
    applies: v.applies,
    isolated: v.isolated,
    allowed: port === undefined ? formatConns(v.conns) !== 'No Connections' : hasConn(v.conns, protocol, port),
    connections: formatConns(v.conns),
    selectedBy: v.selectedBy,
    rules: v.hits.map((h) => ({ policy: h.policy, rule: h.rule, peer: h.peer, connections: formatConns(h.conns) })),
    reason: v.reason,
  };
}

function runQuery(world: PolicyWorld, values: Record<string, unknown>, io: CliIo): number {
  const src = resolveEndpoint(world, String(values.from));
  const dst = resolveEndpoint(world, String(values.to ?? ''));
  for (const e of [src, dst]) {
    if (typeof e === 'string') {
      io.err(`aksnet: ${e}\n`);
      return EXIT_INPUT;
    }
  }
  const protocol = String(values.protocol ?? 'TCP').toUpperCase() as NetpolProtocol;
  if (!['TCP', 'UDP', 'SCTP'].includes(protocol)) {
    io.err(`aksnet: --protocol must be TCP, UDP or SCTP\n`);
    return EXIT_INPUT;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    io.err(`aksnet: --port must be a whole number from 1 to 65535\n`);
    return EXIT_INPUT;
  }
  const v = evaluateFlow(policyIndex(world), src as Peer, dst as Peer);
  const allowed = port === undefined ? formatConns(v.conns) !== 'No Connections' : hasConn(v.conns, protocol, port);
  const what = port === undefined ? 'any connection' : `${protocol} ${port}`;
  if (values.json) {
    const egress = verdictJson(v.egress, protocol, port);
    const ingress = verdictJson(v.ingress, protocol, port);
    const out = {
      from: peerLabel(src as Peer),
      to: peerLabel(dst as Peer),
      protocol,
      port: port ?? null,
      allowed,
      connections: formatConns(v.conns),
      egress,
      ingress,
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.out(
      `${printable(peerLabel(src as Peer))} => ${printable(peerLabel(dst as Peer))} : ${what}: ${allowed ? 'allowed' : 'denied'} (${formatConns(v.conns)})\n`,
    );
    if (values.explain) {
      for (const d of [v.egress, v.ingress]) io.out(`  ${d.direction.toLowerCase()}: ${printable(d.reason)}\n`);
    }
  }
  return allowed ? 0 : 1;
}

/** The matrix as a table: rows are sources, columns destinations; a workload against itself is `-`. */
function matrixTable(world: PolicyWorld, format: 'md' | 'csv'): string {
  const m = computeMatrix(world);
  const labels = m.endpoints.map((e) => e.label);
  const cell = (i: number, j: number) => (i === j ? '-' : formatConns(m.cells[i]![j]!.combined));
  const rows = labels.map((l, i) => [l, ...labels.map((_, j) => cell(i, j))]);
  if (format === 'csv') {
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return [['src \\ dst', ...labels], ...rows].map((r) => r.map(q).join(',')).join('\n') + '\n';
  }
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const head = `| src \\ dst | ${labels.map(esc).join(' | ')} |`;
  const sep = `|${' --- |'.repeat(labels.length + 1)}`;
  return [head, sep, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n') + '\n';
}

export const netpolCommand: Command = async (args, io) => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        from: { type: 'string' },
        to: { type: 'string' },
        port: { type: 'string' },
        protocol: { type: 'string' },
        json: { type: 'boolean' },
        explain: { type: 'boolean' },
        diff: { type: 'boolean' },
        cluster: { type: 'string' },
      },
    });
  } catch (e) {
    return usageError(io, USAGE, e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  const output = String(values.output ?? (values.json ? 'json' : 'txt'));
  if (!['txt', 'json', 'md', 'csv'].includes(output) || positionals.length === 0) {
    return usageError(
      io,
      USAGE,
      positionals.length === 0 ? 'missing the input files' : `unknown output "${printable(output)}"`,
    );
  }
  if (values.diff) {
    if (positionals.length !== 2) {
      return usageError(io, USAGE, '--diff takes two inputs (files or folders)');
    }
    const [a, b] = [await readInputs([positionals[0]!], io), await readInputs([positionals[1]!], io)];
    if (!a || !b) return EXIT_INPUT;
    const lines = diffLines(connectionList(worldOf(a)), connectionList(worldOf(b)));
    io.out(
      output === 'json' ? `${JSON.stringify(lines, null, 2)}\n` : lines.map((l) => `${printable(l.text)}\n`).join(''),
    );
    return 0;
  }
  const world = await worldFromInputs(positionals, values.cluster as string | undefined, io);
  if (!world) return EXIT_INPUT;
  if (values.from !== undefined || values.to !== undefined) {
    if (values.from === undefined || values.to === undefined) {
      return usageError(io, USAGE, '--from and --to go together');
    }
    return runQuery(world, values, io);
  }
  if (output === 'md' || output === 'csv') {
    io.out(matrixTable(world, output));
    return 0;
  }
  const list = connectionList(world);
  if (output === 'json') {
    io.out(
      `${JSON.stringify(
        list.map((l) => ({ src: l.src, dst: l.dst, conn: formatConns(l.conns) })),
        null,
        2,
      )}\n`,
    );
  } else {
    io.out(list.map((l) => `${printable(formatConnLine(l))}\n`).join(''));
  }
  return 0;
};
