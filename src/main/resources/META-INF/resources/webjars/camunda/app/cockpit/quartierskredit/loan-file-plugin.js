// Quartierskredit: "Kreditakte" in the action bar of a process instance in Cockpit (plugin point
// cockpit.processInstance.runtime.action). Every process of a loan runs with the loan's reference as
// business key, so the button opens /api/loans/{reference}/kreditakte in a new tab (the page reads
// the Cockpit login session; who may see which loan is decided there, not here). An instance without
// a loan reference (outreach before the application, the monthly portfolio standard) gets no button.

const root = document.querySelector('base').getAttribute('app-root');
const ENGINE = root + '/api/engine/engine/default';
const REFERENCE = /^QK-\d{4}-\d+$/;

async function businessKeyOf(processInstanceId) {
  const response = await fetch(ENGINE + '/process-instance/' + encodeURIComponent(processInstanceId),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return null;
  }
  return (await response.json()).businessKey;
}

async function render(node, processInstanceId) {
  let reference;
  try {
    reference = await businessKeyOf(processInstanceId);
  } catch (offline) {
    return;
  }
  if (!reference || !REFERENCE.test(reference)) {
    return;
  }
  const link = document.createElement('a');
  link.className = 'btn btn-default action-button qk-loan-file';
  link.href = '/api/loans/' + encodeURIComponent(reference) + '/kreditakte';
  link.target = '_blank';
  link.rel = 'noopener';
  link.title = 'Kreditakte ' + reference + ' in einem neuen Tab öffnen (zum Lesen und Drucken)';
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-folder-open';
  link.append(icon, document.createTextNode(' Kreditakte'));
  node.replaceChildren(link);
}

export default {
  id: 'quartierskredit.loan-file',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 30,
  render: (node, { processInstanceId }) => { render(node, processInstanceId); }
};
