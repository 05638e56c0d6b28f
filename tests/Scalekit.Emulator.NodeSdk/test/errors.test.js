// The SDK's own error types for what the emulator refuses: ScalekitNotFoundException, ScalekitConflictException,
// ScalekitBadRequestException, ScalekitUnauthorizedException and ScalekitValidateTokenFailureException (all exported
// by @scalekit-sdk/node), and wrong environment credentials, which must fail the call and not the process.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const {
  ScalekitClient,
  ScalekitServerException,
  ScalekitNotFoundException,
  ScalekitConflictException,
  ScalekitBadRequestException,
  ScalekitUnauthorizedException,
  ScalekitValidateTokenFailureException,
} = require('@scalekit-sdk/node');
const { environment, scalekit, unique, newOrganization, newApiClient, rejectsWith, timestamp } = require('../support/scalekit');

test('getOrganization of an unknown id is ScalekitNotFoundException with gRPC NOT_FOUND and HTTP 404', async () => {
  const error = await rejectsWith(scalekit.organization.getOrganization('org_404404404404404'), ScalekitNotFoundException);

  assert.ok(error instanceof ScalekitServerException);
  assert.equal(error.grpcStatus, 5);
  assert.equal(error.httpStatus, 404);
  assert.match(error.message, /org_404404404404404/);
});

test('getOrganizationByExternalId of an unknown external id is ScalekitNotFoundException', async () => {
  await rejectsWith(scalekit.organization.getOrganizationByExternalId(unique('never-created')), ScalekitNotFoundException);
});

test('updateOrganization of an unknown id is ScalekitNotFoundException', async () => {
  await rejectsWith(scalekit.organization.updateOrganization('org_404404404404404', { displayName: 'Nobody' }), ScalekitNotFoundException);
});

test('deleteOrganization of an unknown id is ScalekitNotFoundException', async () => {
  await rejectsWith(scalekit.organization.deleteOrganization('org_404404404404404'), ScalekitNotFoundException);
});

test('getOrganizationClient of an unknown client is ScalekitNotFoundException', async () => {
  const organization = await newOrganization();

  await rejectsWith(scalekit.m2m.getOrganizationClient(organization.id, 'm2morg_404404404404404'), ScalekitNotFoundException);
});

test('createOrganizationClient in an unknown organization is ScalekitNotFoundException', async () => {
  await rejectsWith(scalekit.m2m.createOrganizationClient('org_404404404404404', { name: 'Orphan', scopes: ['read:deployments'] }), ScalekitNotFoundException);
});

test('deleteOrganizationClient of an unknown client is ScalekitNotFoundException', async () => {
  const organization = await newOrganization();

  await rejectsWith(scalekit.m2m.deleteOrganizationClient(organization.id, 'm2morg_404404404404404'), ScalekitNotFoundException);
});

test('removeOrganizationClientSecret of an unknown secret is ScalekitNotFoundException', async () => {
  const organization = await newOrganization();
  const { client } = await newApiClient(organization.id);
  await scalekit.m2m.addOrganizationClientSecret(organization.id, client.clientId);

  await rejectsWith(scalekit.m2m.removeOrganizationClientSecret(organization.id, client.clientId, 'sks_404404404404404'), ScalekitNotFoundException);
});

test('createToken for an unknown organization is ScalekitNotFoundException', async () => {
  await rejectsWith(scalekit.token.createToken('org_404404404404404'), ScalekitNotFoundException);
});

test('createOrganization with an external id another organization has is ScalekitConflictException', async () => {
  const existing = await newOrganization();

  const error = await rejectsWith(scalekit.organization.createOrganization('Second Megasoft', { externalId: existing.externalId }), ScalekitConflictException);

  assert.equal(error.httpStatus, 409);
});

test('updateOrganization to an external id another organization has is ScalekitConflictException', async () => {
  const existing = await newOrganization();
  const other = await newOrganization();

  await rejectsWith(scalekit.organization.updateOrganization(other.id, { externalId: existing.externalId }), ScalekitConflictException);
});

test('createOrganization with an empty display name is ScalekitBadRequestException', async () => {
  const error = await rejectsWith(scalekit.organization.createOrganization(''), ScalekitBadRequestException);

  assert.equal(error.httpStatus, 400);
  assert.match(error.message, /display_name/);
});

test('createOrganizationClient with a scope that contains a space is ScalekitBadRequestException', async () => {
  const organization = await newOrganization();

  const error = await rejectsWith(newApiClient(organization.id, { scopes: ['read deployments'] }), ScalekitBadRequestException);

  assert.match(error.message, /scope/);
});

test('createOrganizationClient without a name is ScalekitBadRequestException', async () => {
  const organization = await newOrganization();

  await rejectsWith(scalekit.m2m.createOrganizationClient(organization.id, { scopes: ['read:deployments'] }), ScalekitBadRequestException);
});

test('listOrganization with a page token the API never returned is ScalekitBadRequestException', async () => {
  await rejectsWith(scalekit.organization.listOrganization({ pageSize: 10, pageToken: 'not-a-page-token' }), ScalekitBadRequestException);
});

test('createToken with an expiry in the past is ScalekitBadRequestException', async () => {
  const organization = await newOrganization();

  await rejectsWith(scalekit.token.createToken(organization.id, { expiry: timestamp(new Date(Date.now() - 60_000)) }), ScalekitBadRequestException);
});

test('validateToken of a key that was never issued is ScalekitValidateTokenFailureException', async () => {
  await rejectsWith(scalekit.token.validateToken('skapi_this-key-was-never-issued-by-the-emulator'), ScalekitValidateTokenFailureException);
});

test('generateClientToken with a wrong secret is ScalekitUnauthorizedException', async () => {
  const organization = await newOrganization();
  const { client } = await newApiClient(organization.id);

  const error = await rejectsWith(scalekit.generateClientToken(client.clientId, 'not-the-secret'), ScalekitUnauthorizedException);

  assert.equal(error.httpStatus, 401);
});

test('a management call with an API client\'s credentials instead of the environment client\'s is ScalekitUnauthorizedException', async () => {
  const organization = await newOrganization();
  const { client, plainSecret } = await newApiClient(organization.id);
  const notTheEnvironment = new ScalekitClient(environment.url, client.clientId, plainSecret);

  await rejectsWith(notTheEnvironment.organization.getOrganization(organization.id), ScalekitUnauthorizedException);
});

test('a call with a wrong environment client secret fails with the token endpoint\'s 401 invalid_client, and the Node process lives on', async () => {
  // In a process of its own, so that an unhandled HTTP/2 session error would show as a crash (exit code, signal,
  // stderr) instead of being caught by the test runner. The SDK refreshes its token on UNAUTHENTICATED and lets the
  // token endpoint's AxiosError out unwrapped.
  const script = `
    const { ScalekitClient } = require('@scalekit-sdk/node');
    const scalekit = new ScalekitClient(process.env.SCALEKIT_ENVIRONMENT_URL, process.env.SCALEKIT_CLIENT_ID, 'wrong-secret');
    const describe = (e) => ({ name: e.name, status: e.response && e.response.status, error: e.response && e.response.data && e.response.data.error });
    (async () => {
      const calls = [scalekit.organization.listOrganization(), scalekit.m2m.listOrganizationClients('org_1'), scalekit.token.validateToken('skapi_x')];
      const outcomes = await Promise.all(calls.map((call) => call.then(() => ({ name: 'succeeded' }), describe)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      console.log(JSON.stringify(outcomes));
    })();`;

  const { code, signal, stdout, stderr } = await new Promise((resolve) => {
    execFile(process.execPath, ['-e', script], { cwd: __dirname, timeout: 30_000 }, (error, out, err) =>
      resolve({ code: error ? error.code : 0, signal: error ? error.signal : null, stdout: out, stderr: err }));
  });

  assert.equal(stderr, '', 'the process wrote nothing to stderr');
  assert.equal(signal, null);
  assert.equal(code, 0, 'the process exited normally');
  const outcomes = JSON.parse(stdout);
  assert.deepEqual(outcomes, Array(3).fill({ name: 'AxiosError', status: 401, error: 'invalid_client' }));
});
