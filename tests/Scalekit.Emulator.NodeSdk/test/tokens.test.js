// Access tokens: an API client created through scalekit.m2m gets a JWT by client credentials
// (scalekit.generateClientToken), and the SDK's own validateToken / validateAccessToken check it against the
// emulator's JWKS (jose.jwtVerify: signature, exp/nbf, and the issuer, audience and scopes a caller asks for).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { ScalekitClient, ScalekitValidateTokenFailureException } = require('@scalekit-sdk/node');
const { environment, scalekit, newOrganization, newApiClient, rejectsWith, jwtPayload } = require('../support/scalekit');

const audience = 'deployment-api.acmecorp.com';
let registered;

/** One organization and API client for the file: `{ organization, client, plainSecret }`. */
function apiClient() {
  registered ??= (async () => {
    const organization = await newOrganization();
    const { client, plainSecret } = await newApiClient(organization.id);
    return { organization, client, plainSecret };
  })();
  return registered;
}

test('generateClientToken gets a signed JWT for an API client\'s id and secret', async () => {
  const { client, plainSecret } = await apiClient();

  const token = await scalekit.generateClientToken(client.clientId, plainSecret);

  assert.equal(token.split('.').length, 3);
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  assert.equal(header.alg, 'RS256');
  assert.match(header.kid, /^snk_/);
});

test('getClientAccessToken of a ScalekitClient made with an API client\'s credentials gets that client\'s token', async () => {
  const { client, plainSecret } = await apiClient();
  const asClient = new ScalekitClient(environment.url, client.clientId, plainSecret);

  const token = await asClient.getClientAccessToken();

  assert.equal(jwtPayload(token).client_id, client.clientId);
});

test('validateToken accepts the access token and returns its claims: issuer, client, organization, audience, scopes and custom claims', async () => {
  const { organization, client, plainSecret } = await apiClient();
  const token = await scalekit.generateClientToken(client.clientId, plainSecret);

  const claims = await scalekit.validateToken(token);

  assert.equal(claims.iss, environment.url);
  assert.equal(claims.client_id, client.clientId);
  assert.equal(claims.sub, client.clientId);
  assert.equal(claims.oid, organization.id);
  assert.deepEqual(claims.aud, [audience]);
  assert.deepEqual(claims.scopes, ['deploy:applications', 'read:deployments']);
  assert.deepEqual(claims.custom_claims, { environment: 'production', team: 'platform' });
  assert.equal(claims.exp - claims.iat, 3600, 'the default expiry of an API client is an hour');
});

test('validateToken with the token\'s issuer, audience and required scopes accepts it', async () => {
  const { client, plainSecret } = await apiClient();
  const token = await scalekit.generateClientToken(client.clientId, plainSecret);

  const claims = await scalekit.validateToken(token, { issuer: environment.url, audience, requiredScopes: ['deploy:applications'] });

  assert.equal(claims.client_id, client.clientId);
});

test('validateToken with another audience is ScalekitValidateTokenFailureException', async () => {
  const { client, plainSecret } = await apiClient();
  const token = await scalekit.generateClientToken(client.clientId, plainSecret);

  await rejectsWith(scalekit.validateToken(token, { audience: 'billing-api.acmecorp.com' }), ScalekitValidateTokenFailureException);
});

test('validateToken with another issuer is ScalekitValidateTokenFailureException', async () => {
  const { client, plainSecret } = await apiClient();
  const token = await scalekit.generateClientToken(client.clientId, plainSecret);

  await rejectsWith(scalekit.validateToken(token, { issuer: 'https://other.scalekit.dev' }), ScalekitValidateTokenFailureException);
});

test('validateToken requiring a scope the client lacks is ScalekitValidateTokenFailureException naming the scope', async () => {
  const { client, plainSecret } = await apiClient();
  const token = await scalekit.generateClientToken(client.clientId, plainSecret);

  const error = await rejectsWith(scalekit.validateToken(token, { requiredScopes: ['admin:billing'] }), ScalekitValidateTokenFailureException);

  assert.match(error.message, /admin:billing/);
});

test('validateAccessToken is true for the access token and false once a claim is tampered with', async () => {
  const { client, plainSecret } = await apiClient();
  const token = await scalekit.generateClientToken(client.clientId, plainSecret);
  const [header, , signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ ...jwtPayload(token), scopes: ['admin:everything'] })).toString('base64url');

  assert.equal(await scalekit.validateAccessToken(token), true);
  assert.equal(await scalekit.validateAccessToken(`${header}.${forged}.${signature}`), false);
});

test('a token after a change of the client\'s scopes carries the new scopes', async () => {
  const organization = await newOrganization();
  const { client, plainSecret } = await newApiClient(organization.id);
  await scalekit.m2m.updateOrganizationClient(organization.id, client.clientId, { scopes: ['read:deployments'] });

  const claims = await scalekit.validateToken(await scalekit.generateClientToken(client.clientId, plainSecret));

  assert.deepEqual(claims.scopes, ['read:deployments']);
});
