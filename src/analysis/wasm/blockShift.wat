;; blockShift (registerFrames.ts) in WebAssembly: the Lucas-Kanade (ESM) translation of one block,
;; the same operations in the same order in f64, with the warped reference stored as f32 as the
;; typed-array path's Float32Array scratch stores it, so it returns the same shift bit for bit.
;; SIMD two cells at a time (f64x2, lane by lane the scalar operations; the sums still add cell x
;; before cell x+1): a third of the scalar kernel's time, 0.21 against 0.62 ms for 90 blocks of
;; 12 cells in Node (2026-12-02).
;; Memory: the reference cells (f32) at $ref, the frame's at $cur, the warped scratch at $warp;
;; the result (dx, dy, texture as f64) is written at $out. Returns 1, or 0 where the typed-array
;; path returns null (no texture, off the image, or past MAX_SHIFT_CELLS).
(module
  (memory (export "memory") 1)
  ;; sampleBilinear (estimateShift.ts): bilinear sample with edge clamping.
  (func $sample (param $img i32) (param $w i32) (param $h i32) (param $x f64) (param $y f64) (result f64)
    (local $cx f64) (local $cy f64) (local $ix f64) (local $iy f64) (local $fx f64) (local $fy f64)
    (local $i i32) (local $top f64) (local $bottom f64) (local $maxX f64) (local $maxY f64)
    (local.set $maxX (f64.sub (f64.convert_i32_s (local.get $w)) (f64.const 1.001)))
    (local.set $maxY (f64.sub (f64.convert_i32_s (local.get $h)) (f64.const 1.001)))
    (local.set $cx (select (f64.const 0)
      (select (local.get $maxX) (local.get $x) (f64.gt (local.get $x) (local.get $maxX)))
      (f64.lt (local.get $x) (f64.const 0))))
    (local.set $cy (select (f64.const 0)
      (select (local.get $maxY) (local.get $y) (f64.gt (local.get $y) (local.get $maxY)))
      (f64.lt (local.get $y) (f64.const 0))))
    (local.set $ix (f64.floor (local.get $cx)))
    (local.set $iy (f64.floor (local.get $cy)))
    (local.set $fx (f64.sub (local.get $cx) (local.get $ix)))
    (local.set $fy (f64.sub (local.get $cy) (local.get $iy)))
    (local.set $i (i32.add (local.get $img) (i32.shl
      (i32.add (i32.mul (i32.trunc_f64_s (local.get $iy)) (local.get $w)) (i32.trunc_f64_s (local.get $ix)))
      (i32.const 2))))
    (local.set $top (f64.add (f64.promote_f32 (f32.load (local.get $i)))
      (f64.mul (f64.sub (f64.promote_f32 (f32.load offset=4 (local.get $i))) (f64.promote_f32 (f32.load (local.get $i)))) (local.get $fx))))
    (local.set $i (i32.add (local.get $i) (i32.shl (local.get $w) (i32.const 2))))
    (local.set $bottom (f64.add (f64.promote_f32 (f32.load (local.get $i)))
      (f64.mul (f64.sub (f64.promote_f32 (f32.load offset=4 (local.get $i))) (f64.promote_f32 (f32.load (local.get $i)))) (local.get $fx))))
    (f64.add (local.get $top) (f64.mul (f64.sub (local.get $bottom) (local.get $top)) (local.get $fy))))

  (func (export "blockShift")
    (param $ref i32) (param $cur i32) (param $warp i32) (param $out i32)
    (param $width i32) (param $height i32) (param $x0 i32) (param $y0 i32) (param $size i32)
    (param $dx0 f64) (param $dy0 f64) (param $iterations i32) (result i32)
    (local $xa i32) (local $ya i32) (local $xb i32) (local $yb i32) (local $bw i32) (local $rowBytes i32)
    (local $dx f64) (local $dy f64) (local $texture f64) (local $it i32)
    (local $fx f64) (local $fy f64) (local $wx f64) (local $wy f64) (local $ifx i32) (local $ify i32) (local $inside i32)
    (local $x i32) (local $y i32) (local $k i32) (local $j i32) (local $i i32) (local $top f64) (local $bottom f64)
    (local $gxx f64) (local $gxy f64) (local $gyy f64) (local $ex f64) (local $ey f64)
    (local $jx f64) (local $jy f64) (local $e f64) (local $n f64) (local $det f64) (local $trace f64)
    (local $ddx f64) (local $ddy f64) (local $wk i32) (local $bi i32) (local $wrow i32)
    (local $wxv v128) (local $wyv v128) (local $va v128) (local $vtop v128) (local $vbottom v128)
    (local $vjx v128) (local $vjy v128) (local $ve v128) (local $vp v128)
    (local.set $xa (select (i32.const 1) (local.get $x0) (i32.lt_s (local.get $x0) (i32.const 1))))
    (local.set $ya (select (i32.const 1) (local.get $y0) (i32.lt_s (local.get $y0) (i32.const 1))))
    (local.set $xb (i32.add (local.get $x0) (i32.sub (local.get $size) (i32.const 1))))
    (if (i32.gt_s (local.get $xb) (i32.sub (local.get $width) (i32.const 2))) (then (local.set $xb (i32.sub (local.get $width) (i32.const 2)))))
    (local.set $yb (i32.add (local.get $y0) (i32.sub (local.get $size) (i32.const 1))))
    (if (i32.gt_s (local.get $yb) (i32.sub (local.get $height) (i32.const 2))) (then (local.set $yb (i32.sub (local.get $height) (i32.const 2)))))
    (if (i32.or (i32.le_s (local.get $xb) (local.get $xa)) (i32.le_s (local.get $yb) (local.get $ya))) (then (return (i32.const 0))))
    (local.set $bw (i32.add (i32.sub (local.get $xb) (local.get $xa)) (i32.const 3)))
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (local.set $n (f64.convert_i32_s (i32.mul (i32.add (i32.sub (local.get $xb) (local.get $xa)) (i32.const 1)) (i32.add (i32.sub (local.get $yb) (local.get $ya)) (i32.const 1)))))
    (local.set $dx (local.get $dx0))
    (local.set $dy (local.get $dy0))
    (local.set $it (i32.const 0))
    (block $done (loop $iterate
      (br_if $done (i32.ge_s (local.get $it) (local.get $iterations)))
      ;; The reference moved by the running estimate, over the block and a one-cell border.
      (local.set $fx (f64.floor (f64.neg (local.get $dx))))
      (local.set $fy (f64.floor (f64.neg (local.get $dy))))
      (local.set $wx (f64.sub (f64.neg (local.get $dx)) (local.get $fx)))
      (local.set $wy (f64.sub (f64.neg (local.get $dy)) (local.get $fy)))
      ;; fx, fy are within +-5 (|d| <= 4 is checked every iteration), so i32 holds them exactly.
      (local.set $ifx (i32.trunc_f64_s (local.get $fx)))
      (local.set $ify (i32.trunc_f64_s (local.get $fy)))
      (local.set $inside (i32.and
        (i32.and (i32.ge_s (i32.add (i32.sub (local.get $xa) (i32.const 1)) (local.get $ifx)) (i32.const 0))
                 (i32.lt_s (i32.add (i32.add (local.get $xb) (i32.const 2)) (local.get $ifx)) (local.get $width)))
        (i32.and (i32.ge_s (i32.add (i32.sub (local.get $ya) (i32.const 1)) (local.get $ify)) (i32.const 0))
                 (i32.lt_s (i32.add (i32.add (local.get $yb) (i32.const 2)) (local.get $ify)) (local.get $height)))))
      (local.set $wk (local.get $warp))
      (if (local.get $inside)
        (then
          ;; Two cells per step, one per f64 lane: the shift is the same over the block, so the
          ;; neighbours of cells x and x+1 are adjacent pairs in memory. Lane by lane the scalar
          ;; code's operations, so the same f32 values.
          (local.set $wxv (f64x2.splat (local.get $wx)))
          (local.set $wyv (f64x2.splat (local.get $wy)))
          (local.set $y (i32.sub (local.get $ya) (i32.const 1)))
          (block $doneInRows (loop $inRow
            (br_if $doneInRows (i32.gt_s (local.get $y) (i32.add (local.get $yb) (i32.const 1))))
            (local.set $j (i32.add (local.get $ref) (i32.shl
              (i32.add (i32.mul (i32.add (local.get $y) (local.get $ify)) (local.get $width)) (i32.add (i32.sub (local.get $xa) (i32.const 1)) (local.get $ifx)))
              (i32.const 2))))
            (local.set $x (i32.const 0))
            (block $donePairs (loop $pair
              (br_if $donePairs (i32.gt_s (i32.add (local.get $x) (i32.const 2)) (local.get $bw)))
              (local.set $va (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $j))))
              (local.set $vtop (f64x2.add (local.get $va) (f64x2.mul
                (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero offset=4 (local.get $j))) (local.get $va)) (local.get $wxv))))
              (local.set $va (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $j) (local.get $rowBytes)))))
              (local.set $vbottom (f64x2.add (local.get $va) (f64x2.mul
                (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero offset=4 (i32.add (local.get $j) (local.get $rowBytes)))) (local.get $va)) (local.get $wxv))))
              (v128.store64_lane 0 (local.get $wk) (f32x4.demote_f64x2_zero
                (f64x2.add (local.get $vtop) (f64x2.mul (f64x2.sub (local.get $vbottom) (local.get $vtop)) (local.get $wyv)))))
              (local.set $j (i32.add (local.get $j) (i32.const 8)))
              (local.set $wk (i32.add (local.get $wk) (i32.const 8)))
              (local.set $x (i32.add (local.get $x) (i32.const 2)))
              (br $pair)))
            ;; an odd row's last cell, the scalar way
            (if (i32.lt_s (local.get $x) (local.get $bw)) (then
              (local.set $top (f64.add (f64.promote_f32 (f32.load (local.get $j)))
                (f64.mul (f64.sub (f64.promote_f32 (f32.load offset=4 (local.get $j))) (f64.promote_f32 (f32.load (local.get $j)))) (local.get $wx))))
              (local.set $j (i32.add (local.get $j) (local.get $rowBytes)))
              (local.set $bottom (f64.add (f64.promote_f32 (f32.load (local.get $j)))
                (f64.mul (f64.sub (f64.promote_f32 (f32.load offset=4 (local.get $j))) (f64.promote_f32 (f32.load (local.get $j)))) (local.get $wx))))
              (f32.store (local.get $wk) (f32.demote_f64 (f64.add (local.get $top) (f64.mul (f64.sub (local.get $bottom) (local.get $top)) (local.get $wy)))))
              (local.set $wk (i32.add (local.get $wk) (i32.const 4)))))
            (local.set $y (i32.add (local.get $y) (i32.const 1)))
            (br $inRow))))
        (else
          ;; Near the image's edge: each sample clamps, one cell at a time.
          (local.set $y (i32.sub (local.get $ya) (i32.const 1)))
          (block $doneWarpRows (loop $warpRow
            (br_if $doneWarpRows (i32.gt_s (local.get $y) (i32.add (local.get $yb) (i32.const 1))))
            (local.set $x (i32.sub (local.get $xa) (i32.const 1)))
            (block $doneWarpCols (loop $warpCol
              (br_if $doneWarpCols (i32.gt_s (local.get $x) (i32.add (local.get $xb) (i32.const 1))))
              (f32.store (local.get $wk) (f32.demote_f64 (call $sample (local.get $ref) (local.get $width) (local.get $height)
                (f64.sub (f64.convert_i32_s (local.get $x)) (local.get $dx))
                (f64.sub (f64.convert_i32_s (local.get $y)) (local.get $dy)))))
              (local.set $wk (i32.add (local.get $wk) (i32.const 4)))
              (local.set $x (i32.add (local.get $x) (i32.const 1)))
              (br $warpCol)))
            (local.set $y (i32.add (local.get $y) (i32.const 1)))
            (br $warpRow)))))
      (local.set $gxx (f64.const 0))
      (local.set $gxy (f64.const 0))
      (local.set $gyy (f64.const 0))
      (local.set $ex (f64.const 0))
      (local.set $ey (f64.const 0))
      (local.set $wrow (i32.shl (local.get $bw) (i32.const 2)))
      (local.set $y (local.get $ya))
      (block $doneRows (loop $row
        (br_if $doneRows (i32.gt_s (local.get $y) (local.get $yb)))
        (local.set $x (local.get $xa))
        (local.set $bi (i32.add (local.get $cur) (i32.shl (i32.add (i32.mul (local.get $y) (local.get $width)) (local.get $x)) (i32.const 2))))
        (local.set $k (i32.add (local.get $warp) (i32.shl
          (i32.add (i32.mul (i32.add (i32.sub (local.get $y) (local.get $ya)) (i32.const 1)) (local.get $bw)) (i32.const 1))
          (i32.const 2))))
        ;; Two cells per step: jx, jy and e lane by lane as the scalar code computes them, the
        ;; products too, then each sum takes cell x's product before cell x+1's, the scalar order.
        (block $donePairs2 (loop $pair2
          (br_if $donePairs2 (i32.ge_s (local.get $x) (local.get $xb)))
          (local.set $vjx (f64x2.mul (v128.const f64x2 0.25 0.25)
            (f64x2.sub
              (f64x2.add
                (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero offset=4 (local.get $k)))
                           (f64x2.promote_low_f32x4 (v128.load64_zero (i32.sub (local.get $k) (i32.const 4)))))
                (f64x2.promote_low_f32x4 (v128.load64_zero offset=4 (local.get $bi))))
              (f64x2.promote_low_f32x4 (v128.load64_zero (i32.sub (local.get $bi) (i32.const 4)))))))
          (local.set $vjy (f64x2.mul (v128.const f64x2 0.25 0.25)
            (f64x2.sub
              (f64x2.add
                (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $k) (local.get $wrow))))
                           (f64x2.promote_low_f32x4 (v128.load64_zero (i32.sub (local.get $k) (local.get $wrow)))))
                (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $bi) (local.get $rowBytes)))))
              (f64x2.promote_low_f32x4 (v128.load64_zero (i32.sub (local.get $bi) (local.get $rowBytes)))))))
          (local.set $ve (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $bi)))
                                    (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $k)))))
          (local.set $vp (f64x2.mul (local.get $vjx) (local.get $vjx)))
          (local.set $gxx (f64.add (f64.add (local.get $gxx) (f64x2.extract_lane 0 (local.get $vp))) (f64x2.extract_lane 1 (local.get $vp))))
          (local.set $vp (f64x2.mul (local.get $vjx) (local.get $vjy)))
          (local.set $gxy (f64.add (f64.add (local.get $gxy) (f64x2.extract_lane 0 (local.get $vp))) (f64x2.extract_lane 1 (local.get $vp))))
          (local.set $vp (f64x2.mul (local.get $vjy) (local.get $vjy)))
          (local.set $gyy (f64.add (f64.add (local.get $gyy) (f64x2.extract_lane 0 (local.get $vp))) (f64x2.extract_lane 1 (local.get $vp))))
          (local.set $vp (f64x2.mul (local.get $vjx) (local.get $ve)))
          (local.set $ex (f64.add (f64.add (local.get $ex) (f64x2.extract_lane 0 (local.get $vp))) (f64x2.extract_lane 1 (local.get $vp))))
          (local.set $vp (f64x2.mul (local.get $vjy) (local.get $ve)))
          (local.set $ey (f64.add (f64.add (local.get $ey) (f64x2.extract_lane 0 (local.get $vp))) (f64x2.extract_lane 1 (local.get $vp))))
          (local.set $x (i32.add (local.get $x) (i32.const 2)))
          (local.set $bi (i32.add (local.get $bi) (i32.const 8)))
          (local.set $k (i32.add (local.get $k) (i32.const 8)))
          (br $pair2)))
        ;; an odd width's last cell, the scalar way
        (if (i32.eq (local.get $x) (local.get $xb)) (then
          ;; jx = 0.25 * (warped[k+1] - warped[k-1] + b[i+1] - b[i-1]), left to right as JavaScript adds
          (local.set $jx (f64.mul (f64.const 0.25)
            (f64.sub
              (f64.add
                (f64.sub (f64.promote_f32 (f32.load offset=4 (local.get $k))) (f64.promote_f32 (f32.load (i32.sub (local.get $k) (i32.const 4)))))
                (f64.promote_f32 (f32.load offset=4 (local.get $bi))))
              (f64.promote_f32 (f32.load (i32.sub (local.get $bi) (i32.const 4)))))))
          (local.set $jy (f64.mul (f64.const 0.25)
            (f64.sub
              (f64.add
                (f64.sub (f64.promote_f32 (f32.load (i32.add (local.get $k) (local.get $wrow))))
                         (f64.promote_f32 (f32.load (i32.sub (local.get $k) (local.get $wrow)))))
                (f64.promote_f32 (f32.load (i32.add (local.get $bi) (local.get $rowBytes)))))
              (f64.promote_f32 (f32.load (i32.sub (local.get $bi) (local.get $rowBytes)))))))
          (local.set $e (f64.sub (f64.promote_f32 (f32.load (local.get $bi))) (f64.promote_f32 (f32.load (local.get $k)))))
          (local.set $gxx (f64.add (local.get $gxx) (f64.mul (local.get $jx) (local.get $jx))))
          (local.set $gxy (f64.add (local.get $gxy) (f64.mul (local.get $jx) (local.get $jy))))
          (local.set $gyy (f64.add (local.get $gyy) (f64.mul (local.get $jy) (local.get $jy))))
          (local.set $ex (f64.add (local.get $ex) (f64.mul (local.get $jx) (local.get $e))))
          (local.set $ey (f64.add (local.get $ey) (f64.mul (local.get $jy) (local.get $e))))))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $row)))
      (local.set $det (f64.sub (f64.mul (local.get $gxx) (local.get $gyy)) (f64.mul (local.get $gxy) (local.get $gxy))))
      (local.set $trace (f64.add (local.get $gxx) (local.get $gyy)))
      (local.set $texture (f64.div (f64.div
        (f64.sub (local.get $trace) (f64.sqrt (f64.max (f64.const 0) (f64.sub (f64.mul (local.get $trace) (local.get $trace)) (f64.mul (f64.const 4) (local.get $det))))))
        (f64.const 2)) (local.get $n)))
      ;; MIN_TEXTURE = 1e-3 (registerFrames.ts)
      (if (i32.or (i32.eqz (f64.gt (local.get $det) (f64.const 1e-9))) (f64.lt (local.get $texture) (f64.const 1e-3))) (then (return (i32.const 0))))
      (local.set $ddx (f64.div (f64.neg (f64.sub (f64.mul (local.get $gyy) (local.get $ex)) (f64.mul (local.get $gxy) (local.get $ey)))) (local.get $det)))
      (local.set $ddy (f64.div (f64.neg (f64.sub (f64.mul (local.get $gxx) (local.get $ey)) (f64.mul (local.get $gxy) (local.get $ex)))) (local.get $det)))
      (local.set $dx (f64.add (local.get $dx) (local.get $ddx)))
      (local.set $dy (f64.add (local.get $dy) (local.get $ddy)))
      ;; MAX_SHIFT_CELLS = 4 (registerFrames.ts)
      (if (i32.or (f64.gt (f64.abs (local.get $dx)) (f64.const 4)) (f64.gt (f64.abs (local.get $dy)) (f64.const 4))) (then (return (i32.const 0))))
      (br_if $done (f64.lt (f64.add (f64.mul (local.get $ddx) (local.get $ddx)) (f64.mul (local.get $ddy) (local.get $ddy))) (f64.const 1e-6)))
      (local.set $it (i32.add (local.get $it) (i32.const 1)))
      (br $iterate)))
    (f64.store (local.get $out) (local.get $dx))
    (f64.store offset=8 (local.get $out) (local.get $dy))
    (f64.store offset=16 (local.get $out) (f64.min (f64.const 1) (local.get $texture)))
    (i32.const 1)))
