import { expect } from '@open-wc/testing';
import { apiTables, withApi } from '../scripts/api-tables.js';

describe('README', () => {
  it('documents the API of <e-paper> as the manifest does (run `npm run readme` after changing it)', async () => {
    const readme = await (await fetch(new URL('../README.md', import.meta.url))).text();
    const manifest = await (await fetch(new URL('../custom-elements.json', import.meta.url))).json();
    expect(readme).to.equal(withApi(readme, apiTables(manifest)));
    expect(readme).to.contain('`openArticle(id)`');
  });

  it('gives the two quick-start commands', async () => {
    const readme = await (await fetch(new URL('../README.md', import.meta.url))).text();
    expect(readme).to.match(/npm install && npm start/);
    expect(readme).to.match(/^npm test/m);
  });
});
