// Keyboard shortcuts for working at speed, and the sheet that lists them ("?" or the header
// button). Alt+letter works while typing in the reply box; "?" only outside text fields.
const $ = (id) => document.getElementById(id);

export const SHORTCUTS = [
  ['Alt+A', 'Accept the first offer', 'accept'],
  ['Alt+N', 'Next conversation tab', 'nextTab'],
  ['Alt+S', 'Search answers', 'search'],
  ['Alt+I', 'Insert the first answer found', 'insert'],
  ['Alt+R', 'Resolve the conversation in view', 'resolve'],
  ['Alt+E', 'Escalate the conversation in view', 'escalate'],
  ['Alt+P', 'Picture in picture of the video call in view (again: back)', 'pictureInPicture'],
  ['Enter', 'Send the reply (Shift+Enter: new line)', null],
  ['?', 'Show this sheet', 'sheet'],
];

const typing = (el) => el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['button', 'submit', 'checkbox', 'radio'].includes(el.type)));

/** @param actions {accept, nextTab, search, insert, resolve, escalate, pictureInPicture}, each a function */
export function installShortcuts(actions) {
  const sheet = $('shortcut-sheet');
  sheet.querySelector('tbody').replaceChildren(...SHORTCUTS.map(([keys, what]) => {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: keys }),
      Object.assign(document.createElement('td'), { textContent: what }));
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
