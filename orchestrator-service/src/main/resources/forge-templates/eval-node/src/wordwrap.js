'use strict';

/** Wraps text into lines of at most `width` characters, breaking between words. */
function wrap(text, width) {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines = [];
  let line = words[0];
  for (const word of words.slice(1)) {
    if (line.length + 1 + word.length <= width) {
      line += ' ' + word;
    } else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd()).join('\n');
}

module.exports = { wrap };
