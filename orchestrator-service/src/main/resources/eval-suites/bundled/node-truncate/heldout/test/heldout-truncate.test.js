'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { truncate } = require('../src');

test('short text unchanged', () => {
  assert.strictEqual(truncate('abc', 3), 'abc');
});

test('cut with ellipsis to exactly max', () => {
  assert.strictEqual(truncate('abcdef', 4), 'abc…');
});

test('no space before the ellipsis', () => {
  assert.strictEqual(truncate('ab cdef', 4), 'ab…');
});

test('max below 1', () => {
  assert.throws(() => truncate('abc', 0), RangeError);
});

test('not a string', () => {
  assert.throws(() => truncate(42, 5), TypeError);
});
