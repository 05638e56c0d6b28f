// scalekit.m2m: an organization's API clients (client credentials) and their secrets.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { ScalekitBadRequestException, ScalekitNotFoundException, ScalekitUnauthorizedException } = require('@scalekit-sdk/node');
const { scalekit, newOrganization, newApiClient, rejectsWith } = require('../support/scalekit');

const claims = (client) => Object.fromEntries(client.customClaims.map(({ key, value }) => [key, value]));

test('createOrganizationClient returns an m2morg_ client id, its plain secret once, and the scopes, audience and custom claims', async () => {
  const organization = await newOrganization();

  const { client, plainSecret } = await newApiClient(organization.id);

  assert.match(client.clientId, /^m2morg_\d+$/);
  assert.equal(client.organizationId, organization.id);
  assert.equal(client.name, 'GitHub Actions Deployment Service');
  assert.equal(client.description, 'Service account for GitHub Actions to deploy applications to production');
  assert.deepEqual(client.scopes, ['deploy:applications', 'read:deployments']);
  assert.deepEqual(client.audience, ['deployment-api.acmecorp.com']);
  assert.deepEqual(claims(client), { environment: 'production', team: 'platform' });
  assert.ok(plainSecret.length >= 32, 'a plain secret is returned');
  assert.equal(client.secrets.length, 1);
  assert.equal(client.secrets[0].secretSuffix, plainSecret.slice(-4));
  assert.equal(client.secrets[0].plainSecret, undefined, 'the secret list does not repeat the plain secret');
});

test('getOrganizationClient returns the client with its secrets but no plain secret', async () => {
  const organization = await newOrganization();
  const created = await newApiClient(organization.id);

  const { client } = await scalekit.m2m.getOrganizationClient(organization.id, created.client.clientId);

  assert.equal(client.clientId, created.client.clientId);
  assert.equal(client.name, created.client.name);
  assert.deepEqual(client.scopes, created.client.scopes);
  assert.deepEqual(client.audience, created.client.audience);
  assert.deepEqual(claims(client), claims(created.client));
  assert.deepEqual(client.secrets.map((secret) => secret.id), created.client.secrets.map((secret) => secret.id));
  assert.ok(client.secrets.every((secret) => secret.plainSecret === undefined), 'no plain secret');
  assert.ok(!JSON.stringify(client, (key, value) => (typeof value === 'bigint' ? String(value) : value)).includes(created.plainSecret));
});

test('listOrganizationClients pages with pageSize and pageToken and reports totalSize, nextPageToken and prevPageToken', async () => {
  const organization = await newOrganization();
  const ids = [];
  for (let i = 0; i < 12; i += 1) ids.push((await newApiClient(organization.id, { name: `Worker ${i}` })).client.clientId);

  const first = await scalekit.m2m.listOrganizationClients(organization.id, { pageSize: 10 });
  const second = await scalekit.m2m.listOrganizationClients(organization.id, { pageSize: 10, pageToken: first.nextPageToken });

  assert.equal(first.clients.length, 10);
  assert.equal(first.totalSize, 12);
  assert.notEqual(first.nextPageToken, '');
  assert.equal(first.prevPageToken, '');
  assert.equal(second.clients.length, 2);
  assert.equal(second.nextPageToken, '');
  assert.notEqual(second.prevPageToken, '');
  assert.deepEqual([...first.clients, ...second.clients].map((client) => client.clientId).sort(), [...ids].sort());
  const back = await scalekit.m2m.listOrganizationClients(organization.id, { pageSize: 10, pageToken: second.prevPageToken });
  assert.deepEqual(back.clients.map((client) => client.clientId), first.clients.map((client) => client.clientId));
});

test('listOrganizationClients lists only the clients of that organization', async () => {
  const organization = await newOrganization();
  const other = await newOrganization();
  const ours = await newApiClient(organization.id);
  await newApiClient(other.id);

  const { clients, totalSize } = await scalekit.m2m.listOrganizationClients(organization.id);

  assert.deepEqual(clients.map((client) => client.clientId), [ours.client.clientId]);
  assert.equal(totalSize, 1);
});

test('updateOrganizationClient changes the name, description, scopes, audience and custom claims', async () => {
  const organization = await newOrganization();
  const created = await newApiClient(organization.id);

  const { client } = await scalekit.m2m.updateOrganizationClient(organization.id, created.client.clientId, {
    name: 'Nightly Reporting Job',
    description: 'Reads deployments every night',
    scopes: ['read:deployments'],
    audience: ['reporting-api.acmecorp.com'],
    customClaims: { environment: 'staging' },
  });

  assert.equal(client.clientId, created.client.clientId);
  assert.equal(client.name, 'Nightly Reporting Job');
  assert.equal(client.description, 'Reads deployments every night');
  assert.deepEqual(client.scopes, ['read:deployments']);
  assert.deepEqual(client.audience, ['reporting-api.acmecorp.com']);
  assert.deepEqual(claims(client), { environment: 'staging' });
  const { client: read } = await scalekit.m2m.getOrganizationClient(organization.id, created.client.clientId);
  assert.deepEqual(read.scopes, ['read:deployments']);
});

test('updateOrganizationClient with only a name keeps the other fields', async () => {
  const organization = await newOrganization();
  const created = await newApiClient(organization.id);

  const { client } = await scalekit.m2m.updateOrganizationClient(organization.id, created.client.clientId, { name: 'Renamed Service' });

  assert.equal(client.name, 'Renamed Service');
  assert.equal(client.description, created.client.description);
  assert.deepEqual(client.scopes, created.client.scopes);
  assert.deepEqual(client.audience, created.client.audience);
  assert.deepEqual(claims(client), claims(created.client));
});

test('deleteOrganizationClient removes the client: getOrganizationClient is then ScalekitNotFoundException', async () => {
  const organization = await newOrganization();
  const { client } = await newApiClient(organization.id);

  await scalekit.m2m.deleteOrganizationClient(organization.id, client.clientId);

  await rejectsWith(scalekit.m2m.getOrganizationClient(organization.id, client.clientId), ScalekitNotFoundException);
  const { clients } = await scalekit.m2m.listOrganizationClients(organization.id);
  assert.deepEqual(clients, []);
});

test('addOrganizationClientSecret adds a second secret and returns its plain value once', async () => {
  const organization = await newOrganization();
  const created = await newApiClient(organization.id);

  const { secret, plainSecret } = await scalekit.m2m.addOrganizationClientSecret(organization.id, created.client.clientId);

  assert.ok(secret.id.length > 0);
  assert.notEqual(plainSecret, created.plainSecret);
  assert.equal(secret.secretSuffix, plainSecret.slice(-4));
  const { client } = await scalekit.m2m.getOrganizationClient(organization.id, created.client.clientId);
  assert.deepEqual(client.secrets.map((s) => s.id).sort(), [created.client.secrets[0].id, secret.id].sort());
});

test('removeOrganizationClientSecret revokes one of two secrets: only the other still gets a token', async () => {
  const organization = await newOrganization();
  const created = await newApiClient(organization.id);
  const added = await scalekit.m2m.addOrganizationClientSecret(organization.id, created.client.clientId);

  await scalekit.m2m.removeOrganizationClientSecret(organization.id, created.client.clientId, created.client.secrets[0].id);

  const { client } = await scalekit.m2m.getOrganizationClient(organization.id, created.client.clientId);
  assert.deepEqual(client.secrets.map((secret) => secret.id), [added.secret.id]);
  const token = await scalekit.generateClientToken(created.client.clientId, added.plainSecret);
  assert.equal(token.split('.').length, 3);
  await rejectsWith(scalekit.generateClientToken(created.client.clientId, created.plainSecret), ScalekitUnauthorizedException);
});

test('removeOrganizationClientSecret refuses to revoke the client\'s only secret with ScalekitBadRequestException', async () => {
  const organization = await newOrganization();
  const { client, plainSecret } = await newApiClient(organization.id);

  await rejectsWith(scalekit.m2m.removeOrganizationClientSecret(organization.id, client.clientId, client.secrets[0].id), ScalekitBadRequestException);

  const token = await scalekit.generateClientToken(client.clientId, plainSecret);
  assert.equal(token.split('.').length, 3, 'the secret still works');
});
