/** Shared chart styling (kept apart from the chart component so pages import it without ECharts). */
export const axis = {
  line: { lineStyle: { color: '#d5d9e0' } },
  label: { color: '#5b6472', fontSize: 12 },
  split: { lineStyle: { color: '#eef0f3' } },
};
export const palette = ['#3451b2', '#17803d', '#d97706', '#b42318', '#7c3aed', '#0e7490', '#be185d', '#65a30d', '#5b6472', '#a16207'];
export const tooltipStyle = { backgroundColor: '#161a20', borderWidth: 0, textStyle: { color: '#fff', fontSize: 12 }, extraCssText: 'border-radius:8px;box-shadow:0 8px 24px rgb(0 0 0 / .18);' };
