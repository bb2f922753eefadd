// Structured JSON logs, one line per event, so a log collector can index them.
type Fields = Record<string, unknown>;
const quiet = process.env.LOG_LEVEL === "silent";
const debugRequests = process.env.LOG_LEVEL === "debug" || process.env.LOG_REQUESTS === "1";

function write(level: "info" | "warn" | "error", msg: string, fields: Fields) {
  if (quiet) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const log = {
  info: (msg: string, fields: Fields = {}) => {
    if (msg === "request" && !debugRequests && process.env.NODE_ENV !== "production") return;
    write("info", msg, fields);
  },
  warn: (msg: string, fields: Fields = {}) => write("warn", msg, fields),
  error: (msg: string, fields: Fields = {}) => write("error", msg, fields),
};
