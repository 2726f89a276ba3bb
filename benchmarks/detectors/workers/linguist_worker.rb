# GitHub Linguist's Bayesian classifier (Debian ruby-github-linguist) as a JSON-lines worker.
# Its scores are log-probabilities; the confidence is their softmax over all languages.
#
# `ruby linguist_worker.rb [SAMPLES.jsonl]`: Linguist's classifier was trained on Linguist's own
# sample files, so scoring it on them (or on windows cut from them) is scoring it on its training
# data. Given the whole sample files (JSON lines with `code` and `source`, `linguist:<Language>/<path>`),
# a snippet whose request names its `source` is classified with that file's tokens taken out of
# the classifier's counts (leave-one-out: the naive Bayes model as if trained without that file).
# Only files the model was trained on are taken out: every token count of the file must be in
# the model's counts for its language (files that changed since this Linguist was built are not).
require 'json'
require 'linguist'

DB = Linguist::Samples.cache
WARMUP = "def main():\n    print('warm up')\n\nmain()\n"

def token_counts(text)
  counts = Hash.new(0)
  Linguist::Tokenizer.tokenize(text).each { |token| counts[token] += 1 }
  counts
end

def trained_on?(language, counts)
  known = DB['tokens'][language]
  known && counts.all? { |token, n| (known[token] || 0) >= n }
end

# source ("linguist:C/2D.C") -> [language, token counts] of every sample file the model was trained on.
def held_out_samples(path)
  samples = {}
  File.foreach(path) do |line|
    row = JSON.parse(line)
    language = row['source'].to_s.delete_prefix('linguist:').split('/').first
    counts = token_counts(row['code'])
    samples[row['source']] = [language, counts] if trained_on?(language, counts)
  end
  samples
end

# Adds (sign 1) or takes out (sign -1) one training file, as Classifier.train! counted it.
def retrain(language, counts, sign)
  counts.each do |token, n|
    DB['tokens'][language][token] += sign * n
    DB['language_tokens'][language] += sign * n
    DB['tokens_total'] += sign * n
  end
  DB['languages'][language] += sign
  DB['languages_total'] += sign
end

def detect(code)
  scores = Linguist::Classifier.classify(DB, code)
  return { answer: nil, confidence: nil, ranked: [] } if scores.empty?
  top = scores.first[1]
  total = scores.sum { |_, score| Math.exp(score - top) }
  ranked = scores.first(20).map { |name, score| [[name], Math.exp(score - top) / total] }
  { answer: [scores.first[0]], confidence: ranked.first[1], ranked: ranked }
end

def detect_held_out(code, sample)
  return detect(code) unless sample
  retrain(*sample, -1)
  begin
    detect(code)
  ensure
    retrain(*sample, 1)
  end
end

$stdout.sync = true
SAMPLES = ARGV[0] ? held_out_samples(ARGV[0]) : {}
detect(WARMUP)
names = Linguist::Language.all.map { |language| [language.name, *language.aliases] }
version = "linguist #{Linguist::VERSION}" + (SAMPLES.empty? ? '' : ', its own sample held out')
puts JSON.generate(ready: true, version: version, names: names, held_out: SAMPLES.size)
$stdin.each_line do |line|
  next if line.strip.empty?

  request = JSON.parse(line)
  started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  row = begin
    detect_held_out(request['code'], SAMPLES[request['source'].to_s.sub(/#L[0-9-]+\z/, '')])
  rescue StandardError => e
    { answer: nil, confidence: nil, ranked: [], failed: e.message[0, 200] }
  end
  row[:ms] = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - started) * 1000
  puts JSON.generate(row)
end
