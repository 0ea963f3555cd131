// The sweep's worker (a module worker): runs every combination of answers of the invariant
// test's space with the deployed and the edited rules, a chunk at a time, and reports after
// each chunk, so the page stays responsive and shows progress. The page ends it to stop.

import { loadEngine } from './engine.js';

const CHUNK = 2000;
const engineReady = loadEngine();

self.onmessage = async ({ data }) => {
  try {
    const engine = await engineReady;
    const { before, after } = data;
    const total = engine.consoleSweepSize();
    const started = performance.now();
    self.postMessage({ type: 'start', total });
    for (let start = 0; start < total; start += CHUNK) {
      const end = Math.min(total, start + CHUNK);
      const out = engine.consoleSweep(before, after, start, end);
      if (out.error) throw new Error(out.error);
      self.postMessage({ type: 'progress', checked: out.checked, changed: out.changed, examples: out.examples });
    }
    self.postMessage({ type: 'done', ms: performance.now() - started });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err?.message ?? err) });
  }
};
