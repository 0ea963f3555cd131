// Loads the rules reader module for the finder's first module (src/web/reader.rs), which does
// not hold the reader of a clinic's rules file: only a page whose clinic.json names a rules
// file downloads it. Its files are named, with this build's hashes, on the page's start tag
// (scripts/post-build writes `data-reader-glue` and `data-reader-wasm` on #tf-start).

let reader = null;

/** Starts loading the reader once; its failure is reported by `readRules`. */
export function startReader() {
  if (!reader) {
    reader = load();
    reader.catch(() => {});
  }
}

/**
 * The reader's answer for `text`: the packed rules (a Uint8Array) or the error's message (a
 * string). Rejects when the reader cannot be loaded or stops.
 */
export async function readRules(text) {
  startReader();
  const module = await reader;
  return module.readRules(text);
}

async function load() {
  const tag = document.getElementById('tf-start');
  const glue = tag?.dataset.readerGlue;
  const wasm = tag?.dataset.readerWasm;
  if (!glue || !wasm) throw new Error('the page does not name the rules reader\'s files');
  const here = (path) => new URL(path, document.baseURI).href;
  const module = await import(here(glue));
  await module.default({ module_or_path: here(wasm) });
  return module;
}
