import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REFERENCE_SPEC = join(__dirname, '..', '..', '..', 'shared', 'reference', 'spotify-web-api-openapi.yml');
const OWN_SPEC = join(__dirname, '..', '..', 'sdk-generator', 'openapi.json');

type Schema = Record<string, unknown>;

/** OpenAPI 3.0 schema objects to JSON Schema: `nullable` becomes a union with null. */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Schema;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === 'properties' ? mapValues(v as Schema) : toJsonSchema(v)]));
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

function mapValues(properties: Schema): Schema {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toJsonSchema(v)]));
}

function validatorFor(id: string, document: { components: { schemas: Schema } }): (name: string) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  addFormats(ajv);
  ajv.addSchema({ $id: id, components: { schemas: mapValues(document.components.schemas) } });
  return (name) => {
    const validate = ajv.getSchema(`${id}#/components/schemas/${name}`);
    if (!validate) throw new Error(`No schema ${name} in ${id}`);
    return validate;
  };
}

/** Validators for the schemas of Backbeat's own checked-in OpenAPI document. */
export const ownSchema = validatorFor('backbeat', JSON.parse(readFileSync(OWN_SPEC, 'utf8')));

// CI has ../shared beside the checkout: there a missing reference is a failure, not a skip.
if (process.env.CI === 'true' && !existsSync(REFERENCE_SPEC)) throw new Error(`CI needs the reference document at ${REFERENCE_SPEC}`);

/** Validators for the Spotify Web API reference schemas, when ../shared/reference is present. */
export const referenceSchema: ((name: string) => ValidateFunction) | null = existsSync(REFERENCE_SPEC)
  ? validatorFor('spotify', load(readFileSync(REFERENCE_SPEC, 'utf8')) as { components: { schemas: Schema } })
  : null;

/** Asserts that `value` matches a schema, printing ajv's errors when it does not. */
export function expectSchema(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  if (!ok) throw new Error(`Schema mismatch: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}
