// Tiny DOM helpers shared by the screens: build elements from text (never HTML), read page data.

/** Build an element with a class and children (strings become text nodes). */
export function h(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children.filter((child) => child != null && child !== ""));
  return node;
}

/** Replace `{name}` placeholders of a translated string. */
export function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** Read the JSON the server embedded in a <script type="application/json"> element. */
export function pageData(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

/** Set an element's text only when it changes, so nothing flickers. */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** Join a person's names. */
export function fullName(person) {
  return `${person.first_name} ${person.last_name}`;
}
