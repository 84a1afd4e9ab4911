// Builds the service worker (src/sw/serviceWorker.ts) as its own entry, `sw.js` at the root of the build, and writes
// into it the list of files it stores for offline use with a version hash of their contents. Files: everything the
// app bundle emits that a browser may load (code, styles, fonts, wasm, index.html), the shipped vectors and models, and the
// corpora the default lab and the toy views read (Brown, toy-*) with their JSON indexes; SOTU (11 MB) is stored when first used.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

const SW_ENTRY = 'src/sw/serviceWorker.ts';
const SW_FILE = 'sw.js';
const MANIFEST_MARKER = '__LAB_PRECACHE__';
/** Emitted files worth storing (source maps and the like are not). */
const BUNDLE_FILES = /\.(js|css|html|wasm|woff2|json|svg|png|ico)$/;
/** Files from public/ to store at install. */
const PUBLIC_FILES = /^(vectors\/.+|models\/.+|corpora\/(brown|toy-[\w-]+)\.txt|corpora\/[\w-]+\.json)$/;

function listFiles(dir: string, root = dir): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(listFiles(path, root));
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

export function offlinePlugin(): Plugin {
  let publicDir = 'public';
  return {
    name: 'embedding-lab-offline',
    apply: 'build',
    // After Vite's own plugins, so that index.html is in the bundle when the list is made.
    enforce: 'post',
    config() {
      return {
        build: {
          rollupOptions: {
            input: { index: 'index.html', sw: SW_ENTRY },
            output: {
              entryFileNames: (chunk: { name: string }) => (chunk.name === 'sw' ? SW_FILE : 'assets/[name]-[hash].js'),
            },
          },
        },
      };
    },
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const sw = bundle[SW_FILE];
      if (!sw || sw.type !== 'chunk') this.error(`the service worker entry ${SW_ENTRY} did not produce ${SW_FILE}`);
      if (sw.imports.length > 0) this.error(`${SW_FILE} must not import other chunks (it runs as a classic script): ${sw.imports.join(', ')}`);
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [name, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (name === SW_FILE || !BUNDLE_FILES.test(name)) continue;
        files.push(name);
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      const fromPublic = publicDir ? listFiles(publicDir).filter((f) => PUBLIC_FILES.test(f)).sort() : [];
      for (const name of fromPublic) {
        files.push(name);
        hash.update(name).update(readFileSync(join(publicDir, name)));
      }
      if (!files.includes('index.html')) this.error('index.html is not in the bundle: the service worker could not serve the app offline');
      const manifest = { files, version: hash.digest('hex').slice(0, 16) };
      if (!sw.code.includes(MANIFEST_MARKER)) this.error(`${SW_FILE} lost its ${MANIFEST_MARKER} marker`);
      sw.code = sw.code.replace(MANIFEST_MARKER, JSON.stringify(manifest));
    },
  };
}
