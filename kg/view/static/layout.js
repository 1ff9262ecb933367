/* A fast force layout for large graphs (inlined before view.js, in the same script element).
 *
 * vis-network's physics is precise but costs tens of milliseconds per iteration at thousands of nodes,
 * so a 2,000-leader graph would take many seconds to settle. This is Fruchterman-Reingold on typed
 * arrays, with Barnes-Hut repulsion (a quadtree: far groups of nodes push as one) and a weak gravity
 * that keeps disconnected parts on screen. It runs a fixed number of iterations with a falling
 * temperature, so it always stops; the page then draws with physics off.
 */
window.kgLayout = (function () {
  "use strict";
  var K = 60;          // ideal edge length, in canvas units
  var THETA2 = 1.44;   // Barnes-Hut opening criterion (theta = 1.2), squared: coarse is enough for a layout
  var MAX_DEPTH = 40;  // nodes closer than this resolution share a leaf

  /* Quadtree in flat arrays; cell 0 is the root, children are allocated on demand. */
  function Tree(n) {
    var cap = 4 * n + 64;
    this.child = new Int32Array(cap * 4);
    this.body = new Int32Array(cap);      // leaf: node index; -1 empty; -2 internal
    this.mass = new Float64Array(cap);
    this.mx = new Float64Array(cap);      // mass-weighted sums, then centres of mass
    this.my = new Float64Array(cap);
    this.cx = new Float64Array(cap);
    this.cy = new Float64Array(cap);
    this.half = new Float64Array(cap);
    this.parent = new Int32Array(cap);
    this.cap = cap;
    this.count = 0;
  }
  Tree.prototype.cell = function (cx, cy, half, parent) {
    if (this.count === this.cap) { return -1; }
    var c = this.count++;
    this.child.fill(-1, 4 * c, 4 * c + 4);
    this.body[c] = -1;
    this.mass[c] = 0;
    this.mx[c] = this.my[c] = 0;
    this.cx[c] = cx;
    this.cy[c] = cy;
    this.half[c] = half;
    this.parent[c] = parent;
    return c;
  };
  Tree.prototype.quadrant = function (c, px, py) {
    var q = (px >= this.cx[c] ? 1 : 0) + (py >= this.cy[c] ? 2 : 0);
    var k = this.child[4 * c + q];
    if (k < 0) {
      var h = this.half[c] / 2;
      k = this.cell(this.cx[c] + (q & 1 ? h : -h), this.cy[c] + (q & 2 ? h : -h), h, c);
      if (k < 0) { return c; }
      this.child[4 * c + q] = k;
    }
    return k;
  };
  Tree.prototype.build = function (n, x, y) {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, i;
    for (i = 0; i < n; i++) {
      minX = Math.min(minX, x[i]); maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, y[i]); maxY = Math.max(maxY, y[i]);
    }
    this.count = 0;
    this.cell((minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY) / 2 + 1, -1);
    for (i = 0; i < n; i++) {
      var c = 0, depth = 0;
      for (;;) {
        if (this.body[c] === -1) { this.body[c] = i; break; }
        if (this.body[c] >= 0) {
          if (depth >= MAX_DEPTH) { break; }      // (almost) the same point: share the leaf
          var old = this.body[c];
          this.body[c] = -2;
          var k = this.quadrant(c, x[old], y[old]);
          if (k === c) { this.body[c] = old; break; }
          this.body[k] = old;
          this.mass[k] += 1;
          this.mx[k] += x[old];
          this.my[k] += y[old];
        }
        c = this.quadrant(c, x[i], y[i]);
        depth++;
        if (this.body[c] === -2 && depth >= MAX_DEPTH) { break; }
      }
      this.mass[c] += 1;
      this.mx[c] += x[i];
      this.my[c] += y[i];
    }
    // Children come after their parent: one backward pass sums masses up the tree.
    for (i = this.count - 1; i > 0; i--) {
      var p = this.parent[i];
      this.mass[p] += this.mass[i];
      this.mx[p] += this.mx[i];
      this.my[p] += this.my[i];
    }
    for (i = 0; i < this.count; i++) {
      if (this.mass[i] > 0) { this.mx[i] /= this.mass[i]; this.my[i] /= this.mass[i]; }
    }
  };

  return function (n, from, to, weight, iterations, seed) {
    var x = new Float64Array(n), y = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n);
    var s = seed >>> 0 || 1;
    function rand() { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; }
    var radius = Math.sqrt(n) * K;       // start spread over about the area the result fills
    for (var i = 0; i < n; i++) {
      var r = radius * Math.sqrt(rand()), a = 2 * Math.PI * rand();
      x[i] = r * Math.cos(a);
      y[i] = r * Math.sin(a);
    }
    var tree = new Tree(n), stack = new Int32Array(4 * MAX_DEPTH + 8), t0 = radius / 6, gravity = 3;
    for (var it = 0; it < iterations; it++) {
      var temp = t0 * (1 - it / iterations) + 1;
      dx.fill(0);
      dy.fill(0);
      tree.build(n, x, y);
      for (i = 0; i < n; i++) {
        var top = 0;
        stack[top++] = 0;
        while (top) {
          var c = stack[--top];
          var m = tree.mass[c];
          if (m === 0 || (tree.body[c] === i && m === 1)) { continue; }
          var ex = x[i] - tree.mx[c], ey = y[i] - tree.my[c], d2 = ex * ex + ey * ey;
          var w = 2 * tree.half[c];
          if (tree.body[c] >= 0 || w * w < THETA2 * d2) {
            if (d2 < 0.01) { ex = rand() - 0.5; ey = rand() - 0.5; d2 = 0.25; }
            var f = m * K * K / d2;         // k²/d per unit mass, over d once more for the unit vector
            dx[i] += ex * f;
            dy[i] += ey * f;
          } else {
            for (var q = 0; q < 4; q++) {
              var k = tree.child[4 * c + q];
              if (k >= 0) { stack[top++] = k; }
            }
          }
        }
      }
      for (var e = 0; e < from.length; e++) {
        var u = from[e], v = to[e];
        var fx = x[u] - x[v], fy = y[u] - y[v], d = Math.sqrt(fx * fx + fy * fy) + 0.01;
        var fa = d / K * weight[e];         // d²/k, over d for the unit vector
        dx[u] -= fx * fa; dy[u] -= fy * fa;
        dx[v] += fx * fa; dy[v] += fy * fa;
      }
      for (i = 0; i < n; i++) {
        dx[i] -= x[i] * gravity;
        dy[i] -= y[i] * gravity;
        var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (len > 0) {
          var step = Math.min(len, temp) / len;
          x[i] += dx[i] * step;
          y[i] += dy[i] * step;
        }
      }
    }
    return {x: x, y: y};
  };
})();
