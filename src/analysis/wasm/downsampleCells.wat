;; downsampleRegion.ts in WebAssembly. downsample4, in SIMD: the mean of each 4x4-pixel cell of an
;; 8-bit region, as f32. The region's rows are copied to byte 0 of memory (stride $fw), the cells
;; are written from byte $out on. One 16-byte load is 4 cells' worth of one pixel row: a pairwise
;; widening add makes 8 two-pixel sums (u16), the 4 rows add up (at most 2040, still u16), a
;; second pairwise add makes the 4 cell sums (u32). Every sum is an integer, and sum * 0.0625 is
;; exact in f32 (at most 255 with 4 fractional bits), so the cells equal the typed-array path's
;; bit for bit. Cells left over at the right (cols not a multiple of 4) take the same sums in scalar.
;; downsampleAny: any other cell size (the real clips' 5 px): per cell row, the column sums over
;; its pixel rows (SIMD, 8 columns of u16 per step; at most 255 c, so u16 up to c = 257), then each cell
;; the sum of its columns, times $scale (1 / cellPx^2 in f64, as JavaScript computes it), rounded
;; to f32 as a Float32Array store does. Integer sums are exact in any order, so these are the
;; typed-array cells bit for bit; the scalar cell-by-cell loop it replaced was 8% of the browser's
;; hot loop on the real clip (`npm run profile`, 2026-12-02).
(module
  (memory (export "memory") 1)
  (func (export "downsample4") (param $fw i32) (param $x0 i32) (param $cols i32) (param $rows i32) (param $out i32)
    (local $cy i32) (local $cx i32) (local $s0 i32) (local $o i32) (local $p i32) (local $v v128) (local $sum i32) (local $k i32)
    (local.set $cy (i32.const 0))
    (block $doneRows (loop $eachRow
      (br_if $doneRows (i32.ge_u (local.get $cy) (local.get $rows)))
      ;; first pixel of this cell row, and its first cell
      (local.set $s0 (i32.add (i32.mul (i32.shl (local.get $cy) (i32.const 2)) (local.get $fw)) (local.get $x0)))
      (local.set $o (i32.add (local.get $out) (i32.shl (i32.mul (local.get $cy) (local.get $cols)) (i32.const 2))))
      (local.set $cx (i32.const 0))
      (block $doneQuads (loop $eachQuad
        (br_if $doneQuads (i32.gt_u (i32.add (local.get $cx) (i32.const 4)) (local.get $cols)))
        (local.set $p (i32.add (local.get $s0) (i32.shl (local.get $cx) (i32.const 2))))
        (local.set $v (i16x8.extadd_pairwise_i8x16_u (v128.load (local.get $p))))
        (local.set $v (i16x8.add (local.get $v) (i16x8.extadd_pairwise_i8x16_u (v128.load (i32.add (local.get $p) (local.get $fw))))))
        (local.set $v (i16x8.add (local.get $v) (i16x8.extadd_pairwise_i8x16_u (v128.load (i32.add (local.get $p) (i32.shl (local.get $fw) (i32.const 1)))))))
        (local.set $v (i16x8.add (local.get $v) (i16x8.extadd_pairwise_i8x16_u (v128.load (i32.add (local.get $p) (i32.mul (local.get $fw) (i32.const 3)))))))
        (v128.store
          (i32.add (local.get $o) (i32.shl (local.get $cx) (i32.const 2)))
          (f32x4.mul (f32x4.convert_i32x4_u (i32x4.extadd_pairwise_i16x8_u (local.get $v))) (v128.const f32x4 0.0625 0.0625 0.0625 0.0625)))
        (local.set $cx (i32.add (local.get $cx) (i32.const 4)))
        (br $eachQuad)))
      (block $doneCells (loop $eachCell
        (br_if $doneCells (i32.ge_u (local.get $cx) (local.get $cols)))
        (local.set $sum (i32.const 0))
        (local.set $k (i32.const 0))
        (block $donePx (loop $eachPx
          (br_if $donePx (i32.ge_u (local.get $k) (i32.const 16)))
          ;; pixel (k & 3, k >> 2) of the cell
          (local.set $p (i32.add
            (i32.add (local.get $s0) (i32.shl (local.get $cx) (i32.const 2)))
            (i32.add (i32.and (local.get $k) (i32.const 3)) (i32.mul (i32.shr_u (local.get $k) (i32.const 2)) (local.get $fw)))))
          (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $p))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $eachPx)))
        (f32.store
          (i32.add (local.get $o) (i32.shl (local.get $cx) (i32.const 2)))
          (f32.mul (f32.convert_i32_u (local.get $sum)) (f32.const 0.0625)))
        (local.set $cx (i32.add (local.get $cx) (i32.const 1)))
        (br $eachCell)))
      (local.set $cy (i32.add (local.get $cy) (i32.const 1)))
      (br $eachRow))))
  (func (export "downsampleAny") (param $fw i32) (param $x0 i32) (param $cols i32) (param $rows i32) (param $c i32) (param $scale f64) (param $out i32) (param $colsum i32)
    (local $cy i32) (local $k i32) (local $x i32) (local $p i32) (local $sum i32) (local $o i32) (local $width i32) (local $acc v128) (local $q i32)
    (local.set $width (i32.mul (local.get $cols) (local.get $c)))
    (local.set $o (local.get $out))
    (local.set $cy (i32.const 0))
    (block $doneRows (loop $eachRow
      (br_if $doneRows (i32.ge_u (local.get $cy) (local.get $rows)))
      ;; p: the cell row's first pixel; column sums over its c pixel rows, 8 columns per SIMD step (u16)
      (local.set $p (i32.add (i32.mul (i32.mul (local.get $cy) (local.get $c)) (local.get $fw)) (local.get $x0)))
      (local.set $x (i32.const 0))
      (block $doneColumns8 (loop $eachColumns8
        (br_if $doneColumns8 (i32.gt_u (i32.add (local.get $x) (i32.const 8)) (local.get $width)))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $q (i32.add (local.get $p) (local.get $x)))
        (local.set $k (i32.const 0))
        (block $doneLines8 (loop $eachLine8
          (br_if $doneLines8 (i32.ge_u (local.get $k) (local.get $c)))
          (local.set $acc (i16x8.add (local.get $acc) (i16x8.extend_low_i8x16_u (v128.load64_zero (local.get $q)))))
          (local.set $q (i32.add (local.get $q) (local.get $fw)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $eachLine8)))
        (v128.store (i32.add (local.get $colsum) (i32.shl (local.get $x) (i32.const 1))) (local.get $acc))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (br $eachColumns8)))
      (block $doneColumns (loop $eachColumn
        (br_if $doneColumns (i32.ge_u (local.get $x) (local.get $width)))
        (local.set $sum (i32.const 0))
        (local.set $q (i32.add (local.get $p) (local.get $x)))
        (local.set $k (i32.const 0))
        (block $doneLines (loop $eachLine
          (br_if $doneLines (i32.ge_u (local.get $k) (local.get $c)))
          (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $q))))
          (local.set $q (i32.add (local.get $q) (local.get $fw)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $eachLine)))
        (i32.store16 (i32.add (local.get $colsum) (i32.shl (local.get $x) (i32.const 1))) (local.get $sum))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $eachColumn)))
      ;; each cell: the sum of its c column sums
      (local.set $q (local.get $colsum))
      (local.set $x (i32.const 0))
      (block $doneCells (loop $eachCell
        (br_if $doneCells (i32.ge_u (local.get $x) (local.get $width)))
        (local.set $sum (i32.const 0))
        (local.set $k (i32.const 0))
        (block $donePx (loop $eachPx
          (br_if $donePx (i32.ge_u (local.get $k) (local.get $c)))
          (local.set $sum (i32.add (local.get $sum) (i32.load16_u (local.get $q))))
          (local.set $q (i32.add (local.get $q) (i32.const 2)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $eachPx)))
        (f32.store (local.get $o) (f32.demote_f64 (f64.mul (f64.convert_i32_u (local.get $sum)) (local.get $scale))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (local.set $x (i32.add (local.get $x) (local.get $c)))
        (br $eachCell)))
      (local.set $cy (i32.add (local.get $cy) (i32.const 1)))
      (br $eachRow))))
)
