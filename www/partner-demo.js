// partner-demo.html: logs the events the widgets send this page. The detail of result and
// book is `{ treatment }`, never an answer.
for (const type of ['ready', 'result', 'book']) {
  document.addEventListener(`treatment-finder:${type}`, (event) => {
    const item = document.createElement('li');
    const detail = event.detail ? ` ${JSON.stringify(event.detail)}` : '';
    item.textContent = `${event.target.id}: ${event.type}${detail}`;
    document.getElementById('event-log').append(item);
  });
}
