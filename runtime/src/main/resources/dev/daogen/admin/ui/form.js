// A form generated from an entity's schema. Each field gets an editor {el, get(), set(v), error(e)}; get() returns
// the field's JSON value, null when left empty. The API is the one validator: the inputs carry the schema's limits
// (min, max, pattern, required) for keyboards and assistive technology, the form is `novalidate`, and the API's
// per-field errors are shown next to their field.

import { h, replace, uid } from './dom.js';
import { api, ApiError, seg } from './api.js';
import * as schemas from './schema.js';

function row(label, control, { required, hint, id } = {}) {
  const hintId = hint ? uid('hint') : undefined;
  const errId = uid('err');
  const error = h('p', { class: 'error', id: errId, hidden: true });
  const described = [hintId, errId].filter(Boolean).join(' ');
  for (const c of control.querySelectorAll ? [control, ...control.querySelectorAll('input,select')] : [control]) {
    if (c.matches && c.matches('input,select')) c.setAttribute('aria-describedby', described);
  }
  const el = h('div', { class: 'field' },
    h('label', { for: id }, label, required ? h('span', { class: 'req' }, ' (required)') : null),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    error);
  return { el, error };
}

function showError(errorEl, inputs, message) {
  errorEl.textContent = message || '';
  errorEl.hidden = !message;
  for (const i of inputs) {
    if (message) i.setAttribute('aria-invalid', 'true');
    else i.removeAttribute('aria-invalid');
  }
}

/** A readable one-line form of an error value (a string, a list, or nested field errors). */
export function errorText(e) {
  if (e === null || e === undefined) return '';
  if (typeof e === 'string') return e;
  if (Array.isArray(e)) return e.map(errorText).join('; ');
  return Object.entries(e).map(([k, v]) => `${k}: ${errorText(v)}`).join('; ');
}

function limits(d) {
  const parts = [];
  if (d.min !== undefined && d.max !== undefined) parts.push(`${d.min} to ${d.max}`);
  else if (d.min !== undefined) parts.push(`at least ${d.min}`);
  else if (d.max !== undefined) parts.push(`at most ${d.max}`);
  if (d.minLength !== undefined && d.maxLength !== undefined) parts.push(`${d.minLength}–${d.maxLength} characters`);
  else if (d.maxLength !== undefined) parts.push(`at most ${d.maxLength} characters`);
  else if (d.minLength !== undefined) parts.push(`at least ${d.minLength} characters`);
  if (d.pattern) parts.push(`pattern ${d.pattern}`);
  if (d.email) parts.push('an email address');
  if (d.maxItems !== undefined) parts.push(`at most ${d.maxItems} items`);
  if (d.default !== undefined) parts.push(`default ${d.default}`);
  return parts;
}

/** An editor for one scalar value, as a bare control (lists and maps use it per item). */
function scalar(d, { id, name, label, required, readOnly }) {
  let input;
  const common = { id, name, 'aria-label': label, required: !!required, readOnly: !!readOnly };
  if (d.kind === 'enum' || (d.kind === 'boolean' && d.nullable)) {
    const values = d.kind === 'enum' ? d.oneOf : ['true', 'false'];
    const empty = d.default !== undefined ? `(default: ${d.default})` : d.nullable || !required ? '(not set)'
      : '(choose)';
    input = h('select', { ...common, disabled: !!readOnly },
      h('option', { value: '' }, empty), values.map((v) => h('option', { value: v }, v)));
  } else if (d.kind === 'boolean') {
    input = h('input', { ...common, type: 'checkbox', disabled: !!readOnly });
  } else if (d.kind === 'integer' || d.kind === 'number' || d.kind === 'decimal') {
    input = h('input', { ...common, type: 'number', inputmode: d.kind === 'integer' ? 'numeric' : 'decimal',
      step: d.kind === 'integer' ? '1' : 'any', min: d.min, max: d.max,
      placeholder: d.default !== undefined ? String(d.default) : undefined });
  } else if (d.kind === 'timestamp') {
    input = h('input', { ...common, type: 'datetime-local', step: '1' });
  } else if (d.kind === 'date') {
    input = h('input', { ...common, type: 'date' });
  } else {
    input = h('input', { ...common, type: d.email ? 'email' : 'text', minlength: d.minLength, pattern: d.pattern,
      spellcheck: 'false', autocomplete: 'off', placeholder: d.default !== undefined ? String(d.default) : undefined });
  }
  return {
    el: input, inputs: [input],
    get() {
      if (d.kind === 'boolean' && !d.nullable) return input.checked;
      const v = input.value;
      if (v === '') return null;
      if (d.kind === 'boolean') return v === 'true';
      if (d.kind === 'integer') return /^-?\d+$/.test(v) ? Number(v) : v;
      if (d.kind === 'number' || d.kind === 'decimal') return Number.isNaN(Number(v)) ? v : Number(v);
      if (d.kind === 'timestamp') return Math.round(new Date(v).getTime() / 1000);
      return v;
    },
    set(v) {
      if (d.kind === 'boolean' && !d.nullable) input.checked = !!v;
      else if (v === null || v === undefined) input.value = '';
      else if (d.kind === 'timestamp') input.value = localDateTime(v);
      else input.value = String(v);
    },
  };
}

/** Epoch seconds as the value of a datetime-local input, in the browser's time zone. */
export function localDateTime(seconds) {
  const t = new Date(seconds * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}:`
    + p(t.getSeconds());
}

/** An editor for a value of any kind, with its label, hint and error. */
function editor(f, d, opts) {
  const label = opts.label || f.name;
  const required = opts.required;
  if (d.kind === 'list') return listEditor(label, d, opts);
  if (d.kind === 'map') return mapEditor(label, d, opts);
  if (d.kind === 'record') return recordEditor(label, d, opts);
  const id = uid('f');
  const s = scalar(d, { id, name: opts.path, label: undefined, required, readOnly: opts.readOnly });
  s.el.removeAttribute('aria-label');
  const hint = [...(opts.hints || []), ...limits(d)].join(' · ') || undefined;
  const r = row(label, s.el, { required, hint, id });
  return { el: r.el, get: s.get, set: s.set, error: (e) => showError(r.error, s.inputs, errorText(e)),
    focus: () => s.el.focus() };
}

function fieldset(label, required, hint, ...content) {
  const error = h('p', { class: 'error', hidden: true });
  const el = h('fieldset', { class: 'group' },
    h('legend', {}, label, required ? h('span', { class: 'req' }, ' (required)') : null),
    hint ? h('p', { class: 'hint' }, hint) : null, ...content, error);
  return { el, error };
}

function listEditor(label, d, opts) {
  const items = h('ul', { class: 'items' });
  const add = h('button', { type: 'button', class: 'secondary', disabled: !!opts.readOnly }, `Add ${label} item`);
  const hint = [d.unique ? 'no duplicates' : null, ...limits(d)].filter(Boolean).join(' · ');
  const fs = fieldset(label, opts.required, hint, items, add);
  fs.el.dataset.field = opts.path;
  const rows = [];
  const addItem = (value) => {
    const s = scalar(d.items, { id: uid('f'), name: `${opts.path}[]`, label: `${label} item ${rows.length + 1}`,
      readOnly: opts.readOnly });
    const entry = { s, li: null };
    const remove = h('button', { type: 'button', class: 'secondary', disabled: !!opts.readOnly,
      'aria-label': `Remove ${label} item`, onclick: () => {
        rows.splice(rows.indexOf(entry), 1);
        entry.li.remove();
        add.focus();
      } }, 'Remove');
    entry.li = h('li', {}, s.el, remove);
    rows.push(entry);
    items.append(entry.li);
    if (value !== undefined) s.set(value);
    return s;
  };
  add.addEventListener('click', () => addItem().el.focus());
  return {
    el: fs.el,
    get() {
      const values = rows.map((r) => r.s.get()).filter((v) => v !== null);
      return values.length ? values : null;
    },
    set(v) {
      rows.splice(0).forEach((r) => r.li.remove());
      (v || []).forEach((x) => addItem(x));
    },
    error: (e) => showError(fs.error, rows.flatMap((r) => r.s.inputs), errorText(e)),
  };
}

function mapEditor(label, d, opts) {
  const items = h('ul', { class: 'items' });
  const add = h('button', { type: 'button', class: 'secondary', disabled: !!opts.readOnly }, `Add ${label} entry`);
  const fs = fieldset(label, opts.required, 'key and value per entry', items, add);
  fs.el.dataset.field = opts.path;
  const rows = [];
  const addEntry = (k, v) => {
    const key = h('input', { type: 'text', 'aria-label': `${label} key ${rows.length + 1}`, value: k || '',
      readOnly: !!opts.readOnly, name: `${opts.path}.key` });
    const val = scalar(d.values, { id: uid('f'), name: `${opts.path}.value`, label: `${label} value ${rows.length + 1}`,
      readOnly: opts.readOnly });
    const entry = { key, val, li: null };
    const remove = h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove ${label} entry`,
      disabled: !!opts.readOnly, onclick: () => {
        rows.splice(rows.indexOf(entry), 1);
        entry.li.remove();
        add.focus();
      } }, 'Remove');
    entry.li = h('li', {}, key, val.el, remove);
    rows.push(entry);
    items.append(entry.li);
    if (v !== undefined) val.set(v);
    return key;
  };
  add.addEventListener('click', () => addEntry().focus());
  return {
    el: fs.el,
    get() {
      const out = {};
      for (const r of rows) if (r.key.value !== '') out[r.key.value] = r.val.get();
      return Object.keys(out).length ? out : null;
    },
    set(v) {
      rows.splice(0).forEach((r) => r.li.remove());
      Object.entries(v || {}).forEach(([k, x]) => addEntry(k, x));
    },
    error: (e) => showError(fs.error, rows.flatMap((r) => [r.key, ...r.val.inputs]), errorText(e)),
  };
}

function recordEditor(label, d, opts) {
  const subs = d.fields.map((f) => [f.name, editor(f, f.desc, { path: `${opts.path}.${f.name}`, label: f.name,
    required: f.required, readOnly: opts.readOnly })]);
  const fs = fieldset(label, opts.required, d.nullable ? 'leave every field empty for none' : undefined,
    subs.map(([, e]) => e.el));
  fs.el.dataset.field = opts.path;
  return {
    el: fs.el,
    get() {
      const out = {};
      for (const [name, e] of subs) {
        const v = e.get();
        if (v !== null) out[name] = v;
      }
      return Object.keys(out).length ? out : null;
    },
    set(v) {
      for (const [name, e] of subs) e.set(v ? v[name] : null);
    },
    error(e) {
      const nested = e && typeof e === 'object' && !Array.isArray(e) ? e : {};
      showError(fs.error, [], typeof e === 'string' || Array.isArray(e) ? errorText(e) : '');
      for (const [name, sub] of subs) sub.error(nested[name]);
    },
  };
}

/**
 * A foreign key: a searchable input over the parent entities (their endpoint keys, or ids) that resolves what was
 * typed to the parent's id before the form is sent.
 */
function foreignEditor(f, opts) {
  const id = uid('f');
  const listId = uid('parents');
  const input = h('input', { id, name: opts.path, type: 'search', list: listId, autocomplete: 'off',
    spellcheck: 'false', required: !!opts.required, readOnly: !!opts.readOnly });
  const options = h('datalist', { id: listId });
  const resolved = h('p', { class: 'hint resolved' });
  let parent = null;
  let chosen = null; // {text, id}
  const load = async () => {
    parent = parent || await schemas.entity(f.reference);
    return parent;
  };
  const r = row(opts.label || f.name, h('span', { class: 'picker' }, input, options), { required: opts.required,
    id, hint: `a ${f.reference} entity: type its ${'endpoint key or id'} and pick it; on delete of the parent: `
      + `${f.on_delete}` });
  r.el.append(resolved);
  const show = (p, item) => {
    resolved.replaceChildren(item
      ? h('a', { href: `#/e/${seg(p.name)}/i/${seg(schemas.keyOf(p, item))}` },
        `→ ${p.name} ${schemas.labelOf(p, item)}`)
      : '');
  };
  let loaded = false;
  input.addEventListener('focus', async () => {
    if (loaded) return;
    loaded = true;
    const p = await load();
    const page = await api('GET', `/${seg(p.admin)}?size=100`);
    options.replaceChildren(...page.data.map((item) => h('option', { value: schemas.labelOf(p, item) },
      String(schemas.keyOf(p, item)))));
  });
  input.addEventListener('input', () => {
    chosen = null;
    resolved.replaceChildren();
  });
  return {
    el: r.el,
    focus: () => input.focus(),
    /** Looks the typed text up (Kong's lookup: id, then endpoint key); false when no parent matches. */
    async prepare() {
      const text = input.value.trim();
      if (text === '' || (chosen && chosen.text === text)) return true;
      const p = await load();
      try {
        const item = await api('GET', `/${seg(p.admin)}/${seg(text)}`);
        chosen = { text, id: schemas.keyOf(p, item) };
        show(p, item);
        return true;
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 404) throw e;
        showError(r.error, [input], `no ${p.name} entity '${text}'`);
        return false;
      }
    },
    get() {
      const text = input.value.trim();
      if (text === '') return null;
      return { id: chosen && chosen.text === text ? chosen.id : text };
    },
    set(v) {
      chosen = null;
      input.value = v && v.id !== undefined ? String(v.id) : '';
      if (!v || v.id === undefined) return;
      load().then((p) => api('GET', `/${seg(p.admin)}/${seg(v.id)}`)).then((item) => {
        const text = schemas.labelOf(parent, item);
        chosen = { text, id: v.id };
        input.value = text;
        show(parent, item);
      }).catch(() => { /* the id stays as typed */ });
    },
    error: (e) => showError(r.error, [input], errorText(e)),
  };
}

const flatten = (v) => (Array.isArray(v) && v.length === 0) || (v && typeof v === 'object' && !Array.isArray(v)
  && Object.keys(v).length === 0) ? null : v;
const same = (a, b) => JSON.stringify(flatten(a ?? null)) === JSON.stringify(flatten(b ?? null));

/**
 * The form of one entity. mode 'create' hides auto fields; 'edit' shows every field and makes keys, auto and
 * immutable fields read-only. body() is what POST (the non-empty fields) or PATCH (the changed fields) sends.
 */
export function entityForm(schema, { mode, item, prefill, onSubmit }) {
  const editors = new Map();
  const summary = h('div', { class: 'errors', role: 'alert', tabindex: '-1', hidden: true });
  const els = [];
  for (const f of schema.fields) {
    if (mode === 'create' && f.auto) continue;
    const readOnly = mode === 'edit' && (f.primary_key || f.auto || f.immutable);
    const hints = [];
    if (f.unique) hints.push('unique');
    if (f.immutable) hints.push(mode === 'edit' ? 'immutable: cannot be changed' : 'immutable: set it now');
    if (f.auto && mode === 'edit') hints.push('set automatically');
    if (f.ttl) hints.push('seconds until it expires; empty: never');
    const opts = { path: f.name, required: mode === 'create' && f.required, readOnly, hints };
    const e = f.reference ? foreignEditor(f, opts) : editor(f, f.desc, opts);
    if (f.auto && mode === 'edit' && f.desc.kind === 'timestamp') e.el.classList.add('auto');
    editors.set(f.name, { f, e, readOnly });
    els.push(e.el);
  }
  const save = h('button', { type: 'submit' }, mode === 'create' ? `Create` : 'Save');
  const form = h('form', { class: 'entity', novalidate: true, 'aria-label': `${schema.name} ${mode}` },
    summary, els, h('div', { class: 'actions' }, save));
  for (const [name, { e }] of editors) {
    if (item) e.set(item[name]);
    else if (prefill && prefill[name] !== undefined) e.set(prefill[name]);
  }

  const clear = () => {
    summary.hidden = true;
    summary.replaceChildren();
    for (const { e } of editors.values()) e.error(null);
  };

  const showErrors = (err) => {
    const fields = (err.body && err.body.fields) || {};
    const top = [];
    for (const [name, value] of Object.entries(fields)) {
      const target = editors.get(name);
      if (target && !target.readOnly) target.e.error(value);
      else if (name === '@entity') top.push(...[].concat(value).map(errorText));
      else top.push(`${name}: ${errorText(value)}`);
    }
    const fieldCount = Object.keys(fields).filter((n) => editors.has(n) && !editors.get(n).readOnly).length;
    replace(summary,
      h('p', {}, h('strong', {}, err.body && err.body.name ? `${capital(err.body.name)}: ` : 'Not saved: '),
        fieldCount ? `${fieldCount} field${fieldCount > 1 ? 's' : ''} below need${fieldCount > 1 ? '' : 's'} a change.`
          : err.message),
      top.length ? h('ul', {}, top.map((t) => h('li', {}, t))) : null);
    summary.hidden = false;
    summary.focus();
  };

  const body = () => {
    const out = {};
    for (const [name, { e, readOnly }] of editors) {
      if (readOnly) continue;
      const v = e.get();
      if (mode === 'create' ? v !== null : !same(v, item[name])) out[name] = v;
    }
    return out;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    save.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      for (const { e } of editors.values()) {
        if (e.prepare && !(await e.prepare())) {
          e.focus();
          return;
        }
      }
      await onSubmit(body());
    } catch (err) {
      showErrors(err instanceof ApiError ? err : new ApiError(0, { message: `Not saved: ${err.message}` }));
    } finally {
      save.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
