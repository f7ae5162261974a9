/** The parts of a V8 CPU profile (.cpuprofile; CDP Profiler.Profile) that self time needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  /** Microseconds between consecutive samples. */
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  /** Source module, as `locate` maps it. */
  where: string;
  selfMs: number;
  /** Share of the profile's busy time (idle excluded), 0..1. */
  share: number;
}

/** The source module a sample's code comes from; the default is the URL's path in the repository. */
export type Locate = (url: string, line0: number) => string;

export interface ProfileSummary {
  /** Busy time: every sample but (idle), ms. */
  busyMs: number;
  /** Idle time inside the same stretch, ms: the thread waiting (for decoded frames, in the hot loop). */
  idleMs: number;
  /** Real functions, most self time first. */
  functions: HotFunction[];
  /** V8's pseudo-functions: (program) is the engine's own work, (garbage collector) allocation's cost. */
  engine: HotFunction[];
}

/**
 * Self time (time in a function's own code, not its callees) per function, summed over every
 * profile node of the same function, as shares of the busy (non-idle) time.
 */
export function summarizeProfile(profile: CpuProfile, count: number, locate: Locate = defaultLocate): ProfileSummary {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, { name: string; where: string; us: number }>();
  let busyUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const dt = profile.timeDeltas[i + 1] ?? 0; // a sample lasts until the next one
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += dt;
      return;
    }
    busyUs += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? locate(url, lineNumber) : '(native)';
    const key = `${functionName}@${where}`;
    const entry = selfUs.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    entry.us += dt;
    selfUs.set(key, entry);
  });
  const ranked = [...selfUs.values()]
    .sort((a, b) => b.us - a.us || a.name.localeCompare(b.name))
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, share: busyUs > 0 ? e.us / busyUs : 0 }));
  const isEngine = (f: HotFunction): boolean => /^\(.*\)$/.test(f.name) && f.where === '(native)';
  return { busyMs: busyUs / 1000, idleMs: idleUs / 1000, functions: ranked.filter((f) => !isEngine(f)).slice(0, count), engine: ranked.filter(isEngine) };
}

/** tsx compiles each module to one line, so the line says nothing: the module's path alone. */
function defaultLocate(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*?\/(src|node_modules|tests)\//, '$1/');
}

/**
 * For a non-minified bundle: maps a line of it to the source module it came from, by the
 * `// src/analysis/x.ts` comment Rolldown writes above each module.
 */
export function bundleLocator(bundleText: string): (line0: number) => string {
  const starts: { line0: number; module: string }[] = [];
  bundleText.split('\n').forEach((text, line0) => {
    const m = /^\/\/ ((?:src|node_modules|workers|tests)\/\S+)$/.exec(text);
    if (m) starts.push({ line0, module: m[1] });
  });
  return (line0) => {
    let module = '(bundle)';
    for (const s of starts) {
      if (s.line0 > line0) break;
      module = s.module;
    }
    return module;
  };
}

/**
 * The same profile cut to its hot loop: the samples from the first to the last whose stack holds
 * the `anchor` function (e.g. DetectorPipeline's push), everything in between included (decode
 * glue, GC), start-up and shutdown left out.
 */
export function hotLoop(
  profile: CpuProfile & { nodes: { id: number; children?: number[] }[] },
  anchor: { functionName: string; module: string },
  locate: Locate = defaultLocate,
): CpuProfile {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isAnchor = new Map(
    profile.nodes.map((n) => {
      const { functionName, url, lineNumber } = n.callFrame;
      return [n.id, functionName === anchor.functionName && url !== '' && locate(url, lineNumber).includes(anchor.module)];
    }),
  );
  const holds = new Map<number, boolean>();
  const inAnchor = (id: number): boolean => {
    const known = holds.get(id);
    if (known !== undefined) return known;
    const p = parent.get(id);
    const value = isAnchor.get(id) === true || (p !== undefined && inAnchor(p));
    holds.set(id, value);
    return value;
  };
  const first = profile.samples.findIndex(inAnchor);
  let last = -1;
  for (let i = profile.samples.length - 1; i >= 0 && last < 0; i--) if (inAnchor(profile.samples[i])) last = i;
  if (first < 0) throw new Error(`No sample of the profile is inside ${anchor.functionName}() of ${anchor.module}: was the clip analysed?`);
  return { nodes: profile.nodes, samples: profile.samples.slice(first, last + 1), timeDeltas: profile.timeDeltas.slice(first, last + 2) };
}
