/** The report's stylesheet (system fonts only: nothing is fetched). */
export const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1b1b1b;background:#fafafa}
nav{position:fixed;top:0;left:0;bottom:0;width:230px;overflow:auto;background:#1f2a36;color:#dfe6ee;padding:16px 12px}
nav h1{font-size:15px;margin:0 0 12px;word-break:break-word}
nav h2{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:#9fb0c2;margin:14px 0 4px}
nav a{display:block;color:#dfe6ee;text-decoration:none;padding:2px 6px;border-radius:4px;word-break:break-word}
nav a:hover{background:#31465c}
nav .tk-badge{background:#d55e00;color:#fff;border-radius:8px;padding:0 6px;font-size:11px;margin-left:4px}
main{margin-left:230px;padding:20px 28px;max-width:1400px}
section{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:14px 18px;margin:0 0 18px}
section>h2{margin:0 0 10px;font-size:18px}
h3{font-size:14px;margin:14px 0 6px}
figure{margin:8px 0 16px}
figcaption,.tk-note{color:#555;font-size:12px}
.tk-plot{width:100%}
.tk-static{cursor:pointer;overflow:hidden}
.tk-static svg{width:100%;height:100%;display:block}
.tk-interactive{font-size:12px;margin-left:8px;padding:0 6px}
table{border-collapse:collapse;font-size:12px;margin:4px 0}
th,td{border:1px solid #dde1e5;padding:3px 7px;text-align:left;vertical-align:top}
td.tk-num{text-align:right;font-variant-numeric:tabular-nums}
th{background:#f1f3f5}
.tk-table{overflow:auto;max-width:100%}
.tk-csv{font-size:12px;margin-left:8px}
.tk-warnings li{margin:2px 0}
.tk-warnings code{background:#fff3e6;padding:0 4px;border-radius:3px}
dl.tk-kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;font-size:12px}
dl.tk-kv dt{font-weight:600}
dl.tk-kv dd{margin:0;word-break:break-all}
img.tk-image{border:1px solid #ccc;max-width:100%;height:auto;image-rendering:pixelated}
`;
