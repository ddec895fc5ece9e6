/** Small DOM helpers: elements built from plain data, never from HTML strings (user text is never parsed as HTML). */

/** Attributes and children of an element; `text` sets textContent. */
export interface ElementSpec {
  readonly [attribute: string]: string | number | boolean | undefined;
}

/** Creates an element with attributes (`class`, `id`, `aria-*`, `data-*`…) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: ElementSpec = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children);
  return element;
}

/** The element with an id; a missing one is a bug in the page. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`invariant: no element #${id}`);
  return element as T;
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: (Node | string)[]): void {
  parent.replaceChildren(...children);
}

/** Says something to screen readers and sighted users in the status line. */
export function announce(message: string): void {
  byId('status').textContent = message;
}
