// Quartierskredit: "Sprache / Language" on the Welcome page's profile column (plugin point
// welcome.profile). German is everyone's language; here a person may choose English for Tasklist,
// Cockpit, Admin and Welcome in this browser, and back. See ../../quartierskredit/language.js.
import { chooseLanguage, chosenLanguage, ENGLISH, GERMAN } from '../../quartierskredit/language.js';

const TEXT = {
  de: {
    current: 'Die Oberfläche ist auf Deutsch.',
    hint: 'Sie können für diesen Browser Englisch wählen.'
  },
  en: {
    current: 'The interface is in English (chosen in this browser).',
    hint: 'German is the language of the office; you may switch back at any time.'
  }
};

function button(language, label, current) {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = 'btn btn-default' + (language === current ? ' active' : '');
  node.setAttribute('data-language', language);
  node.setAttribute('aria-pressed', String(language === current));
  node.textContent = label;
  node.addEventListener('click', () => {
    chooseLanguage(language);
    window.location.reload();
  });
  return node;
}

function render(node) {
  const current = chosenLanguage();
  const box = document.createElement('div');
  box.className = 'qk-language';
  const title = document.createElement('h3');
  title.className = 'section-title';
  title.textContent = 'Sprache / Language';
  const text = document.createElement('p');
  text.textContent = TEXT[current].current + ' ' + TEXT[current].hint;
  const group = document.createElement('div');
  group.className = 'btn-group';
  group.setAttribute('role', 'group');
  group.append(button(GERMAN, 'Deutsch', current), button(ENGLISH, 'English', current));
  box.append(title, text, group);
  node.replaceChildren(box);
}

export default {
  id: 'quartierskredit.language',
  pluginPoint: 'welcome.profile',
  priority: -10,
  render
};
