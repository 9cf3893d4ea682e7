import { expect } from '@open-wc/testing';
import { editionJsonSchema } from '../src/edition/json-schema.js';

describe('the published JSON Schema', () => {
  it('is the one the valibot schema generates (run `npm run schema` after changing the format)', async () => {
    const published = await (await fetch(new URL('../schema/edition-v1.schema.json', import.meta.url))).json();
    expect(published).to.deep.equal(editionJsonSchema());
  });

  it('describes the fields an edition has', () => {
    const schema = editionJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).to.include.members(['format', 'version', 'id', 'title', 'date', 'lang', 'pageCount', 'articles', 'pages']);
    expect(Object.keys(schema.properties)).to.include.members(['masthead', 'ear', 'footer', 'fonts']);
  });
});
