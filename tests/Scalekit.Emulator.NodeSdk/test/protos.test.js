// The emulator serves the protos that protos-from-sdk.js rebuilds from this SDK's descriptors: a newer
// @scalekit-sdk/node whose messages changed fails here until the protos are rebuilt (npm run protos).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const served = path.join(__dirname, '..', '..', '..', 'src', 'Scalekit.Emulator', 'Protos');

/** The .proto files under `root`, as sorted paths relative to it with '/'. */
function protoFiles(root, folder = '') {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const file = folder ? `${folder}/${entry.name}` : entry.name;
    return entry.isDirectory() ? protoFiles(root, file) : file.endsWith('.proto') ? [file] : [];
  }).sort();
}

test('the emulator\'s protos are the ones protos-from-sdk.js rebuilds from the installed SDK', (t) => {
  const rebuilt = fs.mkdtempSync(path.join(os.tmpdir(), 'scalekit-protos-'));
  t.after(() => fs.rmSync(rebuilt, { recursive: true, force: true }));

  execFileSync(process.execPath, [path.join(__dirname, '..', 'protos-from-sdk.js'), rebuilt], { stdio: 'pipe' });

  assert.deepEqual(protoFiles(served), protoFiles(rebuilt));
  for (const file of protoFiles(rebuilt)) {
    assert.equal(fs.readFileSync(path.join(served, file), 'utf8'), fs.readFileSync(path.join(rebuilt, file), 'utf8'),
      `src/Scalekit.Emulator/Protos/${file} differs from the SDK's descriptors: run \`npm run protos\` in tests/Scalekit.Emulator.NodeSdk`);
  }
});
