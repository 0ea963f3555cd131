// The sweep's worker (a module worker): runs its share [start, end) of the invariant test's
// answer combinations with the deployed and the edited rules, a chunk at a time, and reports
// after each chunk, so the page stays responsive and shows progress. The page starts one
// worker per spare core, each with its own share, and ends them to stop.

import { loadEngine } from './engine.js';

const CHUNK = 2000;
const engineReady = loadEngine();

self.onmessage = async ({ data }) => {
  try {
    const engine = await engineReady;
    const { before, after, start: first, end: last } = data;
    const started = performance.now();
    // Both rule sets read once (throws, naming which one cannot be used); then each chunk.
    const sweep = new engine.ConsoleSweep(before, after);
    try {
      for (let start = first; start < last; start += CHUNK) {
        const out = sweep.run(start, Math.min(last, start + CHUNK));
        self.postMessage({ type: 'progress', checked: out.checked, changed: out.changed, examples: out.examples });
      }
    } finally {
      sweep.free();
    }
    self.postMessage({ type: 'done', ms: performance.now() - started });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err?.message ?? err) });
  }
};
