// The README's API reference for <e-paper>, made from custom-elements.json (which is made from
// the JSDoc), so the README, the manifest and Storybook say the same. Plain ESM with no Node
// imports: the README test runs it in the browser too.

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
const code = (text) => (text ? `\`${text}\`` : '');

function table(head, rows) {
  if (!rows.length) return '';
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** The markdown tables for one element of the manifest. */
export function apiTables(manifest, tagName = 'e-paper') {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tagName);
  if (!element) throw new Error(`no <${tagName}> in the manifest`);
  const members = (element.members ?? []).filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static);
  const attributes = (element.attributes ?? []).map((a) => [
    code(a.name),
    code(a.fieldName),
    code(a.type?.text),
    code(a.default),
    a.description,
  ]);
  const attributeFields = new Set((element.attributes ?? []).map((a) => a.fieldName));
  const properties = members
    .filter((m) => m.kind === 'field' && !attributeFields.has(m.name) && m.description)
    .map((m) => [code(m.name), code(m.type?.text), m.description]);
  const methods = members
    .filter((m) => m.kind === 'method' && m.description)
    .map((m) => [
      code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional || p.default ? '?' : ''}`).join(', ')})`),
      m.description,
    ]);
  const events = (element.events ?? []).map((e) => [code(e.name), e.description]);
  const cssProperties = (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), p.description]);
  const parts = (element.cssParts ?? []).map((p) => [code(p.name), p.description]);
  return [
    '#### Attributes\n',
    table(['attribute', 'property', 'type', 'default', 'meaning'], attributes),
    '#### Properties\n',
    table(['property', 'type', 'meaning'], properties),
    '#### Methods\n',
    table(['method', 'what it does'], methods),
    '#### Events\n',
    "All are `CustomEvent`s that bubble and cross shadow roots (`composed`). They are the only events that reach the page: the viewer's parts talk to it with internal events that stop at its shadow root.\n",
    table(['event', 'when, and its `detail`'], events),
    '#### CSS custom properties\n',
    table(['property', 'default', 'what it styles'], cssProperties),
    '#### CSS parts\n',
    table(['part', 'what it is'], parts),
  ].join('\n');
}

export const API_START = '<!-- api:start (made by npm run readme from custom-elements.json) -->';
export const API_END = '<!-- api:end -->';

/** `readme` with the text between the API markers replaced by `tables`. */
export function withApi(readme, tables) {
  const start = readme.indexOf(API_START);
  const end = readme.indexOf(API_END);
  if (start < 0 || end < start) throw new Error('README.md has no API markers');
  return `${readme.slice(0, start + API_START.length)}\n\n${tables}\n${readme.slice(end)}`;
}
