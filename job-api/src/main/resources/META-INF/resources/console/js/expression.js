// Helpers of the expression box: where parseExpression says a parse error is, and the test object typed as lines.

/** The 0-based position named by a parse error ("… at position 12: …"), or null. */
export function errorPosition(message) {
  const match = /at position (\d+)/.exec(message || '');
  return match ? Number(match[1]) : null;
}

/** "name=value" lines into parseExpression's testInputObject properties; "a|b" values become a collection. */
export function testProperties(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line && line.includes('='))
    .map((line) => {
      const at = line.indexOf('=');
      const key = line.slice(0, at).trim();
      const value = line.slice(at + 1).trim();
      return value.includes('|') ? { key, value: value.split('|'), 'value@odata.type': '#Collection(String)' }
        : { key, value };
    });
}

/** The attribute names an expression tree reads, for the test object's first lines. */
export function attributesOf(source, names = new Set()) {
  if (!source) {
    return names;
  }
  if (source.type === 'Attribute') {
    names.add(source.name);
  }
  (source.parameters || []).forEach((parameter) => attributesOf(parameter.value, names));
  return names;
}
