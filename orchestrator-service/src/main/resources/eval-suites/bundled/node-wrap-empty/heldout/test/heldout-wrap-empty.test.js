'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { wrap } = require('../src');

test('empty text', () => {
  assert.strictEqual(wrap('', 10), '');
});

test('whitespace only', () => {
  assert.strictEqual(wrap('   ', 10), '');
});

test('unchanged otherwise', () => {
  assert.strictEqual(wrap('a b c', 3), 'a b\nc');
});
