// Quartierskredit: Cockpit offers an action only to a person who may perform it.
//
// Cockpit 7.24 (Community Edition) shows every action - cancel, suspend, add, edit or delete a
// variable, retry, change an assignee, delete a deployment ... - to everyone who may read, and the
// engine refuses it afterwards with an English permission error. Managers and the microfinancer only
// read. This script asks the engine what the logged-in person may do, with the authorization check
// Camunda's webapps use themselves (GET .../authorization/check, answered from the person's own
// authorizations and groups), and marks the page with one class per kind of action, e.g.
// <html class="qk-may-delete-instances">. styles/user-styles.css hides every action whose mark is
// missing: an action stays hidden until the engine has said yes, and is hidden again after logout.
//
// The checks ask for grants on all resources of a type ("*"), which is how this application grants
// (process owners hold ALL through camunda-admin; nobody else may change anything in Cockpit).

const root = document.querySelector('base').getAttribute('app-root');
const ENGINE = root + '/api/engine/engine/default';
const CURRENT_USER = root + '/api/admin/auth/user/default';

// resource types of org.camunda.bpm.engine.authorization.Resources
const PROCESS_DEFINITION = [6, 'ProcessDefinition'];
const TASK = [7, 'Task'];
const PROCESS_INSTANCE = [8, 'ProcessInstance'];
const DEPLOYMENT = [9, 'Deployment'];
const DECISION_DEFINITION = [10, 'DecisionDefinition'];
const BATCH = [13, 'Batch'];

/** Each mark and the grants that make the engine accept its actions (any one suffices). */
export const MARKS = {
  'delete-instances': [['DELETE', PROCESS_INSTANCE], ['DELETE_INSTANCE', PROCESS_DEFINITION]],
  'suspend-instances': [['SUSPEND', PROCESS_INSTANCE], ['UPDATE', PROCESS_INSTANCE],
    ['SUSPEND_INSTANCE', PROCESS_DEFINITION], ['UPDATE_INSTANCE', PROCESS_DEFINITION]],
  'update-variables': [['UPDATE_VARIABLE', PROCESS_INSTANCE], ['UPDATE', PROCESS_INSTANCE],
    ['UPDATE_INSTANCE_VARIABLE', PROCESS_DEFINITION], ['UPDATE_INSTANCE', PROCESS_DEFINITION]],
  'retry-jobs': [['RETRY_JOB', PROCESS_INSTANCE], ['UPDATE', PROCESS_INSTANCE],
    ['RETRY_JOB', PROCESS_DEFINITION], ['UPDATE_INSTANCE', PROCESS_DEFINITION]],
  'update-instances': [['UPDATE', PROCESS_INSTANCE], ['UPDATE_INSTANCE', PROCESS_DEFINITION]],
  'assign-tasks': [['TASK_ASSIGN', TASK], ['UPDATE', TASK], ['TASK_ASSIGN', PROCESS_DEFINITION],
    ['UPDATE_TASK', PROCESS_DEFINITION]],
  'update-tasks': [['UPDATE', TASK], ['UPDATE_TASK', PROCESS_DEFINITION]],
  'suspend-definitions': [['SUSPEND', PROCESS_DEFINITION], ['UPDATE', PROCESS_DEFINITION]],
  'update-definitions': [['UPDATE', PROCESS_DEFINITION]],
  'update-decisions': [['UPDATE', DECISION_DEFINITION]],
  'delete-deployments': [['DELETE', DEPLOYMENT]],
  'update-batches': [['UPDATE', BATCH]],
  'delete-batches': [['DELETE', BATCH]]
};

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

/** The logged-in person's id, or null (the login page). */
async function currentUser() {
  try {
    const user = await getJson(CURRENT_USER);
    return user && user.userId ? user.userId : null;
  } catch (unreachable) {
    return null;
  }
}

/** The marks the engine grants the logged-in person; a failed check grants nothing. */
async function grantedMarks() {
  const answers = new Map();
  const ask = ([permission, [type, name]]) => {
    const key = permission + '@' + type;
    if (!answers.has(key)) {
      const url = ENGINE + '/authorization/check?permissionName=' + permission + '&resourceName=' + name
        + '&resourceType=' + type;
      answers.set(key, getJson(url).then((answer) => !!(answer && answer.authorized === true), () => false));
    }
    return answers.get(key);
  };
  const marks = new Set();
  await Promise.all(Object.entries(MARKS).map(async ([mark, grants]) => {
    const granted = await Promise.all(grants.map(ask));
    if (granted.some(Boolean)) {
      marks.add(mark);
    }
  }));
  return marks;
}

const byUser = new Map();
let latest = 0;

function mark(userId, marks) {
  const html = document.documentElement;
  Object.keys(MARKS).forEach((name) => html.classList.toggle('qk-may-' + name, marks.has(name)));
  // tells tests (and curious readers) whose permissions the page shows
  html.setAttribute('data-qk-marks-for', userId || '');
}

/** Marks the page for whoever is logged in now; called on load and after every route change. */
async function refresh() {
  const call = ++latest;
  const userId = await currentUser();
  if (userId && !byUser.has(userId)) {
    byUser.set(userId, grantedMarks());
  }
  const marks = userId ? await byUser.get(userId) : new Set();
  if (call === latest) {
    mark(userId, marks);
  }
}

// Cockpit changes the route (the part after #) on login, logout and every navigation
window.addEventListener('hashchange', refresh);
refresh();
