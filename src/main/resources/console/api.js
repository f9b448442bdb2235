/*
 * The server's REST API (api-spec/openapi.yaml) with the signed-in key, and what the pages share. Errors are
 * problems (application/problem+json), thrown as ApiError.
 */

const KEY_STORAGE = 'rps.console.apiKey';
/** Relative to /console/, so the console also works behind a path prefix. */
const API_BASE = '../v1/';

/** The key and who it belongs to (GET /v1/me), the last dry run, and the last search of decisions. */
export const state = {
  key: sessionStorage.getItem(KEY_STORAGE),
  me: null,
  playground: null,
  lastDecisionsHash: '#/decisions',
};

/** Kept for this browser tab only. */
export function rememberKey(key) {
  state.key = key;
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey() {
  state.key = null;
  sessionStorage.removeItem(KEY_STORAGE);
}

/** Sign-in decides what happens when the server stops accepting the key; this module only notices it. */
let keyRefused = () => {};

export function onKeyRefused(handler) {
  keyRefused = handler;
}

export function isAdmin() {
  return Boolean(state.me && state.me.role === 'admin');
}

export class ApiError extends Error {
  constructor(problem) {
    super(problemText(problem));
    this.problem = problem;
    this.status = problem.status;
  }
}

export function problemText(problem) {
  if (problem.title && problem.detail) return `${problem.title}: ${problem.detail}`;
  return problem.detail || problem.title || `HTTP ${problem.status}`;
}

/** Calls the API with the signed-in key; resolves to the JSON body, rejects with an ApiError (a problem). */
export async function api(path, {method = 'GET', body, key = state.key} = {}) {
  const headers = {Accept: 'application/json, application/problem+json'};
  if (key) headers['X-API-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(API_BASE + path, {method, headers, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    throw new ApiError({status: 0, title: 'No answer', detail: `The server could not be reached (${e.message}).`});
  }
  const data = await response.json().catch(() => null);
  if (response.ok) return data;
  const problem = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
  problem.status = problem.status || response.status;
  problem.title = problem.title || response.statusText || 'Request failed';
  problem.detail = problem.detail || `The server answered HTTP ${response.status}.`;
  const error = new ApiError(problem);
  if (response.status === 401 && state.me && key === state.key) keyRefused(error);
  throw error;
}

/** "?a=1&b=2" from the parameters that have a value; "" when none has. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
