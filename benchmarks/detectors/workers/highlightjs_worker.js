// highlight.js `highlightAuto` as a JSON-lines worker. Its relevance is a score, not a probability.
// The ranked view reruns highlightAuto restricted to the languages that map onto our labels.
'use strict';
const hljs = require('highlight.js');
const { version } = require('highlight.js/package.json');
const { serve } = require('./jsonlines');

const OURS = (process.env.HLJS_OURS || '').split(',').filter(Boolean);

function names(language) {
  const info = hljs.getLanguage(language);
  return [language, ...((info && info.aliases) || [])];
}

async function detect(code) {
  const started = process.hrtime.bigint();
  const auto = hljs.highlightAuto(code);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const ranked = [];
  if (OURS.length) {
    const ours = hljs.highlightAuto(code, OURS);
    if (ours.language) ranked.push([names(ours.language), ours.relevance]);
  }
  return {
    answer: auto.language ? names(auto.language) : null,
    confidence: auto.language ? auto.relevance : null,
    ranked,
    ms,
  };
}

serve(detect, `highlight.js ${version}`, { names: hljs.listLanguages().map(names) });
