// Quartierskredit: what Tasklist's configuration cannot make German and humane (loaded by
// scripts/config.js as a custom script, an ES module from the same origin, so Tasklist's content
// security policy allows it). Three things, each independent of the others:
//  1. the language link in the footer (German by default, English on request; the rule is shared with
//     the other webapps in ../../quartierskredit/language.js), and
//     the few labels and date formats Camunda's German locale file leaves English or foreign;
//  2. form-js's built-in English validation messages and placeholders become German, naming what is
//     expected instead of showing a regular expression;
//  3. after an application is started, a notice names its loan reference (from the start's answer).
// It changes nothing a person sends: the server checks every form again (FormInput).
// Where the notifications sit (so they never cover the form's buttons) is in styles/user-styles.css.

import { chooseLanguage, chosenLanguage, ENGLISH, GERMAN } from '../../quartierskredit/language.js';

const german = chosenLanguage() === GERMAN;

// ---- 1. language link ------------------------------------------------------------------------

function addLanguageLink() {
  const footer = document.querySelector('footer[cam-widget-footer]');
  const place = footer && footer.querySelector('.row > div:last-child');
  if (!place || footer.querySelector('.qk-language')) {
    return;
  }
  const link = document.createElement('a');
  link.className = 'qk-language';
  link.href = '';
  link.lang = german ? 'en' : 'de';
  link.textContent = german ? 'English' : 'Deutsch';
  link.title = german ? 'Oberfläche auf Englisch anzeigen' : 'Show the interface in German';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    try {
      chooseLanguage(german ? ENGLISH : GERMAN);
    } catch (storageBlocked) {
      return;
    }
    window.location.reload();
  });
  place.appendChild(link);
}

// German labels Camunda's locales/de.json leaves English, and its date formats (DD/MM/YYYY): merged
// into what Tasklist's locale loader reads, before Tasklist starts (custom scripts load first).
const GERMAN_LABELS = {
  TASK_VARIABLE: 'Aufgabenvariable',
  CASE_VARIABLE: 'Case-Variable',
  CASE_EXECUTION_VARIABLE: 'Case-Ausführungsvariable',
  CASE_INSTANCE_VARIABLE: 'Case-Instanzvariable',
  START: 'Starten'
};
const GERMAN_DATES = { L: 'DD.MM.YYYY', LL: 'D. MMMM YYYY', LLL: 'D. MMMM YYYY, HH:mm', LLLL: 'dddd, D. MMMM YYYY, HH:mm' };

function completeGermanLocale() {
  const angular = window.angular;
  let tasklist;
  try {
    tasklist = german && angular && angular.module('cam.tasklist');
  } catch (noSuchModule) {
    return; // a Tasklist without this module: its own labels stay
  }
  if (!tasklist) {
    return;
  }
  tasklist.config(['$provide', ($provide) => {
    $provide.decorator('localeLoader', ['$delegate', (load) => (options) => {
      const callback = options.callback;
      const completed = Object.assign({}, options, {
        callback(error, data, key) {
          if (data && data.dateLocales && key === 'de') {
            data.dateLocales.longDateFormat = Object.assign({}, data.dateLocales.longDateFormat, GERMAN_DATES);
          }
          return callback ? callback(error, data, key) : undefined;
        }
      });
      return load(completed).then((labels) => (options.key === 'de' ? Object.assign({}, labels, GERMAN_LABELS) : labels));
    }]);
  }]);
}

// ---- 2. form-js in German --------------------------------------------------------------------

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const euroFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function fieldOf(node) {
  return node.closest('.fjs-form-field');
}

function isAmount(field) {
  const label = field && field.querySelector('.fjs-form-field-label');
  return !!label && /EUR/.test(label.textContent);
}

function germanNumber(text, field) {
  const value = Number(text);
  if (Number.isNaN(value)) {
    return text;
  }
  return isAmount(field) ? euroFormat.format(value) + ' EUR' : numberFormat.format(value);
}

function descriptionOf(field) {
  const description = field && field.querySelector('.fjs-form-field-description');
  return description ? description.textContent.trim() : '';
}

/** What a pattern expects, in words: a date (four-digit year, dots) or an e-mail address by its shape, else the field's description. */
function patternMessage(pattern, field) {
  if (/\{4\}/.test(pattern) && /\\\./.test(pattern)) { // a year of four digits and a dot: TT.MM.JJJJ
    return 'Bitte das Datum als TT.MM.JJJJ eingeben, z. B. 01.12.2026.';
  }
  if (pattern.includes('@')) {
    return 'Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.';
  }
  const description = descriptionOf(field);
  return description ? 'Bitte so eingeben: ' + description.replace(/\.$/, '') + '.' : 'Die Eingabe hat nicht die erwartete Form.';
}

function requiredMessage(field) {
  const kind = field ? field.className : '';
  if (/fjs-form-field-checkbox\b/.test(kind)) {
    return 'Bitte ankreuzen.';
  }
  if (/fjs-form-field-(radio|select|checklist|taglist)\b/.test(kind)) {
    return 'Bitte eine Antwort wählen.';
  }
  return 'Bitte ausfüllen.';
}

/** form-js 1.8.7's messages (validator and number field), each with its German counterpart. */
const MESSAGES = [
  [/^Field is required\.$/, (m, field) => requiredMessage(field)],
  [/^Field must match pattern (.*)\.$/, (m, field) => patternMessage(m[1], field)],
  [/^Field must have minimum value of (.*)\.$/, (m, field) => 'Mindestens ' + germanNumber(m[1], field) + '.'],
  [/^Field must have maximum value of (.*)\.$/, (m, field) => 'Höchstens ' + germanNumber(m[1], field) + '.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => 'Mindestens ' + m[1] + ' Zeichen.'],
  [/^Field must have maximum length of (\d+)\.$/, (m) => 'Höchstens ' + m[1] + ' Zeichen.'],
  [/^Field must be a valid email\.$/, () => 'Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.'],
  [/^Field must be a valid\s+international phone number/, () => 'Bitte die Telefonnummer international angeben, z. B. +4930664040900.'],
  [/^Value is not a number\.$/, () => 'Bitte eine Zahl eingeben, ohne Tausenderpunkt.'],
  [/^Value is expected to be an integer\.$/, () => 'Bitte eine ganze Zahl eingeben.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => 'Höchstens ' + m[1] + ' Nachkommastellen.'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/, (m, field) =>
    'Bitte einen gültigen Wert eingeben, z. B. ' + germanNumber(m[1], field) + ' oder ' + germanNumber(m[2], field) + '.']
];

function germanMessage(english, field) {
  for (const [pattern, german] of MESSAGES) {
    const match = english.match(pattern);
    if (match) {
      return german(match, field);
    }
  }
  // an English message we do not know (a newer form-js): never show it, nor a pattern in it
  return /^(Field|Value|Please|Should)\b/.test(english) ? 'Bitte die Eingabe prüfen.' : null;
}

/**
 * Replaces the text of each English message in place (the text node's data, not the node: Preact
 * keeps the node and writes the next message into it, which this observer then translates again).
 */
function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    item.childNodes.forEach((node) => {
      if (node.nodeType !== Node.TEXT_NODE) {
        return;
      }
      const text = node.data.trim();
      const replacement = text && germanMessage(text, fieldOf(item));
      if (replacement && replacement !== text) {
        node.data = replacement;
      }
    });
  });
}

const PLACEHOLDERS = { Select: 'Bitte wählen', Search: 'Suchen' };
const ARIA_LABELS = { Increment: 'Erhöhen', Decrement: 'Verringern' };
const TITLES = { 'zoom in': 'Vergrößern', 'zoom out': 'Verkleinern', 'reset zoom': 'Ursprüngliche Größe' };

/** Placeholders, empty lists and button labels of form-js and the diagram that are not messages. */
function translateFormChrome(root) {
  root.querySelectorAll('.fjs-select-placeholder').forEach((display) => {
    display.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE && PLACEHOLDERS[node.data]) {
        node.data = PLACEHOLDERS[node.data];
      }
    });
  });
  root.querySelectorAll('.fjs-form input[placeholder]').forEach((input) => {
    const german = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (german) {
      input.setAttribute('placeholder', german);
    }
  });
  root.querySelectorAll('.fjs-dropdownlist-empty').forEach((empty) => {
    if (empty.textContent === 'No results') {
      empty.textContent = 'Keine Treffer';
    }
  });
  root.querySelectorAll('.fjs-form button[aria-label]').forEach((button) => {
    const german = ARIA_LABELS[button.getAttribute('aria-label')];
    if (german) {
      button.setAttribute('aria-label', german);
    }
  });
  root.querySelectorAll('button[title]').forEach((button) => {
    const german = TITLES[button.getAttribute('title')];
    if (german) {
      button.setAttribute('title', german);
    }
  });
}

// ---- 3. the loan reference after a start -----------------------------------------------------
// Starting loan-application answers with the new process instance, whose business key is the loan
// reference (set by the registration in the start's transaction). An application captured from an
// outreach contact is started when its capture task is completed (the answer is empty); its advice
// task then waits for the same person, and its loanReference names the loan.

const START = /\/process-definition\/[^/]+\/submit-form$/;
const TASK_SUBMIT = /\/task\/[^/]+\/submit-form$/;

function services() {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector();
  return injector && injector.has('Notifications') ? injector : null;
}

/**
 * Adds a notice to the page once no dialog is open (a notice added while the start dialog is open goes
 * to the dialog's own panel, which closes with it). No duration: it stays until closed, so that the
 * reference can be noted down.
 */
function notify(status, message, attempt = 0) {
  const injector = services();
  if (!injector) {
    return;
  }
  if (document.querySelector('.modal') && attempt < 50) {
    window.setTimeout(() => notify(status, message, attempt + 1), 100);
    return;
  }
  injector.get('$rootScope').$applyAsync(() => injector.get('Notifications').addMessage({ status, message }));
}

function announceApplication(reference) {
  notify(german ? 'Kreditantrag aufgenommen' : 'Application recorded',
    (german ? 'Aktenzeichen ' : 'Loan reference ') + reference);
}

function announceStart(instance) {
  const key = String(instance.definitionId || '').split(':')[0];
  if (instance.businessKey && key === 'loan-application') {
    announceApplication(instance.businessKey);
  }
}

function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null));
}

/** After a task was completed: an advice task created for me since then is a new application's. */
function announceCapturedApplication(engineApi, since) {
  const injector = services();
  const me = injector && injector.get('$rootScope').authentication && injector.get('$rootScope').authentication.name;
  if (!me) {
    return;
  }
  const query = new URLSearchParams({ assignee: me, processDefinitionKey: 'loan-application',
    taskDefinitionKey: 'Task_AdviseApplicant', createdAfter: since });
  getJson(engineApi + '/task?' + query).then((tasks) => (tasks || []).forEach((task) =>
    getJson(engineApi + '/task/' + encodeURIComponent(task.id) + '/variables/loanReference').then((variable) => {
      if (variable && variable.value) {
        announceApplication(variable.value);
      }
    }))).catch(() => { /* no notice without an answer */ });
}

/**
 * When the request was sent, by the server's clock (from the answer's Date header, less the time the
 * request took, less a margin), in the engine's date format: the browser's clock may be wrong.
 */
function requestTime(request, sentAt) {
  const serverNow = Date.parse(request.getResponseHeader('Date') || '') || Date.now();
  const at = new Date(serverNow - (Date.now() - sentAt) - 2000);
  return at.toISOString().replace('Z', '+0000');
}

function watchStartsAndCompletions() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    const path = String(url).split('?')[0];
    if (String(method).toUpperCase() === 'POST' && (START.test(path) || TASK_SUBMIT.test(path))) {
      const sentAt = Date.now();
      this.addEventListener('load', () => {
        try {
          if (this.status === 200 && START.test(path)) {
            announceStart(JSON.parse(this.responseText));
          } else if (this.status === 204 && TASK_SUBMIT.test(path)) {
            announceCapturedApplication(path.replace(TASK_SUBMIT, ''), requestTime(this, sentAt));
          }
        } catch (notUnderstood) {
          // no notice without an answer we understand
        }
      });
    }
    return open.apply(this, arguments);
  };
}

// ---- wiring ----------------------------------------------------------------------------------

function update() {
  addLanguageLink();
  if (german) {
    translateErrors(document);
    translateFormChrome(document);
  }
}

completeGermanLocale();
watchStartsAndCompletions();
new MutationObserver(update).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
update();

export default [];
