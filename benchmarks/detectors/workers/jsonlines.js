// The worker side of the JSON-lines protocol for Node workers: warm up, say ready, answer each line.
'use strict';
const readline = require('readline');

const WARMUP = "def main():\n    print('warm up')\n\nmain()\n";

async function serve(detect, version, extra = {}) {
  console.log = console.error; // nothing a library prints may corrupt the protocol
  await detect(WARMUP);
  process.stdout.write(JSON.stringify({ ready: true, version, ...extra }) + '\n');
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const { code } = JSON.parse(line);
    const started = process.hrtime.bigint();
    let row;
    try {
      row = await detect(code);
    } catch (error) {
      row = { answer: null, confidence: null, ranked: [], failed: String(error).slice(0, 200) };
    }
    if (row.ms === undefined) row.ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(JSON.stringify(row) + '\n');
  }
}

module.exports = { serve };
