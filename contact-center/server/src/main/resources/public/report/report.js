// The citizen's report form: a category from the Open311 service list, a description, a place
// typed or picked on the Leaflet map (mouse or keyboard), an optional phone (to follow the report
// on /track/), a photo file (sent as base64, checked again by the server) or a photo link; filed through
// POST /report/requests, the same path as an Open311 client. Shows the case number on success.
// Each fill of the form carries one Idempotency-Key (a new one when what is sent changes), so a
// double submit or a retry after a lost answer files one request (issue #11).
import { LANGUAGES, text, preferred } from './i18n.js';

const $ = (id) => document.getElementById(id);
let lang = preferred();
let picked = null;   // {lat, lng} once the citizen picked a place on the map
let marker = null;
let map = null;
const MAX_PHOTO = 5 * 1024 * 1024;
let fill = { key: null, body: null };   // this fill's Idempotency-Key and the form it was made for

/** A random key (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key for this body: the fill's key while the form sent is the same, a new one otherwise. */
function keyFor(body) {
  if (fill.body !== body) fill = { key: newKey(), body };
  return fill.key;
}

/** POSTs the form; a 409 (the same fill still being filed) is retried a few times. */
async function post(body) {
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', 'Idempotency-Key': keyFor(body) };
  for (let attempt = 0; ; attempt++) {
    const response = await fetch('/report/requests', { method: 'POST', body, headers });
    if (response.status !== 409 || attempt === 4) return response;
    await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
  }
}

/** The file as a data: URL (base64), for the form's photo field. */
function dataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function applyTexts() {
  document.documentElement.lang = lang;
  document.title = text(lang, 'title');
  const ids = { title: 'title', 'language-label': 'language', intro: 'intro', 'service-label': 'service',
    'description-label': 'description', 'location-legend': 'where', 'address-label': 'address',
    'map-hint': 'mapHint', 'use-centre': 'useCentre', 'photo-label': 'photo', submit: 'submit',
    'phone-label': 'phone', 'photo-file-label': 'photoFile', 'track-link': 'trackLink',
    'done-title': 'doneTitle', 'done-text': 'doneText', again: 'again' };
  for (const [id, key] of Object.entries(ids)) $(id).textContent = text(lang, key);
  const first = $('service').querySelector('option[value=""]');
  if (first) first.textContent = text(lang, 'chooseService');
  showPicked();
}

function showPicked() {
  $('picked').textContent = picked ? text(lang, 'picked', picked.lat.toFixed(5) + ', ' + picked.lng.toFixed(5)) : '';
}

function pick(latlng) {
  picked = latlng;
  if (marker) marker.setLatLng(latlng); else marker = window.L.marker(latlng, { keyboard: false }).addTo(map);
  showPicked();
}

async function loadServices() {
  const services = await (await fetch('/open311/v2/services.json')).json();
  const select = $('service');
  select.replaceChildren(new Option(text(lang, 'chooseService'), ''));
  const groups = new Map();
  for (const s of services) {
    if (!groups.has(s.group)) {
      const g = document.createElement('optgroup');
      g.label = s.group;
      groups.set(s.group, g);
      select.append(g);
    }
    groups.get(s.group).append(new Option(s.service_name, s.service_code));
  }
  select.dataset.loaded = 'true';
}

async function loadMap() {
  if (!window.L) { $('map').hidden = true; $('use-centre').hidden = true; return; }
  const settings = await (await fetch('/report/settings.json')).json();
  map = window.L.map('map', { keyboard: true }).setView([settings.lat, settings.lon], settings.zoom);
  if (settings.tileUrl) {
    window.L.tileLayer(settings.tileUrl, { maxZoom: 19, attribution: settings.attribution || '' }).addTo(map);
  }
  map.on('click', (e) => pick(e.latlng));
  $('use-centre').addEventListener('click', () => pick(map.getCenter()));
}

async function submit(event) {
  event.preventDefault();
  const status = $('status');
  if (!$('service').value) { status.textContent = text(lang, 'needService'); $('service').focus(); return; }
  const address = $('address').value.trim();
  if (!picked && !address) { status.textContent = text(lang, 'needLocation'); $('address').focus(); return; }
  const form = new URLSearchParams();
  form.set('service_code', $('service').value);
  form.set('description', $('description').value);
  if (picked) { form.set('lat', String(picked.lat)); form.set('long', String(picked.lng)); }
  if (address) form.set('address_string', address);
  if ($('photo').value.trim()) form.set('media_url', $('photo').value.trim());
  if ($('phone').value.trim()) form.set('phone', $('phone').value.trim());
  const file = $('photo-file').files[0];
  if (file && file.size > MAX_PHOTO) { status.textContent = text(lang, 'photoTooLarge'); $('photo-file').focus(); return; }
  if (file) form.set('photo', await dataUrl(file));
  form.set('attribute[language]', lang);
  status.textContent = text(lang, 'sending');
  $('submit').disabled = true;
  try {
    const response = await post(form.toString());
    const body = await response.json();
    if ($('report').hidden) return;   // a second submit of the same fill: the first already answered
    if (!response.ok) { status.textContent = text(lang, 'error', body[0] ? body[0].description : response.status); return; }
    status.textContent = '';
    $('report').hidden = true;
    $('number').textContent = body[0].service_request_id;
    $('track-link').href = '/track/#token=' + encodeURIComponent(body[0].token);
    $('done').hidden = false;
    $('done-title').focus();
  } catch (e) {
    status.textContent = text(lang, 'error', String(e));
  } finally {
    $('submit').disabled = false;
  }
}

function again() {
  $('report').reset();
  fill = { key: null, body: null };
  picked = null;
  if (marker) { marker.remove(); marker = null; }
  showPicked();
  $('done').hidden = true;
  $('report').hidden = false;
  $('service').focus();
}

const select = $('language');
for (const l of LANGUAGES) {
  const o = new Option(l.name, l.code);
  o.lang = l.code;
  select.append(o);
}
select.value = lang;
select.addEventListener('change', () => { lang = select.value; applyTexts(); });
$('report').addEventListener('submit', submit);
$('again').addEventListener('click', again);
applyTexts();
loadServices();
loadMap();
