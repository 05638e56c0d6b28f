// Creates an organization and a user's API key with Scalekit's official Node SDK, as an application's back office
// would, and prints them as one JSON line: {"token", "tokenId", "organizationId", "organizationExternalId"}. The .NET
// test tests/Scalekit.AspNetCore.Tests/ApiKeys/NodeSdkApiKeyTests.cs runs it against an emulator, then sends the key
// to a .NET API that must accept it. Not a test file: node --test runs only test/*.test.js.
'use strict';
const { scalekit, newOrganization } = require('../support/scalekit');

async function main() {
  const organization = await newOrganization('Node SDK Corp');
  const created = await scalekit.token.createToken(organization.id, {
    userId: 'usr_node_sdk',
    customClaims: { plan: 'enterprise', created_by: 'node-sdk' },
    description: 'created by @scalekit-sdk/node',
  });
  process.stdout.write(JSON.stringify({
    token: created.token,
    tokenId: created.tokenId,
    organizationId: organization.id,
    organizationExternalId: organization.externalId,
  }) + '\n', () => process.exit(0)); // the SDK keeps its HTTP/2 connection open
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
