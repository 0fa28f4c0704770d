// Quartierskredit Cockpit: building blocks shared by the portfolio plugin and its charts. Plain DOM
// and SVG, no libraries; every figure a manager reads is written the German way: dates 02.12.2026,
// amounts 8.000,00 EUR, percentages 12,5 %, counts 1.500.

export const SVG = 'http://www.w3.org/2000/svg';

/** An HTML element with attributes (style as an object) and children (nodes or text). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k === 'style' ? Object.assign(node.style, v) : node.setAttribute(k, v)));
  children.flat().filter((c) => c !== null && c !== undefined && c !== false)
    .forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

/** An SVG element with attributes; {@code text} becomes its text content. */
export function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

const missing = (v) => v === null || v === undefined || v === '' || Number.isNaN(Number(v));

/** 2026-12-02 -> 02.12.2026 */
export const date = (iso) => (!iso ? '–'
  : String(iso).slice(8, 10) + '.' + String(iso).slice(5, 7) + '.' + String(iso).slice(0, 4));
/** 8000 -> 8.000,00 EUR */
export const euros = (v) => (missing(v) ? '–'
  : Number(v).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' EUR');
/** 0.125 -> 12,5 % */
export const percent = (v) => (missing(v) ? '–'
  : (Number(v) * 100).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + ' %');
/** 1500 -> 1.500; 4.5 -> 4,5 */
export const count = (v) => (missing(v) ? '–' : Number(v).toLocaleString('de-DE', { maximumFractionDigits: 1 }));
/** 12 -> "12 Tage", 1 -> "1 Tag" */
export const days = (v) => (missing(v) ? '–' : count(v) + (Number(v) === 1 ? ' Tag' : ' Tage'));
/** 1 -> "1 Kredit", 3 -> "3 Kredite" */
export const loans = (v) => (missing(v) ? '–' : count(v) + (Number(v) === 1 ? ' Kredit' : ' Kredite'));

const MONTHS = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];
const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
  'Oktober', 'November', 'Dezember'];
/** 2026-12-15 -> "Dez 26" (axis labels) */
export const shortMonth = (iso) => MONTHS[Number(String(iso).slice(5, 7)) - 1] + ' ' + String(iso).slice(2, 4);
/** 2026-12 -> "Dezember 2026" */
export const monthName = (yearMonth) => MONTH_NAMES[Number(yearMonth.slice(5, 7)) - 1] + ' ' + yearMonth.slice(0, 4);

/** GET of our API with the Cockpit login session; a refusal or failure becomes a German sentence. */
export async function load(path) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (offline) {
    throw new Error('der Server ist nicht erreichbar');
  }
  if (!response.ok) {
    // our API answers with German problem details; anything else gets a German sentence too
    let detail = 'der Server antwortet mit Status ' + response.status;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return response.json();
}

/** A German sentence saying that a part of the dashboard cannot be shown, and why. */
export const unavailable = (what, error) => el('p', { class: 'qk-error' },
  what + ' gerade nicht verfügbar: ' + String(error && error.message || error).replace(/\.$/, '') + '.');
