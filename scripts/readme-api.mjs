// Writes the <e-paper> API reference into README.md from custom-elements.json (npm run readme).
import { readFileSync, writeFileSync } from 'node:fs';
import { apiTables, withApi } from './api-tables.js';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
writeFileSync('README.md', withApi(readFileSync('README.md', 'utf8'), apiTables(manifest)));
console.log('README.md: API reference written from custom-elements.json');
