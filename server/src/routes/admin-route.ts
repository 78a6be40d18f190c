import type { RouteDefinition } from '../features/feature';

/**
 * A documentId as Strapi makes them (@paralleldrive/cuid2's createId: 24 lower-case letters and
 * digits; cuid2 accepts up to 32). No static segment of a route is that long, so a path like
 * `/contacts/export` can never be taken for a document, whatever order the routes are in
 * (routes/__tests__/unambiguous.test.ts proves it for every route).
 */
export const DOCUMENT_ID = ':documentId([a-z0-9]{24,32})';

/** A numeric row id (imports are rows of the plugin's own table, not documents). */
export const ROW_ID = ':id(\\d+)';

/** Needs an admin with every one of these registered actions. */
export const guard = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export interface CrudActions {
  read: string;
  write: string;
  delete: string;
}

/** The five admin routes of a resource controller (controllers/resource.ts). */
export const crudRoutes = (path: string, controller: string, actions: CrudActions): RouteDefinition[] => [
  { method: 'GET', path: `/${path}`, handler: `${controller}.find`, config: guard(actions.read) },
  { method: 'POST', path: `/${path}`, handler: `${controller}.create`, config: guard(actions.write) },
  { method: 'GET', path: `/${path}/${DOCUMENT_ID}`, handler: `${controller}.findOne`, config: guard(actions.read) },
  { method: 'PUT', path: `/${path}/${DOCUMENT_ID}`, handler: `${controller}.update`, config: guard(actions.write) },
  { method: 'DELETE', path: `/${path}/${DOCUMENT_ID}`, handler: `${controller}.delete`, config: guard(actions.delete) },
];
