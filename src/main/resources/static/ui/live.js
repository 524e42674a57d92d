// What every Kefu web UI needs to talk to the server: JSON requests with problem details turned into errors, and a
// protocol v1 connection (docs/protocol.md) that authenticates, pings, and comes back after a drop.

/** A JSON request; a non-2xx answer throws an Error carrying the problem's status, code and detail. */
export async function request(path, { method = 'GET', body, token } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw Object.assign(new Error(data?.detail || `HTTP ${response.status}`), { status: response.status, code: data?.code });
  }
  return data;
}

/** The files a file input was given (cleared for the next pick) or a paste carried (then kept out of the text). */
export function chosenFiles(event) {
  if (event.type === 'paste') {
    const files = [...(event.clipboardData?.files || [])];
    if (files.length) event.preventDefault();
    return files;
  }
  const files = [...event.target.files];
  event.target.value = '';
  return files;
}

/**
 * Uploads one file as the multipart part "file", calling onProgress(percent) as it goes (fetch cannot report upload
 * progress). Resolves with the JSON answer; rejects like request(), with status 0 when the network failed.
 */
export function upload(path, file, { token, onProgress = () => {} } = {}) {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((100 * e.loaded) / e.total)); };
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { /* not JSON: reported by status below */ }
      if (xhr.status >= 200 && xhr.status < 300 && data) resolve(data);
      else reject(Object.assign(new Error(data?.detail || `HTTP ${xhr.status}`), { status: xhr.status, code: data?.code }));
    };
    xhr.onerror = () => reject(Object.assign(new Error('network'), { status: 0 }));
    xhr.send(body);
  });
}

/**
 * Opens /ws with the token and hands every frame to onFrame. While keepOpen() says so, a dropped connection is
 * opened again, waiting 1, 2, 4… up to 15 s; onUp(true/false) follows the state. The caller syncs on 'ready'.
 * When the server says the login has ended (logged out elsewhere, disabled, new password), it stops and calls onEnded.
 */
export function live({ token, onFrame, onUp = () => {}, keepOpen = () => true, onEnded = () => {} }) {
  let socket = null;
  let ended = false;
  let retry = 0;
  let ping = null;

  function open() {
    if (socket) return;
    ended = false;
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token: token() }));
    ws.onmessage = (event) => {
      const frame = JSON.parse(event.data);
      if (frame.type === 'error' && frame.code === 'session-ended') {
        ended = true;
        onEnded(frame);
      }
      if (frame.type === 'ready') {
        retry = 0;
        onUp(true);
        clearInterval(ping);
        ping = setInterval(() => send({ type: 'ping' }), 25000);
      }
      onFrame(frame);
    };
    ws.onclose = () => {
      socket = null;
      clearInterval(ping);
      onUp(false);
      if (keepOpen() && !ended) setTimeout(open, Math.min(15000, 1000 * 2 ** retry++));
    };
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  function close() {
    if (socket) socket.close();
  }

  return { open, send, close };
}
