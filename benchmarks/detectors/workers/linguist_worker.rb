# GitHub Linguist's Bayesian classifier (Debian ruby-github-linguist) as a JSON-lines worker.
# Its scores are log-probabilities; the confidence is their softmax over all languages.
require 'json'
require 'linguist'

DB = Linguist::Samples.cache
WARMUP = "def main():\n    print('warm up')\n\nmain()\n"

def detect(code)
  scores = Linguist::Classifier.classify(DB, code)
  return { answer: nil, confidence: nil, ranked: [] } if scores.empty?
  top = scores.first[1]
  total = scores.sum { |_, score| Math.exp(score - top) }
  ranked = scores.first(20).map { |name, score| [[name], Math.exp(score - top) / total] }
  { answer: [scores.first[0]], confidence: ranked.first[1], ranked: ranked }
end

$stdout.sync = true
detect(WARMUP)
names = Linguist::Language.all.map { |language| [language.name, *language.aliases] }
puts JSON.generate(ready: true, version: "linguist #{Linguist::VERSION}", names: names)
$stdin.each_line do |line|
  code = JSON.parse(line)['code']
  started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  row = begin
    detect(code)
  rescue StandardError => e
    { answer: nil, confidence: nil, ranked: [], failed: e.message[0, 200] }
  end
  row[:ms] = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - started) * 1000
  puts JSON.generate(row)
end
