'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { wrap } = require('../src');

test('breaks between words', () => {
  assert.strictEqual(wrap('the quick brown fox', 10), 'the quick\nbrown fox');
});

test('a word longer than the width stays whole on its line', () => {
  assert.strictEqual(wrap('a extraordinary b', 5), 'a\nextraordinary\nb');
});
