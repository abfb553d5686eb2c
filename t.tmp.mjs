import { Resvg } from '@resvg/resvg-js';
import { fontFilePaths } from './dist/viz/render/fonts.js';
const fonts = fontFilePaths();
const opts = { font: { fontFiles: [fonts.regular, fonts.semibold], loadSystemFonts: false, defaultFontFamily: 'Source Sans 3' } };
function time(label, f, n = 10) { f(); const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(label, ((performance.now() - t) / n).toFixed(2), 'ms'); }
const doc = (body) => `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="500" font-family="Source Sans 3">${body}</svg>`;
const many = (n, s, attrs='') => Array.from({length:n}, (_, i) => `<text x="10" y="${i}" font-size="7"${attrs}>${s}</text>`).join('');
time('200 x 1 char', () => new Resvg(doc(many(200, 'a')), opts));
time('200 x 20 chars', () => new Resvg(doc(many(200, 'abcdefghij abcdefghi')), opts));
time('1 x 4000 chars', () => new Resvg(doc(many(1, 'abcdefghij abcdefghi'.repeat(200))), opts));
time('200 x 20 chars, semibold', () => new Resvg(doc(many(200, 'abcdefghij abcdefghi', ' font-weight="600"')), opts));
time('200 x 20 chars, only regular font', () => new Resvg(doc(many(200, 'abcdefghij abcdefghi')), { font: { fontFiles: [fonts.regular], loadSystemFonts: false, defaultFontFamily: 'Source Sans 3' } }));
time('200 x 20 chars, textRendering 0', () => new Resvg(doc(many(200, 'abcdefghij abcdefghi')), {...opts, textRendering: 0}));
time('200 x 20 chars, fontDirs', () => new Resvg(doc(many(200, 'abcdefghij abcdefghi')), { font: { fontDirs: ['viz/fonts'], loadSystemFonts: false, defaultFontFamily: 'Source Sans 3' } }));
