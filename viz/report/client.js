// The script of a metabolis report, inlined into the page (viz/report/page.ts). Plain browser
// JavaScript, no library: it reads the data the page carries (#report-data), redraws the Sankey
// diagram for the year and scenario picked, fills the table view and writes downloads. It makes
// no request: the page's Content-Security-Policy allows none.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);

  /** A Float64Array written by the report as base64 (little-endian, as every browser's). */
  function decode(base64) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Float64Array(bytes.buffer);
  }

  // Numbers as the figures print them (viz/figure/quantity.ts): three significant digits,
  // thousands grouped, a true minus sign, tonnes moved to kt, Mt, Gt.
  const MINUS = '\u2212';
  const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const PREFIXES = { t: [[1e9, 'Gt'], [1e6, 'Mt'], [1e3, 'kt']], kg: [[1e9, 'Mt'], [1e6, 'kt'], [1e3, 't']] };
  const groupThousands = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  function formatNumber(value) {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : `${MINUS}∞`;
    if (value === 0) return '0';
    const sign = value < 0 ? MINUS : '';
    const magnitude = Number(Math.abs(value).toPrecision(3));
    const exponent = Math.floor(Math.log10(magnitude));
    if (exponent < -3 || exponent > 15) {
      const mantissa = Number((magnitude / 10 ** exponent).toPrecision(3));
      const power = (exponent < 0 ? '⁻' : '') + String(Math.abs(exponent)).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
      return `${sign}${mantissa}×10${power}`;
    }
    const [integerPart, fraction] = magnitude.toFixed(Math.max(0, 2 - exponent)).split('.');
    const trimmed = fraction ? fraction.replace(/0+$/, '') : '';
    return `${sign}${groupThousands(integerPart)}${trimmed ? `.${trimmed}` : ''}`;
  }

  function formatQuantity(value, unit, suffix = '') {
    const slash = unit.indexOf('/');
    const [mass, ...qualifier] = (slash < 0 ? unit : unit.slice(0, slash)).split(' ');
    const rest = (qualifier.length > 0 ? ` ${qualifier.join(' ')}` : '') + (slash < 0 ? '' : unit.slice(slash));
    const rounded = Number(Math.abs(value).toPrecision(3));
    const [factor, prefixed] = (PREFIXES[mass] || []).find(([threshold]) => rounded >= threshold) || [1, mass];
    return `${formatNumber(value / factor)} ${prefixed + rest}${suffix}`;
  }

  const signed = (value, unit, suffix) => `${value > 0 ? '+' : ''}${formatQuantity(value, unit, suffix)}`;

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function cell(row, tag, content, className) {
    const element = document.createElement(tag);
    element.textContent = content;
    if (className) element.className = className;
    row.append(element);
    return element;
  }

  // The Sankey diagram: one layout (the envelope of every year and run); a frame sets widths.
  function setupSankey(sankey) {
    const section = document.getElementById('sankey');
    const svg = section.querySelector('svg');
    const frames = sankey.values.map(decode);
    const stocks = new Map(sankey.stocks.map((stock) => [stock.process, stock]));
    const bands = Array.from(svg.querySelectorAll('[data-flow], [data-stock]'), (element) => {
      const item = element.hasAttribute('data-item') ? Number(element.dataset.item) : 0;
      if (element.hasAttribute('data-flow')) {
        const flow = sankey.flows[Number(element.dataset.flow)];
        return { element, flow, item: flow.split ? sankey.items[item] : undefined, slot: flow.slot + item, sign: 0 };
      }
      const stock = stocks.get(element.dataset.stock);
      return { element, stock, item: stock.split ? sankey.items[item] : undefined, slot: stock.slot + item, sign: element.dataset.side === 'addition' ? 1 : -1 };
    });
    const slider = document.getElementById('sankey-year');
    const yearOutput = document.getElementById('sankey-year-value');
    const radios = Array.from(section.querySelectorAll('input[name="sankey-scenario"]'));
    const subtitle = svg.querySelector('[data-subtitle]');
    const picture = document.getElementById('sankey-picture');
    const caption = document.getElementById('sankey-state');
    const rate = `${sankey.unit}/yr`;
    const state = { run: 0, t: sankey.years.indexOf(Number(slider.value)) };

    const body = document.querySelector('#sankey-values tbody');
    const rows = [
      ...sankey.flows.map((flow) => {
        const row = body.insertRow();
        cell(row, 'th', flow.name).scope = 'row';
        cell(row, 'td', flow.from);
        cell(row, 'td', flow.to);
        return { flow, value: cell(row, 'td', '', 'num') };
      }),
      ...sankey.stocks.map((stock) => {
        const row = body.insertRow();
        cell(row, 'th', `${stock.name} (stock)`).scope = 'row';
        const change = cell(row, 'td', '');
        cell(row, 'td', '');
        return { stock, change, value: cell(row, 'td', '', 'num') };
      }),
    ];

    const slotCount = (entry) => (entry.split ? sankey.items.length : 1);
    function total(entry) {
      const frame = frames[state.run];
      const row = state.t * sankey.slots + entry.slot;
      let sum = 0;
      for (let k = 0; k < slotCount(entry); k++) sum += frame[row + k];
      return sum;
    }

    function draw() {
      const frame = frames[state.run];
      const row = state.t * sankey.slots;
      for (const band of bands) {
        const value = frame[row + band.slot];
        band.value = band.sign === 0 ? value : Math.max(band.sign * value, 0);
        band.element.dataset.value = String(band.value);
        if (band.value > 0) {
          band.element.setAttribute('stroke-width', String(Math.max(band.value * sankey.pointsPerUnit, sankey.minWidth)));
          band.element.removeAttribute('visibility');
        } else {
          band.element.setAttribute('visibility', 'hidden');
        }
      }
      const year = sankey.years[state.t];
      const scenario = sankey.scenarios[state.run];
      const stated = `${year} · scenario ${scenario} · flows in ${rate}`;
      if (subtitle) subtitle.textContent = stated;
      caption.textContent = stated;
      yearOutput.textContent = String(year);
      const largest = [];
      for (const entry of rows) {
        if (entry.flow) {
          const value = total(entry.flow);
          entry.value.textContent = formatQuantity(value, sankey.unit, '/yr');
          largest.push([value, entry.flow.name]);
        } else {
          entry.change.textContent = `net change ${signed(total(entry.stock), sankey.unit, '/yr')}`;
          entry.value.textContent = `level ${formatQuantity(frames[state.run][row + entry.stock.levelSlot], sankey.unit)}`;
        }
      }
      largest.sort((a, b) => b[0] - a[0]);
      const named = largest.slice(0, 3).map(([value, name]) => `${name} ${formatQuantity(value, sankey.unit, '/yr')}`);
      picture.setAttribute('aria-label', `Sankey diagram of ${data.title}, ${year}, scenario ${scenario}: ${sankey.flows.length} flows; the largest: ${named.join('; ')}. The table below lists every value.`);
    }

    slider.addEventListener('input', () => {
      state.t = sankey.years.indexOf(Number(slider.value));
      draw();
    });
    for (const radio of radios) {
      radio.addEventListener('change', () => {
        state.run = Number(radio.value);
        draw();
      });
    }

    const play = document.getElementById('sankey-play');
    let timer;
    function stop() {
      clearInterval(timer);
      timer = undefined;
      play.textContent = 'Play';
    }
    play.addEventListener('click', () => {
      if (timer !== undefined) return stop();
      if (state.t === sankey.years.length - 1) state.t = -1;
      play.textContent = 'Pause';
      timer = setInterval(() => {
        state.t++;
        slider.value = String(sankey.years[state.t]);
        draw();
        if (state.t === sankey.years.length - 1) stop();
      }, 500);
    });

    const tooltip = document.getElementById('sankey-tooltip');
    const bandOf = new Map(bands.map((band) => [band.element, band]));
    let hovered;
    function hover(band) {
      if (hovered) hovered.element.classList.remove('hovered');
      hovered = band;
      if (band) band.element.classList.add('hovered');
      tooltip.hidden = !band;
    }
    svg.addEventListener('pointermove', (event) => {
      const band = bandOf.get(event.target);
      hover(band);
      if (!band) return;
      const lines = [];
      const item = band.item === undefined ? '' : `${band.item}: `;
      if (band.flow) {
        lines.push(band.flow.name, `${band.flow.from} → ${band.flow.to}`, `${item}${formatQuantity(band.value, sankey.unit, '/yr')}`);
        if (band.item !== undefined) lines.push(`all items: ${formatQuantity(total(band.flow), sankey.unit, '/yr')}`);
      } else {
        lines.push(band.stock.name, `${band.sign > 0 ? 'added' : 'released'}, ${item}${formatQuantity(band.value, sankey.unit, '/yr')}`);
        lines.push(`net change ${signed(total(band.stock), sankey.unit, '/yr')}`);
      }
      tooltip.textContent = lines.join('\n');
      const box = section.getBoundingClientRect();
      tooltip.style.left = `${event.clientX - box.left + 12}px`;
      tooltip.style.top = `${event.clientY - box.top + 12}px`;
    });
    svg.addEventListener('pointerleave', () => hover(undefined));

    draw();
  }

  // The table view: one series of one run at a time, and the tidy CSV of `metabolis run`.
  function setupTable(table) {
    const values = table.values.map(decode);
    const runSelect = document.getElementById('table-run');
    const seriesSelect = document.getElementById('table-series');
    const view = document.getElementById('table-view');
    const kinds = [];
    table.series.forEach((series, s) => {
      let group = kinds.find((entry) => entry.label === series.kind);
      if (!group) {
        group = document.createElement('optgroup');
        group.label = series.kind;
        kinds.push(group);
        seriesSelect.append(group);
      }
      group.append(new Option(`${series.id} (${series.unit})`, String(s)));
    });
    table.runs.forEach((name, r) => runSelect.append(new Option(name, String(r))));

    /** Item labels of a series, row-major over its dimensions as the tidy table lists them. */
    function itemLabels(series) {
      let labels = [[]];
      for (const d of series.dims) labels = labels.flatMap((prefix) => table.dimensions[d].items.map((item) => [...prefix, item]));
      return labels;
    }

    function render() {
      const series = table.series[Number(seriesSelect.value)];
      const run = values[Number(runSelect.value)];
      const labels = itemLabels(series);
      const element = document.createElement('table');
      element.createCaption().textContent = `${series.kind} ${series.id}, ${table.runs[Number(runSelect.value)]}, in ${series.unit} (three significant digits; the CSV has every digit)`;
      const head = element.createTHead().insertRow();
      cell(head, 'th', 'year').scope = 'col';
      for (const label of labels) cell(head, 'th', label.length > 0 ? label.join(' · ') : 'value', 'num').scope = 'col';
      const body = element.createTBody();
      table.years.forEach((year, t) => {
        const row = body.insertRow();
        cell(row, 'th', String(year)).scope = 'row';
        for (let k = 0; k < series.size; k++) cell(row, 'td', formatNumber(run[series.offset + t * series.size + k]), 'num');
      });
      view.replaceChildren(element);
    }
    runSelect.addEventListener('change', render);
    seriesSelect.addEventListener('change', render);
    render();

    const csvCell = (value) => {
      if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
      return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    };
    /** The tidy table of the runs given, as results.csv writes it; a scenario column first when there are several. */
    function tidyCsv(runs) {
      const withRun = runs.length > 1;
      const names = table.dimensions.map((dimension) => dimension.name);
      const lines = [[...(withRun ? ['scenario'] : []), 'year', 'kind', 'id', ...names, 'value', 'unit'].map(csvCell).join(',')];
      for (const r of runs) {
        for (const series of table.series) {
          const labels = itemLabels(series);
          const columns = names.map((_, d) => series.dims.indexOf(d));
          table.years.forEach((year, t) => {
            labels.forEach((label, k) => {
              const items = columns.map((at) => (at < 0 ? '' : label[at]));
              const cells = [...(withRun ? [table.runs[r]] : []), year, series.kind, series.id, ...items, values[r][series.offset + t * series.size + k], series.unit];
              lines.push(cells.map(csvCell).join(','));
            });
          });
        }
      }
      return `${lines.join('\n')}\n`;
    }

    const runSlug = (r) => table.runs[r].toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    document.getElementById('csv-run').addEventListener('click', () => {
      const r = Number(runSelect.value);
      download(`${data.file}-${runSlug(r)}-results.csv`, 'text/csv', tidyCsv([r]));
    });
    const all = document.getElementById('csv-all');
    if (all) all.addEventListener('click', () => download(`${data.file}-results.csv`, 'text/csv', tidyCsv(table.runs.map((_, r) => r))));
  }

  for (const button of document.querySelectorAll('.download-svg')) {
    button.addEventListener('click', () => {
      const figure = button.closest('figure');
      const svg = figure.querySelector('svg');
      download(`${data.file}-${figure.dataset.file}.svg`, 'image/svg+xml', new XMLSerializer().serializeToString(svg));
    });
  }
  for (const button of document.querySelectorAll('.download-text')) {
    button.addEventListener('click', () => download(button.dataset.name, 'text/csv', data.files[button.dataset.key]));
  }

  // Printing shows what is folded away on screen.
  let folded = [];
  window.addEventListener('beforeprint', () => {
    folded = Array.from(document.querySelectorAll('details:not([open])'));
    for (const details of folded) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of folded) details.open = false;
  });

  if (data.sankey) setupSankey(data.sankey);
  if (data.table) setupTable(data.table);
  // Set once the page is drawn; the tests compare its number format with the figures'.
  window.metabolisReport = { formatQuantity };
})();
