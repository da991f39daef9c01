'use strict';

const { slugify } = require('./slug');
const { wrap } = require('./wordwrap');

module.exports = { slugify, wrap };
