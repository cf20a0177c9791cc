/// <reference types="office-js" />
/**
 * The layout model's charts as native Excel charts, their series bound to the
 * report's live ranges (never to pasted numbers), styled like the command
 * line's chart parts (src/cli/xlsx/write/chart-xml.ts).
 */
import type { Chart, Sheet } from '../../core/layout/model';
import { cellRef } from '../../core/layout/refs';
import { ALL_FEATURES, type Features } from './capabilities';

/** Charts the add-in writes are named so; the Charts button replaces the charts of the report's sheets. */
export const CHART_NAME = 'plan-report chart';

const TYPES = { bar: 'BarClustered', column: 'ColumnClustered', line: 'LineMarkers' } as const;

/** `'Sheet name'!$E$11:$E$13` -> sheet and address. */
export function splitRef(ref: string): { sheet: string; address: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), address: quoted[2].replace(/\$/g, '') };
  const i = ref.lastIndexOf('!');
  if (i < 1) throw new Error(`not a sheet reference: ${ref}`);
  return { sheet: ref.slice(0, i), address: ref.slice(i + 1).replace(/\$/g, '') };
}

function rangeOf(context: Excel.RequestContext, ref: string): Excel.Range {
  const { sheet, address } = splitRef(ref);
  return context.workbook.worksheets.getItem(sheet).getRange(address);
}

/** The number format of a chart's values and labels: the model's. */
export function chartNumberFormat(chart: Chart): string {
  return chart.numFmt;
}

/**
 * The model's number format on the value axis and the data labels, and
 * blanks as the model says: gaps, or spanned by the line (ExcelApi 1.8;
 * without it Excel's defaults: labels and axis in their cells' format,
 * blanks as gaps).
 */
function writeChartFormats(c: Excel.Chart, chart: Chart): void {
  const format = chartNumberFormat(chart);
  c.displayBlanksAs = chart.blanks === 'span' ? 'Interplotted' : 'NotPlotted';
  c.axes.valueAxis.numberFormat = format;
  if (chart.dataLabels) c.dataLabels.numberFormat = format;
}

/** Queues the sheet's charts (its data must be written, and every sheet they read must exist). */
export function writeCharts(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: Sheet, features: Features = ALL_FEATURES): void {
  (sheet.charts ?? []).forEach((chart, n) => {
    if (!chart.series.length) return;
    const c = ws.charts.add(TYPES[chart.kind], rangeOf(context, chart.series[0].values), 'Columns');
    c.name = `${CHART_NAME} ${n + 1}`;
    c.title.text = chart.title;
    c.title.visible = true;
    chart.series.forEach((s, i) => {
      const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
      series.name = s.name;
      series.setValues(rangeOf(context, s.values));
      series.setXAxisValues(rangeOf(context, s.categories));
      const color = `#${s.color}`;
      if (chart.kind === 'line') {
        const style = chart.lineStyles?.[i] ?? 'solid';
        series.format.line.color = color;
        series.format.line.lineStyle = style === 'dashed' ? 'Dash' : style === 'point' ? 'None' : 'Continuous';
        series.markerStyle = style === 'dashed' ? 'None' : style === 'point' ? 'Diamond' : 'Circle';
        if (style === 'point') {
          // A target: a large marker with its value above it.
          series.markerSize = 10;
          series.markerBackgroundColor = color;
          series.markerForegroundColor = color;
          series.hasDataLabels = true;
        }
      } else series.format.fill.setSolidColor(color);
    });
    if (chart.kind === 'bar') c.axes.categoryAxis.reversePlotOrder = true;
    if (chart.percent) {
      c.axes.valueAxis.minimum = 0;
      c.axes.valueAxis.maximum = 1;
    }
    if (chart.dataLabels) c.dataLabels.showValue = true;
    if (features.chartFormats) writeChartFormats(c, chart);
    c.legend.visible = chart.series.length > 1;
    if (chart.series.length > 1) c.legend.position = 'Bottom';
    c.setPosition(cellRef(chart.from.row, chart.from.col), cellRef(Math.max(chart.from.row, chart.to.row - 1), Math.max(chart.from.col, chart.to.col - 1)));
  });
}
