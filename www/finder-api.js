// The treatment finder's JavaScript API, for pages on the clinic's own site (the finder's
// origin). Types: treatment-finder.d.ts; how to use it: docs/embedding.md.
//
//   import { recommend, mount } from 'https://clinic.example/finder/finder-api.js';
//
// Importing this module loads the finder's WebAssembly, and the clinic's settings and rules
// (clinic.json beside this file), once; the import resolves when they are ready, so
// `recommend` and `mount` can be called at once and follow the clinic's rules. finder-assets.js (written by each
// build) names the build's hashed files.

import assets from './finder-assets.js';

const here = (file) => new URL(file, import.meta.url).href;
const glue = await import(here(assets.glue));
await glue.default({ module_or_path: here(assets.wasm) });
// The clinic's clinic.json and the rules file it names, as the finder's own page reads them.
await glue.loadClinic(here('./'));

/**
 * The engine's recommendation for `answers` (the answers JSON of the README, as an object).
 * Throws an `Error` naming the field when the answers are malformed.
 */
export function recommend(answers, options = {}) {
  return glue.recommend(answers, options);
}

/**
 * Renders the whole finder into `element` (in a shadow root of its own) and returns a handle
 * whose `destroy()` removes it again.
 */
export function mount(element, config = {}) {
  let handle = glue.mount(element, config, { stylesheet: here(assets.stylesheet), app_url: here('./') });
  return Object.freeze({
    destroy() {
      if (handle) {
        handle.destroy();
        handle.free();
        handle = null;
      }
    },
  });
}
