// scalekit.organization: create, get (by id and by external id), list, search, update (by id and by external id)
// and delete, with the fields a caller reads.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { ScalekitNotFoundException } = require('@scalekit-sdk/node');
const { scalekit, unique, newOrganization, rejectsWith } = require('../support/scalekit');

test('createOrganization returns the new organization with its id, display name and external id', async () => {
  const externalId = unique('tenant');

  const { organization } = await scalekit.organization.createOrganization('Megasoft Inc', { externalId });

  assert.match(organization.id, /^org_\d+$/);
  assert.equal(organization.displayName, 'Megasoft Inc');
  assert.equal(organization.externalId, externalId);
  assert.ok(organization.createTime.seconds > 0n, 'createTime is set');
});

test('createOrganization without an external id leaves externalId unset', async () => {
  const { organization } = await scalekit.organization.createOrganization(unique('No External Id'));

  assert.equal(organization.externalId, undefined);
});

test('createOrganization accepts a display name of 200 characters, the longest the API allows', async () => {
  // OrganizationService's CreateOrganization documents display_name as 1 to 200 characters.
  const name = `Long Name ${unique('org')} `.padEnd(200, 'x');

  const { organization } = await scalekit.organization.createOrganization(name);

  assert.equal(organization.displayName, name);
});

test('getOrganization returns the organization by its id', async () => {
  const created = await newOrganization();

  const { organization } = await scalekit.organization.getOrganization(created.id);

  assert.equal(organization.id, created.id);
  assert.equal(organization.displayName, created.displayName);
  assert.equal(organization.externalId, created.externalId);
});

test('getOrganizationByExternalId returns the organization by the external id it was created with', async () => {
  const created = await newOrganization();

  const { organization } = await scalekit.organization.getOrganizationByExternalId(created.externalId);

  assert.equal(organization.id, created.id);
  assert.equal(organization.displayName, created.displayName);
});

test('listOrganization pages with pageSize and pageToken and reports totalSize, nextPageToken and prevPageToken', async () => {
  // Other test files create organizations at the same time, and the list is in creation order, so the walk
  // only asserts what holds with them: pages of pageSize that never overlap and contain ours.
  const ours = [];
  for (let i = 0; i < 11; i += 1) ours.push((await newOrganization('Paged Org')).id);

  const first = await scalekit.organization.listOrganization({ pageSize: 10 });
  const pages = [first];
  while (pages.at(-1).nextPageToken !== '') {
    pages.push(await scalekit.organization.listOrganization({ pageSize: 10, pageToken: pages.at(-1).nextPageToken }));
  }

  assert.equal(first.prevPageToken, '', 'the first page has no previous page');
  assert.notEqual(first.nextPageToken, '', 'the first page has a next page');
  assert.equal(first.organizations.length, 10);
  assert.ok(first.totalSize >= 11, `totalSize ${first.totalSize} counts at least our 11 organizations`);
  assert.ok(pages.length >= 2);
  assert.notEqual(pages[1].prevPageToken, '', 'the second page has a previous page');
  const ids = pages.flatMap((page) => page.organizations.map((organization) => organization.id));
  assert.equal(new Set(ids).size, ids.length, 'no organization is on two pages');
  for (const id of ours) assert.ok(ids.includes(id), `${id} is listed`);
  const back = await scalekit.organization.listOrganization({ pageSize: 10, pageToken: pages[1].prevPageToken });
  assert.deepEqual(back.organizations.map((organization) => organization.id), first.organizations.map((organization) => organization.id));
});

test('searchOrganization finds an organization by part of its display name, whatever the case', async () => {
  const marker = unique('zebra');
  const created = (await scalekit.organization.createOrganization(`Striped ${marker} Holdings`)).organization;
  await newOrganization('Unrelated Org');

  const found = await scalekit.organization.searchOrganization(marker.toUpperCase(), 10);

  assert.deepEqual(found.organizations.map((organization) => organization.id), [created.id]);
  assert.equal(found.totalSize, 1);
  assert.equal(found.nextPageToken, '');
});

test('searchOrganization finds an organization by its external id', async () => {
  const created = await newOrganization();

  const found = await scalekit.organization.searchOrganization(created.externalId);

  assert.deepEqual(found.organizations.map((organization) => organization.id), [created.id]);
});

test('updateOrganization changes the display name and the external id', async () => {
  const created = await newOrganization();
  const externalId = unique('renamed-tenant');

  const { organization } = await scalekit.organization.updateOrganization(created.id, { displayName: 'Megasoft Renamed', externalId });

  assert.equal(organization.id, created.id);
  assert.equal(organization.displayName, 'Megasoft Renamed');
  assert.equal(organization.externalId, externalId);
  const { organization: read } = await scalekit.organization.getOrganization(created.id);
  assert.equal(read.displayName, 'Megasoft Renamed');
  assert.equal(read.externalId, externalId);
});

test('updateOrganization sets metadata', async () => {
  const created = await newOrganization();

  const { organization } = await scalekit.organization.updateOrganization(created.id, { metadata: { industry: 'technology' } });

  assert.deepEqual(organization.metadata, { industry: 'technology' });
  assert.equal(organization.displayName, created.displayName);
});

test('updateOrganizationByExternalId changes the organization that has that external id', async () => {
  const created = await newOrganization();

  const { organization } = await scalekit.organization.updateOrganizationByExternalId(created.externalId, { displayName: 'Found By External Id' });

  assert.equal(organization.id, created.id);
  assert.equal(organization.displayName, 'Found By External Id');
  assert.equal(organization.externalId, created.externalId);
});

test('deleteOrganization removes the organization: getOrganization is then ScalekitNotFoundException', async () => {
  const created = await newOrganization();

  await scalekit.organization.deleteOrganization(created.id);

  await rejectsWith(scalekit.organization.getOrganization(created.id), ScalekitNotFoundException);
  await rejectsWith(scalekit.organization.getOrganizationByExternalId(created.externalId), ScalekitNotFoundException);
});
