// Runs one peer library over claimx JSONL input ({"id","text","date"} a line) and writes its
// findings as claimx records ({"doc","type","text","span",...}, spans in code points), so that
// `claimx eval --predictions` scores them exactly like claimx's own output.
//
//   node bench/peer_predict.mjs PEER INPUT.jsonl OUT.jsonl
//   PEER: compromise (person, org, place), compromise-dates (date), chrono-node (date)
//
// The libraries are loaded from bench/.npm (bench/compare-peers installs them there). Each
// article's `date` is the reference date for relative expressions, as it is for claimx. Leading and
// trailing punctuation and spaces are trimmed from the peers' matches (compromise keeps "Paris,
// France." with its period), which only helps them under strict matching.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '.npm', 'package.json'));
const [peer, input, output] = process.argv.slice(2);
if (!peer || !input || !output) {
  console.error('usage: node peer_predict.mjs compromise|compromise-dates|chrono-node INPUT.jsonl OUT.jsonl');
  process.exit(2);
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

// UTF-16 offset -> code point offset, for one text.
function codePointIndex(text) {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; ++i) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) map[++i] = cp;  // low surrogate: same code point
    ++cp;
  }
  map[text.length] = cp;
  return map;
}

const EDGE = /[\s.,;:!?"'()\[\]\u201C\u201D\u2018\u2019\u2014\u2013-]/u;
// A record for text[start, end) (UTF-16), trimmed of edge punctuation; null when nothing is left.
function record(doc, text, cps, type, start, end, fields) {
  while (start < end && EDGE.test(text[start])) ++start;
  while (end > start && EDGE.test(text[end - 1])) --end;
  if (end <= start) return null;
  return { doc, type, text: text.slice(start, end), span: [cps[start], cps[end]], ...fields };
}

// Each peer: (text, reference date or null) -> [{type, start, end (UTF-16), fields}].
function compromiseNames(nlp) {
  return (text) => {
    const d = nlp(text);
    const out = [];
    for (const [type, view] of [['person', d.people()], ['place', d.places()], ['org', d.organizations()]])
      for (const m of view.json({ offset: true }))
        out.push({ type, start: m.offset.start, end: m.offset.start + m.offset.length, fields: {} });
    return out;
  };
}

// compromise-dates gives a start/end and a unit; the TIMEX3-style value follows the unit.
function compromiseDateValue(info) {
  if (!info || !info.start) return null;
  const s = info.start;
  switch (info.unit) {
    case 'year': return s.slice(0, 4);
    case 'month': return s.slice(0, 7);
    case 'quarter': return `${s.slice(0, 4)}-Q${Math.floor((Number(s.slice(5, 7)) - 1) / 3) + 1}`;
    case 'decade': return s.slice(0, 3);
    case 'century': return s.slice(0, 2);
    case 'time': case 'hour': case 'minute': return s.slice(0, 16);
    default: return s.slice(0, 10);
  }
}

function durationValue(dur) {
  if (!dur) return null;
  const { years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0 } = dur;
  let date = (years ? `${years}Y` : '') + (months ? `${months}M` : '') + (weeks ? `${weeks}W` : '') + (days ? `${days}D` : '');
  let time = (hours ? `${hours}H` : '') + (minutes ? `${minutes}M` : '');
  if (!date && !time) return null;
  return `P${date}${time ? `T${time}` : ''}`;
}

function compromiseDates(nlp) {
  return (text, ref) => {
    const d = nlp(text);
    const out = [];
    for (const m of d.dates(ref ? { today: ref } : {}).json({ offset: true })) {
      const timex = ['time', 'hour', 'minute'].includes(m.dates?.unit) ? 'TIME' : 'DATE';
      out.push({ type: 'date', start: m.offset.start, end: m.offset.start + m.offset.length,
                 fields: { timex, value: compromiseDateValue(m.dates) } });
    }
    // A phrase found both as a date and as a duration ("15 a year") is kept once: as the duration
    // when only that reading has a value.
    for (const m of d.durations().json({ offset: true })) {
      const r = { type: 'date', start: m.offset.start, end: m.offset.start + m.offset.length,
                  fields: { timex: 'DURATION', value: durationValue(m.duration) } };
      const same = out.findIndex((o) => o.start === r.start && o.end === r.end);
      if (same < 0) out.push(r);
      else if (out[same].fields.value === null && r.fields.value !== null) out[same] = r;
    }
    return out;
  };
}

// chrono-node: the value has the precision of what the text fixed (known, not implied, components).
function chronoValue(c) {
  const d = c.date();
  const known = (k) => c.isCertain(k);
  if (known('hour')) return { timex: 'TIME', value: `${ymd(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}` };
  if (known('day') || known('weekday')) return { timex: 'DATE', value: ymd(d) };
  if (known('month')) return { timex: 'DATE', value: ymd(d).slice(0, 7) };
  if (known('year')) return { timex: 'DATE', value: String(d.getFullYear()) };
  return { timex: 'DATE', value: ymd(d) };
}

function chronoDates(chrono) {
  return (text, ref) => {
    const refDate = ref ? new Date(Number(ref.slice(0, 4)), Number(ref.slice(5, 7)) - 1, Number(ref.slice(8, 10)), 12) : new Date();
    return chrono.parse(text, refDate).map((r) => ({ type: 'date', start: r.index, end: r.index + r.text.length,
                                                     fields: chronoValue(r.start) }));
  };
}

// Runs the peer on the whole article; if it throws (compromise-dates does on some inputs), on each
// paragraph instead, skipping the paragraphs that still fail.
let failedParagraphs = 0;
function runArticle(peerFn, text, ref) {
  try {
    return peerFn(text, ref);
  } catch {
    const out = [];
    const re = /[^\n]+/g;
    for (let m; (m = re.exec(text)) !== null;) {
      try {
        for (const r of peerFn(m[0], ref)) out.push({ ...r, start: r.start + m.index, end: r.end + m.index });
      } catch {
        ++failedParagraphs;
      }
    }
    return out;
  }
}

let run;
if (peer === 'compromise') {
  run = compromiseNames(require('compromise'));
} else if (peer === 'compromise-dates') {
  const nlp = require('compromise');
  nlp.plugin(require('compromise-dates'));
  run = compromiseDates(nlp);
} else if (peer === 'chrono-node') {
  run = chronoDates(require('chrono-node'));
} else {
  console.error(`unknown peer ${peer}`);
  process.exit(2);
}

const lines = [];
let docs = 0;
const t0 = process.hrtime.bigint();
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const a = JSON.parse(line);
  const ref = typeof a.date === 'string' && /^\d{4}-\d\d-\d\d/.test(a.date) ? a.date.slice(0, 10) : null;
  const cps = codePointIndex(a.text);
  const records = [];
  for (const f of runArticle(run, a.text, ref)) {
    const r = record(a.id, a.text, cps, f.type, f.start, f.end, f.fields);
    if (r) records.push(f.type === 'date' ? r : { ...r, name: r.text });
  }
  records.sort((x, y) => x.span[0] - y.span[0] || x.span[1] - y.span[1]);
  for (const r of records) lines.push(JSON.stringify(r));
  ++docs;
}
writeFileSync(output, lines.length ? lines.join('\n') + '\n' : '');
console.error(`${peer}: ${docs} documents, ${lines.length} records, ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s` +
              (failedParagraphs ? `, ${failedParagraphs} paragraphs skipped (the library threw)` : ''));
