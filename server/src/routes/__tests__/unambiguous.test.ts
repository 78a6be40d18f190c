import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { createId } from '@paralleldrive/cuid2';
import controllers from '../../controllers';
import { createDocumentId } from '../../db/document-id';
import type { RouteDefinition } from '../../features/feature';
import routes from '..';

interface Key {
  name: string | number;
  prefix: string;
  suffix: string;
  pattern: string;
}

// The path-to-regexp that Strapi's router (@koa/router) compiles route paths with, with its options.
const pathToRegexp: {
  parse(path: string): Array<string | Key>;
  pathToRegexp(path: string, keys: Key[], options: object): RegExp;
} = require(require.resolve('path-to-regexp', { paths: [path.dirname(require.resolve('@koa/router'))] }));
const LAYER_OPTIONS = { end: true, strict: false, sensitive: false };

/** Values a parameter may take, tried in turn: a documentId, a row id, a tracking token. */
const SAMPLE_VALUES = [createId(), '42', 'v1.c2lnbmVk-dG9rZW4_'];

/** A concrete path this route answers: each parameter replaced by a value its pattern accepts. */
const samplePath = (route: RouteDefinition) =>
  pathToRegexp
    .parse(route.path)
    .map((token) => {
      if (typeof token === 'string') return token;
      const value = SAMPLE_VALUES.find((candidate) => new RegExp(`^(?:${token.pattern})$`, 'i').test(candidate));
      if (!value) throw new Error(`no sample value for :${token.name} of ${route.path}`);
      return `${token.prefix}${value}${token.suffix}`;
    })
    .join('');

const matches = (route: RouteDefinition, method: string, requestPath: string) =>
  route.method === method && pathToRegexp.pathToRegexp(route.path, [], LAYER_OPTIONS).test(requestPath);

const tables = Object.values(routes).map((table) => [table.type, table.routes] as const);

describe.each(tables)('%s routes', (_type, table) => {
  test.each(table.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers only its own paths', (_name, route) => {
    const sample = samplePath(route);
    const answering = table.filter((candidate) => matches(candidate, route.method, sample));
    expect(answering.map((r) => `${r.method} ${r.path}`)).toEqual([`${route.method} ${route.path}`]);
  });

  test('every handler is an action of a registered controller', () => {
    const missing = table
      .map((route) => route.handler)
      .filter((handler) => {
        const [controller, action] = handler.split('.');
        const factory = (controllers as Record<string, (context: { strapi: Core.Strapi }) => Record<string, unknown>>)[controller];
        return typeof factory?.({ strapi: {} as Core.Strapi })[action] !== 'function';
      });
    expect(missing).toEqual([]);
  });
});

test('a documentId as Strapi makes them, and as the imports make them, reaches the document routes', () => {
  const admin = routes.admin.routes;
  for (const documentId of [createId(), createDocumentId()]) {
    const answering = admin.filter((route) => matches(route, 'GET', `/contacts/${documentId}`));
    expect(answering.map((route) => route.handler)).toEqual(['contacts.findOne']);
  }
});

test('a static segment is never taken for a documentId, and a malformed id reaches no route', () => {
  const admin = routes.admin.routes;
  expect(admin.filter((route) => matches(route, 'GET', '/contacts/export')).map((route) => route.handler)).toEqual(['contactExport.find']);
  expect(admin.filter((route) => matches(route, 'GET', '/campaigns/senders')).map((route) => route.handler)).toEqual(['sending.senders']);
  expect(admin.filter((route) => matches(route, 'GET', '/contacts/not-a-document-id'))).toEqual([]);
});
