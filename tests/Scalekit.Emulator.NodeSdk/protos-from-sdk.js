// Rebuilds the .proto files the emulator serves from the descriptors that @scalekit-sdk/node's generated code carries.
// Usage (from this folder, after `npm ci`): node protos-from-sdk.js <output folder>
'use strict';
const fs = require('fs');
const path = require('path');
const { isFieldSet } = require('@bufbuild/protobuf');
const { FieldDescriptorProtoSchema } = require('@bufbuild/protobuf/wkt');

// The services and methods the SDK's organization, m2m and token clients call (lib/organization.js, lib/m2mclient.js,
// lib/token.js), plus the read-only neighbours the emulator also answers.
const wanted = {
  'scalekit.v1.organizations.OrganizationService': [
    'CreateOrganization', 'UpdateOrganization', 'GetOrganization', 'GetOrganizationByExternalId',
    'ListOrganization', 'SearchOrganization', 'DeleteOrganization',
  ],
  'scalekit.v1.clients.ClientService': [
    'CreateOrganizationClient', 'GetOrganizationClient', 'UpdateOrganizationClient', 'DeleteOrganizationClient',
    'ListOrganizationClients', 'CreateOrganizationClientSecret', 'DeleteOrganizationClientSecret',
  ],
  'scalekit.v1.tokens.ApiTokenService': [
    'CreateToken', 'ValidateToken', 'InvalidateToken', 'ListTokens', 'UpdateToken',
  ],
};
const sources = ['organizations', 'clients', 'tokens', 'commons'];
const sdkVersion = require('@scalekit-sdk/node/package.json').version;

const files = new Map(); // proto file name -> FileDescriptorProto
for (const name of sources) {
  const mod = require(`@scalekit-sdk/node/lib/pkg/grpc/scalekit/v1/${name}/${name}_pb.js`);
  for (const value of Object.values(mod)) {
    if (value && value.kind === 'file') files.set(value.proto.name, value.proto);
  }
}

// Index every message and enum by full name, with its top-level ancestor and file.
const types = new Map();
function index(file, prefix, top, messages, enums) {
  for (const e of enums) types.set(`${prefix}.${e.name}`, { kind: 'enum', desc: e, top: top ?? `${prefix}.${e.name}`, file });
  for (const m of messages) {
    const full = `${prefix}.${m.name}`;
    types.set(full, { kind: 'message', desc: m, top: top ?? full, file });
    index(file, full, top ?? full, m.nestedType, m.enumType);
  }
}
for (const file of files.values()) index(file, file.package, null, file.messageType, file.enumType);

// The closure of top-level types the wanted methods need.
const needed = new Set();
function need(fullName) {
  const t = types.get(fullName);
  if (!t) return; // a well-known type
  if (needed.has(t.top)) return;
  needed.add(t.top);
  visit(types.get(t.top));
}
function visit(t) {
  if (t.kind !== 'message') return;
  for (const f of t.desc.field) if (f.typeName) need(f.typeName.slice(1));
  for (const n of t.desc.nestedType) visit({ kind: 'message', desc: n });
}
const services = [];
for (const file of files.values()) {
  for (const s of file.service) {
    const full = `${file.package}.${s.name}`;
    if (!wanted[full]) continue;
    const methods = s.method.filter((m) => wanted[full].includes(m.name));
    if (methods.length !== wanted[full].length) throw new Error(`${full} lacks a wanted method`);
    for (const m of methods) { need(m.inputType.slice(1)); need(m.outputType.slice(1)); }
    services.push({ file, desc: s, methods });
  }
}

// google.api.http (extension 72295728 of MethodOptions), read from the unknown fields: the REST route of each RPC.
function readVarint(bytes, pos) {
  let value = 0, shift = 0, b;
  do { b = bytes[pos++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return [value, pos];
}
function httpRule(options) {
  const unknown = (options?.$unknown ?? []).find((u) => u.no === 72295728);
  if (!unknown) return null;
  const bytes = Uint8Array.from(Object.values(unknown.data));
  const verbs = { 2: 'GET', 3: 'PUT', 4: 'POST', 5: 'DELETE', 6: 'PATCH' };
  // The unknown field's data starts with its length, as on the wire.
  let [, pos] = readVarint(bytes, 0);
  let verb = null, route = null, body = null;
  while (pos < bytes.length) {
    let key; [key, pos] = readVarint(bytes, pos);
    const no = Math.floor(key / 8), wire = key & 7;
    if (wire !== 2) throw new Error('unexpected wire type in HttpRule ');
    let len; [len, pos] = readVarint(bytes, pos);
    const text = Buffer.from(bytes.slice(pos, pos + len)).toString('utf8');
    pos += len;
    if (verbs[no]) { verb = verbs[no]; route = text; } else if (no === 7) body = text;
  }
  return verb ? `${verb} ${route}${body ? ` (body: ${body})` : ''}` : null;
}

const scalar = { 1: 'double', 2: 'float', 3: 'int64', 4: 'uint64', 5: 'int32', 6: 'fixed64', 7: 'fixed32', 8: 'bool',
  9: 'string', 12: 'bytes', 13: 'uint32', 15: 'sfixed32', 16: 'sfixed64', 17: 'sint32', 18: 'sint64' };
const imports = new Map(); // file -> Set of imports
function typeRef(file, f) {
  if (scalar[f.type]) return scalar[f.type];
  const full = f.typeName.slice(1);
  const t = types.get(full);
  if (!t) { imports.get(file.name).add(`google/protobuf/${wellKnown(full)}.proto`); return full; }
  if (t.file !== file) imports.get(file.name).add(t.file.name);
  return full;
}
function wellKnown(full) {
  const map = { Timestamp: 'timestamp', Empty: 'empty', Struct: 'struct', Value: 'struct', ListValue: 'struct',
    FieldMask: 'field_mask', Duration: 'duration', Any: 'any', StringValue: 'wrappers', BoolValue: 'wrappers',
    Int32Value: 'wrappers', Int64Value: 'wrappers', UInt32Value: 'wrappers', DoubleValue: 'wrappers' };
  const short = full.replace('google.protobuf.', '');
  if (!map[short]) throw new Error(`unknown type ${full}`);
  return map[short];
}
function renderEnum(e, indent) {
  const lines = [`${indent}enum ${e.name} {`];
  for (const v of e.value) lines.push(`${indent}  ${v.name} = ${v.number};`);
  lines.push(`${indent}}`);
  return lines;
}
function renderMessage(file, m, prefix, indent) {
  const full = `${prefix}.${m.name}`;
  const lines = [`${indent}message ${m.name} {`];
  const maps = new Map(m.nestedType.filter((n) => n.options?.mapEntry).map((n) => [`.${full}.${n.name}`, n]));
  for (const n of m.nestedType) if (!n.options?.mapEntry) lines.push(...renderMessage(file, n, full, indent + '  '));
  for (const e of m.enumType) lines.push(...renderEnum(e, indent + '  '));
  const realOneofs = new Map();
  for (const f of m.field) {
    const field = (label) => {
      const entry = maps.get(f.typeName);
      const type = entry ? `map<${typeRef(file, entry.field[0])}, ${typeRef(file, entry.field[1])}>` : typeRef(file, f);
      return `${label}${type} ${f.name} = ${f.number};`;
    };
    if (isFieldSet(f, FieldDescriptorProtoSchema.field.oneofIndex) && !f.proto3Optional) {
      const name = m.oneofDecl[f.oneofIndex].name;
      if (!realOneofs.has(name)) { realOneofs.set(name, []); lines.push(`${indent}  oneof ${name} {`, `@@${name}`, `${indent}  }`); }
      realOneofs.get(name).push(`${indent}    ${field('')}`);
      continue;
    }
    const label = maps.has(f.typeName) ? '' : f.label === 3 ? 'repeated ' : f.proto3Optional ? 'optional ' : '';
    lines.push(`${indent}  ${field(label)}`);
  }
  lines.push(`${indent}}`);
  return lines.flatMap((l) => (l.startsWith('@@') ? realOneofs.get(l.slice(2)) : [l]));
}

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node protos-from-sdk.js <output folder>');
for (const file of files.values()) {
  imports.set(file.name, new Set());
  const body = [];
  for (const m of file.messageType) if (needed.has(`${file.package}.${m.name}`)) body.push('', ...renderMessage(file, m, file.package, ''));
  for (const e of file.enumType) if (needed.has(`${file.package}.${e.name}`)) body.push('', ...renderEnum(e, ''));
  for (const s of services.filter((x) => x.file === file)) {
    body.push('', `// Only the methods the emulator serves; any other method of ${s.desc.name} answers UNIMPLEMENTED.`);
    body.push(`service ${s.desc.name} {`);
    for (const m of s.methods) {
      typeRef(file, { typeName: m.inputType });
      typeRef(file, { typeName: m.outputType });
      const rule = httpRule(m.options);
      if (rule) body.push(`  // REST: ${rule}`);
      body.push(`  rpc ${m.name}(${m.inputType.slice(1)}) returns (${m.outputType.slice(1)});`);
    }
    body.push('}');
  }
  if (body.length === 0) continue;
  const csharpNamespace = 'Scalekit.Emulator.Protos.' + file.package.split('.').slice(2).map((p) => p[0].toUpperCase() + p.slice(1)).join('.');
  const text = [
    `// Generated by tests/Scalekit.Emulator.NodeSdk/protos-from-sdk.js from the descriptors in @scalekit-sdk/node ${sdkVersion}`,
    `// (lib/pkg/grpc/${file.name.replace('.proto', '_pb.js')}). Field numbers, names and types are the SDK's; options`,
    '// (validation, OpenAPI, visibility) are left out. Do not edit: run the script again.',
    'syntax = "proto3";',
    '',
    `package ${file.package};`,
    '',
    `option csharp_namespace = "${csharpNamespace}";`,
    ...(imports.get(file.name).size ? [''] : []),
    ...[...imports.get(file.name)].sort().map((i) => `import "${i}";`),
    ...body,
    '',
  ].join('\n');
  const target = path.join(outDir, file.name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
