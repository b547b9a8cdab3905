// The admin UI: hash routes over the admin API, every view generated from the schemas.
//   #/                       plugins and their entities, with row counts
//   #/e/{entity}?size&offset&tags&match    a page of entities, tag filter
//   #/e/{entity}/new?{foreign key}={id}    create form (prefilled with a parent)
//   #/e/{entity}/i/{key}                   view and edit, children, delete

import { h, replace } from './dom.js';
import { api, ApiError, onUnauthorized, seg, token } from './api.js';
import * as schemas from './schema.js';
import { entityForm, errorText } from './form.js';

const main = document.getElementById('main');
const status = document.getElementById('status');
const forget = document.getElementById('forget-token');
const SIZES = [10, 25, 50, 100, 500];
let notice = null;
let generation = 0;

/** Navigates, showing a message on the next view. */
function go(hash, message) {
  notice = message || null;
  if (location.hash === hash) render();
  else location.hash = hash;
}

const link = (hash, text, attrs = {}) => h('a', { href: hash, ...attrs }, text);
const itemHash = (s, item) => `#/e/${seg(s.name)}/i/${seg(schemas.keyOf(s, item))}`;
const time = (seconds) => {
  if (seconds === null || seconds === undefined) return '';
  const d = new Date(seconds * 1000);
  return h('time', { datetime: d.toISOString() }, d.toLocaleString());
};

function crumbs(...parts) {
  return h('nav', { 'aria-label': 'Breadcrumb', class: 'crumbs' }, h('ol', {},
    parts.map((p, i) => h('li', {}, i === parts.length - 1 ? h('span', { 'aria-current': 'page' }, p[0])
      : link(p[1], p[0])))));
}

function title(text) {
  return h('h1', { tabindex: '-1' }, text);
}

// ---- token ------------------------------------------------------------------------------------------------------

onUnauthorized((refused) => new Promise((resolve) => {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true,
    'aria-describedby': 'token-why' });
  const dialog = h('dialog', { 'aria-labelledby': 'token-title', class: 'token' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'token-title' }, 'Admin token needed'),
      h('p', { id: 'token-why' }, 'This admin API asks for its token (sent as Kong-Admin-Token). '
        + 'It is kept in this tab only, until the tab is closed.'),
      refused ? h('p', { class: 'error', role: 'alert' }, 'The token was refused; try again.') : null,
      h('label', { for: 'token' }, 'Admin token'), input,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Use token'))));
  dialog.addEventListener('cancel', (e) => e.preventDefault());
  dialog.addEventListener('close', () => {
    if (!input.value) {
      dialog.showModal();
      return;
    }
    token.set(input.value);
    forget.hidden = false;
    dialog.remove();
    resolve();
  });
  document.body.append(dialog);
  dialog.showModal();
}));

forget.hidden = !token.get();
forget.addEventListener('click', () => {
  token.clear();
  location.reload();
});

// ---- views ------------------------------------------------------------------------------------------------------

async function home() {
  const [root, all] = await Promise.all([api('GET', '/?counts=true'), schemas.all()]);
  const byName = new Map(all.map((s) => [s.name, s]));
  return [
    title('Entities'),
    root.plugins.map((p) => h('section', { 'aria-labelledby': `plugin-${p.name}` },
      h('h2', { id: `plugin-${p.name}` }, `Plugin ${p.name} `, h('small', {}, p.version)),
      h('div', { class: 'scroll' }, h('table', { class: 'home' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Entity'), h('th', { scope: 'col', class: 'num' }, 'Rows'),
          h('th', { scope: 'col' }, 'Admin API'))),
        h('tbody', {}, (p.entities || []).map((name) => h('tr', { 'data-entity': name },
          h('th', { scope: 'row' }, link(`#/e/${seg(name)}`, name)),
          h('td', { class: 'num' }, String(root.counts[name] ?? '')),
          h('td', {}, h('code', {}, `/${byName.get(name).admin}`))))))))),
  ];
}

function columns(s) {
  const pk = s.pk[0];
  const cols = [pk];
  if (s.endpointKey && s.endpointKey !== pk) cols.push(s.endpointKey);
  const scalar = ['string', 'integer', 'number', 'decimal', 'boolean', 'enum', 'date', 'uuid'];
  const others = s.fields.filter((f) => !cols.includes(f.name) && !f.auto && !f.ttl && f.name !== 'tags'
    && (f.reference || scalar.includes(f.desc.kind)));
  cols.push(...others.slice(0, 3).map((f) => f.name));
  if (s.fields.some((f) => f.name === 'tags')) cols.push('tags');
  if (s.fields.some((f) => f.name === 'created_at')) cols.push('created_at');
  if (s.ttl) cols.push('ttl');
  return cols;
}

function cell(s, name, item) {
  const v = item[name];
  const f = s.fields.find((x) => x.name === name);
  if (v === null || v === undefined) return '';
  if (f && f.reference && v.id !== undefined) return link(`#/e/${seg(f.reference)}/i/${seg(v.id)}`, String(v.id));
  if (name === 'created_at' || name === 'updated_at' || (f && f.desc.kind === 'timestamp')) return time(v);
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function table(s, items, caption) {
  const cols = columns(s);
  const linkCol = s.endpointKey || s.pk[0];
  return h('div', { class: 'scroll' }, h('table', { class: 'list', 'data-entity': s.name },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.length === 0 ? h('tr', {}, h('td', { colspan: cols.length }, 'None.'))
      : items.map((item) => h('tr', {}, cols.map((c) => c === linkCol
        ? h('th', { scope: 'row' }, link(itemHash(s, item), String(item[c] ?? schemas.keyOf(s, item))))
        : h('td', {}, cell(s, c, item))))))));
}

/** The offsets of the pages seen, per list (entity, size, filter): page i starts at trails[key][i]. */
const trails = new Map();

async function list(name, q) {
  const s = await schemas.entity(name);
  const size = SIZES.includes(Number(q.get('size'))) ? Number(q.get('size')) : 25;
  const tags = (q.get('tags') || '').split(/[,/]/).map((t) => t.trim()).filter(Boolean);
  const match = q.get('match') === 'any' ? 'any' : 'all';
  const offset = q.get('offset');
  const params = new URLSearchParams({ size: String(size) });
  if (tags.length) params.set('tags', tags.join(match === 'any' ? '/' : ','));
  const key = `${name}?${params}`;
  let trail = trails.get(key) || [null];
  let index = trail.indexOf(offset);
  if (index < 0) {
    trail = offset ? [null, offset] : [null];
    index = trail.length - 1;
  }
  trail = trail.slice(0, index + 1);
  trails.set(key, trail);
  if (offset) params.set('offset', offset);
  const page = await api('GET', `/${seg(s.admin)}?${params}`);
  if (page.offset) trail[index + 1] = page.offset;

  const hashFor = (o, over = {}) => {
    const p = new URLSearchParams({ size: String(over.size ?? size) });
    const t = over.tags ?? tags;
    if (t.length) p.set('tags', t.join(','));
    if ((over.match ?? match) === 'any') p.set('match', 'any');
    if (o) p.set('offset', o);
    return `#/e/${seg(name)}?${p}`;
  };
  const hasTags = s.fields.some((f) => f.name === 'tags');
  const sizeSelect = h('select', { id: 'size', name: 'size' },
    SIZES.map((n) => h('option', { value: String(n), selected: n === size }, String(n))));
  const tagInput = h('input', { id: 'tags', name: 'tags', type: 'text', value: tags.join(', '),
    placeholder: 'e.g. mobile, eu', 'aria-describedby': 'tags-hint', autocomplete: 'off' });
  const radio = (value, text) => h('label', { class: 'inline' },
    h('input', { type: 'radio', name: 'match', value, checked: match === value }), ` ${text}`);
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': `Filter ${name}`,
    onsubmit: (e) => {
      e.preventDefault();
      const fd = new FormData(e.target);
      const t = String(fd.get('tags') || '').split(/[,/]/).map((x) => x.trim()).filter(Boolean);
      go(hashFor(null, { size: Number(fd.get('size')), tags: t, match: fd.get('match') || 'all' }));
    } },
  h('div', {}, h('label', { for: 'size' }, 'Page size'), sizeSelect),
  hasTags ? [
    h('div', {}, h('label', { for: 'tags' }, 'Tags'), tagInput,
      h('p', { id: 'tags-hint', class: 'hint' }, 'comma-separated, at most 5')),
    h('fieldset', { class: 'match' }, h('legend', {}, 'Match'), radio('all', 'all of'), radio('any', 'any of')),
  ] : null,
  h('div', {}, h('button', { type: 'submit' }, 'Apply')));
  sizeSelect.addEventListener('change', () => filters.requestSubmit());
  const filtered = tags.length ? ` with ${match} of the tags ${tags.join(', ')}` : '';
  return [
    crumbs(['Entities', '#/'], [name]),
    title(name),
    h('p', {}, link(`#/e/${seg(name)}/new`, `New ${name} entity`, { class: 'button' })),
    filters,
    table(s, page.data, `${name}${filtered}, page ${index + 1} (${page.data.length} shown)`),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', class: 'secondary', disabled: index === 0,
        onclick: () => go(hashFor(trail[index - 1])) }, 'Previous page'),
      h('span', { class: 'page' }, `Page ${index + 1}`),
      h('button', { type: 'button', class: 'secondary', disabled: !page.offset,
        onclick: () => go(hashFor(page.offset)) }, 'Next page')),
  ];
}

async function create(name, q) {
  const s = await schemas.entity(name);
  const prefill = {};
  let parent = null;
  for (const f of s.fields) {
    if (f.reference && q.get(f.name)) {
      prefill[f.name] = { id: q.get(f.name) };
      parent = { entity: f.reference, key: q.get(f.name) };
    }
  }
  const form = entityForm(s, {
    mode: 'create', prefill, onSubmit: async (body) => {
      const created = await api('POST', `/${seg(s.admin)}`, body);
      const what = `Created ${name} ${schemas.labelOf(s, created)}.`;
      if (parent) go(`#/e/${seg(parent.entity)}/i/${seg(parent.key)}`, what);
      else go(itemHash(s, created), what);
    },
  });
  return [
    crumbs(['Entities', '#/'], [name, `#/e/${seg(name)}`], ['new']),
    title(`New ${name} entity`),
    s.description ? h('p', { class: 'hint' }, s.description.replace(/^The body that creates or replaces /, 'Creates ')) : null,
    form,
  ];
}

function effectText(effects) {
  return effects.map((e) => {
    const what = `${e.entity.name} entities (${e.field})`;
    if (e.action === 'cascade') {
      return h('li', { 'data-effect': 'cascade' }, `Deletes its ${what}`,
        e.children.length ? h('ul', {}, effectText(e.children)) : null);
    }
    if (e.action === 'null') return h('li', { 'data-effect': 'null' }, `Clears ${e.field} of its ${what}`);
    return h('li', { 'data-effect': 'restrict' }, `Refused while ${what} reference it: delete those first`);
  });
}

function confirmDelete(s, item, all, path) {
  const label = `${s.name} ${schemas.labelOf(s, item)}`;
  const effects = schemas.deleteEffects(s, all);
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const confirm = h('button', { type: 'button', class: 'danger' }, 'Delete');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const dialog = h('dialog', { 'aria-labelledby': 'delete-title', 'aria-describedby': 'delete-effects',
    class: 'confirm' },
  h('h2', { id: 'delete-title' }, `Delete ${label}?`),
  h('div', { id: 'delete-effects' }, effects.length
    ? [h('p', {}, 'What else this does:'), h('ul', { class: 'effects' }, effectText(effects))]
    : h('p', {}, `Nothing else references ${s.name} entities.`)),
  error,
  h('div', { class: 'actions' }, cancel, confirm));
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    error.hidden = true;
    try {
      await api('DELETE', path);
      dialog.close();
      go(`#/e/${seg(s.name)}`, `Deleted ${label}.`);
    } catch (e) {
      error.textContent = `Not deleted: ${e.message}`;
      error.hidden = false;
      confirm.disabled = false;
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  cancel.focus();
}

async function item(name, key) {
  const [s, all] = await Promise.all([schemas.entity(name), schemas.all()]);
  const path = `/${seg(s.admin)}/${seg(key)}`;
  const entity = await api('GET', path);
  const label = schemas.labelOf(s, entity);
  const form = entityForm(s, {
    mode: 'edit', item: entity, onSubmit: async (body) => {
      const saved = await api('PATCH', path, body);
      go(itemHash(s, saved), `Saved ${name} ${schemas.labelOf(s, saved)}.`);
    },
  });
  const children = [];
  for (const c of all) {
    const f = c.fields.find((x) => x.reference === s.name);
    if (!f) continue;
    const page = await api('GET', `${path}/${seg(c.nested)}?size=100`);
    const add = `#/e/${seg(c.name)}/new?${new URLSearchParams({ [f.name]: schemas.keyOf(s, entity) })}`;
    children.push(h('section', { class: 'children', 'aria-labelledby': `children-${c.name}` },
      h('h2', { id: `children-${c.name}` }, `${c.nested} `, h('small', {}, `(${c.name})`)),
      h('p', {}, link(add, `Add ${c.nested}`, { class: 'button' })),
      table(c, page.data, `${c.name} of ${label}${page.offset ? ' (the first 100)' : ''}`)));
  }
  return [
    crumbs(['Entities', '#/'], [name, `#/e/${seg(name)}`], [label]),
    title(`${name} ${label}`),
    form,
    h('p', { class: 'danger-zone' }, h('button', { type: 'button', class: 'danger',
      onclick: () => confirmDelete(s, entity, all, path) }, `Delete ${name} ${label}…`)),
    children,
  ];
}

// ---- router -----------------------------------------------------------------------------------------------------

async function render() {
  const mine = ++generation;
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const q = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  main.setAttribute('aria-busy', 'true');
  let view;
  try {
    if (parts.length === 0) view = await home();
    else if (parts[0] === 'e' && parts.length === 2) view = await list(parts[1], q);
    else if (parts[0] === 'e' && parts.length === 3 && parts[2] === 'new') view = await create(parts[1], q);
    else if (parts[0] === 'e' && parts.length === 4 && parts[2] === 'i') view = await item(parts[1], parts[3]);
    else view = [title('Not found'), h('p', {}, link('#/', 'Back to the entities'))];
  } catch (e) {
    view = [title(e instanceof ApiError && e.status === 404 ? 'Not found' : 'Something went wrong'),
      h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? errorText(e.body.fields || e.message)
        || e.message : String(e.message || e)),
      h('p', {}, link('#/', 'Back to the entities'))];
  }
  if (mine !== generation) return; // a later navigation won
  replace(status, notice ? h('p', { class: 'notice' }, notice) : '');
  notice = null;
  replace(main, view);
  main.dataset.view = String(mine); // which render this is (tests wait for a new one)
  main.removeAttribute('aria-busy');
  const h1 = main.querySelector('h1');
  if (h1 && !main.querySelector('[role=alert]:not([hidden])')) h1.focus();
  document.title = `${h1 ? h1.textContent : 'daogen'} · daogen admin`;
}

async function nav() {
  const root = await api('GET', '/');
  replace(document.getElementById('nav'), h('ul', {}, root.entities.map((n) => h('li', {}, link(`#/e/${seg(n)}`, n)))));
}

window.addEventListener('hashchange', render);
render().then(nav).catch(() => { /* the view shows what failed */ });
