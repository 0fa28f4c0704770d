// Quartierskredit Cockpit: the portfolio's charts as inline SVG drawn here (no chart library). Each
// chart carries its figures as text (aria-label, and a <title> on every bar or point), so that a
// screen reader, a tooltip and a test read the same numbers the picture shows.

import { svg, el, percent, euros, date, count, loans, days, shortMonth } from './format.js';

export const STANDARD = 0.10;

const SERIES = [
  { key: 'disturbanceRate', label: 'gestört am Stichtag', color: '#1565c0', dash: null },
  { key: 'par30', label: 'PAR30', color: '#ef6c00', dash: null },
  { key: 'par90', label: 'PAR90', color: '#8e24aa', dash: '5,3' }
];

/**
 * The disturbance rate, PAR30 and PAR90 of one scope on the last reporting dates (the 15ths), with
 * the 10 % standard (which the disturbance rate is held to) as a dashed line.
 */
export function trendChart(points, scopeName) {
  const width = 600, height = 220, left = 44, right = 96, top = 14, bottom = 30;
  const values = points.flatMap((p) => SERIES.map((s) => Number(p[s.key]) || 0));
  const step = Math.max(0.15, ...values) > 0.5 ? 0.1 : 0.05;
  const max = Math.ceil((Math.max(0.15, ...values) * 1.1) / step) * step;
  const x = (i) => left + (points.length < 2 ? (width - left - right) / 2 : (i * (width - left - right)) / (points.length - 1));
  const y = (rate) => height - bottom - (rate / max) * (height - top - bottom);
  const description = points.length === 0
    ? 'Verlauf ' + scopeName + ': noch keine Stichtage.'
    : 'Verlauf ' + scopeName + ', letzte ' + points.length + ' Stichtage (Standard: höchstens 10 % gestört): '
      + points.map((p) => date(p.reportingDate) + ' gestört ' + percent(p.disturbanceRate) + ', PAR30 '
        + percent(p.par30) + ', PAR90 ' + percent(p.par90)).join('; ') + '.';
  const chart = svg('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, class: 'qk-chart qk-trend',
    role: 'img', 'aria-label': description });
  chart.append(svg('title', {}, description));
  for (let tick = 0; tick <= max + 1e-9; tick += step) {
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: '#e0e0e0' }));
    chart.append(svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#555' }, percent(tick).replace(',0', '')));
  }
  chart.append(svg('line', { x1: left, x2: width - right, y1: y(STANDARD), y2: y(STANDARD), stroke: '#c62828',
    'stroke-width': 1.5, 'stroke-dasharray': '6,4', class: 'qk-trend-limit' }));
  chart.append(svg('text', { x: left + 4, y: y(STANDARD) - 4, 'font-size': 10, fill: '#c62828', class: 'qk-trend-limit-label' },
    'Standard: höchstens 10 % gestört'));
  if (points.length === 0) {
    // between the 10 % line and the bottom, so that it never runs through the line
    chart.append(svg('text', { x: (left + width - right) / 2, y: (y(STANDARD) + height - bottom) / 2 + 4,
      'text-anchor': 'middle', 'font-size': 12, class: 'qk-trend-empty' }, 'Noch keine Stichtage'));
    return chart;
  }
  SERIES.forEach((s) => {
    const line = svg('polyline', { points: points.map((p, i) => x(i) + ',' + y(Number(p[s.key]) || 0)).join(' '),
      fill: 'none', stroke: s.color, 'stroke-width': 2, class: 'qk-trend-' + s.key });
    if (s.dash) {
      line.setAttribute('stroke-dasharray', s.dash);
    }
    chart.append(line);
  });
  // the series' names at their last value, pushed apart so that they never overlap
  const last = points[points.length - 1];
  // (from the lowest upwards, so that none runs into the month labels)
  const labels = SERIES.map((s) => ({ s, at: y(Number(last[s.key]) || 0) + 4 })).sort((a, b) => b.at - a.at);
  labels.forEach((l, i) => { l.at = Math.min(l.at, i === 0 ? height - bottom + 4 : labels[i - 1].at - 11); });
  labels.forEach((l) => chart.append(svg('text', { x: width - right + 4, y: l.at, 'font-size': 10, fill: l.s.color },
    l.s.key === 'disturbanceRate' ? 'gestört' : l.s.label)));
  points.forEach((p, i) => {
    const above = Number(p.disturbanceRate) > STANDARD;
    const dot = svg('circle', { cx: x(i), cy: y(Number(p.disturbanceRate) || 0), r: above ? 4 : 3,
      fill: above ? '#c62828' : '#1565c0', class: 'qk-trend-point' });
    dot.append(svg('title', {}, date(p.reportingDate) + ': gestört ' + percent(p.disturbanceRate)
      + (above ? ' (über 10 %)' : '') + ', PAR30 ' + percent(p.par30) + ', PAR90 ' + percent(p.par90)));
    chart.append(dot);
    chart.append(svg('text', { x: x(i), y: height - 10, 'text-anchor': 'middle', 'font-size': 9, fill: '#555' },
      shortMonth(p.reportingDate)));
  });
  return chart;
}

/** The legend of the trend chart with the last reporting date's figures. */
export function trendLegend(points) {
  const last = points[points.length - 1];
  return el('p', { class: 'qk-legend' }, SERIES.map((s) => el('span', { class: 'qk-legend-item' },
    el('span', { class: 'qk-swatch', style: { background: s.color } }),
    s.label + (last ? ' ' + percent(last[s.key]) : ''))),
  last ? '(Stichtag ' + date(last.reportingDate) + ')' : '');
}

/**
 * Horizontal bars, one row each: a label, stacked segments up to {@code max}, and the figures as text.
 * rows: [{ label, segments: [{ value, color, title }], text, cls }]
 */
export function barChart({ rows, max, ariaLabel, cls, labelWidth = 150, barWidth = 260, textWidth = 330, marker }) {
  const rowHeight = 24, width = labelWidth + barWidth + textWidth, height = rows.length * rowHeight + 6;
  const chart = svg('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, class: 'qk-chart ' + cls,
    role: 'img', 'aria-label': ariaLabel });
  chart.append(svg('title', {}, ariaLabel));
  const scale = max > 0 ? barWidth / max : 0;
  rows.forEach((row, i) => {
    const top = 3 + i * rowHeight;
    const group = svg('g', { class: 'qk-bar' + (row.cls ? ' ' + row.cls : '') });
    group.append(svg('text', { x: labelWidth - 8, y: top + 15, 'text-anchor': 'end', 'font-size': 11 }, row.label));
    group.append(svg('rect', { x: labelWidth, y: top + 3, width: barWidth, height: rowHeight - 8, fill: '#f3f3f3' }));
    let offset = 0;
    row.segments.forEach((segment) => {
      const value = Math.max(0, Number(segment.value) || 0);
      // a value above zero stays visible as a sliver, however small against the largest
      const length = Math.min(barWidth - offset, value > 0 ? Math.max(2, value * scale) : 0);
      const rect = svg('rect', { x: labelWidth + offset, y: top + 3, width: Math.max(0, length), height: rowHeight - 8, fill: segment.color });
      rect.append(svg('title', {}, segment.title));
      group.append(rect);
      offset += Math.max(0, length);
    });
    if (marker !== undefined) {
      const at = labelWidth + Math.min(barWidth, marker * scale);
      group.append(svg('line', { x1: at, x2: at, y1: top, y2: top + rowHeight - 2, stroke: '#333', 'stroke-dasharray': '2,2' }));
    }
    group.append(svg('text', { x: labelWidth + barWidth + 8, y: top + 15, 'font-size': 11, class: 'qk-bar-text' }, row.text));
    chart.append(group);
  });
  return chart;
}

const AGING_COLORS = { CURRENT: '#2e7d32', D1_30: '#f9a825', D31_60: '#ef6c00', D61_90: '#d84315', OVER_90: '#b71c1c' };

/** Outstanding principal of one scope by days overdue of the oldest unpaid instalment. */
export function agingChart(scope) {
  const buckets = scope.aging || [];
  const gross = Number(scope.grossPortfolio) || buckets.reduce((sum, b) => sum + Number(b.principal || 0), 0);
  const share = (b) => (gross > 0 ? Number(b.principal) / gross : 0);
  const text = (b) => euros(b.principal) + ' · ' + loans(b.loans) + ' · ' + percent(share(b));
  return barChart({
    rows: buckets.map((b) => ({ label: b.label, cls: 'qk-aging-' + b.bucket,
      segments: [{ value: b.principal, color: AGING_COLORS[b.bucket] || '#757575', title: b.label + ': ' + text(b) }],
      text: text(b) })),
    max: Math.max(0, ...buckets.map((b) => Number(b.principal) || 0)),
    cls: 'qk-aging',
    textWidth: 230,
    ariaLabel: 'Ausstehendes Kapital nach Tagen überfällig, ' + scope.name + ': '
      + buckets.map((b) => b.label + ' ' + text(b)).join('; ') + '.'
  });
}

/** Each quarter's fund: outstanding and reserved principal against its capacity (5x paid-in capital). */
export function fundChart(funds) {
  const text = (f) => euros(f.outstanding) + ' + ' + euros(f.reserved) + ' von ' + euros(f.capacity)
    + ' (' + percent(f.utilisation) + ')';
  return barChart({
    rows: funds.map((f) => ({ label: f.quarterName, cls: 'qk-fund-' + f.quarterCode
      + (Number(f.utilisation) > 0.9 ? ' qk-fund-tight' : ''),
    segments: [
      { value: Number(f.outstanding) / (Number(f.capacity) || 1), color: Number(f.utilisation) > 1 ? '#c62828' : '#1565c0',
        title: f.quarterName + ': ausstehend ' + euros(f.outstanding) },
      { value: Number(f.reserved) / (Number(f.capacity) || 1), color: '#90caf9',
        title: f.quarterName + ': reserviert ' + euros(f.reserved) }],
    text: text(f) })),
    max: 1,
    marker: 1,
    cls: 'qk-funds-chart',
    textWidth: 420,
    ariaLabel: 'Auslastung der lokalen Haftungsfonds (ausstehend + reserviert von der Kapazität): '
      + funds.map((f) => f.quarterName + ' ' + text(f)).join('; ') + '.'
  });
}

/** Applications waiting at each stage: how many, and how long the oldest has waited. */
export function pipelineChart(stages) {
  const text = (s) => count(s.count) + (Number(s.count) > 0 ? ' · ältester ' + days(s.oldestDays)
    + ' · Ø ' + days(Math.round(Number(s.averageDays) * 10) / 10) : '');
  return barChart({
    rows: stages.map((s) => ({ label: s.label, cls: 'qk-stage-' + s.stage,
      segments: [{ value: s.count, color: Number(s.oldestDays) > 30 ? '#ef6c00' : '#546e7a', title: s.label + ': ' + text(s) }],
      text: text(s) })),
    max: Math.max(1, ...stages.map((s) => Number(s.count) || 0)),
    cls: 'qk-pipeline',
    labelWidth: 220,
    ariaLabel: 'Wartende Anträge und Fälle je Schritt: ' + stages.map((s) => s.label + ' ' + text(s)).join('; ') + '.'
  });
}
