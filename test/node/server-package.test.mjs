// @ts-check
/**
 * The server package as npm would publish it: `npm pack --dry-run` lists its files, and every
 * module in them imports only its own files, Node's built-ins and the dependencies it declares,
 * so `npm install civic-widgets-server && npx civic-widgets …` works outside this repository.
 * And the elements package never depends on the server's native module.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE = join(ROOT, 'packages/server');
const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));

it('publishes the command with the feed layer, the schemas and the dependencies its modules import', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '-w', 'packages/server'], { cwd: ROOT, encoding: 'utf8' });
  const files = /** @type {{ path: string }[]} */ (JSON.parse(out)[0].files).map((f) => f.path);
  for (const needed of ['bin/civic-widgets.mjs', 'lib/feed.js', 'lib/feed.schema.json', 'config.schema.json', 'src/commands/serve.mjs']) {
    assert.ok(files.includes(needed), `${needed} is in the package`);
  }
  assert.equal(manifest.bin['civic-widgets'], './bin/civic-widgets.mjs');
  const declared = new Set(Object.keys(manifest.dependencies));
  const builtins = new Set(builtinModules);
  for (const file of files.filter((f) => /\.m?js$/.test(f))) {
    const text = readFileSync(join(PACKAGE, file), 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier || specifier.startsWith('.')) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (specifier.startsWith('node:') || builtins.has(name ?? '')) continue;
      assert.ok(declared.has(name ?? ''), `${file} imports "${specifier}", which the package declares`);
    }
  }
});

it('keeps the elements free of native builds', () => {
  const elements = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(elements.dependencies['better-sqlite3'], undefined);
  assert.equal(elements.dependencies['civic-widgets-server'], undefined);
  // dist/builder is the demo's snippet builder and dist/wordpress the WordPress plugin: neither is part of the package.
  assert.deepEqual(elements.files, ['dist', '!dist/builder', '!dist/wordpress']);
});
