// Quartierskredit portfolio on the Cockpit dashboard (plugin point cockpit.dashboard; styles/
// user-styles.css puts it first). First, in words, whether the 10 % standard held on the last 15th
// and holds today (sentences from /api/portfolio/standard); then what is at risk and what was lost
// (PAR30/PAR90, write-offs, losses by who bore them), the quarters' figures, the trend of the
// disturbance rate and PAR over the last twelve 15ths, aging, fund use, the indicators per quarter /
// outside / whole system, the pipeline (stages, the committee's pending decisions, stalled
// contracts), the advisors' contacts, and the monthly report for the funder (CSV and print view).
// Same-origin data from /api/portfolio with the Cockpit login session; charts in charts.js.

import { el, date, euros, percent, count, days, loans, monthName, load, unavailable } from './format.js';
import { STANDARD, trendChart, trendLegend, agingChart, fundChart, pipelineChart } from './charts.js';

function rateBar(rate) {
  // a bar up to 30 %, with the 10 % standard as a line
  const width = 160, height = 12, scale = width / 0.3;
  const box = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  box.setAttribute('width', width);
  box.setAttribute('height', height);
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', 'Störungsquote ' + percent(rate));
  const part = (attrs) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', attrs.tag);
    Object.entries(attrs).filter(([k]) => k !== 'tag').forEach(([k, v]) => node.setAttribute(k, v));
    box.append(node);
  };
  part({ tag: 'rect', x: 0, y: 0, width, height, fill: '#eee' });
  part({ tag: 'rect', x: 0, y: 0, width: Math.min(width, rate * scale), height, fill: rate > STANDARD ? '#c62828' : '#2e7d32' });
  part({ tag: 'line', x1: STANDARD * scale, x2: STANDARD * scale, y1: 0, y2: height, stroke: '#000', 'stroke-dasharray': '2,2' });
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
    el('thead', {}, el('tr', {}, ['Haftungsfonds', 'Kapital', 'Kapazität (5x)', 'ausstehend', 'reserviert', 'frei', 'Auslastung'].map((h) => el('th', {}, h)))),
    el('tbody', {}, report.funds.map((f) => el('tr', { 'data-fund': f.quarterCode },
      el('td', {}, f.quarterName), el('td', {}, euros(f.paidInCapital)), el('td', {}, euros(f.capacity)),
      el('td', {}, euros(f.outstanding)), el('td', {}, euros(f.reserved)), el('td', {}, euros(f.free)),
      el('td', { style: { color: Number(f.utilisation) > 0.9 ? '#c62828' : 'inherit' } }, percent(f.utilisation))))));
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
    parts.push(el('p', { class: 'qk-outcomes' }, 'Ausgezahlt: ', o.loansDisbursed, ', ausgefallen: ', o.defaults, ' (', percent(o.defaultRate), '); ',
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

/** What is at risk and what was lost, for the whole system, in two sentences. */
function atAGlance(indicators) {
  const s = indicators.system;
  const losses = (s.losses || []).map((l) => l.label + ' ' + euros(l.amount)).join(', ');
  return el('div', { class: 'qk-glance' },
    el('p', { class: 'qk-at-risk' }, el('b', {}, 'Gefährdet: '), 'PAR30 ', el('b', {}, percent(s.par30.ratio)),
      ' (' + euros(s.par30.principal) + ' in ' + loans(s.par30.loans) + '), PAR90 ', el('b', {}, percent(s.par90.ratio)),
      ' (' + euros(s.par90.principal) + ' in ' + loans(s.par90.loans) + ') von ' + euros(s.grossPortfolio) + ' ausstehend.'),
    el('p', { class: 'qk-lost' }, el('b', {}, 'Verloren seit ' + date(indicators.from) + ': '),
      euros(s.writeOff.principal) + ' abgeschrieben (Abschreibungsquote ' + percent(s.writeOff.ratio) + ')'
      + (losses ? '; getragen: ' + losses : '') + '. Ausfallquote ' + percent(s.ausfallquote.byLoansGranted)
      + ' der vergebenen Kredite (' + count(s.ausfallquote.defaults) + ' von ' + count(s.ausfallquote.loansGranted)
      + '), ' + percent(s.ausfallquote.byRepayments) + ' gemessen an den Rückzahlungen.'));
}

/** The last twelve months, newest first; the previous month is preselected (the one a funder asks for). */
function reportMonths(asOf) {
  const year = Number(asOf.slice(0, 4)), month = Number(asOf.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return d.getUTCFullYear() + '-' + String(d.getUTCMonth() + 1).padStart(2, '0');
  });
}

/** The monthly report for the funder: a month, a CSV to download and a page to print or save as PDF. */
function funderReport(asOf) {
  const months = reportMonths(asOf);
  const select = el('select', { class: 'form-control input-sm qk-report-month', 'aria-label': 'Monat des Berichts',
    style: { display: 'inline-block', width: 'auto', margin: '0 8px' } },
  months.map((m, i) => {
    const option = el('option', { value: m }, monthName(m));
    option.selected = i === 1;
    return option;
  }));
  const csv = el('a', { class: 'qk-report-csv', download: '' }, 'CSV herunterladen');
  const print = el('a', { class: 'qk-report-print', target: '_blank', rel: 'noopener' }, 'Druckansicht (Drucken / als PDF speichern)');
  const point = () => {
    csv.setAttribute('href', '/api/portfolio/funder-report.csv?month=' + select.value);
    csv.setAttribute('download', 'quartierskredit-monatsbericht-' + select.value + '.csv');
    print.setAttribute('href', '/api/portfolio/funder-report?month=' + select.value);
  };
  select.addEventListener('change', point);
  point();
  return el('p', { class: 'qk-report-links' }, el('b', {}, 'Monatsbericht für den Fonds:'), select, csv, ' · ', print);
}

/** Each row: the indicator's name, its main figure and a second line with what it is made of. */
const INDICATOR_ROWS = [
  ['Ausstehende Kredite', (s) => [count(s.loansOutstanding)]],
  ['Bruttoportfolio (ausstehendes Kapital)', (s) => [euros(s.grossPortfolio)]],
  ['PAR30 (über 30 Tage überfällig, mit Umschuldungen)', (s) => [percent(s.par30.ratio), euros(s.par30.principal) + ' · ' + loans(s.par30.loans)]],
  ['PAR90 (über 90 Tage überfällig, mit Umschuldungen)', (s) => [percent(s.par90.ratio), euros(s.par90.principal) + ' · ' + loans(s.par90.loans)]],
  ['umgeschuldet', (s) => [loans(s.rescheduled.loans), euros(s.rescheduled.principal)]],
  ['Ausfallquote (Ausfälle je vergebene Kredite)', (s) => [percent(s.ausfallquote.byLoansGranted),
    count(s.ausfallquote.defaults) + ' von ' + count(s.ausfallquote.loansGranted)]],
  ['Ausfallquote (ausgefallenes Kapital je Rückzahlungen)', (s) => [percent(s.ausfallquote.byRepayments),
    euros(s.ausfallquote.defaultedPrincipal) + ' von ' + euros(s.ausfallquote.repaidPrincipal)]],
  ['Abschreibungsquote', (s) => [percent(s.writeOff.ratio), euros(s.writeOff.principal) + ' abgeschrieben']],
  ['Rückzahlungsquote (erhalten je fällig)', (s) => [s.repayment.due > 0 ? percent(s.repayment.rate) : '–', euros(s.repayment.received) + ' von ' + euros(s.repayment.due) + (s.repayment.due > 0 ? '' : ' (nichts fällig)')]],
  ['Tage bis zur Entscheidung (Ø / Median)', (s) => [count(s.durations.daysToDecisionAverage) + ' / ' + count(s.durations.daysToDecisionMedian),
    count(s.durations.decisions) + ' Entscheidungen']],
  ['Tage bis zur Auszahlung (Ø / Median)', (s) => [count(s.durations.daysToDisbursementAverage) + ' / ' + count(s.durations.daysToDisbursementMedian),
    count(s.durations.disbursements) + ' Auszahlungen']]
];

function lossRows(scopes) {
  const bearers = [];
  scopes.forEach((s) => (s.losses || []).forEach((l) => { if (!bearers.some((b) => b.bearer === l.bearer)) { bearers.push(l); } }));
  return bearers.map((b) => ['Verluste: ' + b.label, (s) => {
    const loss = (s.losses || []).find((l) => l.bearer === b.bearer);
    return loss ? [euros(loss.amount), 'Verlustquote ' + percent(loss.rate)] : ['–'];
  }]);
}

/** The indicators per quarter, outside the quarters and for the whole system, as a compact table. */
function indicatorTable(indicators) {
  const scopes = indicators.scopes.concat(indicators.system ? [indicators.system] : []);
  const rows = INDICATOR_ROWS.slice(0, 8).concat(lossRows(scopes), INDICATOR_ROWS.slice(8));
  return el('table', { class: 'table table-condensed qk-indicators' },
    el('caption', {}, 'Bestand am ' + date(indicators.asOf) + '; Abschreibungen, Verluste, Rückzahlungen und Dauern im Zeitraum '
      + date(indicators.from) + ' bis ' + date(indicators.asOf) + '.'),
    el('thead', {}, el('tr', {}, el('th', {}, 'Kennzahl'), scopes.map((s) => el('th', { 'data-scope': s.scope }, s.name)))),
    el('tbody', {}, rows.map(([label, figures]) => el('tr', {}, el('th', { scope: 'row' }, label),
      scopes.map((s) => {
        const [main, detail] = figures(s);
        return el('td', { 'data-scope': s.scope, style: s === indicators.system ? { fontWeight: 'bold' } : {} },
          main, detail ? el('br') : null, detail ? el('small', { class: 'text-muted' }, detail) : null);
      })))));
}

/** Trend and aging for the scope chosen (whole system first). */
function scopeCharts(indicators, trend) {
  const scopes = (indicators ? [indicators.system].concat(indicators.scopes) : [])
    .filter((s) => s).map((s) => ({ scope: s.scope, name: s.name }));
  (trend ? trend.points : []).forEach((p) => {
    if (!scopes.some((s) => s.scope === p.scope)) {
      scopes.push({ scope: p.scope, name: p.name });
    }
  });
  scopes.sort((a, b) => (b.scope === 'ALL' || b.scope === 'OWN') - (a.scope === 'ALL' || a.scope === 'OWN'));
  const select = el('select', { class: 'form-control input-sm qk-scope', 'aria-label': 'Bereich der Diagramme',
    style: { display: 'inline-block', width: 'auto', marginLeft: '8px' } }, scopes.map((s) => el('option', { value: s.scope }, s.name)));
  const trendBox = el('div', { class: 'qk-trend-box' });
  const agingBox = el('div', { class: 'qk-aging-box' });
  const draw = () => {
    const chosen = scopes.find((s) => s.scope === select.value) || { scope: 'ALL', name: 'gesamtes System' };
    if (trend) {
      const points = trend.points.filter((p) => p.scope === chosen.scope)
        .sort((a, b) => String(a.reportingDate).localeCompare(String(b.reportingDate))).slice(-12);
      trendBox.replaceChildren(trendChart(points, chosen.name), trendLegend(points));
    }
    if (indicators) {
      const scope = [indicators.system].concat(indicators.scopes).find((s) => s && s.scope === chosen.scope);
      agingBox.replaceChildren(scope ? agingChart(scope) : el('p', {}, 'Für diesen Bereich liegen keine Kennzahlen vor.'));
    }
  };
  select.addEventListener('change', draw);
  if (scopes.length > 0) {
    draw();
  }
  return { select, trendBox, agingBox };
}

function committeeTable(pipeline) {
  if (pipeline.committee.length === 0) {
    return el('p', { class: 'qk-committee-none' }, 'Keine Entscheidung des Vergabeausschusses offen.');
  }
  const missing = (reference) => {
    const found = pipeline.cases.find((c) => c.reference === reference);
    return found && found.missing && found.missing.length > 0 ? 'fehlt: ' + found.missing.join(', ') : 'Unterlagen vollständig';
  };
  return el('table', { class: 'table table-condensed qk-committee' },
    el('thead', {}, el('tr', {}, ['Quartier', 'offen', 'älteste', 'Fälle und was fehlt'].map((h) => el('th', {}, h)))),
    el('tbody', {}, pipeline.committee.map((q) => el('tr', { 'data-quarter': q.quarter },
      el('td', {}, q.quarterName), el('td', {}, count(q.pending)), el('td', {}, days(q.oldestDays)),
      el('td', {}, (q.references || []).map((r) => el('div', {}, el('b', {}, r), ' – ', missing(r))))))));
}

function stalledTable(pipeline) {
  if (pipeline.stalledContracts.length === 0) {
    return el('p', { class: 'qk-stalled-none' }, 'Keine stockenden Verträge.');
  }
  return el('table', { class: 'table table-condensed qk-stalled' },
    el('thead', {}, el('tr', {}, ['Fall', 'Quartier', 'empfohlen am', 'seitdem'].map((h) => el('th', {}, h)))),
    el('tbody', {}, pipeline.stalledContracts.map((c) => el('tr', {},
      el('td', {}, c.reference), el('td', {}, c.quarterName || 'außerhalb der Quartiere'),
      el('td', {}, date(c.recommendedOn)), el('td', {}, days(c.days))))));
}

function advisorTable(advisors) {
  return el('table', { class: 'table table-condensed qk-advisors' },
    el('thead', {}, el('tr', {}, ['Beratung', 'Quartier', 'betreute Kredite', 'Kontakte fällig', 'davon rechtzeitig', 'Quote']
      .map((h) => el('th', {}, h)))),
    el('tbody', {}, advisors.map((a) => el('tr', {},
      el('td', {}, a.name), el('td', {}, a.quarterName || '–'), el('td', {}, count(a.caseload)),
      el('td', {}, count(a.contactsDue)), el('td', {}, count(a.contactsOnTime)), el('td', {}, percent(a.onTimeRate))))));
}

function settled(result) {
  return result.status === 'fulfilled' ? result.value : null;
}

async function render(node) {
  node.replaceChildren(el('p', {}, 'Portfolio wird geladen …'));
  try {
    const [report, status] = await Promise.all([load('/api/portfolio/report'), load('/api/portfolio/standard')]);
    // the indicators, the trend and the pipeline are drawn when they answer; each may fail on its own
    const [indicatorsResult, trendResult, pipelineResult] = await Promise.allSettled([
      load('/api/portfolio/indicators?asOf=' + report.asOf), load('/api/portfolio/trend?months=12'),
      load('/api/portfolio/pipeline?asOf=' + report.asOf)]);
    const indicators = settled(indicatorsResult), trend = settled(trendResult), pipeline = settled(pipelineResult);
    const charts = scopeCharts(indicators, trend);
    node.replaceChildren(el('section', { class: 'qk-portfolio' },
      el('h3', {}, 'Quartierskredit: Portfolio am ' + date(report.asOf)),
      verdicts(status),
      el('p', {}, 'Standard des Mikrofinanzfonds: höchstens 10 % der ausstehenden Kredite gestört, gemessen am '
        + '15. jedes Monats; darüber muss der Mikrofinanzierer Maßnahmen zur Qualitätssicherung ergreifen.'),
      indicators ? atAGlance(indicators) : unavailable('Die Kennzahlen sind', indicatorsResult.reason),
      // the funder's report is the whole programme's: offered to those who see all of it
      report.system && report.system.scope === 'ALL' ? funderReport(report.asOf) : null,
      el('h4', {}, 'Quartiere am ' + date(report.asOf)),
      quarterTable(report),
      el('h4', {}, 'Verlauf der letzten zwölf Stichtage und Überfälligkeit', charts.select),
      el('div', { class: 'qk-chart-row' },
        el('figure', { class: 'qk-figure' }, el('figcaption', {}, 'Gestört am Stichtag, PAR30 und PAR90'),
          trend ? charts.trendBox : unavailable('Der Verlauf ist', trendResult.reason)),
        el('figure', { class: 'qk-figure' }, el('figcaption', {}, 'Ausstehendes Kapital nach Tagen überfällig'),
          indicators ? charts.agingBox : unavailable('Die Überfälligkeit ist', indicatorsResult.reason))),
      el('h4', {}, 'Lokale Haftungsfonds: ausstehend und reserviert gegen die Kapazität'),
      el('figure', { class: 'qk-figure' }, fundChart(report.funds)),
      fundTable(report),
      el('h4', {}, 'Kennzahlen je Quartier'),
      indicators ? indicatorTable(indicators) : unavailable('Die Kennzahlen sind', indicatorsResult.reason),
      el('h4', {}, 'Antragspipeline'),
      pipeline ? [
        el('figure', { class: 'qk-figure' }, el('figcaption', {}, 'Wartende Fälle je Schritt'), pipelineChart(pipeline.stages)),
        el('h5', {}, 'Offene Entscheidungen des Vergabeausschusses'), committeeTable(pipeline),
        el('h5', {}, 'Stockende Verträge (empfohlen, aber nicht unterschrieben)'), stalledTable(pipeline)]
        : unavailable('Die Pipeline ist', pipelineResult.reason),
      indicators && indicators.advisors && indicators.advisors.length > 0
        ? [el('h4', {}, 'Beratung: betreute Kredite und Monatskontakte'), advisorTable(indicators.advisors)] : null,
      summary(report)));
  } catch (error) {
    node.replaceChildren(unavailable('Das Portfolio ist', error));
  }
}

export default {
  id: 'quartierskredit.portfolio',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => { render(node); }
};
