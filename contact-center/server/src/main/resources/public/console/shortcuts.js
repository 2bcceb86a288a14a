// Keyboard shortcuts for working at speed, and the sheet that lists them ("?" or the header
// button). Alt+letter works while typing in the reply box; "?" only outside text fields.
const $ = (id) => document.getElementById(id);
const I = window.I18N;

export const SHORTCUTS = [
  ['Alt+A', 'sc_accept', 'accept'],
  ['Alt+N', 'sc_nextTab', 'nextTab'],
  ['Alt+S', 'sc_search', 'search'],
  ['Alt+I', 'sc_insert', 'insert'],
  ['Alt+R', 'sc_resolve', 'resolve'],
  ['Alt+E', 'sc_escalate', 'escalate'],
  ['Alt+P', 'sc_pictureInPicture', 'pictureInPicture'],
  ['Enter', 'sc_send', null],
  ['?', 'sc_sheet', 'sheet'],
];

const typing = (el) => el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['button', 'submit', 'checkbox', 'radio'].includes(el.type)));

/** @param actions {accept, nextTab, search, insert, resolve, escalate, pictureInPicture}, each a function */
export function installShortcuts(actions) {
  const sheet = $('shortcut-sheet');
  // The descriptions carry their catalogue key: I18N.apply() writes them again in another language.
  sheet.querySelector('tbody').replaceChildren(...SHORTCUTS.map(([keys, what]) => {
    const tr = document.createElement('tr');
    const description = Object.assign(document.createElement('td'), { textContent: I.t(what) });
    description.dataset.i18n = what;
    tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: keys }), description);
    return tr;
  }));
  const open = () => { if (!sheet.open) sheet.showModal(); };
  $('shortcuts-button').addEventListener('click', open);
  document.addEventListener('keydown', (e) => {
    if ($('workspace').hidden) return;
    if (e.key === '?' && !typing(document.activeElement)) { e.preventDefault(); open(); return; }
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const entry = SHORTCUTS.find(([keys]) => keys === `Alt+${e.code.replace('Key', '')}`);
    if (entry && actions[entry[2]]) { e.preventDefault(); actions[entry[2]](); }
  });
}
