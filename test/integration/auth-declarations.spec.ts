// Nest's own metadata keys for route handlers.
const METHOD_METADATA = 'method';
const PATH_METADATA = 'path';
import type { DynamicModule, Type } from '@nestjs/common';
import { AppModule } from '../../src/app.module';
import { PUBLIC_KEY, SCOPES_KEY } from '../../src/common/auth/auth.decorators';
import { loadEnv } from '../../src/config/env';

type ModuleRef = Type | DynamicModule | Promise<DynamicModule>;

/** Every controller reachable from the app module, following static and dynamic imports. */
function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type[] {
  if (seen.has(root) || root instanceof Promise) return [];
  seen.add(root);
  const dynamic = (root as DynamicModule).module ? (root as DynamicModule) : undefined;
  const type = dynamic?.module ?? (root as Type);
  const imports: ModuleRef[] = [...(Reflect.getMetadata('imports', type) ?? []), ...(dynamic?.imports ?? [])];
  const controllers: Type[] = [...(Reflect.getMetadata('controllers', type) ?? []), ...(dynamic?.controllers ?? [])];
  return [...controllers, ...imports.flatMap((m) => controllersOf(m, seen))];
}

describe('route auth declarations', () => {
  const controllers = [...new Set(controllersOf(AppModule.forRoot(loadEnv({}))))];
  const handlers = controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => ({ controller, name, handler: controller.prototype[name] as object }))
      .filter(({ handler }) => Reflect.getMetadata(METHOD_METADATA, handler) !== undefined),
  );

  it('finds the routes', () => {
    expect(controllers.length).toBeGreaterThanOrEqual(4);
    expect(handlers.length).toBeGreaterThanOrEqual(20);
  });

  it('declares @Scopes or @Public on every handler', () => {
    const undeclared = handlers
      .filter(({ controller, handler }) => {
        const declared = (target: object) =>
          Reflect.getMetadata(SCOPES_KEY, target) !== undefined || Reflect.getMetadata(PUBLIC_KEY, target) === true;
        return !declared(handler) && !declared(controller);
      })
      .map(({ controller, name }) => `${controller.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, controller.prototype[name]))})`);
    expect(undeclared).toEqual([]);
  });

  it('keeps every /v1 route behind a token', () => {
    const publicV1 = handlers
      .filter(({ controller }) => String(Reflect.getMetadata(PATH_METADATA, controller)).startsWith('v1'))
      .filter(({ controller, handler }) => Reflect.getMetadata(PUBLIC_KEY, handler) || Reflect.getMetadata(PUBLIC_KEY, controller))
      .map(({ controller, name }) => `${controller.name}.${name}`);
    expect(publicV1).toEqual([]);
  });
});
