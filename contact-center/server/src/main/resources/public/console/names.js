// Server values the console shows, in the operator's language (window.I18N, /shared/i18n.js) where the
// catalogue or the server has them: channel, delivery-status and identity-kind codes from the catalogue
// (a code it does not know shows as it is), a citizen's language by its own name (한국어, Tiếng Việt, …), department and category names as the server keeps them (nameKo,
// nameEn): Korean or English, and in the other four languages English with the Korean beside it.
const I = window.I18N;

const known = (prefix, code) => (I.has(prefix + code) ? I.t(prefix + code) : code);

export const channelName = (code) => known('ch_', code);

export const deliveryStatus = (code) => known('ds_', code);

const KINDS = { phone: 'phone', email: 'email', chat: 'chatHandle' };

/** An identity's kind (phone, chat, email) in the operator's language. */
export const identityKind = (kind) => (KINDS[kind] ? I.t(KINDS[kind]) : kind);

// Each language in its own words, as the language selector shows them; kvk is Korean Sign Language.
const LANGUAGE_NAMES = { ...Object.fromEntries(window.LanguageSelect.LANGUAGES.map(([code, name]) => [code, name])), kvk: '수어' };

/** A language code's name in that language ("vi" is "Tiếng Việt"); an unknown code shows as it is. */
export const languageName = (code) => LANGUAGE_NAMES[code] ?? code;

export const named = (n) => (I.lang === 'ko' ? n.nameKo : I.lang === 'en' ? n.nameEn : `${n.nameEn} · ${n.nameKo}`);

/** Refills {@code select} with {@code options} (value, label) and keeps the chosen value. */
export function refill(select, options) {
  const value = select.value;
  select.replaceChildren(...options.map(([v, label]) => Object.assign(document.createElement('option'), { value: v, textContent: label })));
  if (options.some(([v]) => v === value)) select.value = value;
}
