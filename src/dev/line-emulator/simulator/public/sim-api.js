// The page's calls to the emulator's /__sim control API.

async function call(method, path, body, init = {}) {
  const res = await fetch(`/__sim${path}`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    ...init,
  });
  const data = await res.json().catch(() => ({}));
  // 502: the event was sent but the bot did not answer 200; the transcript has a note about it.
  if (!res.ok && res.status !== 502) throw new Error(data.message ?? `HTTP ${res.status}`);
  return data;
}

const userPath = (user) => `/users/${encodeURIComponent(user)}`;

export const simApi = {
  listUsers: () => call("GET", "/users").then((d) => d.users),
  /** Forgets every chat and the users added by hand (kept in .data/simulator across restarts). */
  clear: () => call("POST", "/clear"),
  addUser: (displayName) => call("POST", "/users", { displayName }).then((d) => d.user),
  sendEvent: (user, event) => call("POST", `${userPath(user)}/events`, event),
  async sendImage(user, file) {
    const res = await fetch(`/__sim${userPath(user)}/images`, { method: "POST", headers: { "content-type": file.type }, body: file });
    const data = await res.json().catch(() => ({}));
    if (!res.ok && res.status !== 502) throw new Error(data.message ?? `HTTP ${res.status}`);
    return data;
  },
  /** Long poll: resolves with {cursor, entries} as soon as something is new, or after `wait` ms. */
  messages: (user, since, wait, signal) => call("GET", `${userPath(user)}/messages?since=${since}&wait=${wait}`, undefined, { signal }),
  imageUrl: (messageId) => `/__sim/images/${encodeURIComponent(messageId)}`,
};
