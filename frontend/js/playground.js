// The playground: posts a prompt to the control plane and renders the streamed answer (server-sent events).
const form = document.getElementById('playground');
const answer = document.getElementById('answer');
const stats = document.getElementById('stats');

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

function handle(event, data) {
  if (event === 'token') {
    answer.textContent += data.text;
  } else if (event === 'done') {
    stats.textContent = `${data.completionTokens} tokens` +
      (data.promptTokens != null ? ` (prompt ${data.promptTokens})` : '') +
      ` in ${data.latencyMs} ms` + (data.firstTokenMs != null ? `, first token after ${data.firstTokenMs} ms` : '');
  } else if (event === 'error') {
    stats.textContent = `Error: ${data.message}`;
  }
}

async function send(e) {
  e.preventDefault();
  const f = new FormData(form);
  answer.textContent = '';
  stats.textContent = 'Waiting for the model…';
  const body = {
    prompt: f.get('prompt'),
    maxTokens: Number(f.get('maxTokens')),
    temperature: Number(f.get('temperature')),
    chat: f.get('chat') === 'on',
  };
  const response = await fetch(form.dataset.api + f.get('cluster') + '/playground', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...csrfHeaders() },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    stats.textContent = `Error ${response.status}: ${problem.detail || response.statusText}`;
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = (block.match(/^event: (.*)$/m) || [])[1] || 'message';
      const data = (block.match(/^data: (.*)$/m) || [])[1];
      if (data) handle(event, JSON.parse(data));
    }
  }
}

if (form) form.addEventListener('submit', send);
