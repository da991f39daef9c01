'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { slugify } = require('../src');

test('punctuation and spaces become single dashes', () => {
  assert.strictEqual(slugify('rock -- and roll'), 'rock-and-roll');
});

test('leading and trailing separators are dropped', () => {
  assert.strictEqual(slugify('  ...abc...  '), 'abc');
});
