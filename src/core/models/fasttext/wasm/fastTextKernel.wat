;; fastText's training step (skip-gram and CBOW with subwords, negative sampling) in WebAssembly with 128-bit SIMD:
;; the same steps and the same random draws as the JavaScript kernel (../fastTextKernel.ts), four float32 lanes at a
;; time. Assemble with:  npx tsx src/core/models/fasttext/wasm/assemble.ts
;;
;; Rows are `dim` floats back to back (no padding, so the host reads them exactly as the JavaScript kernel's arrays):
;; every row loop does the first dim & ~3 floats four at a time and the rest one at a time. The JavaScript kernel
;; computes in float64 and rounds on store; this one computes in float32, so the two agree to float tolerance.
;; Random numbers: xoshiro128** (identical to rng.ts), state in $r0..$r3, read and written by the host around calls.
(module
  (import "env" "memory" (memory 1 65536))

  (global $rowBytes (mut i32) (i32.const 0))   ;; dim * 4
  (global $vecBytes (mut i32) (i32.const 0))   ;; (dim & ~3) * 4: the part of a row done four lanes at a time
  (global $window (mut i32) (i32.const 0))
  (global $negative (mut i32) (i32.const 0))
  (global $cbow (mut i32) (i32.const 0))
  (global $V (mut i32) (i32.const 0))
  (global $input (mut i32) (i32.const 0))      ;; f32[(V + bucket) * dim]: word rows, then n-gram rows
  (global $output (mut i32) (i32.const 0))     ;; f32[V * dim]
  (global $offs (mut i32) (i32.const 0))       ;; i32[V + 1]: word w's rows are subRows[offs[w] .. offs[w + 1])
  (global $subRows (mut i32) (i32.const 0))    ;; i32[]
  (global $overlap (mut i32) (i32.const 0))    ;; f32[V]: how far a word's mean moves per grad added to each row
  (global $sig (mut i32) (i32.const 0))        ;; f32[1000] sigmoid table
  (global $lpos (mut i32) (i32.const 0))       ;; f32[1000] -log sigmoid(x)
  (global $lneg (mut i32) (i32.const 0))       ;; f32[1000] -log sigmoid(-x)
  (global $thr (mut i32) (i32.const 0))        ;; f64[V] alias thresholds (accept * 2^32)
  (global $alias (mut i32) (i32.const 0))      ;; i32[V]
  (global $hidden (mut i32) (i32.const 0))     ;; f32[dim]
  (global $grad (mut i32) (i32.const 0))       ;; f32[dim]
  (global $total (mut i32) (i32.const 0))      ;; f32[dim]
  (global $bow (mut i32) (i32.const 0))        ;; i32[]: CBOW's pooled rows
  (global $r0 (export "r0") (mut i32) (i32.const 1))
  (global $r1 (export "r1") (mut i32) (i32.const 0))
  (global $r2 (export "r2") (mut i32) (i32.const 0))
  (global $r3 (export "r3") (mut i32) (i32.const 0))
  (global $lossSum (export "lossSum") (mut f64) (f64.const 0))
  (global $examples (export "examples") (mut i32) (i32.const 0))
  (global $diverged (export "diverged") (mut i32) (i32.const 0))

  (func (export "setup")
    (param $rowBytes i32) (param $window i32) (param $negative i32) (param $cbow i32) (param $V i32)
    (param $input i32) (param $output i32) (param $offs i32) (param $subRows i32) (param $overlap i32)
    (param $sig i32) (param $lpos i32) (param $lneg i32) (param $thr i32) (param $alias i32)
    (param $hidden i32) (param $grad i32) (param $total i32) (param $bow i32)
    (global.set $rowBytes (local.get $rowBytes))
    (global.set $vecBytes (i32.and (local.get $rowBytes) (i32.const -16)))
    (global.set $window (local.get $window)) (global.set $negative (local.get $negative))
    (global.set $cbow (local.get $cbow)) (global.set $V (local.get $V))
    (global.set $input (local.get $input)) (global.set $output (local.get $output))
    (global.set $offs (local.get $offs)) (global.set $subRows (local.get $subRows))
    (global.set $overlap (local.get $overlap)) (global.set $sig (local.get $sig))
    (global.set $lpos (local.get $lpos)) (global.set $lneg (local.get $lneg))
    (global.set $thr (local.get $thr)) (global.set $alias (local.get $alias))
    (global.set $hidden (local.get $hidden)) (global.set $grad (local.get $grad))
    (global.set $total (local.get $total)) (global.set $bow (local.get $bow)))

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

  ;; floor(rand * n / 2^32), exact in 64-bit integers (the JavaScript kernel's float64 product is exact too).
  (func $randBelow (param $n i32) (result i32)
    (i32.wrap_i64 (i64.shr_u
      (i64.mul (i64.extend_i32_u (call $rand)) (i64.extend_i32_u (local.get $n)))
      (i64.const 32))))

  ;; dst[0..dim) = 0
  (func $zero (param $dst i32)
    (local $d i32)
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $vecBytes)))
      (v128.store (i32.add (local.get $dst) (local.get $d)) (v128.const i32x4 0 0 0 0))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (f32.store (i32.add (local.get $dst) (local.get $d)) (f32.const 0))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (br $l))))

  ;; dst[0..dim) = src[0..dim)
  (func $copy (param $dst i32) (param $src i32)
    (local $d i32)
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $vecBytes)))
      (v128.store (i32.add (local.get $dst) (local.get $d)) (v128.load (i32.add (local.get $src) (local.get $d))))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (f32.store (i32.add (local.get $dst) (local.get $d)) (f32.load (i32.add (local.get $src) (local.get $d))))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (br $l))))

  ;; dst += src
  (func $add (param $dst i32) (param $src i32)
    (local $d i32) (local $p i32)
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $vecBytes)))
      (local.set $p (i32.add (local.get $dst) (local.get $d)))
      (v128.store (local.get $p)
        (f32x4.add (v128.load (local.get $p)) (v128.load (i32.add (local.get $src) (local.get $d)))))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (local.set $p (i32.add (local.get $dst) (local.get $d)))
      (f32.store (local.get $p)
        (f32.add (f32.load (local.get $p)) (f32.load (i32.add (local.get $src) (local.get $d)))))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (br $l))))

  ;; dst *= a
  (func $scale (param $dst i32) (param $a f32)
    (local $d i32) (local $p i32) (local $av v128)
    (local.set $av (f32x4.splat (local.get $a)))
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $vecBytes)))
      (local.set $p (i32.add (local.get $dst) (local.get $d)))
      (v128.store (local.get $p) (f32x4.mul (v128.load (local.get $p)) (local.get $av)))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (local.set $p (i32.add (local.get $dst) (local.get $d)))
      (f32.store (local.get $p) (f32.mul (f32.load (local.get $p)) (local.get $a)))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (br $l))))

  ;; The input row of row index `row`.
  (func $inputRow (param $row i32) (result i32)
    (i32.add (global.get $input) (i32.mul (local.get $row) (global.get $rowBytes))))

  ;; hidden = mean of the input rows listed in the i32 array at $list, entries [from, to).
  (func $meanOfRows (param $list i32) (param $from i32) (param $to i32)
    (local $k i32)
    (call $copy (global.get $hidden)
      (call $inputRow (i32.load (i32.add (local.get $list) (i32.shl (local.get $from) (i32.const 2))))))
    (local.set $k (i32.add (local.get $from) (i32.const 1)))
    (block $done (loop $l
      (br_if $done (i32.ge_s (local.get $k) (local.get $to)))
      (call $add (global.get $hidden)
        (call $inputRow (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l)))
    (call $scale (global.get $hidden)
      (f32.div (f32.const 1) (f32.convert_i32_s (i32.sub (local.get $to) (local.get $from))))))

  ;; input[row] += v for every row listed in the i32 array at $list, entries [from, to).
  (func $addToRows (param $list i32) (param $from i32) (param $to i32) (param $v i32)
    (local $k i32)
    (local.set $k (local.get $from))
    (block $done (loop $l
      (br_if $done (i32.ge_s (local.get $k) (local.get $to)))
      (call $add
        (call $inputRow (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
        (local.get $v))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l))))

  ;; One logistic term: $hidden against output row `t` with `label` (1 or 0). Adds its loss to $lossSum, g * u to
  ;; $grad and g * hidden to u. Scores at or past +-6 are saturated (sigmoid 0 or 1), as fastText's table does.
  ;; Returns 1 when the score is NaN or past +-1e6 (divergence), else 0.
  (func $term (param $t i32) (param $label i32) (param $alpha f32) (result i32)
    (local $u i32) (local $h i32) (local $d i32) (local $p i32) (local $q i32) (local $end32 i32)
    (local $acc0 v128) (local $acc1 v128) (local $f f32) (local $g f32) (local $gv v128) (local $uv v128)
    (local $idx i32) (local $us f32)
    (local.set $u (i32.add (global.get $output) (i32.mul (local.get $t) (global.get $rowBytes))))
    (local.set $h (global.get $hidden))
    (local.set $acc0 (v128.const i32x4 0 0 0 0))
    (local.set $acc1 (v128.const i32x4 0 0 0 0))
    (local.set $d (i32.const 0))
    (local.set $end32 (i32.and (global.get $vecBytes) (i32.const -32)))
    ;; two accumulators, 8 floats per step, so consecutive adds do not wait on each other
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (local.get $end32)))
      (local.set $p (i32.add (local.get $h) (local.get $d)))
      (local.set $q (i32.add (local.get $u) (local.get $d)))
      (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
      (local.set $acc1 (f32x4.add (local.get $acc1)
        (f32x4.mul (v128.load offset=16 (local.get $p)) (v128.load offset=16 (local.get $q)))))
      (local.set $d (i32.add (local.get $d) (i32.const 32)))
      (br $l)))
    (if (i32.lt_u (local.get $d) (global.get $vecBytes))
      (then
        (local.set $acc0 (f32x4.add (local.get $acc0)
          (f32x4.mul (v128.load (i32.add (local.get $h) (local.get $d))) (v128.load (i32.add (local.get $u) (local.get $d))))))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))))
    (local.set $acc0 (f32x4.add (local.get $acc0) (local.get $acc1)))
    (local.set $f (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $acc0)) (f32x4.extract_lane 1 (local.get $acc0)))
      (f32.add (f32x4.extract_lane 2 (local.get $acc0)) (f32x4.extract_lane 3 (local.get $acc0)))))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (local.set $f (f32.add (local.get $f)
        (f32.mul (f32.load (i32.add (local.get $h) (local.get $d))) (f32.load (i32.add (local.get $u) (local.get $d))))))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (br $l)))
    ;; divergence: NaN fails both comparisons
    (if (i32.eqz (i32.and (f32.lt (local.get $f) (f32.const 1e6)) (f32.gt (local.get $f) (f32.const -1e6))))
      (then (global.set $diverged (i32.const 1)) (return (i32.const 1))))
    (if (f32.ge (local.get $f) (f32.const 6))
      (then
        (if (i32.eqz (local.get $label))
          (then (global.set $lossSum (f64.add (global.get $lossSum) (f64.promote_f32 (local.get $f))))))
        (local.set $g (f32.mul (f32.convert_i32_s (i32.sub (local.get $label) (i32.const 1))) (local.get $alpha))))
      (else
        (if (f32.le (local.get $f) (f32.const -6))
          (then
            (if (local.get $label)
              (then (global.set $lossSum (f64.sub (global.get $lossSum) (f64.promote_f32 (local.get $f))))))
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
    ;; a zero g changes nothing (the JavaScript kernel adds the zeros)
    (if (f32.eq (local.get $g) (f32.const 0)) (then (return (i32.const 0))))
    (local.set $gv (f32x4.splat (local.get $g)))
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $vecBytes)))
      (local.set $q (i32.add (local.get $u) (local.get $d)))
      (local.set $p (i32.add (global.get $grad) (local.get $d)))
      (local.set $uv (v128.load (local.get $q)))
      (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p)) (f32x4.mul (local.get $gv) (local.get $uv))))
      (v128.store (local.get $q) (f32x4.add (local.get $uv)
        (f32x4.mul (local.get $gv) (v128.load (i32.add (local.get $h) (local.get $d))))))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (local.set $q (i32.add (local.get $u) (local.get $d)))
      (local.set $p (i32.add (global.get $grad) (local.get $d)))
      (local.set $us (f32.load (local.get $q)))
      (f32.store (local.get $p) (f32.add (f32.load (local.get $p)) (f32.mul (local.get $g) (local.get $us))))
      (f32.store (local.get $q) (f32.add (local.get $us)
        (f32.mul (local.get $g) (f32.load (i32.add (local.get $h) (local.get $d))))))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (br $l)))
    (i32.const 0))

  ;; Negative sampling for $hidden against `target` (fastText's loss.cc): the target with label 1, then `negative`
  ;; noise words with label 0; a noise word equal to the target is drawn again up to 16 times and skipped if it still
  ;; is. $grad receives the summed error (alpha included). Returns 1 on divergence.
  (func $negativeSampling (param $target i32) (param $alpha f32) (result i32)
    (local $k i32) (local $t i32) (local $tries i32) (local $bucket i32)
    (call $zero (global.get $grad))
    (if (call $term (local.get $target) (i32.const 1) (local.get $alpha)) (then (return (i32.const 1))))
    (local.set $k (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_s (local.get $k) (global.get $negative)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (local.set $t (local.get $target))
      (local.set $tries (i32.const 0))
      (block $drawn (loop $draw
        (br_if $drawn (i32.ge_s (local.get $tries) (i32.const 16)))
        (br_if $drawn (i32.ne (local.get $t) (local.get $target)))
        (local.set $bucket (call $randBelow (global.get $V)))
        (local.set $t
          (select (local.get $bucket)
            (i32.load (i32.add (global.get $alias) (i32.shl (local.get $bucket) (i32.const 2))))
            (f64.lt (f64.convert_i32_u (call $rand))
                    (f64.load (i32.add (global.get $thr) (i32.shl (local.get $bucket) (i32.const 3)))))))
        (local.set $tries (i32.add (local.get $tries) (i32.const 1)))
        (br $draw)))
      (br_if $l (i32.eq (local.get $t) (local.get $target)))
      (if (call $term (local.get $t) (i32.const 0) (local.get $alpha)) (then (return (i32.const 1))))
      (br $l)))
    (i32.const 0))

  ;; Skip-gram's step after each pair: hidden += c * grad (the mean moves by c * grad when grad is added to each of
  ;; the word's rows), total += grad (added to the rows once, after the centre's last pair).
  (func $afterPair (param $c f32)
    (local $d i32) (local $p i32) (local $gr v128) (local $cv v128) (local $gs f32)
    (local.set $cv (f32x4.splat (local.get $c)))
    (local.set $d (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $vecBytes)))
      (local.set $gr (v128.load (i32.add (global.get $grad) (local.get $d))))
      (local.set $p (i32.add (global.get $hidden) (local.get $d)))
      (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p)) (f32x4.mul (local.get $cv) (local.get $gr))))
      (local.set $p (i32.add (global.get $total) (local.get $d)))
      (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p)) (local.get $gr)))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (br $l)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $d) (global.get $rowBytes)))
      (local.set $gs (f32.load (i32.add (global.get $grad) (local.get $d))))
      (local.set $p (i32.add (global.get $hidden) (local.get $d)))
      (f32.store (local.get $p) (f32.add (f32.load (local.get $p)) (f32.mul (local.get $c) (local.get $gs))))
      (local.set $p (i32.add (global.get $total) (local.get $d)))
      (f32.store (local.get $p) (f32.add (f32.load (local.get $p)) (local.get $gs)))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (br $l))))

  ;; Train on the (down-sampled) sentence sen[0..len) (i32 ids at byte address $sen). Adds to $lossSum and $examples;
  ;; stops early and sets $diverged when a score runs away.
  (func (export "train") (param $sen i32) (param $len i32) (param $alpha f32)
    (local $i i32) (local $c i32) (local $lo i32) (local $hi i32) (local $reach i32) (local $word i32)
    (local $w i32) (local $k i32) (local $end i32) (local $n i32) (local $from i32) (local $to i32)
    (local.set $i (i32.const 0))
    (block $sentence (loop $centres
      (br_if $sentence (i32.ge_s (local.get $i) (local.get $len)))
      ;; reach 1..window, uniformly, drawn for every centre (as the JavaScript kernel does)
      (local.set $reach (i32.sub (global.get $window) (call $randBelow (global.get $window))))
      (local.set $lo (select (i32.sub (local.get $i) (local.get $reach)) (i32.const 0)
        (i32.gt_s (i32.sub (local.get $i) (local.get $reach)) (i32.const 0))))
      (local.set $hi (select (i32.add (local.get $i) (local.get $reach)) (i32.sub (local.get $len) (i32.const 1))
        (i32.lt_s (i32.add (local.get $i) (local.get $reach)) (i32.sub (local.get $len) (i32.const 1)))))
      (if (i32.ne (local.get $lo) (local.get $hi)) (then
        (local.set $word (i32.load (i32.add (local.get $sen) (i32.shl (local.get $i) (i32.const 2)))))
        (if (global.get $cbow)
          (then
            ;; pool the rows of every context word, then one example against the centre
            (local.set $n (i32.const 0))
            (local.set $c (local.get $lo))
            (block $done (loop $l
              (br_if $done (i32.gt_s (local.get $c) (local.get $hi)))
              (if (i32.ne (local.get $c) (local.get $i)) (then
                (local.set $w (i32.load (i32.add (local.get $sen) (i32.shl (local.get $c) (i32.const 2)))))
                (local.set $k (i32.load (i32.add (global.get $offs) (i32.shl (local.get $w) (i32.const 2)))))
                (local.set $end (i32.load offset=4 (i32.add (global.get $offs) (i32.shl (local.get $w) (i32.const 2)))))
                (block $rows (loop $r
                  (br_if $rows (i32.ge_s (local.get $k) (local.get $end)))
                  (i32.store (i32.add (global.get $bow) (i32.shl (local.get $n) (i32.const 2)))
                    (i32.load (i32.add (global.get $subRows) (i32.shl (local.get $k) (i32.const 2)))))
                  (local.set $n (i32.add (local.get $n) (i32.const 1)))
                  (local.set $k (i32.add (local.get $k) (i32.const 1)))
                  (br $r)))))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br $l)))
            (call $meanOfRows (global.get $bow) (i32.const 0) (local.get $n))
            (if (call $negativeSampling (local.get $word) (local.get $alpha)) (then (return)))
            (call $addToRows (global.get $bow) (i32.const 0) (local.get $n) (global.get $grad))
            (global.set $examples (i32.add (global.get $examples) (i32.const 1))))
          (else
            ;; the centre's mean predicts each context word in turn; its rows get the summed error once
            (local.set $from (i32.load (i32.add (global.get $offs) (i32.shl (local.get $word) (i32.const 2)))))
            (local.set $to (i32.load offset=4 (i32.add (global.get $offs) (i32.shl (local.get $word) (i32.const 2)))))
            (call $meanOfRows (global.get $subRows) (local.get $from) (local.get $to))
            (call $zero (global.get $total))
            (local.set $c (local.get $lo))
            (block $done (loop $l
              (br_if $done (i32.gt_s (local.get $c) (local.get $hi)))
              (if (i32.ne (local.get $c) (local.get $i)) (then
                (if (call $negativeSampling
                      (i32.load (i32.add (local.get $sen) (i32.shl (local.get $c) (i32.const 2))))
                      (local.get $alpha))
                  (then (br $done)))
                (call $afterPair
                  (f32.load (i32.add (global.get $overlap) (i32.shl (local.get $word) (i32.const 2)))))
                (global.set $examples (i32.add (global.get $examples) (i32.const 1)))))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br $l)))
            (call $addToRows (global.get $subRows) (local.get $from) (local.get $to) (global.get $total))
            (if (global.get $diverged) (then (return)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $centres))))
)
