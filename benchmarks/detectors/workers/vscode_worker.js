// VS Code's own detector (@vscode/vscode-languagedetection, its bundled model) as a JSON-lines worker.
// It returns the model's full ranking; the acceptance rule VS Code applies on top is in vscode.py.
'use strict';
const { ModelOperations } = require('@vscode/vscode-languagedetection');
const { version } = require('@vscode/vscode-languagedetection/package.json');
const { serve } = require('./jsonlines');

const VSCODE_SAMPLE_CHARS = 10000; // VS Code's worker reads the first 10,000 characters of a document
const model = new ModelOperations();

async function detect(code) {
  const results = await model.runModel(code.slice(0, VSCODE_SAMPLE_CHARS));
  if (!results.length) { // the package refuses content under 20 characters
    return { answer: null, confidence: null, ranked: [] };
  }
  return {
    answer: [results[0].languageId],
    confidence: results[0].confidence,
    ranked: results.map((r) => [[r.languageId], r.confidence]),
  };
}

// Its vocabulary: the model ranks every language it knows on every snippet, so one run lists them.
async function vocabulary() {
  const results = await model.runModel("def main():\n    print('the model ranks all its languages')\n");
  return results.map((r) => [r.languageId]);
}

vocabulary().then((names) => serve(detect, `@vscode/vscode-languagedetection ${version}`, { names }));
