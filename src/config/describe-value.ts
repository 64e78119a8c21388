// A config value as a problem message shows it ("expected a string; got …"): JSON, cut short when
// long, and never a crash on a value JSON.stringify cannot print (a million nested arrays overflow
// the stack).

const MAX_CHARACTERS = 200;

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? 'an array nested too deeply to show' : 'an object nested too deeply to show';
  }
  return text.length > MAX_CHARACTERS ? `${text.slice(0, MAX_CHARACTERS)}… (${text.length} characters)` : text;
}
