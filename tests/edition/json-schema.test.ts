import { expect } from '@open-wc/testing';
import { editionJsonSchema, pageFileJsonSchema } from '../../src/edition/json-schema.js';

const published = async (file: string) => (await fetch(new URL(`../../schema/${file}`, import.meta.url))).json();

describe('the published JSON Schema', () => {
  it('is the one the valibot schema generates (run `npm run schema` after changing the format)', async () => {
    expect(await published('edition-v1.schema.json')).to.deep.equal(editionJsonSchema());
  });

  it('describes the fields an edition has', () => {
    const schema = editionJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).to.include.members(['format', 'version', 'id', 'title', 'date', 'lang', 'pageCount', 'articles', 'pages']);
    expect(Object.keys(schema.properties)).to.include.members(['masthead', 'ear', 'footer', 'fonts']);
  });

  it('of page files is the one the valibot schema generates too', async () => {
    expect(await published('page-v1.schema.json')).to.deep.equal(pageFileJsonSchema());
  });

  it('describes the fields a page file has, and the src of a page kept in one', () => {
    const schema = pageFileJsonSchema() as { title: string; required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.title).to.equal('e-paper page file, format version 1');
    expect(schema.required).to.have.members(['format', 'version', 'page', 'articles']);
    expect(schema.properties.format.const).to.equal('e-paper-page');
    const edition = editionJsonSchema() as { properties: { pages: { items: { properties: Record<string, unknown> } } } };
    expect(Object.keys(edition.properties.pages.items.properties)).to.include('src');
  });
});
