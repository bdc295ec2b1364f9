// The web chat: talks to /api/chat; all text is inserted with textContent, never as HTML.
const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('text');
const send = document.getElementById('send');

function addMessage(kind, text) {
  const div = document.createElement('div');
  div.className = `msg ${kind}`;
  div.textContent = text;
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function addReply(reply) {
  const div = addMessage('bot', reply.text);
  if (reply.options && reply.options.length > 0) {
    const row = document.createElement('div');
    row.className = 'options';
    for (const option of reply.options) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = option.label;
      button.addEventListener('click', () => post({ choice: option.id, text: option.label }, option.label));
      row.appendChild(button);
    }
    div.appendChild(row);
  }
  if (reply.file) {
    const link = document.createElement('a');
    link.className = 'file';
    link.download = reply.file.fileName;
    link.textContent = `⬇ ${reply.file.fileName}`;
    const bytes = Uint8Array.from(atob(reply.file.base64), (c) => c.charCodeAt(0));
    link.href = URL.createObjectURL(new Blob([bytes], { type: reply.file.mimeType }));
    div.appendChild(document.createElement('br'));
    div.appendChild(link);
  }
}

async function post(body, shown) {
  if (shown !== undefined) addMessage('me', shown);
  send.disabled = true;
  const typing = addMessage('bot typing', '…');
  try {
    const response = await fetch('/api/chat/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, messageId: crypto.randomUUID() }),
    });
    typing.remove();
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      // The server words a rate limit itself; other failures get a generic line.
      addMessage('bot', problem.message || (response.status === 413 ? 'Tin nhắn quá dài, bạn gửi ngắn hơn nhé.' : 'Xin lỗi, có lỗi xảy ra. Bạn thử lại nhé.'));
      return;
    }
    const data = await response.json();
    document.documentElement.lang = data.locale || 'vi';
    if (data.ended) log.replaceChildren();
    for (const reply of data.replies) addReply(reply);
  } catch {
    typing.remove();
    addMessage('bot', 'Không kết nối được máy chủ. Bạn kiểm tra mạng và thử lại nhé.');
  } finally {
    send.disabled = false;
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value;
  input.value = '';
  post({ text }, text.trim() === '' ? undefined : text);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

async function start() {
  const response = await fetch('/api/chat/history');
  const data = response.ok ? await response.json() : { messages: [] };
  if (data.messages.length === 0) {
    await post({ text: '/start' });
    return;
  }
  for (const m of data.messages) addMessage(m.direction === 'in' ? 'me' : m.direction === 'staff' ? 'staff' : 'bot', m.text);
}

// Staff replies and reminders arrive without a question: collect them every few seconds, and say
// which were shown, so an update is never lost to a poll whose answer did not reach the page.
async function pollUpdates() {
  try {
    const response = await fetch('/api/chat/updates');
    if (!response.ok) return;
    const data = await response.json();
    for (const reply of data.replies) addMessage('staff', reply.text);
    const ids = data.replies.map((reply) => reply.id);
    if (ids.length > 0) {
      await fetch('/api/chat/updates/ack', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids }) });
    }
  } catch {
    // Offline for a moment: the next poll tries again.
  }
}

// On a shared computer: end the session, so the next person does not see this conversation.
const endButton = document.getElementById('end-session');
endButton?.addEventListener('click', async () => {
  try {
    const response = await fetch('/api/chat/end', { method: 'POST' });
    const data = response.ok ? await response.json() : null;
    log.replaceChildren();
    if (data) addMessage('bot', data.text);
  } catch {
    addMessage('bot', 'Không kết nối được máy chủ. Bạn kiểm tra mạng và thử lại nhé.');
  }
});

start();
setInterval(pollUpdates, 4000);
