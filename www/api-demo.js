// api-demo.html: the JavaScript API, as a clinic's own page would use it.
import { mount, recommend } from './finder-api.js';

const $ = (id) => document.getElementById(id);
const answers = { goals: ['hydration', 'scars'], age: 36, screening: [] };

$('run-recommend').addEventListener('click', () => {
  try {
    const rec = recommend(answers, { lang: document.documentElement.lang });
    $('recommendation').textContent = `${rec.treatment}: ${rec.summary}`;
  } catch (error) {
    $('recommendation').textContent = error.message;
  }
});

let handle = null;
$('mount').addEventListener('click', () => {
  handle ??= mount($('finder'), { lang: 'en', booking_url: 'https://booking.example.com/consultation' });
  $('mount').disabled = true;
  $('destroy').disabled = false;
});
$('destroy').addEventListener('click', () => {
  handle?.destroy();
  handle = null;
  $('mount').disabled = false;
  $('destroy').disabled = true;
});
for (const type of ['result', 'book']) {
  $('finder').addEventListener(`treatment-finder:${type}`, (event) => {
    $('finder-events').textContent = `${event.type}: ${event.detail.treatment}`;
  });
}
for (const id of ['run-recommend', 'mount']) $(id).disabled = false;
