// Calls from the phone to its own API: JSON answers, and failures that carry their HTTP status.

/** A failed call: `status` is the HTTP status, or 0 when the server could not be reached. */
export class CallError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

/** Call `/api/me/{token}{path}` and give its JSON answer; throw a CallError on any failure. */
export async function callMe(token, path, { method = "GET", body } = {}) {
  let response;
  try {
    response = await fetch(`/api/me/${token}${path}`, {
      method,
      cache: "no-store",
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new CallError(0);
  }
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new CallError(response.status, answer?.detail);
  return answer;
}

/** Say in the page's language why a call failed. */
export function failure(error, t) {
  return error.status === 0 ? t.no_connection : t.failed;
}
