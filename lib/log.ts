// Structured JSON logs, one line per event, so a log collector can index them.
type Fields = Record<string, unknown>;
const quiet = process.env.LOG_LEVEL === "silent";
const debugRequests = process.env.LOG_LEVEL === "debug" || process.env.LOG_REQUESTS === "1";

function write(level: "info" | "warn" | "error", msg: string, fields: Fields) {
  if (quiet) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  // Straight to the stream: one line per event needs no console formatting (and Next.js wraps
  // every console call on the request path).
  (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  info: (msg: string, fields: Fields = {}) => {
    if (msg === "request" && !debugRequests && process.env.NODE_ENV !== "production") return;
    write("info", msg, fields);
  },
  warn: (msg: string, fields: Fields = {}) => write("warn", msg, fields),
  error: (msg: string, fields: Fields = {}) => write("error", msg, fields),
};
