import { sortKeys } from './openapi';

describe('sortKeys', () => {
  it('sorts keys at every depth and enum and required values, keeping other arrays in order', () => {
    const sorted = sortKeys({ b: 1, a: { d: [3, 1], c: { enum: ['single', 'album'], required: ['name', 'id'] } } });
    expect(JSON.stringify(sorted)).toBe('{"a":{"c":{"enum":["album","single"],"required":["id","name"]},"d":[3,1]},"b":1}');
  });
});
