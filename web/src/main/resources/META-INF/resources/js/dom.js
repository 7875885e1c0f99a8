// A tiny element builder: text always goes in as text (never as HTML), so nothing from the API can inject markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'for') el.htmlFor = value;
    else if (name === 'value') el.value = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled field; the error element below it takes the API's message for that field. */
export function field(labelText, control, { wide = false, name } = {}) {
  control.id = control.id || uid();
  const error = h('div', { class: 'error', id: `${control.id}-error`, 'data-error-for': name || control.name || '' });
  control.setAttribute('aria-describedby', error.id);
  return h('div', { class: wide ? 'field wide' : 'field' }, h('label', { for: control.id }, labelText), control, error);
}

export function select(name, options, value) {
  return h('select', { name },
    options.map(([code, text]) => h('option', { value: code, selected: code === value ? true : null }, text)));
}

export function replace(container, ...children) {
  container.replaceChildren();
  append(container, children);
}
