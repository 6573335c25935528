// The code that runs in every web page (the MAIN-world wrappers, the always-on bootstrap and the
// on-demand frame core) must stay small and dependency-light: this bundles each of them the way the
// build does (following every static and dynamic import) and fails if one pulls in a schema library,
// the public-suffix list, phone metadata or the ID-number library. Those belong in the background.
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const PAGE_ENTRIES = ['entrypoints/page-guard.ts', 'entrypoints/frame-boot.ts', 'entrypoints/frame-core.ts', 'entrypoints/frame-ui.ts'];
const FORBIDDEN = ['zod', 'tldts', 'tldts-core', 'libphonenumber-js', 'stdnum'];

/** `@/x` → the project's x, as in the WXT build. */
const projectAlias: Plugin = {
  name: 'project-alias',
  setup(b) {
    b.onResolve({ filter: /^@\// }, (args) => b.resolve(`./${args.path.slice(2)}`, { resolveDir: root, kind: args.kind }));
  },
};

/** The npm packages an entry's bundle reads files from. */
async function packagesOf(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    plugins: [projectAlias],
    loader: { '.css': 'empty' },
  });
  const packages = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]!);
  }
  return packages;
}

describe('code that runs in web pages', () => {
  it.each(PAGE_ENTRIES)('%s pulls in none of zod, tldts, libphonenumber-js, stdnum', async (entry) => {
    const packages = await packagesOf(entry);
    expect([...packages].filter((name) => FORBIDDEN.includes(name))).toEqual([]);
  });

  it('the walk does see a forbidden package when one is imported (the check can fail)', async () => {
    const packages = await packagesOf('lib/validate/phone.ts');
    expect(packages.has('libphonenumber-js')).toBe(true);
  });
});
