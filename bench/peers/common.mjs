// Shared loop for the peer benchmarks: reads each file named in LIST (one path a line), runs
// `extract(text)` on it, and prints one JSON line with bytes, documents, seconds (wall, in process,
// library loading excluded) and the number of items found. Stops after BUDGET seconds (0: none),
// so very slow peers are measured on a prefix of the same file list. A document the library throws
// on is counted in `failed` and the run goes on.
import { readFileSync } from 'node:fs';

export function runPeer(name, extract) {
  const [list, budgetArg] = process.argv.slice(2);
  if (!list) {
    console.error(`usage: node ${name}.mjs FILE-LIST [BUDGET-SECONDS]`);
    process.exit(2);
  }
  const budget = Number(budgetArg || 0);
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  let bytes = 0, docs = 0, items = 0, failed = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const f of files) {
    const buf = readFileSync(f);
    try {
      items += extract(buf.toString('utf8'));
    } catch (e) {
      failed += 1;
    }
    bytes += buf.length;
    docs += 1;
    if (budget > 0 && Number(process.hrtime.bigint() - t0) / 1e9 > budget) break;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ peer: name, docs, files: files.length, bytes, seconds,
                               cpu_seconds: (cpu.user + cpu.system) / 1e6, items, failed }));
}
