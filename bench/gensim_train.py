#!/usr/bin/python3
"""Reference trainer for `npm run bench`: gensim's Word2Vec on the bench's pre-tokenized corpus.

The corpus file holds one sentence per line, tokens separated by single spaces, already tokenized by the lab's own
tokenizer, so the vocabulary is the one the lab's engines see. The file is read into memory before the clock starts
(the lab's engines also train from memory). Only model.train() is timed (wall and CPU seconds); building the vocabulary and saving are
reported separately. Prints one JSON line on stdout; the vectors are saved in word2vec text format for the lab's
evaluator to score.
"""
import argparse
import json
import resource
import sys
import time


def peak_rss_mb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    # ru_maxrss is in kilobytes on Linux.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--input", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--model", choices=["skipgram", "cbow"], default="skipgram")
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negative", type=int, default=5)
    p.add_argument("--hs", type=int, default=0)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--sample", type=float, default=1e-3)
    p.add_argument("--alpha", type=float, default=0.025)
    p.add_argument("--min-alpha", type=float, default=0.0001)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()

    t0 = time.perf_counter()
    from gensim.models import Word2Vec  # imported inside the timer's setup phase: it takes a second or two

    with open(a.input, encoding="utf-8") as f:
        sentences = [line.split() for line in f]
    sentences = [s for s in sentences if s]
    tokens = sum(len(s) for s in sentences)

    model = Word2Vec(
        vector_size=a.dim,
        window=a.window,
        negative=a.negative,
        hs=a.hs,
        min_count=a.min_count,
        sample=a.sample,
        alpha=a.alpha,
        min_alpha=a.min_alpha,
        seed=a.seed,
        workers=a.threads,
        sg=1 if a.model == "skipgram" else 0,
    )
    model.build_vocab(sentences)
    setup = time.perf_counter() - t0

    t1 = time.perf_counter()
    c1 = time.process_time()
    model.train(sentences, total_examples=len(sentences), epochs=a.epochs)
    seconds = time.perf_counter() - t1
    cpu_seconds = time.process_time() - c1

    t2 = time.perf_counter()
    model.wv.save_word2vec_format(a.out, binary=False)
    save = time.perf_counter() - t2

    words = tokens * a.epochs
    print(
        json.dumps(
            {
                "trainer": "gensim",
                "version": __import__("gensim").__version__,
                "model": a.model,
                "threads": a.threads,
                "words": words,
                "corpusTokens": tokens,
                "sentences": len(sentences),
                "vocab": len(model.wv.index_to_key),
                "seconds": round(seconds, 3),
                "cpuSeconds": round(cpu_seconds, 3),
                "setupSeconds": round(setup, 3),
                "saveSeconds": round(save, 3),
                "wordsPerSec": round(words / max(seconds, 1e-9)),
                "finalLoss": None,
                "peakRssMB": peak_rss_mb(),
                "out": [a.out],
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
