;; measureResidualEnergy (measureResidualEnergy.ts) in WebAssembly SIMD: both frames moved
;; half-way along the smooth field (warpHalfway), then mean |difference| per block and the raw mean
;; |difference|, in one pass. The reference and the frame are sampled together, one per f64 lane
;; (lane 0 the reference at p - d/2, lane 1 the frame at p + d/2). The same operations in the same
;; order as the typed-array path: f64 arithmetic on f32 loads (per lane, IEEE like the scalar code),
;; each warped cell rounded to f32 (its Float32Array scratch does) and each block's running sum
;; rounded to f32 after every add (its Float32Array energy does), so the energies agree bit for bit.
;; The clamp `s < 0 ? 0 : s > max ? max : s` is pmax then pmin, which are defined as exactly those
;; comparisons. Memory (byte offsets): the reference cells (f32) at 0 and the frame's at 4n
;; (n = w x h), the block energies (f32) at $energy, per row the field's polynomial along it
;; (x0, x1, x2, y0, y1, y2 as f64; fieldAlongRow) at $rows, and per column u = (x - cx) / hx (f64,
;; written here) at $cols: the table and a running block pointer replace two divisions per cell.
;; Returns the sum of |cur - ref| over all cells (f64), the typed-array path's rawSum.
(module
  (memory (export "memory") 1)
  (func (export "warpResidual")
    (param $w i32) (param $h i32) (param $bc i32) (param $gridCols i32) (param $blocks i32)
    (param $energy i32) (param $rows i32) (param $cols i32) (param $still i32)
    (param $cx f64) (param $hx f64) (param $perBlock f64) (result f64)
    (local $n4 i32) (local $rowBytes i32) (local $x i32) (local $y i32) (local $i i32) (local $e i32) (local $left i32)
    (local $p i32) (local $at i32) (local $end i32)
    (local $xf f64) (local $yf f64) (local $raw f64) (local $a f64) (local $c f64) (local $r f32) (local $q f32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $u v128) (local $d v128)
    (local $sx v128) (local $sy v128) (local $ix v128) (local $iy v128) (local $fx v128) (local $fy v128)
    (local $j v128) (local $left0 v128) (local $base v128) (local $lo v128) (local $hi v128) (local $top v128) (local $bottom v128) (local $out v128)
    (local $maxX v128) (local $maxY v128)
    (local.set $n4 (i32.shl (i32.mul (local.get $w) (local.get $h)) (i32.const 2)))
    (local.set $rowBytes (i32.shl (local.get $w) (i32.const 2)))
    (local.set $maxX (f64x2.splat (f64.sub (f64.convert_i32_s (local.get $w)) (f64.const 1.001))))
    (local.set $maxY (f64x2.splat (f64.sub (f64.convert_i32_s (local.get $h)) (f64.const 1.001))))
    ;; where each lane's image starts: the reference at 0, the frame at 4n
    (local.set $base (i32x4.replace_lane 1 (i32x4.splat (i32.const 0)) (local.get $n4)))
    ;; energy.fill(0)
    (local.set $end (i32.add (local.get $energy) (i32.shl (local.get $blocks) (i32.const 2))))
    (local.set $e (local.get $energy))
    (block $cleared (loop $clear
      (br_if $cleared (i32.ge_u (local.get $e) (local.get $end)))
      (f32.store (local.get $e) (f32.const 0))
      (local.set $e (i32.add (local.get $e) (i32.const 4)))
      (br $clear)))
    ;; u per column, the typed-array path's (x - f.cx) / f.hx
    (local.set $x (i32.const 0))
    (block $colsSet (loop $setCol
      (br_if $colsSet (i32.ge_s (local.get $x) (local.get $w)))
      (f64.store (i32.add (local.get $cols) (i32.shl (local.get $x) (i32.const 3)))
        (f64.div (f64.sub (f64.convert_i32_s (local.get $x)) (local.get $cx)) (local.get $hx)))
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (br $setCol)))
    (local.set $y (i32.const 0))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_s (local.get $y) (local.get $h)))
      (local.set $yf (f64.convert_i32_s (local.get $y)))
      ;; the row's first block, energy[((y / bc) | 0) * gridCols]; it moves on every bc cells
      (local.set $e (i32.add (local.get $energy)
        (i32.shl (i32.mul (i32.div_u (local.get $y) (local.get $bc)) (local.get $gridCols)) (i32.const 2))))
      (local.set $left (local.get $bc))
      ;; [x0, y0], [x1, y1], [x2, y2]: both components' polynomials along the row, one per lane
      (local.set $p (i32.add (local.get $rows) (i32.mul (local.get $y) (i32.const 48))))
      (local.set $c0 (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $p))) (f64.load offset=24 (local.get $p))))
      (local.set $c1 (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=8 (local.get $p))) (f64.load offset=32 (local.get $p))))
      (local.set $c2 (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=16 (local.get $p))) (f64.load offset=40 (local.get $p))))
      (local.set $x (i32.const 0))
      (block $colsDone (loop $col
        (br_if $colsDone (i32.ge_s (local.get $x) (local.get $w)))
        ;; byte offset of cell i in the reference
        (local.set $i (i32.shl (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)) (i32.const 2)))
        (local.set $r (f32.load (local.get $i)))
        (local.set $q (f32.load (i32.add (local.get $i) (local.get $n4))))
        (if (local.get $still)
          (then
            (local.set $a (f64.promote_f32 (local.get $r)))
            (local.set $c (f64.promote_f32 (local.get $q))))
          (else
            (local.set $xf (f64.convert_i32_s (local.get $x)))
            (local.set $u (f64x2.splat (f64.load (i32.add (local.get $cols) (i32.shl (local.get $x) (i32.const 3))))))
            ;; [dx, dy] = 0.5 (c0 + u (c1 + u c2))
            (local.set $d (f64x2.mul (v128.const f64x2 0.5 0.5)
              (f64x2.add (local.get $c0) (f64x2.mul (local.get $u) (f64x2.add (local.get $c1) (f64x2.mul (local.get $u) (local.get $c2)))))))
            ;; [x - dx, x + dx] and [y - dy, y + dy] (adding -d is subtracting d, exactly), clamped
            (local.set $sx (f64x2.add (f64x2.splat (local.get $xf))
              (f64x2.mul (f64x2.splat (f64x2.extract_lane 0 (local.get $d))) (v128.const f64x2 -1 1))))
            (local.set $sy (f64x2.add (f64x2.splat (local.get $yf))
              (f64x2.mul (f64x2.splat (f64x2.extract_lane 1 (local.get $d))) (v128.const f64x2 -1 1))))
            (local.set $sx (f64x2.pmin (f64x2.pmax (local.get $sx) (v128.const f64x2 0 0)) (local.get $maxX)))
            (local.set $sy (f64x2.pmin (f64x2.pmax (local.get $sy) (v128.const f64x2 0 0)) (local.get $maxY)))
            (local.set $ix (f64x2.floor (local.get $sx)))
            (local.set $iy (f64x2.floor (local.get $sy)))
            (local.set $fx (f64x2.sub (local.get $sx) (local.get $ix)))
            (local.set $fy (f64x2.sub (local.get $sy) (local.get $iy)))
            ;; byte offsets of (ix, iy) in each lane's image
            (local.set $j (i32x4.add (local.get $base) (i32x4.shl (i32x4.add
              (i32x4.mul (i32x4.trunc_sat_f64x2_s_zero (local.get $iy)) (i32x4.splat (local.get $w)))
              (i32x4.trunc_sat_f64x2_s_zero (local.get $ix))) (i32.const 2))))
            ;; top row: each image's two neighbours, regrouped as [ref, cur] left and right
            (local.set $at (i32x4.extract_lane 0 (local.get $j)))
            (local.set $lo (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $at))))
            (local.set $at (i32x4.extract_lane 1 (local.get $j)))
            (local.set $hi (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $at))))
            (local.set $left0 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $lo) (local.get $hi)))
            (local.set $top (f64x2.add (local.get $left0) (f64x2.mul (f64x2.sub
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $lo) (local.get $hi))
              (local.get $left0)) (local.get $fx))))
            ;; bottom row
            (local.set $at (i32.add (i32x4.extract_lane 0 (local.get $j)) (local.get $rowBytes)))
            (local.set $lo (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $at))))
            (local.set $at (i32.add (i32x4.extract_lane 1 (local.get $j)) (local.get $rowBytes)))
            (local.set $hi (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $at))))
            (local.set $left0 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $lo) (local.get $hi)))
            (local.set $bottom (f64x2.add (local.get $left0) (f64x2.mul (f64x2.sub
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $lo) (local.get $hi))
              (local.get $left0)) (local.get $fx))))
            ;; top + (bottom - top) fy, rounded to f32 as the scratch stores it, and back to f64
            (local.set $out (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
              (f64x2.add (local.get $top) (f64x2.mul (f64x2.sub (local.get $bottom) (local.get $top)) (local.get $fy))))))
            (local.set $a (f64x2.extract_lane 0 (local.get $out)))
            (local.set $c (f64x2.extract_lane 1 (local.get $out)))))
        ;; energy[brow + x / bc] += |aligned cur - aligned ref|, rounded to f32
        (f32.store (local.get $e) (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (local.get $e)))
          (f64.abs (f64.sub (local.get $c) (local.get $a))))))
        (local.set $raw (f64.add (local.get $raw)
          (f64.abs (f64.sub (f64.promote_f32 (local.get $q)) (f64.promote_f32 (local.get $r))))))
        (local.set $left (i32.sub (local.get $left) (i32.const 1)))
        (if (i32.eqz (local.get $left)) (then
          (local.set $e (i32.add (local.get $e) (i32.const 4)))
          (local.set $left (local.get $bc))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $col)))
      (local.set $y (i32.add (local.get $y) (i32.const 1)))
      (br $row)))
    ;; energy[b] *= 1 / (bc * bc)
    (local.set $e (local.get $energy))
    (block $scaled (loop $scale
      (br_if $scaled (i32.ge_u (local.get $e) (local.get $end)))
      (f32.store (local.get $e) (f32.demote_f64 (f64.mul (f64.promote_f32 (f32.load (local.get $e))) (local.get $perBlock))))
      (local.set $e (i32.add (local.get $e) (i32.const 4)))
      (br $scale)))
    (local.get $raw))
)
