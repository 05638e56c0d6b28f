// scalekit.token: API keys (Scalekit's opaque API tokens) of an organization or one of its users: create (the key
// is shown once), validate, list, update and invalidate.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { ScalekitValidateTokenFailureException } = require('@scalekit-sdk/node');
const { scalekit, newOrganization, rejectsWith, timestamp, delay } = require('../support/scalekit');

const json = (value) => JSON.stringify(value, (key, v) => (typeof v === 'bigint' ? String(v) : v));

test('createToken returns an apit_ token id, the key itself, and the organization, custom claims, description and user id', async () => {
  const organization = await newOrganization();

  const created = await scalekit.token.createToken(organization.id, {
    userId: 'usr_67890',
    customClaims: { env: 'production', scope: 'read' },
    description: 'CI/CD pipeline token',
  });

  assert.match(created.tokenId, /^apit_\d+$/);
  assert.ok(created.token.length >= 32, 'the key is returned');
  const info = created.tokenInfo;
  assert.equal(info.tokenId, created.tokenId);
  assert.equal(info.organizationId, organization.id);
  assert.equal(info.organizationExternalId, organization.externalId);
  assert.equal(info.userId, 'usr_67890');
  assert.deepEqual(info.customClaims, { env: 'production', scope: 'read' });
  assert.equal(info.description, 'CI/CD pipeline token');
  assert.equal(info.tokenSuffix, created.token.slice(-4));
  assert.equal(info.expiry, undefined, 'no expiry was asked for');
  assert.ok(info.createdAt.seconds > 0n);
});

test('createToken with an expiry returns that expiry', async () => {
  const organization = await newOrganization();
  const expiry = new Date(Date.now() + 24 * 3600 * 1000);
  expiry.setMilliseconds(0);

  const { tokenInfo } = await scalekit.token.createToken(organization.id, { expiry: timestamp(expiry) });

  assert.equal(tokenInfo.expiry.seconds, BigInt(expiry.getTime() / 1000));
});

test('the key is shown once: listTokens and validateToken never return it', async () => {
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id, { description: 'shown once' });

  const listed = await scalekit.token.listTokens(organization.id);
  const validated = await scalekit.token.validateToken(created.token);

  assert.deepEqual(listed.tokens.map((token) => token.tokenId), [created.tokenId]);
  assert.ok(!json(listed).includes(created.token), 'listTokens does not contain the key');
  assert.ok(!json(validated).includes(created.token), 'validateToken does not contain the key');
});

test('validateToken returns the organization id, organization external id, custom claims and user id of the key', async () => {
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id, { userId: 'usr_4242', customClaims: { plan: 'enterprise' } });

  const { tokenInfo } = await scalekit.token.validateToken(created.token);

  assert.equal(tokenInfo.tokenId, created.tokenId);
  assert.equal(tokenInfo.organizationId, organization.id);
  assert.equal(tokenInfo.organizationExternalId, organization.externalId);
  assert.deepEqual(tokenInfo.customClaims, { plan: 'enterprise' });
  assert.equal(tokenInfo.userId, 'usr_4242');
});

test('validateToken accepts the key\'s token id (apit_…) as well as the key, as the API documents', async () => {
  // ApiTokenService.ValidateToken: "Validates a provided plain-text opaque token or token identifier";
  // ValidateTokenRequest.token: "Opaque token string OR token_id ("apit_xxxxx")".
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id);

  const { tokenInfo } = await scalekit.token.validateToken(created.tokenId);

  assert.equal(tokenInfo.tokenId, created.tokenId);
  assert.equal(tokenInfo.organizationId, organization.id);
});

test('listTokens lists the organization\'s keys with totalCount', async () => {
  const organization = await newOrganization();
  const other = await newOrganization();
  const ids = [];
  for (let i = 0; i < 3; i += 1) ids.push((await scalekit.token.createToken(organization.id)).tokenId);
  await scalekit.token.createToken(other.id);

  const { tokens, totalCount, nextPageToken } = await scalekit.token.listTokens(organization.id);

  assert.deepEqual(tokens.map((token) => token.tokenId).sort(), [...ids].sort());
  assert.equal(totalCount, 3);
  assert.equal(nextPageToken, '');
});

test('listTokens with userId lists only that user\'s keys', async () => {
  const organization = await newOrganization();
  const mine = await scalekit.token.createToken(organization.id, { userId: 'usr_111' });
  await scalekit.token.createToken(organization.id, { userId: 'usr_222' });
  await scalekit.token.createToken(organization.id);

  const { tokens, totalCount } = await scalekit.token.listTokens(organization.id, { userId: 'usr_111' });

  assert.deepEqual(tokens.map((token) => token.tokenId), [mine.tokenId]);
  assert.equal(totalCount, 1);
});

test('listTokens pages with pageSize and pageToken', async () => {
  const organization = await newOrganization();
  const ids = [];
  for (let i = 0; i < 3; i += 1) ids.push((await scalekit.token.createToken(organization.id)).tokenId);

  const first = await scalekit.token.listTokens(organization.id, { pageSize: 2 });
  const second = await scalekit.token.listTokens(organization.id, { pageSize: 2, pageToken: first.nextPageToken });

  assert.equal(first.tokens.length, 2);
  assert.equal(first.totalCount, 3);
  assert.notEqual(first.nextPageToken, '');
  assert.equal(first.prevPageToken, '');
  assert.equal(second.tokens.length, 1);
  assert.equal(second.nextPageToken, '');
  assert.notEqual(second.prevPageToken, '');
  assert.deepEqual([...first.tokens, ...second.tokens].map((token) => token.tokenId).sort(), [...ids].sort());
});

test('updateToken merges custom claims: a new claim is added, a changed one replaced, the others kept', async () => {
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id, { customClaims: { env: 'staging', team: 'platform' } });

  const { tokenInfo } = await scalekit.token.updateToken(created.token, { customClaims: { env: 'production', region: 'eu' } });

  assert.deepEqual(tokenInfo.customClaims, { env: 'production', team: 'platform', region: 'eu' });
  const validated = await scalekit.token.validateToken(created.token);
  assert.deepEqual(validated.tokenInfo.customClaims, { env: 'production', team: 'platform', region: 'eu' });
});

test('updateToken with an empty claim value removes that claim', async () => {
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id, { customClaims: { env: 'staging', team: 'platform' } });

  const { tokenInfo } = await scalekit.token.updateToken(created.token, { customClaims: { team: '' } });

  assert.deepEqual(tokenInfo.customClaims, { env: 'staging' });
});

test('updateToken sets the description, and an empty description clears it', async () => {
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id, { description: 'CI token' });

  const renamed = await scalekit.token.updateToken(created.token, { description: 'Updated CI token' });
  const cleared = await scalekit.token.updateToken(created.token, { description: '' });

  assert.equal(renamed.tokenInfo.description, 'Updated CI token');
  assert.equal(cleared.tokenInfo.description ?? '', '');
});

test('updateToken by the token id (apit_…) changes the same key', async () => {
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id, { customClaims: { env: 'staging' } });

  await scalekit.token.updateToken(created.tokenId, { customClaims: { env: 'production' } });

  const { tokenInfo } = await scalekit.token.validateToken(created.token);
  assert.deepEqual(tokenInfo.customClaims, { env: 'production' });
});

test('invalidateToken revokes the key: validateToken is then ScalekitValidateTokenFailureException', async () => {
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id);

  await scalekit.token.invalidateToken(created.token);

  await rejectsWith(scalekit.token.validateToken(created.token), ScalekitValidateTokenFailureException);
  const { tokens } = await scalekit.token.listTokens(organization.id);
  assert.deepEqual(tokens, []);
});

test('invalidateToken by the token id (apit_…) revokes the key', async () => {
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id);

  await scalekit.token.invalidateToken(created.tokenId);

  await rejectsWith(scalekit.token.validateToken(created.token), ScalekitValidateTokenFailureException);
});

test('invalidateToken of a key already invalidated succeeds, as the API documents it idempotent', async () => {
  // ApiTokenService.InvalidateToken: "Marks a token as invalid, in an idempotent way: the operation succeeds even
  // if the token was already invalidated."
  const organization = await newOrganization();
  const created = await scalekit.token.createToken(organization.id);
  await scalekit.token.invalidateToken(created.token);

  await scalekit.token.invalidateToken(created.token);
  await scalekit.token.invalidateToken(created.tokenId);
});

test('an expired key fails validateToken with ScalekitValidateTokenFailureException', async () => {
  const organization = await newOrganization();
  const expiry = new Date(Date.now() + 1500);
  const created = await scalekit.token.createToken(organization.id, { expiry: timestamp(expiry) });
  await scalekit.token.validateToken(created.token);

  await delay(expiry.getTime() - Date.now() + 250);

  await rejectsWith(scalekit.token.validateToken(created.token), ScalekitValidateTokenFailureException);
});
