// The admin API, on the origin (and under the prefix) the UI is served from. The admin token, when the server asks
// for one, is kept in sessionStorage: this tab only, gone when the tab closes.

const TOKEN = 'daogen-admin-token';
export const base = location.pathname.replace(/\/ui\/[^/]*$/, '');

/** An error response of the API: Kong's {code, name, message, fields}, or {message}. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN),
  set: (t) => sessionStorage.setItem(TOKEN, t),
  clear: () => sessionStorage.removeItem(TOKEN),
};

let askToken = null;
let asking = null;
/** Who asks for the token when the API answers 401: fn(refused) resolves once a token is set. */
export function onUnauthorized(fn) {
  askToken = (refused) => {
    asking = asking || fn(refused).finally(() => { asking = null; });
    return asking;
  };
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const t = token.get();
  if (t) headers['Kong-Admin-Token'] = t;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
  });
  const text = await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = { message: text.slice(0, 200) }; }
  }
  if (res.status === 401 && askToken) {
    // the user gives a token (the form or page stays as it is), then the request goes again
    await askToken(t !== null);
    return api(method, path, body);
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

/** A path segment, encoded. */
export const seg = (s) => encodeURIComponent(String(s));
