// What the test files share: a ScalekitClient on the emulator named by the environment, unique names, and
// assertions on the SDK's error types. Not a test file (node --test runs only test/*.test.js).
'use strict';
const assert = require('node:assert/strict');
const { ScalekitClient } = require('@scalekit-sdk/node');

const variables = ['SCALEKIT_ENVIRONMENT_URL', 'SCALEKIT_CLIENT_ID', 'SCALEKIT_CLIENT_SECRET'];
const missing = variables.filter((name) => !process.env[name]);
if (missing.length > 0) {
  throw new Error(
    `${missing.join(', ')} not set: the emulator's address and its environment client's credentials. ` +
      'The .NET tests (tests/Scalekit.Emulator.Tests/NodeSdk) set them; by hand, with the emulator running: ' +
      'SCALEKIT_ENVIRONMENT_URL=http://127.0.0.1:5100 SCALEKIT_CLIENT_ID=skc_emulator ' +
      'SCALEKIT_CLIENT_SECRET=emulator-secret npm test');
}

/** The environment as the tests were given it. */
const environment = Object.freeze({
  url: process.env.SCALEKIT_ENVIRONMENT_URL,
  clientId: process.env.SCALEKIT_CLIENT_ID,
  clientSecret: process.env.SCALEKIT_CLIENT_SECRET,
});

/** The SDK as an application creates it: `new ScalekitClient(url, id, secret)`. One per test file. */
const scalekit = new ScalekitClient(environment.url, environment.clientId, environment.clientSecret);

let counter = 0;

/** A name no other test (in this or another test file's process) uses. */
function unique(prefix) {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Date.now().toString(36)}`;
}

/** A new organization of the test's own, with an external id. */
async function newOrganization(name = 'Acme Corp') {
  const externalId = unique('tenant');
  const { organization } = await scalekit.organization.createOrganization(`${name} ${externalId}`, { externalId });
  return organization;
}

/** The API client of Scalekit's "Add auth to your APIs" guide, in `organizationId`: `{ client, plainSecret }`. */
function newApiClient(organizationId, options = {}) {
  return scalekit.m2m.createOrganizationClient(organizationId, {
    name: 'GitHub Actions Deployment Service',
    description: 'Service account for GitHub Actions to deploy applications to production',
    scopes: ['deploy:applications', 'read:deployments'],
    audience: ['deployment-api.acmecorp.com'],
    customClaims: { environment: 'production', team: 'platform' },
    ...options,
  });
}

/** How an error reads in a failure message: its class and message. */
function describeError(error) {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : `a thrown ${typeof error}: ${String(error)}`;
}

/** Awaits `promise`, asserts that it fails with an instance of `ErrorType`, and returns the error. */
async function rejectsWith(promise, ErrorType) {
  let error;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  assert.ok(error !== undefined, `expected ${ErrorType.name}, but the call succeeded`);
  assert.ok(error instanceof ErrorType, `expected ${ErrorType.name}, got ${describeError(error)}`);
  return error;
}

/** The payload of a JWT, decoded without any check. */
function jwtPayload(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/** A protobuf Timestamp for `date`, as the SDK's `expiry` options take it. */
function timestamp(date) {
  const ms = date.getTime();
  return { seconds: BigInt(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = {
  environment, scalekit, unique, newOrganization, newApiClient, describeError, rejectsWith, jwtPayload, timestamp, delay,
};
