// A node:test reporter for tests/Scalekit.Emulator.Tests (NodeSdk/): one JSON object per line.
//   {"kind":"test","file":"test/organizations.test.js","name":"…","status":"pass"|"fail"|"skip","message":"…","location":"…"}
//   a failure outside any test (a file that does not load, an error after its tests ended, a process that exits
//   early) is a "test" line with "name": null;
//   {"kind":"stderr","file":"test/…","text":"…"}: what a test file wrote to stderr;
//   {"kind":"diagnostic","file":null,"text":"…"}: what node:test says besides results (such as "generated
//   asynchronous activity after the test ended"), usually without a file.
// Suites (describe) are not lines; their tests are.
'use strict';
const path = require('node:path');
const { inspect } = require('node:util');

const summary = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [\d.]+$/;
const relative = (file) => path.relative(process.cwd(), file).split(path.sep).join('/');

function failureText(error) {
  if (!error) return '';
  // node:test wraps what the test threw as the `cause` of an ERR_TEST_FAILURE.
  const thrown = error.code === 'ERR_TEST_FAILURE' && error.cause !== undefined ? error.cause : error;
  if (!(thrown instanceof Error)) {
    // A file that failed outside its tests: 'test failed', and how its process ended.
    const ended = [error.exitCode != null && `exit code ${error.exitCode}`, error.signal && `signal ${error.signal}`].filter(Boolean);
    return (typeof thrown === 'string' ? thrown : inspect(thrown)) + (ended.length ? ` (${ended.join(', ')})` : '');
  }
  // Errors cross from the test file's process as plain Errors that keep `name`, `message` and `stack`.
  const frames = (thrown.stack || '').split('\n').filter((line) => /^\s+at /.test(line) && !/\bnode:/.test(line));
  return [`${thrown.name}: ${thrown.message}`.trimEnd(), ...frames.slice(0, 5)].join('\n');
}

module.exports = async function* jsonReporter(source) {
  for await (const event of source) {
    const data = event.data || {};
    const file = data.file ? relative(data.file) : null;
    switch (event.type) {
      case 'test:pass':
      case 'test:fail': {
        if (data.details && data.details.type === 'suite') break;
        const outside = data.file !== undefined && data.name === data.file;
        yield JSON.stringify({
          kind: 'test',
          file,
          name: outside ? null : data.name,
          status: data.skip !== undefined ? 'skip' : event.type === 'test:pass' ? 'pass' : 'fail',
          message: event.type === 'test:fail' ? failureText(data.details && data.details.error) : undefined,
          location: file && data.line ? `${file}:${data.line}:${data.column}` : undefined,
        }) + '\n';
        break;
      }
      case 'test:stderr':
        if (file) yield JSON.stringify({ kind: 'stderr', file, text: String(data.message) }) + '\n';
        break;
      case 'test:diagnostic':
        // The run's closing counts ("tests 68", "pass 67", …) are left out; the rest (such as an error after a test
        // ended) usually names no file.
        if (!summary.test(String(data.message))) yield JSON.stringify({ kind: 'diagnostic', file, text: String(data.message) }) + '\n';
        break;
      default:
        break;
    }
  }
};
