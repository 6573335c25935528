// Reads saved source templates the way a browser would show them: the inside of `<template>`
// elements (Vue single-file components, lazy templates) is put in place, and the field components
// of common UI libraries (`<van-field>`, `<el-input>`…), which only become `<input>`s when their
// framework renders them, get the `<input>` (and label) they would render. CLI only: the extension
// sees the real rendered DOM.

/** Component tags that render one text input, with the attributes they pass through to it. */
const FIELD_COMPONENTS = [
  'van-field', 'el-input', 'el-autocomplete', 'a-input', 'a-input-password', 'a-input-number', 'u-input', 'u--input',
  'uni-easyinput', 'mt-field', 'cube-input', 'md-input-item', 'x-input', 'yd-input', 'nut-input', 'mu-text-field',
  'v-text-field', 'q-input', 'ion-input', 'b-form-input', 't-input', 'n-input', 'mint-field', 'group-input', 'md-field',
];
/** Wrappers that render their `label` attribute as the label of the field inside them. */
const LABELLED_WRAPPERS = ['el-form-item', 'a-form-item', 'n-form-item', 't-form-item', 'u-form-item', 'uni-forms-item', 'van-cell', 'u-cell'];
const PASSED_ATTRIBUTES = ['placeholder', 'type', 'maxlength', 'name', 'autocomplete', 'inputmode', 'readonly', 'disabled'];

/**
 * Framework templates close components with `/>` (`<van-field v-model="x" />`), which an HTML parser
 * ignores for anything but void elements: every following sibling would end up inside the
 * component. Components (a dash or a capital in the name) written that way get an end tag.
 */
export function closeSelfClosingComponents(html: string): string {
  return html.replace(
    /<([a-zA-Z][\w-]*)((?:\s+(?:[^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/>/g,
    (whole, name: string, attributes: string) =>
      /-|[A-Z]/.test(name) ? `<${name}${attributes}></${name}>` : whole,
  );
}

/** Replaces every plain `<template>` (not a declarative shadow root) by its content, innermost last. */
export function expandTemplates(document: Document): void {
  for (let round = 0; round < 20; round++) {
    const templates = [...document.querySelectorAll<HTMLTemplateElement>('template:not([shadowrootmode])')];
    if (templates.length === 0) return;
    for (const template of templates) {
      const content = template.content ?? document.createDocumentFragment();
      // A top-level SFC template parses into <head>; its markup belongs in the body.
      if (template.parentElement === document.head && document.body) document.body.appendChild(content);
      else template.replaceWith(content);
      template.remove();
    }
  }
}

function labelFor(document: Document, text: string): HTMLLabelElement {
  const label = document.createElement('label');
  label.textContent = text;
  return label;
}

/** Gives each known field component the `<input>` it renders; wrappers get their label. */
export function renderFieldComponents(document: Document): void {
  for (const wrapper of document.querySelectorAll(LABELLED_WRAPPERS.join(','))) {
    const text = wrapper.getAttribute('label') ?? wrapper.getAttribute('title');
    if (text) wrapper.prepend(labelFor(document, text));
  }
  for (const component of document.querySelectorAll(FIELD_COMPONENTS.join(','))) {
    if (component.querySelector('input, textarea')) continue;
    const textarea = component.getAttribute('type') === 'textarea';
    const input = document.createElement(textarea ? 'textarea' : 'input');
    for (const name of PASSED_ATTRIBUTES) {
      const value = component.getAttribute(name);
      if (value !== null && !(textarea && name === 'type')) input.setAttribute(name, value);
    }
    const text = component.getAttribute('label') ?? component.getAttribute('title');
    if (text) component.append(labelFor(document, text));
    component.append(input);
  }
}
