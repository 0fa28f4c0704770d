// Quartierskredit portfolio on the Cockpit dashboard (plugin point cockpit.dashboard; styles/
// user-styles.css puts it first): in words whether the 10 % standard held on the last 15th and holds
// today, overall and per quarter (sentences from /api/portfolio/standard); today's figures per quarter,
// fund utilisation, and the twelve-month trend of the disturbance rate. Same-origin data from
// /api/portfolio, authenticated by the Cockpit login session; drawn with plain DOM and SVG, no
// libraries. German dates (02.12.2026), amounts (8.000,00 EUR) and percentages (12,5 %).

const STANDARD = 0.10;
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k === 'style' ? Object.assign(node.style, v) : node.setAttribute(k, v)));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

/** 2026-12-02 -> 02.12.2026 */
const date = (iso) => String(iso).slice(8, 10) + '.' + String(iso).slice(5, 7) + '.' + String(iso).slice(0, 4);
const euros = (v) => Number(v).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' EUR';
const percent = (v) => (Number(v) * 100).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + ' %';

async function load(path) {
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

function rateBar(rate) {
  // a bar up to 30 %, with the 10 % standard as a line
  const width = 160, height = 12, scale = width / 0.3;
  const box = svg('svg', { width, height, role: 'img', 'aria-label': 'Störungsquote ' + percent(rate) });
  box.append(svg('rect', { x: 0, y: 0, width, height, fill: '#eee' }));
  box.append(svg('rect', { x: 0, y: 0, width: Math.min(width, rate * scale), height,
    fill: rate > STANDARD ? '#c62828' : '#2e7d32' }));
  box.append(svg('line', { x1: STANDARD * scale, x2: STANDARD * scale, y1: 0, y2: height, stroke: '#000', 'stroke-dasharray': '2,2' }));
  return box;
}

function utilisationBar(utilisation) {
  const width = 160, height = 12;
  const box = svg('svg', { width, height, role: 'img', 'aria-label': 'Auslastung ' + percent(utilisation) });
  box.append(svg('rect', { x: 0, y: 0, width, height, fill: '#eee' }));
  box.append(svg('rect', { x: 0, y: 0, width: Math.min(width, utilisation * width), height,
    fill: utilisation > 0.9 ? '#ef6c00' : '#1565c0' }));
  return box;
}

function quarterTable(report) {
  const rows = report.scopes.concat(report.system ? [report.system] : []);
  return el('table', { class: 'table table-condensed qk-quarters' },
    el('thead', {}, el('tr', {}, ['Quartier', 'ausstehend', 'Volumen', 'gestört', 'Störungsquote', '', 'Standard heute']
      .map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((s) => el('tr', { 'data-scope': s.scope, style: s.scope === 'ALL' ? { fontWeight: 'bold' } : {} },
      el('td', {}, s.name),
      el('td', {}, s.loansOutstanding),
      el('td', {}, euros(s.principalOutstanding)),
      el('td', {}, s.loansDisturbed),
      el('td', { class: s.aboveStandard ? 'qk-above' : 'qk-within', style: { color: s.aboveStandard ? '#c62828' : 'inherit' } },
        percent(s.disturbanceRate) + (s.aboveStandard ? ' (über 10 %)' : '')),
      el('td', {}, rateBar(Number(s.disturbanceRate))),
      el('td', { class: 'qk-status' }, s.aboveStandard ? 'verfehlt' : 'eingehalten')))));
}

function fundTable(report) {
  return el('table', { class: 'table table-condensed qk-funds' },
    el('thead', {}, el('tr', {}, ['Haftungsfonds', 'Kapital', 'Kapazität (5x)', 'ausstehend', 'reserviert', 'frei', 'Auslastung', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, report.funds.map((f) => el('tr', { 'data-fund': f.quarterCode },
      el('td', {}, f.quarterName), el('td', {}, euros(f.paidInCapital)), el('td', {}, euros(f.capacity)),
      el('td', {}, euros(f.outstanding)), el('td', {}, euros(f.reserved)), el('td', {}, euros(f.free)),
      el('td', {}, percent(f.utilisation)), el('td', {}, utilisationBar(Number(f.utilisation)))))));
}

function trendChart(snapshots) {
  const points = snapshots.filter((s) => s.scope === 'ALL').slice(-12);
  const width = 520, height = 160, pad = 30, max = Math.max(0.2, ...points.map((p) => Number(p.disturbanceRate)));
  const x = (i) => pad + (points.length < 2 ? 0 : (i * (width - 2 * pad)) / (points.length - 1));
  const y = (rate) => height - pad - (rate / max) * (height - 2 * pad);
  const chart = svg('svg', { width, height, class: 'qk-trend', role: 'img', 'aria-label': 'Störungsquote der letzten zwölf Stichtage' });
  chart.append(svg('line', { x1: pad, x2: width - pad, y1: y(STANDARD), y2: y(STANDARD), stroke: '#c62828',
    'stroke-dasharray': '4,3', class: 'qk-trend-limit' }));
  const label = svg('text', { x: width - pad, y: y(STANDARD) - 4, 'text-anchor': 'end', 'font-size': 10, fill: '#c62828' });
  label.textContent = 'Standard 10 %';
  chart.append(label);
  if (points.length === 0) {
    // between the 10 % line and the bottom, so that it never runs through the line
    const none = svg('text', { x: width / 2, y: (y(STANDARD) + height - pad) / 2 + 4, 'text-anchor': 'middle',
      'font-size': 12, class: 'qk-trend-empty' });
    none.textContent = 'Noch keine Stichtage gespeichert';
    chart.append(none);
    return chart;
  }
  chart.append(svg('polyline', { points: points.map((p, i) => x(i) + ',' + y(Number(p.disturbanceRate))).join(' '),
    fill: 'none', stroke: '#1565c0', 'stroke-width': 2 }));
  points.forEach((p, i) => {
    const dot = svg('circle', { cx: x(i), cy: y(Number(p.disturbanceRate)), r: 3, fill: p.aboveStandard ? '#c62828' : '#1565c0' });
    const title = svg('title');
    title.textContent = date(p.reportingDate) + ': ' + percent(p.disturbanceRate);
    dot.append(title);
    chart.append(dot);
    const month = svg('text', { x: x(i), y: height - 8, 'text-anchor': 'middle', 'font-size': 9 });
    month.textContent = p.reportingDate.slice(5, 7) + '/' + p.reportingDate.slice(2, 4);
    chart.append(month);
  });
  return chart;
}

function summary(report) {
  const parts = [];
  if (report.microfinancer) {
    const m = report.microfinancer;
    parts.push(el('p', {}, 'Außerhalb der Quartiere (Mikrofinanzierer haftet): ', el('b', {}, euros(m.outstanding)),
      ', Anteil am Portfolio ', el('b', {}, percent(m.shareOutsideQuarters)),
      '; getragene Verluste ', euros(m.lossesBorne), ' von höchstens ', euros(m.lossCap), ' (20 %).'));
  }
  if (report.outcomes) {
    const o = report.outcomes;
    parts.push(el('p', {}, 'Ausgezahlt: ', o.loansDisbursed, ', ausgefallen: ', o.defaults, ' (', percent(o.defaultRate), '); ',
      'durch Beratung beendet: ', o.endedByAdvice, ', Bedarf reduziert: ', o.needReduced,
      ', privat finanziert: ', o.financedPrivately, ', verwiesen: ', o.referred, '.'));
  }
  return parts;
}

function verdictLine(label, verdict, kind) {
  return el('p', { class: 'qk-verdict qk-verdict-' + kind + (verdict.holds ? ' qk-holds' : ' qk-broken'),
    style: { color: verdict.holds ? '#2e7d32' : '#c62828', fontSize: '16px', fontWeight: 'bold' } },
  label + ' – ' + verdict.summary);
}

/** The standard in words: on the last 15th, and as the figures stand today (once if the words are the same). */
function verdicts(status) {
  const onReportingDate = 'Stichtag ' + date(status.reportingDate);
  if (status.asOf === status.reportingDate || status.current.summary === status.standard.summary) {
    const label = status.asOf === status.reportingDate ? onReportingDate
      : onReportingDate + ' und heute (' + date(status.asOf) + ')';
    return el('div', { class: 'qk-verdicts' }, verdictLine(label, status.standard, 'reporting-date'));
  }
  return el('div', { class: 'qk-verdicts' }, verdictLine(onReportingDate, status.standard, 'reporting-date'),
    verdictLine('Stand heute (' + date(status.asOf) + ')', status.current, 'today'));
}

async function render(node) {
  node.replaceChildren(el('p', {}, 'Portfolio wird geladen …'));
  try {
    const [report, status, snapshots] = await Promise.all([load('/api/portfolio/report'),
      load('/api/portfolio/standard'), load('/api/portfolio/snapshots?months=12')]);
    node.replaceChildren(el('section', { class: 'qk-portfolio' },
      el('h3', {}, 'Quartierskredit: Portfolio am ' + date(report.asOf)),
      verdicts(status),
      el('p', {}, 'Standard des Mikrofinanzfonds: höchstens 10 % der ausstehenden Kredite gestört, gemessen am '
        + '15. jedes Monats; darüber muss der Mikrofinanzierer Maßnahmen zur Qualitätssicherung ergreifen.'),
      el('h4', {}, 'Quartiere am ' + date(report.asOf)),
      quarterTable(report),
      el('h4', {}, 'Lokale Haftungsfonds'),
      fundTable(report),
      el('h4', {}, 'Störungsquote der letzten zwölf Stichtage'),
      trendChart(snapshots),
      summary(report)));
  } catch (error) {
    node.replaceChildren(el('p', { class: 'qk-error' }, 'Das Portfolio ist gerade nicht verfügbar: ' + String(error.message).replace(/\.$/, '') + '.'));
  }
}

export default {
  id: 'quartierskredit.portfolio',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => { render(node); }
};
