;; The per-frame kernel of kernelBenchmarks.ts in WebAssembly SIMD: 4x4-pixel speckle cells of
;; two frames, the absolute difference of each cell's mean, averaged over the 4x4 cells of each
;; 16x16-pixel block. Frame a sits at byte 0, frame b at width*height, the block energies (f32)
;; after both. One 16-byte load is one block-wide strip of a pixel row, i.e. one row of 4 cells:
;; two pairwise widening adds turn it into 4 lanes of 4-pixel sums, so every sum stays integer
;; and the result is exact up to the one final f32 division.
(module
  (memory (export "memory") 16)
  (func (export "blockEnergy") (param $w i32) (param $h i32)
    (local $b i32) (local $out i32) (local $cols i32) (local $rows i32)
    (local $by i32) (local $bx i32) (local $cr i32) (local $pr i32)
    (local $p i32) (local $sa v128) (local $sb v128) (local $acc v128)
    (local.set $b (i32.mul (local.get $w) (local.get $h)))
    (local.set $out (i32.shl (local.get $b) (i32.const 1)))
    (local.set $cols (i32.shr_u (local.get $w) (i32.const 4)))
    (local.set $rows (i32.shr_u (local.get $h) (i32.const 4)))
    (local.set $by (i32.const 0))
    (block $doneRows (loop $eachRow
      (br_if $doneRows (i32.ge_u (local.get $by) (local.get $rows)))
      (local.set $bx (i32.const 0))
      (block $doneCols (loop $eachCol
        (br_if $doneCols (i32.ge_u (local.get $bx) (local.get $cols)))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $cr (i32.const 0))
        (block $doneCells (loop $eachCellRow
          (br_if $doneCells (i32.ge_u (local.get $cr) (i32.const 4)))
          (local.set $sa (v128.const i32x4 0 0 0 0))
          (local.set $sb (v128.const i32x4 0 0 0 0))
          (local.set $pr (i32.const 0))
          (block $donePixels (loop $eachPixelRow
            (br_if $donePixels (i32.ge_u (local.get $pr) (i32.const 4)))
            ;; p = (by*16 + cr*4 + pr) * w + bx*16
            (local.set $p (i32.add
              (i32.mul
                (i32.add (i32.add (i32.shl (local.get $by) (i32.const 4)) (i32.shl (local.get $cr) (i32.const 2))) (local.get $pr))
                (local.get $w))
              (i32.shl (local.get $bx) (i32.const 4))))
            (local.set $sa (i32x4.add (local.get $sa)
              (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (v128.load (local.get $p))))))
            (local.set $sb (i32x4.add (local.get $sb)
              (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (v128.load (i32.add (local.get $p) (local.get $b)))))))
            (local.set $pr (i32.add (local.get $pr) (i32.const 1)))
            (br $eachPixelRow)))
          (local.set $acc (i32x4.add (local.get $acc) (i32x4.abs (i32x4.sub (local.get $sa) (local.get $sb)))))
          (local.set $cr (i32.add (local.get $cr) (i32.const 1)))
          (br $eachCellRow)))
        ;; 16 cells of 16 pixels each: the mean |difference of cell means| is the sum over 256.
        (f32.store
          (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $by) (local.get $cols)) (local.get $bx)) (i32.const 2)))
          (f32.div
            (f32.convert_i32_u (i32.add
              (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
              (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
            (f32.const 256)))
        (local.set $bx (i32.add (local.get $bx) (i32.const 1)))
        (br $eachCol)))
      (local.set $by (i32.add (local.get $by) (i32.const 1)))
      (br $eachRow)))))
