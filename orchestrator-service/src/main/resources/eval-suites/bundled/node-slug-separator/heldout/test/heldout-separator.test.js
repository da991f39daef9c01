'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { slugify, slugifyAll } = require('../src');

test('custom separator', () => {
  assert.strictEqual(slugify('rock and roll', { separator: '_' }), 'rock_and_roll');
});

test('default separator', () => {
  assert.strictEqual(slugify('rock and roll'), 'rock-and-roll');
});

test('slugify all', () => {
  assert.deepStrictEqual(slugifyAll(['a b', 'c d'], { separator: '_' }), ['a_b', 'c_d']);
});
