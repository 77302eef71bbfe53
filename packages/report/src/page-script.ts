/**
 * The report's in-page script (plain ES2017, runs after the inlined plotly bundle): draws every figure
 * from the embedded JSON with Plotly, except static figures (SVG pictures), which it turns into their
 * Plotly figure when clicked, adds the PNG/SVG export buttons, and turns every table's CSV link
 * into a blob: URL built from the table data. It never writes HTML from data (no innerHTML).
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('tk-data').textContent);
  var svgIcon = { width: 1000, height: 1000, path: 'M100 150h800v700h-800z M180 700l200-250 150 180 120-140 170 210z', transform: 'matrix(1 0 0 -1 0 1000)' };
  function csvCell(v) {
    if (v === null || v === undefined) { return ''; }
    var s = typeof v === 'number' ? String(v) : String(v);
    // Spreadsheet formula injection: text starting with = + - @ is prefixed with a quote.
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCsv(table) {
    var lines = [table.header.map(csvCell).join(',')];
    for (var i = 0; i < table.rows.length; i++) { lines.push(table.rows[i].map(csvCell).join(',')); }
    return lines.join('\r\n') + '\r\n';
  }
  var links = document.querySelectorAll('a[data-tk-csv]');
  for (var i = 0; i < links.length; i++) {
    var t = data.tables[links[i].getAttribute('data-tk-csv')];
    links[i].href = URL.createObjectURL(new Blob([toCsv(t)], { type: 'text/csv;charset=utf-8' }));
  }
  // Plots in the first screen are drawn first, then the others in document order. Every plot is
  // drawn eagerly (printing and exports need no scrolling). The page yields to the browser (a task
  // boundary, so it can paint and take input) once the first screen's plots are drawn, and then
  // whenever plots have been drawn for more than CHUNK_MS in one go: never between every plot, as each
  // yield costs a style, layout and paint pass of the whole page (about 15 ms with the static flow
  // figures). data-tk-first-view (and the performance mark tk-first-view) says the first screen is
  // drawn, data-tk-rendered (mark tk-rendered) every plot.
  var CHUNK_MS = 150;
  var all = document.querySelectorAll('div[data-tk-figure]:not([data-tk-static])');
  var firstView = [];
  var later = [];
  for (var p = 0; p < all.length; p++) {
    (all[p].getBoundingClientRect().top < window.innerHeight ? firstView : later).push(all[p]);
  }
  var plots = firstView.concat(later);
  var index = 0;
  var chunkStart = performance.now();
  function next() {
    var yieldNow = performance.now() - chunkStart > CHUNK_MS;
    if (index === firstView.length) {
      document.body.setAttribute('data-tk-first-view', String(firstView.length));
      performance.mark('tk-first-view');
      yieldNow = yieldNow || firstView.length > 0;
    }
    if (index >= plots.length) {
      document.body.setAttribute('data-tk-rendered', String(plots.length));
      performance.mark('tk-rendered');
      return;
    }
    if (yieldNow) {
      setTimeout(function () { chunkStart = performance.now(); draw(); }, 0);
    } else {
      draw();
    }
  }
  function config(name) {
    return {
      displaylogo: false,
      // One debounced resize handler for all plots (below) instead of Plotly's per-plot
      // 'responsive' listeners: about 15 % faster to draw 30 plots.
      responsive: false,
      toImageButtonOptions: { format: 'png', filename: name, scale: 2 },
      modeBarButtonsToAdd: [{
        name: 'downloadSvg',
        title: 'Download plot as SVG',
        icon: svgIcon,
        click: function (gd) { Plotly.downloadImage(gd, { format: 'svg', filename: gd.getAttribute('data-tk-filename') }); }
      }]
    };
  }
  function plot(el) {
    var fig = data.figures[el.getAttribute('data-tk-figure')];
    return Plotly.newPlot(el, fig.data, fig.layout, config(el.getAttribute('data-tk-filename'))).then(null, function (e) {
      el.setAttribute('data-tk-error', String(e && e.message));
    });
  }
  function draw() {
    plot(plots[index++]).then(next);
  }
  // Static figures (SVG pictures built with the report) become the Plotly figure, in place, when
  // clicked or when their "Make interactive" button is pressed (a button: keyboard accessible).
  function upgrade(el) {
    if (!el || !el.hasAttribute('data-tk-static')) { return; }
    el.removeAttribute('data-tk-static');
    el.classList.remove('tk-static');
    el.removeAttribute('title');
    svgFile(el.getAttribute('data-tk-figure'));
    // The density images are embedded once, in the picture: give them back to the Plotly layout.
    var images = data.figures[el.getAttribute('data-tk-figure')].layout.images;
    var svgImages = el.querySelectorAll('svg image[data-tk-image]');
    for (var n = 0; n < svgImages.length; n++) {
      var target = images && images[Number(svgImages[n].getAttribute('data-tk-image'))];
      if (target) { target.source = svgImages[n].getAttribute('href'); }
    }
    while (el.firstChild) { el.removeChild(el.firstChild); }
    var button = document.querySelector('button[data-tk-upgrade="' + el.getAttribute('data-tk-figure') + '"]');
    if (button) { button.disabled = true; }
    var id = el.getAttribute('data-tk-figure');
    performance.mark('tk-upgrade-start:' + id);
    plot(el).then(function () {
      el.setAttribute('data-tk-interactive', '');
      performance.mark('tk-upgraded:' + id);
    });
  }
  var statics = document.querySelectorAll('div[data-tk-static]');
  for (var s = 0; s < statics.length; s++) {
    statics[s].addEventListener('click', function (ev) { upgrade(ev.currentTarget); });
  }
  var buttons = document.querySelectorAll('button[data-tk-upgrade]');
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].addEventListener('click', function (ev) {
      upgrade(document.querySelector('div[data-tk-figure="' + ev.currentTarget.getAttribute('data-tk-upgrade') + '"]'));
    });
  }
  // A static figure's SVG link: the picture as a file, serialised when first clicked (the download
  // reads the href after the click handlers ran), and kept after the figure is made interactive.
  var svgFiles = {};
  var svgLinks = document.querySelectorAll('a[data-tk-svg]');
  for (var v = 0; v < svgLinks.length; v++) {
    svgLinks[v].addEventListener('click', function (ev) {
      var a = ev.currentTarget;
      var url = svgFile(a.getAttribute('data-tk-svg'));
      if (url) { a.href = url; } else { ev.preventDefault(); }
    });
  }
  // Its PNG link: the picture drawn at twice its size on a canvas when first clicked (asynchronous:
  // the first click waits for the image, then the link is clicked again with the PNG's blob: URL).
  var pngFiles = {};
  var pngLinks = document.querySelectorAll('a[data-tk-png]');
  for (var q = 0; q < pngLinks.length; q++) {
    pngLinks[q].addEventListener('click', function (ev) {
      var a = ev.currentTarget;
      var id = a.getAttribute('data-tk-png');
      if (pngFiles[id]) { a.href = pngFiles[id]; return; }
      ev.preventDefault();
      pngFile(id, function (url) {
        if (url) { pngFiles[id] = url; a.href = url; a.click(); }
      });
    });
  }
  function pngFile(id, done) {
    var src = svgFile(id);
    if (!src) { done(null); return; }
    var img = new Image();
    img.onload = function () {
      var w = img.naturalWidth || 1100;
      var h = img.naturalHeight || 360;
      var canvas = document.createElement('canvas');
      canvas.width = 2 * w;
      canvas.height = 2 * h;
      var ctx = canvas.getContext('2d');
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, w, h);
      canvas.toBlob(function (blob) { done(blob ? URL.createObjectURL(blob) : null); }, 'image/png');
    };
    img.onerror = function () { done(null); };
    img.src = src;
  }
  function svgFile(id) {
    if (!svgFiles[id]) {
      var svg = document.querySelector('div[data-tk-figure="' + id + '"] svg.tk-static-svg');
      if (svg) {
        svgFiles[id] = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
      }
    }
    return svgFiles[id];
  }
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      var drawn = document.querySelectorAll('div[data-tk-figure].js-plotly-plot');
      for (var k = 0; k < drawn.length; k++) { Plotly.Plots.resize(drawn[k]); }
    }, 150);
  });
  next();
})();
`;
