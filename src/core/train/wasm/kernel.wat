;; The cpu engine's hot loop in WebAssembly with 128-bit SIMD: the same steps and the same random draws as the
;; JavaScript kernel (cpuKernel.ts), four float32 lanes at a time. Assembled by assemble.ts into kernelWasm.ts.
;;
;; Memory (imported, so the host can share it between threads) holds every array; this instance's globals hold
;; their byte addresses. Rows are padded to a multiple of 4 floats (`stride`); the padding stays zero forever
;; because every update of a padded lane multiplies a zero.
;; Random numbers: xoshiro128** (identical to rng.ts), state in $r0..$r3, read and written by the host around calls.
(module
  (import "env" "memory" (memory 1 65536 shared))

  (global $rowBytes (mut i32) (i32.const 0))   ;; stride * 4
  (global $window (mut i32) (i32.const 0))
  (global $negative (mut i32) (i32.const 0))
  (global $hs (mut i32) (i32.const 0))
  (global $cbow (mut i32) (i32.const 0))
  (global $V (mut i32) (i32.const 0))
  (global $syn0 (mut i32) (i32.const 0))
  (global $syn1neg (mut i32) (i32.const 0))
  (global $syn1 (mut i32) (i32.const 0))
  (global $sig (mut i32) (i32.const 0))        ;; f32[1000] sigmoid table
  (global $lpos (mut i32) (i32.const 0))       ;; f32[1000] -log sigmoid(x)
  (global $lneg (mut i32) (i32.const 0))       ;; f32[1000] -log sigmoid(-x)
  (global $thr (mut i32) (i32.const 0))        ;; f64[V] alias thresholds (accept * 2^32)
  (global $alias (mut i32) (i32.const 0))      ;; i32[V]
  (global $codes (mut i32) (i32.const 0))      ;; u8[], Huffman code bits
  (global $points (mut i32) (i32.const 0))     ;; i32[], inner nodes
  (global $offs (mut i32) (i32.const 0))       ;; i32[V+1]
  (global $neu1 (mut i32) (i32.const 0))       ;; f32[stride], CBOW context mean
  (global $neu1e (mut i32) (i32.const 0))      ;; f32[stride], error accumulated for the input vector
  (global $r0 (export "r0") (mut i32) (i32.const 1))
  (global $r1 (export "r1") (mut i32) (i32.const 0))
  (global $r2 (export "r2") (mut i32) (i32.const 0))
  (global $r3 (export "r3") (mut i32) (i32.const 0))
  (global $lossSum (export "lossSum") (mut f64) (f64.const 0))
  (global $examples (export "examples") (mut i32) (i32.const 0))
  (global $diverged (export "diverged") (mut i32) (i32.const 0))

  (func (export "setup")
    (param $rowBytes i32) (param $window i32) (param $negative i32) (param $hs i32) (param $cbow i32) (param $V i32)
    (param $syn0 i32) (param $syn1neg i32) (param $syn1 i32) (param $sig i32) (param $lpos i32) (param $lneg i32)
    (param $thr i32) (param $alias i32) (param $codes i32) (param $points i32) (param $offs i32)
    (param $neu1 i32) (param $neu1e i32)
    (global.set $rowBytes (local.get $rowBytes)) (global.set $window (local.get $window))
    (global.set $negative (local.get $negative)) (global.set $hs (local.get $hs)) (global.set $cbow (local.get $cbow))
    (global.set $V (local.get $V)) (global.set $syn0 (local.get $syn0)) (global.set $syn1neg (local.get $syn1neg))
    (global.set $syn1 (local.get $syn1)) (global.set $sig (local.get $sig)) (global.set $lpos (local.get $lpos))
    (global.set $lneg (local.get $lneg)) (global.set $thr (local.get $thr)) (global.set $alias (local.get $alias))
    (global.set $codes (local.get $codes)) (global.set $points (local.get $points)) (global.set $offs (local.get $offs))
    (global.set $neu1 (local.get $neu1)) (global.set $neu1e (local.get $neu1e)))

  ;; xoshiro128**: returns a uint32 (as i32) and advances the state.
  (func $rand (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $t i32) (local $r i32)
    (local.set $s0 (global.get $r0)) (local.set $s1 (global.get $r1))
    (local.set $s2 (global.get $r2)) (local.set $s3 (global.get $r3))
    (local.set $r (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
    (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
    (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
    (global.set $r1 (i32.xor (local.get $s1) (local.get $s2)))
    (global.set $r0 (i32.xor (local.get $s0) (local.get $s3)))
    (global.set $r2 (i32.xor (local.get $s2) (local.get $t)))
    (global.set $r3 (i32.rotl (local.get $s3) (i32.const 11)))
    (local.get $r))

  ;; floor(rand * n / 2^32), exact in 64-bit integers.
  (func $randBelow (param $n i32) (result i32)
    (i32.wrap_i64 (i64.shr_u
      (i64.mul (i64.extend_i32_u (call $rand)) (i64.extend_i32_u (local.get $n)))
      (i64.const 32))))

  ;; dst[0..rowBytes) = 0
  (func $zero (param $dst i32)
    (local $d i32)
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (v128.store (i32.add (local.get $dst) (local.get $d)) (v128.const i32x4 0 0 0 0))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l))))

  ;; dst += src (rows)
  (func $addRow (param $dst i32) (param $src i32)
    (local $d i32) (local $p i32)
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (local.set $p (i32.add (local.get $dst) (local.get $d)))
      (v128.store (local.get $p)
        (f32x4.add (v128.load (local.get $p)) (v128.load (i32.add (local.get $src) (local.get $d)))))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l))))

  ;; One logistic term: input row h against output row u with label (1 or 0). Accumulates the loss, adds
  ;; g * u to neu1e and g * h to u. Scores at or past +-6 are saturated: sigmoid taken as 0 or 1 for negative
  ;; sampling; skipped (no update) for hierarchical softmax ($isHs), as word2vec.c does.
  ;; Returns 1 when the score is NaN or past +-1e6 (divergence), else 0.
  (func $term (param $h i32) (param $u i32) (param $label i32) (param $alpha f32) (param $isHs i32) (result i32)
    (local $d i32) (local $acc0 v128) (local $acc1 v128) (local $f f32) (local $g f32) (local $gv v128)
    (local $uv v128) (local $p i32) (local $q i32) (local $idx i32) (local $end i32) (local $end8 i32)
    (local.set $acc0 (v128.const i32x4 0 0 0 0))
    (local.set $acc1 (v128.const i32x4 0 0 0 0))
    (local.set $d (i32.const 0))
    (local.set $end (global.get $rowBytes))
    (local.set $end8 (i32.and (local.get $end) (i32.const -32)))
    ;; two accumulators, 8 floats per step, so consecutive adds do not wait on each other
    (block $done8 (loop $l8
      (br_if $done8 (i32.ge_u (local.get $d) (local.get $end8)))
      (local.set $p (i32.add (local.get $h) (local.get $d)))
      (local.set $q (i32.add (local.get $u) (local.get $d)))
      (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
      (local.set $acc1 (f32x4.add (local.get $acc1)
        (f32x4.mul (v128.load offset=16 (local.get $p)) (v128.load offset=16 (local.get $q)))))
      (local.set $d (i32.add (local.get $d) (i32.const 32)))
      (br $l8)))
    (if (i32.lt_u (local.get $d) (local.get $end))
      (then (local.set $acc0 (f32x4.add (local.get $acc0)
        (f32x4.mul (v128.load (i32.add (local.get $h) (local.get $d))) (v128.load (i32.add (local.get $u) (local.get $d))))))))
    (local.set $acc0 (f32x4.add (local.get $acc0) (local.get $acc1)))
    (local.set $f (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $acc0)) (f32x4.extract_lane 1 (local.get $acc0)))
      (f32.add (f32x4.extract_lane 2 (local.get $acc0)) (f32x4.extract_lane 3 (local.get $acc0)))))
    ;; divergence: NaN fails both comparisons
    (if (i32.eqz (i32.and (f32.lt (local.get $f) (f32.const 1e6)) (f32.gt (local.get $f) (f32.const -1e6))))
      (then (global.set $diverged (i32.const 1)) (return (i32.const 1))))
    (if (f32.ge (local.get $f) (f32.const 6))
      (then
        ;; saturated high: a positive costs ~0 (< 0.0025), a negative costs ~f
        (if (i32.eqz (local.get $label))
          (then (global.set $lossSum (f64.add (global.get $lossSum) (f64.promote_f32 (local.get $f))))))
        (if (local.get $isHs) (then (return (i32.const 0))))
        (local.set $g (f32.mul (f32.convert_i32_s (i32.sub (local.get $label) (i32.const 1))) (local.get $alpha))))
      (else
        (if (f32.le (local.get $f) (f32.const -6))
          (then
            (if (local.get $label)
              (then (global.set $lossSum (f64.sub (global.get $lossSum) (f64.promote_f32 (local.get $f))))))
            (if (local.get $isHs) (then (return (i32.const 0))))
            (local.set $g (f32.mul (f32.convert_i32_s (local.get $label)) (local.get $alpha))))
          (else
            ;; idx = min(999, floor((f + 6) * 1000 / 12)), as a byte offset
            (local.set $idx
              (i32.trunc_f32_s (f32.mul (f32.add (local.get $f) (f32.const 6)) (f32.const 83.33333333333333))))
            (local.set $idx (i32.shl
              (select (local.get $idx) (i32.const 999) (i32.lt_s (local.get $idx) (i32.const 999)))
              (i32.const 2)))
            (global.set $lossSum (f64.add (global.get $lossSum) (f64.promote_f32
              (f32.load (i32.add (select (global.get $lpos) (global.get $lneg) (local.get $label)) (local.get $idx))))))
            (local.set $g (f32.mul
              (f32.sub (f32.convert_i32_s (local.get $label)) (f32.load (i32.add (global.get $sig) (local.get $idx))))
              (local.get $alpha)))))))
    (if (f32.eq (local.get $g) (f32.const 0)) (then (return (i32.const 0))))
    (local.set $gv (f32x4.splat (local.get $g)))
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (local.get $end)))
      (local.set $q (i32.add (local.get $u) (local.get $d)))
      (local.set $p (i32.add (global.get $neu1e) (local.get $d)))
      (local.set $uv (v128.load (local.get $q)))
      (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p)) (f32x4.mul (local.get $gv) (local.get $uv))))
      (v128.store (local.get $q) (f32x4.add (local.get $uv)
        (f32x4.mul (local.get $gv) (v128.load (i32.add (local.get $h) (local.get $d))))))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l)))
    (i32.const 0))

  ;; All output terms of one example: input row h predicts `word`. Returns 1 on divergence.
  (func $outputs (param $h i32) (param $word i32) (param $alpha f32) (result i32)
    (local $k i32) (local $end i32) (local $target i32) (local $bucket i32)
    (global.set $examples (i32.add (global.get $examples) (i32.const 1)))
    (if (global.get $hs) (then
      (local.set $k (i32.load (i32.add (global.get $offs) (i32.shl (local.get $word) (i32.const 2)))))
      (local.set $end (i32.load offset=4 (i32.add (global.get $offs) (i32.shl (local.get $word) (i32.const 2)))))
      (block $done (loop $l
        (br_if $done (i32.ge_s (local.get $k) (local.get $end)))
        (if (call $term
              (local.get $h)
              (i32.add (global.get $syn1)
                (i32.mul (i32.load (i32.add (global.get $points) (i32.shl (local.get $k) (i32.const 2)))) (global.get $rowBytes)))
              (i32.sub (i32.const 1) (i32.load8_u (i32.add (global.get $codes) (local.get $k))))
              (local.get $alpha) (i32.const 1))
          (then (return (i32.const 1))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $l)))))
    (if (global.get $negative) (then
      (if (call $term (local.get $h) (i32.add (global.get $syn1neg) (i32.mul (local.get $word) (global.get $rowBytes)))
            (i32.const 1) (local.get $alpha) (i32.const 0))
        (then (return (i32.const 1))))
      (local.set $k (i32.const 0))
      (block $done (loop $l
        (br_if $done (i32.ge_s (local.get $k) (global.get $negative)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $bucket (call $randBelow (global.get $V)))
        (local.set $target
          (select (local.get $bucket)
            (i32.load (i32.add (global.get $alias) (i32.shl (local.get $bucket) (i32.const 2))))
            (f64.lt (f64.convert_i32_u (call $rand))
                    (f64.load (i32.add (global.get $thr) (i32.shl (local.get $bucket) (i32.const 3)))))))
        (br_if $l (i32.eq (local.get $target) (local.get $word)))
        (if (call $term (local.get $h) (i32.add (global.get $syn1neg) (i32.mul (local.get $target) (global.get $rowBytes)))
              (i32.const 0) (local.get $alpha) (i32.const 0))
          (then (return (i32.const 1))))
        (br $l)))))
    (i32.const 0))

  ;; Train on the sentence sen[0..len) (i32 ids at byte address $sen). Stops early when $diverged is set.
  (func (export "train") (param $sen i32) (param $len i32) (param $alpha f32)
    (local $i i32) (local $c i32) (local $lo i32) (local $hi i32) (local $reach i32) (local $word i32)
    (local $h i32) (local $cw i32) (local $inv v128) (local $d i32) (local $p i32)
    (local.set $i (i32.const 0))
    (block $sentence (loop $centres
      (br_if $sentence (i32.ge_s (local.get $i) (local.get $len)))
      (local.set $word (i32.load (i32.add (local.get $sen) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $reach (i32.sub (global.get $window) (call $randBelow (global.get $window))))
      (local.set $lo (select (i32.sub (local.get $i) (local.get $reach)) (i32.const 0)
        (i32.gt_s (i32.sub (local.get $i) (local.get $reach)) (i32.const 0))))
      (local.set $hi (select (i32.add (local.get $i) (local.get $reach)) (i32.sub (local.get $len) (i32.const 1))
        (i32.lt_s (i32.add (local.get $i) (local.get $reach)) (i32.sub (local.get $len) (i32.const 1)))))
      (if (i32.ne (local.get $lo) (local.get $hi)) (then
        (if (global.get $cbow)
          (then
            (call $zero (global.get $neu1))
            (local.set $cw (i32.const 0))
            (local.set $c (local.get $lo))
            (block $done (loop $l
              (br_if $done (i32.gt_s (local.get $c) (local.get $hi)))
              (if (i32.ne (local.get $c) (local.get $i)) (then
                (call $addRow (global.get $neu1) (i32.add (global.get $syn0)
                  (i32.mul (i32.load (i32.add (local.get $sen) (i32.shl (local.get $c) (i32.const 2)))) (global.get $rowBytes))))
                (local.set $cw (i32.add (local.get $cw) (i32.const 1)))))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br $l)))
            (local.set $inv (f32x4.splat (f32.div (f32.const 1) (f32.convert_i32_s (local.get $cw)))))
            (local.set $d (i32.const 0))
            (block $done (loop $l
              (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
              (local.set $p (i32.add (global.get $neu1) (local.get $d)))
              (v128.store (local.get $p) (f32x4.mul (v128.load (local.get $p)) (local.get $inv)))
              (local.set $d (i32.add (local.get $d) (i32.const 16)))
              (br $l)))
            (call $zero (global.get $neu1e))
            (if (call $outputs (global.get $neu1) (local.get $word) (local.get $alpha)) (then (return)))
            (local.set $c (local.get $lo))
            (block $done (loop $l
              (br_if $done (i32.gt_s (local.get $c) (local.get $hi)))
              (if (i32.ne (local.get $c) (local.get $i)) (then
                (call $addRow (i32.add (global.get $syn0)
                  (i32.mul (i32.load (i32.add (local.get $sen) (i32.shl (local.get $c) (i32.const 2)))) (global.get $rowBytes)))
                  (global.get $neu1e))))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br $l))))
          (else
            (local.set $c (local.get $lo))
            (block $done (loop $l
              (br_if $done (i32.gt_s (local.get $c) (local.get $hi)))
              (if (i32.ne (local.get $c) (local.get $i)) (then
                (local.set $h (i32.add (global.get $syn0)
                  (i32.mul (i32.load (i32.add (local.get $sen) (i32.shl (local.get $c) (i32.const 2)))) (global.get $rowBytes))))
                (call $zero (global.get $neu1e))
                (if (call $outputs (local.get $h) (local.get $word) (local.get $alpha)) (then (return)))
                (call $addRow (local.get $h) (global.get $neu1e))))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br $l)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $centres))))
)
