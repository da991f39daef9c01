'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { slugify } = require('../src');

test('lower case', () => {
  assert.strictEqual(slugify('Hello, World!'), 'hello-world');
});

test('digits kept', () => {
  assert.strictEqual(slugify('Top 10 TIPS'), 'top-10-tips');
});
