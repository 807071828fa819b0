import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  policy?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, one entry per method: what the policy-matrix test checks for completeness. */
    routeTable: readonly RouteEntry[];
  }
}

/** Registered first, so its onRoute hook sees every route of every plugin after it. */
export function registerRouteTable(app: FastifyInstance) {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) table.push({ method, url: route.url, policy: route.config?.policy });
  });
}
