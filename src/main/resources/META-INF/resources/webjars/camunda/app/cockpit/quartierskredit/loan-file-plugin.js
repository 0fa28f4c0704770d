// Quartierskredit: the loan file (Kreditakte) from a loan's process instance in Cockpit. Every process
// of a loan runs with the loan's reference as business key, so both entries open
// /api/loans/{reference}/kreditakte in a new tab (the page reads the Cockpit login session; who may see
// which loan is decided there, not here):
//  - a button in the instance's action bar (plugin point cockpit.processInstance.runtime.action), an
//    icon like Cockpit's own actions, with the German label as its tooltip;
//  - a tab "Kreditakte" beside Variablen, Zwischenfälle ... (cockpit.processInstance.runtime.tab) with
//    the loan's state and figures in a sentence and the link written out.
// An instance without a loan reference (an outreach contact before its application, the monthly
// portfolio standard) gets neither.

import { el, load } from './format.js';

const root = document.querySelector('base').getAttribute('app-root');
const ENGINE = root + '/api/engine/engine/default';
const REFERENCE = /^QK-\d{4}-\d+$/;

async function referenceOf(processInstanceId) {
  try {
    const response = await fetch(ENGINE + '/process-instance/' + encodeURIComponent(processInstanceId),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const key = response.ok ? (await response.json()).businessKey : null;
    return key && REFERENCE.test(key) ? key : null;
  } catch (offline) {
    return null;
  }
}

function fileUrl(reference) {
  return '/api/loans/' + encodeURIComponent(reference) + '/kreditakte';
}

function openLink(reference, attrs, ...children) {
  return el('a', Object.assign({ href: fileUrl(reference), target: '_blank', rel: 'noopener' }, attrs), ...children);
}

async function renderAction(node, processInstanceId) {
  const reference = await referenceOf(processInstanceId);
  if (!reference) {
    return;
  }
  const label = 'Kreditakte ' + reference + ' öffnen (neuer Tab, zum Lesen und Drucken)';
  node.replaceChildren(openLink(reference, { class: 'btn btn-default action-button qk-loan-file', title: label,
    'aria-label': label }, el('span', { class: 'glyphicon glyphicon-folder-open' })));
}

async function renderTab(node, processInstanceId) {
  const reference = await referenceOf(processInstanceId);
  if (!reference) {
    node.replaceChildren(el('p', { class: 'qk-loan-file-tab' }, 'Dieser Vorgang gehört zu keinem Kredit.'));
    return;
  }
  const link = openLink(reference, { class: 'qk-loan-file-link' }, 'Kreditakte ' + reference + ' öffnen');
  node.replaceChildren(el('div', { class: 'qk-loan-file-tab' }, el('p', {}, link,
    ' – die ganze Geschichte des Kredits mit Datum und Person jedes Schritts, zum Lesen und Drucken (neuer Tab).')));
  try {
    const file = await load('/api/loans/' + encodeURIComponent(reference) + '/file');
    node.firstChild.append(el('p', {}, file.business.name + ' in ' + file.business.quarter + ': ' + file.stateLabel
      + ', Betrag ' + file.application.grantedAmount + (file.repayment && file.repayment.arrears !== '0,00 EUR'
        && file.repayment.arrears !== '–' ? ', Rückstand ' + file.repayment.arrears : '') + '.'));
  } catch (notReadable) {
    node.firstChild.append(el('p', {}, 'Die Kreditakte ist für Sie nicht einsehbar: ' + notReadable.message + '.'));
  }
}

export default [{
  id: 'quartierskredit.loan-file.action',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 30,
  render: (node, { processInstanceId }) => { renderAction(node, processInstanceId); }
}, {
  id: 'quartierskredit.loan-file.tab',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  label: 'Kreditakte',
  priority: 5,
  render: (node, { processInstanceId }) => { renderTab(node, processInstanceId); }
}];
