import { Resvg } from '@resvg/resvg-js';
function time(label, f, n = 10) { f(); const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(label, ((performance.now() - t) / n).toFixed(2), 'ms'); }
const doc = (fam, body) => `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="500" font-family="${fam}">${body}</svg>`;
const many = (n, s) => Array.from({length:n}, (_, i) => `<text x="10" y="${i}" font-size="7">${s}</text>`).join('');
for (const [fam, file] of [['DejaVu Sans', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'], ['DejaVu Sans Mono', '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Oblique.ttf'], ['Source Sans 3', 'viz/fonts/SourceSans3-Regular.ttf']]) {
  time(fam, () => new Resvg(doc(fam, many(200, 'abcdefghij abcdefghi')), { font: { fontFiles: [file], loadSystemFonts: false, defaultFontFamily: fam } }));
}
