// The parts of V8's .cpuprofile (what `node --cpu-prof` writes) that self time needs.
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  selfMs: number;
  share: number;
}

export interface FunctionSelfTime extends SelfTime {
  owner: string;
  location: string;
}

export interface ProfileSummary {
  totalMs: number;
  byOwner: SelfTime[];
  // Time in stacks that pass through the owner anywhere: what it costs together with the Node work it sets off.
  inclusiveByOwner: SelfTime[];
  topFunctions: FunctionSelfTime[];
}

const NODE_MODULES = '/node_modules/';

// Who a frame belongs to: a package, a folder of the built service, a Node core module, or V8 itself.
export function ownerOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(V8 builtins)';
  const modules = url.lastIndexOf(NODE_MODULES);
  if (modules >= 0) {
    const [scope = '', name = ''] = url.slice(modules + NODE_MODULES.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) {
    const parts = url.slice('node:'.length).split('/');
    return `node:${parts[0] === 'internal' ? (parts[1] ?? 'internal').replace(/\.js$/, '') : (parts[0] ?? '')}`;
  }
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) {
    const rest = url.slice(dist + '/dist/'.length).split('/');
    return rest.length > 1 ? `service:${rest[0]}` : 'service';
  }
  return 'other';
}

// Sample i lasted until sample i + 1 (as Chrome DevTools counts it); self time is summed per frame and per owner.
export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byNode = new Map<number, number>();
  for (let i = 0; i < profile.samples.length - 1; i += 1) {
    const node = profile.samples[i] ?? -1;
    byNode.set(node, (byNode.get(node) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const totalMs = [...byNode.values()].reduce((sum, ms) => sum + ms, 0);
  const share = (ms: number) => (totalMs === 0 ? 0 : ms / totalMs);
  const owners = new Map<string, number>();
  const functions = new Map<string, FunctionSelfTime>();
  for (const node of profile.nodes) {
    const selfMs = byNode.get(node.id);
    if (selfMs === undefined) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = ownerOf(url, functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + selfMs);
    const location = url === '' ? '' : `${shortUrl(url)}:${lineNumber + 1}`;
    const key = `${functionName}@${location}`;
    const known = functions.get(key);
    functions.set(key, { name: functionName || '(anonymous)', owner, location, selfMs: (known?.selfMs ?? 0) + selfMs, share: 0 });
  }
  const ranked = (totals: Map<string, number>) => [...totals].map(([name, ms]) => ({ name, selfMs: ms, share: share(ms) })).sort((a, b) => b.selfMs - a.selfMs);
  const byOwner = ranked(owners);
  const inclusiveByOwner = ranked(inclusiveTimes(profile, byNode));
  const topFunctions = [...functions.values()]
    .map((entry) => ({ ...entry, share: share(entry.selfMs) }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
  return { totalMs, byOwner, inclusiveByOwner, topFunctions };
}

function inclusiveTimes(profile: CpuProfile, byNode: ReadonlyMap<number, number>): Map<string, number> {
  const parent = new Map<number, number>();
  const ownerById = new Map<number, string>();
  for (const node of profile.nodes) {
    ownerById.set(node.id, ownerOf(node.callFrame.url, node.callFrame.functionName));
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const totals = new Map<string, number>();
  for (const [id, ms] of byNode) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(ownerById.get(at) ?? 'other');
    seen.delete('(root)');
    for (const owner of seen) totals.set(owner, (totals.get(owner) ?? 0) + ms);
  }
  return totals;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf(NODE_MODULES);
  if (modules >= 0) return url.slice(modules + NODE_MODULES.length);
  const dist = url.lastIndexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url;
}
