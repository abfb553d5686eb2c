export { registerSankey } from './sankeyCommand.js';
export { registerPlot } from './plotCommand.js';
export { writeRunFigures, type RunFigureOptions } from './runFigures.js';
