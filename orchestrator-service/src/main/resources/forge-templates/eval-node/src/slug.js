'use strict';

/** "Hello, World!" -> "hello-world": letters and digits kept, every other run of characters becomes one dash. */
function slugify(text) {
  return text
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

module.exports = { slugify };
