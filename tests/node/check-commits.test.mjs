import { test } from 'node:test';
import assert from 'node:assert/strict';
import { subjectProblems } from '../../scripts/check-commits.mjs';

test('a scoped subject under 72 characters passes', () => {
  assert.equal(subjectProblems('viewer: focus back on the search button'), '');
  assert.equal(subjectProblems('tests, bench: one rejections helper'), '');
  assert.equal(subjectProblems(`import: ${'x'.repeat(64)}`), '');
});

test('a subject without a scope is named', () => {
  assert.match(subjectProblems("Merge branch 'textview'"), /no scope/);
  assert.match(subjectProblems('fix the toolbar'), /no scope/);
  assert.match(subjectProblems('Viewer: capitalised scope'), /no scope/);
});

test('a subject over 72 characters is named, counting characters not bytes', () => {
  assert.match(subjectProblems(`build: ${'x'.repeat(66)}`), /73 characters/);
  // 70 characters of which many CJK: still under the limit
  assert.equal(subjectProblems(`i18n: ${'撤'.repeat(64)}`), '');
});
