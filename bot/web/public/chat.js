// The web chat: talks to /api/chat; all text is inserted with textContent, never as HTML.
const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('text');
const send = document.getElementById('send');
const attach = document.getElementById('attach');
const attachFile = document.getElementById('attach-file');

// The page's own words come from the server's locale files (GET /api/chat/strings), in the
// conversation's language; the Vietnamese in index.html is what shows before they arrive.
let strings = {
  tooLong: 'Tin nhắn quá dài, bạn gửi ngắn hơn nhé.',
  error: 'Xin lỗi, có lỗi xảy ra. Bạn thử lại nhé.',
  offline: 'Không kết nối được máy chủ. Bạn kiểm tra mạng và thử lại nhé.',
  staff: 'Nhân viên hỗ trợ',
  attached: 'Ảnh hoặc tệp đính kèm',
};
let pageLocale = document.documentElement.lang;

async function loadStrings() {
  try {
    const response = await fetch('/api/chat/strings');
    if (!response.ok) return;
    const data = await response.json();
    strings = data.strings;
    pageLocale = data.locale;
    document.documentElement.lang = data.locale;
    document.title = strings.title;
    document.querySelector('header.top h1').textContent = strings.title;
    document.querySelector('header.top .sub').textContent = strings.sub;
    const end = document.getElementById('end-session');
    end.textContent = strings.endSession;
    end.title = strings.endSessionHint;
    log.setAttribute('aria-label', strings.log);
    document.querySelector('label[for="text"]').textContent = strings.input;
    input.placeholder = strings.placeholder;
    send.textContent = strings.send;
    attach.setAttribute('aria-label', strings.attach);
    attach.title = strings.attachHint;
  } catch {
    // Offline for a moment: the page keeps the words it has.
  }
}

/** After a reply in another language (the user wrote "english"), the page follows. */
async function followLocale(locale) {
  if (locale && locale !== pageLocale) await loadStrings();
}

// Scrolls once everything of a message (buttons, file link) is in place, so nothing ends up under
// the text box.
function scrollToEnd() {
  log.scrollTop = log.scrollHeight;
}

function addMessage(kind, text, label) {
  const div = document.createElement('div');
  div.className = `msg ${kind}`;
  if (label) {
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = label;
    div.appendChild(who);
  }
  div.appendChild(document.createTextNode(text));
  log.appendChild(div);
  scrollToEnd();
  return div;
}

// Old choices stop working once the conversation has moved on: a stale "Đúng rồi" must not file twice.
function retireOptions() {
  for (const button of log.querySelectorAll('.options button')) button.disabled = true;
}

function addOptions(div, options) {
  if (!options || options.length === 0) return;
  const row = document.createElement('div');
  row.className = 'options';
  for (const option of options) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = option.label;
    button.addEventListener('click', () => post({ choice: option.id, text: option.label }, option.label));
    row.appendChild(button);
  }
  div.appendChild(row);
}

function addReply(reply) {
  const div = addMessage('bot', reply.text);
  addOptions(div, reply.options);
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
  scrollToEnd();
}

let pending = false;

function post(body, shown) {
  return exchange(
    () => fetch('/api/chat/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...body, messageId: crypto.randomUUID() }) }),
    shown === undefined ? undefined : () => addMessage('me', shown),
  );
}

// A photo or file, with what is in the text box as its caption. The server checks its size and
// type (by its bytes) and answers a refusal in words, like any other reply.
function upload(file) {
  const caption = input.value;
  input.value = '';
  grow();
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('text', caption);
  form.append('messageId', crypto.randomUUID());
  return exchange(
    () => fetch('/api/chat/attachments', { method: 'POST', body: form }),
    () => {
      const div = addMessage('me', caption);
      const name = document.createElement('span');
      name.className = 'attached';
      name.textContent = file.name;
      div.prepend(name);
      if (/^image\/(jpeg|png|webp|gif)$/.test(file.type)) {
        const img = document.createElement('img');
        img.className = 'thumb';
        img.alt = file.name;
        img.src = URL.createObjectURL(file);
        div.appendChild(img);
      }
    },
  );
}

async function exchange(request, showMine) {
  // One message at a time: Enter pressed again while a reply is on its way does not send twice.
  if (pending) return;
  pending = true;
  retireOptions();
  if (showMine) showMine();
  send.disabled = true;
  attach.disabled = true;
  const typing = addMessage('bot typing', '…');
  try {
    const response = await request();
    typing.remove();
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      // The server words a rate limit itself; other failures get a generic line.
      addMessage('bot', problem.message || (response.status === 413 ? strings.tooLong : strings.error));
      return;
    }
    const data = await response.json();
    await followLocale(data.locale);
    if (data.ended) log.replaceChildren();
    for (const reply of data.replies) addReply(reply);
    // The bot is quiet while a person is awaited: the banner says where things stand.
    void pollUpdates();
  } catch {
    typing.remove();
    addMessage('bot', strings.offline);
  } finally {
    pending = false;
    send.disabled = false;
    attach.disabled = false;
    input.focus();
  }
}

attach.addEventListener('click', () => attachFile.click());
attachFile.addEventListener('change', () => {
  const file = attachFile.files && attachFile.files[0];
  // Cleared at once, so choosing the same photo again still sends it.
  attachFile.value = '';
  if (file && !pending) upload(file);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (pending) return;
  const text = input.value;
  input.value = '';
  grow();
  post({ text }, text.trim() === '' ? undefined : text);
});

// The text box grows with what is typed (a long story), up to a third of the screen.
function grow() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, Math.round(window.innerHeight / 3))}px`;
}
input.addEventListener('input', grow);

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

async function start() {
  await loadStrings();
  const response = await fetch('/api/chat/history');
  const data = response.ok ? await response.json() : { messages: [] };
  if (data.messages.length === 0) {
    await post({ text: '/start' });
    return;
  }
  let last = null;
  for (const m of data.messages) {
    // A photo or file sent without a caption has no words of its own: a paper clip stands for it.
    last = addMessage(m.direction === 'in' ? 'me' : m.direction === 'staff' ? 'staff' : 'bot', m.text, m.direction === 'staff' ? strings.staff : undefined);
    if (m.direction === 'in' && m.text === '') last.prepend(Object.assign(document.createElement('span'), { className: 'attached', textContent: strings.attached }));
  }
  // The buttons of the last reply come back with the page, so a reload mid-step is not a dead end.
  if (last && last.classList.contains('bot')) addOptions(last, data.options);
  scrollToEnd();
  if (data.shownUpdates && data.shownUpdates.length > 0) await acknowledge(data.shownUpdates);
}

async function acknowledge(ids) {
  await fetch('/api/chat/updates/ack', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids }) });
}

// Staff replies and reminders arrive without a question: collect them every few seconds, and say
// which were shown, so an update is never lost to a poll whose answer did not reach the page.
async function pollUpdates() {
  try {
    const response = await fetch('/api/chat/updates');
    if (!response.ok) return;
    const data = await response.json();
    showWaiting(data.waiting);
    // A staff member's words are shown as theirs; the bot's own messages (the goodbye with its rating
    // buttons, a reminder, a warning) as the bot's, buttons included.
    for (const reply of data.replies) {
      if (reply.from === 'staff') addMessage('staff', reply.text, strings.staff);
      else addReply(reply);
    }
    const ids = data.replies.map((reply) => reply.id);
    if (ids.length > 0) await acknowledge(ids);
  } catch {
    // Offline for a moment: the next poll tries again.
  }
}

// While a person is awaited: the place in the queue and the expected wait, or that staff are answering.
const waiting = document.getElementById('waiting');
function showWaiting(text) {
  waiting.hidden = !text;
  waiting.textContent = text || '';
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
    addMessage('bot', strings.offline);
  }
});

start();
setInterval(pollUpdates, 4000);
